"""`medcard --demo --screenshot`: the real entry point in a subprocess (its own QApplication)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def run_medcard(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_demo_screenshot_in_russian(tmp_path):
    target = tmp_path / "card.png"
    done = run_medcard(
        "--demo", "--screenshot", str(target), "--tab", "card", "--lang", "ru", "--size", "1024x700"
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 700)
    assert "Traceback" not in done.stderr


def test_bad_size_is_a_clear_error(tmp_path):
    done = run_medcard("--screenshot", str(tmp_path / "x.png"), "--size", "big")
    assert done.returncode == 2
    assert "WxH" in done.stderr and "Traceback" not in done.stderr


def test_cli_subcommands_do_not_start_qt(tmp_path):
    done = run_medcard("accounts", "--profile", str(tmp_path / "p"), "--json")
    assert done.returncode == 0, done.stderr
    assert '"accounts": []' in done.stdout.replace('"accounts":[]', '"accounts": []')
