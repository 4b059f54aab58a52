"""Time from starting Medcard to its first drawn window, as a person launching it waits.

Starts the given command (default: this checkout's `python -m desktop --demo`) with
`--quit-after-first-window` several times and measures, from the outside, the wall time
from spawning the process to the line "first window shown" (printed right after the
window's first full paint), so interpreter start, a bundle's unpacking, imports and
building the window all count and the shutdown after it does not. The first run warms
the disk cache and is not counted ("warm" start).

    .venv/bin/python benchmarks/first_window.py                      # the source tree
    .venv/bin/python benchmarks/first_window.py -- dist/Medcard/medcard --demo   # a bundle
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

MARKER = "first window shown"


def time_to_first_window(command: list[str], env: dict[str, str], timeout: float) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--quit-after-first-window"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if MARKER in line:
                return time.perf_counter() - started
            if time.perf_counter() - started > timeout:
                break
        raise RuntimeError(f"{command[0]} exited or timed out without {MARKER!r}")
    finally:
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=7, help="counted runs (default 7)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per run")
    parser.add_argument("command", nargs="*", help="the app command (after --)")
    args = parser.parse_args(argv)
    command = args.command or [sys.executable, "-m", "desktop", "--demo"]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    time_to_first_window(command, env, args.timeout)  # warm-up, not counted
    times = [time_to_first_window(command, env, args.timeout) for _ in range(args.runs)]
    print(
        f"first window: median {statistics.median(times):.2f} s, "
        f"min {min(times):.2f} s, max {max(times):.2f} s over {len(times)} runs "
        f"({' '.join(command)})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
