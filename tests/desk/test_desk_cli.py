"""`medcard --demo --desk --screenshot`: the desk's own start through the real entry point,
in a subprocess (its own QApplication), on a small clinic screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_demo_desk_screenshot_on_a_small_screen_in_russian(tmp_path):
    target = tmp_path / "desk.png"
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--demo", "--desk", "--screenshot", str(target)]
        + ["--tab", "desk", "--lang", "ru", "--size", "1024x640"],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1024, 640)
