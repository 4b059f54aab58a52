#!/usr/bin/env python3
"""Two-command set-up: ``python3 run.py demo`` and ``python3 run.py test``.

``python3 run.py bench SCRIPT [ARGS]`` runs ``benchmarks/SCRIPT.py`` with the benchmark
extra (fhirpy) installed too.

Creates (or reuses) the virtual environment ``.venv/`` next to this file, installs
the project with its test extra when pyproject.toml changed since the last install,
then runs the app in demo mode or the whole test suite. Standard library only, so it
works on a fresh machine that has nothing but Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".medcard-installed"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def _requirements_digest(extras: str) -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()


def ensure_venv(extras: str = "test") -> None:
    if sys.version_info < (3, 11):
        sys.exit("Medcard needs Python 3.11 or newer")
    if not PY.exists():
        print("Creating .venv/ ...", flush=True)
        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    digest = _requirements_digest(extras)
    if STAMP.exists() and STAMP.read_text() in (digest, _requirements_digest("test,bench")):
        return  # (the benchmark extra includes the test one)
    print("Installing Medcard and its dependencies into .venv/ ...", flush=True)
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    subprocess.check_call([str(PY), "-m", "pip", "install", "-q", "-e", f"{ROOT}[{extras}]"])
    STAMP.write_text(digest)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"demo", "test", "app", "bench"} or argv == ["bench"]:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_venv("test,bench" if command == "bench" else "test")
    env = dict(os.environ)
    if command == "demo":
        args = [str(PY), "-m", "desktop", "--demo", *rest]
    elif command == "app":
        args = [str(PY), "-m", "desktop", *rest]
    elif command == "bench":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        script = rest[0] if rest[0].endswith(".py") else f"{rest[0]}.py"
        args = [str(PY), str(ROOT / "benchmarks" / script), *rest[1:]]
    else:
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        args = [str(PY), "-m", "pytest", *rest]
    return subprocess.call(args, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
