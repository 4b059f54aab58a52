"""The fuzzing of issue 15 at full strength, outside CI: 10 000 cases by default.

    python benchmarks/fuzz_cache.py [--examples 10000]

Runs tests/services/test_fuzz_cache.py with MEDCARD_FUZZ_EXAMPLES (the suite runs 300) and
prints what the cases ended in: pages fed, records stored, skipped as unreadable and shown
on the card, typed errors (page and HTTP level). A traceback fails the run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    report = Path(tempfile.mkdtemp(prefix="medcard-fuzz-")) / "report.json"
    env = {
        **os.environ,
        "MEDCARD_FUZZ_EXAMPLES": str(args.examples),
        "MEDCARD_FUZZ_REPORT": str(report),
        "QT_QPA_PLATFORM": "offscreen",
    }
    started = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "tests/services/test_fuzz_cache.py",
            "-q",
            "-p",
            "no:logging",
            "--timeout=0",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
    )
    seconds = time.monotonic() - started
    outcome = orjson.loads(report.read_bytes()) if report.exists() else {}
    print(f"{args.examples} cases per test, {seconds:.0f} s, exit {done.returncode}")
    for name, count in sorted(outcome.items()):
        print(f"  {name}: {count}")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
