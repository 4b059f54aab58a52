"""The pieces of installer/smoke_test.py that decide pass or fail: the clean environment
and the pixel comparison (the smoke test itself runs on a built bundle, in .ci/run)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("smoke_test", ROOT / "installer" / "smoke_test.py")
assert _spec is not None and _spec.loader is not None
smoke_test = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = smoke_test  # its dataclass looks itself up there
_spec.loader.exec_module(smoke_test)


def _png(path: Path, size: tuple[int, int], changed: int = 0) -> Path:
    image = QImage(*size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    for i in range(changed):  # a run of pixels, like the header's clock changing
        image.setPixelColor(10 + i % 40, 10 + i // 40, QColor("black"))
    assert image.save(str(path))
    return path


def test_identical_screenshots_differ_in_no_pixel(tmp_path):
    a = _png(tmp_path / "a.png", (320, 200))
    b = _png(tmp_path / "b.png", (320, 200))
    assert smoke_test.different_pixels(a, b) == (0, "identical")


def test_differing_pixels_are_counted_and_located(tmp_path):
    a = _png(tmp_path / "a.png", (320, 200))
    b = _png(tmp_path / "b.png", (320, 200), changed=47)
    count, note = smoke_test.different_pixels(a, b)
    assert count == 47
    assert "x 10-49, y 10-11" in note


def test_a_different_size_fails_whatever_the_pixels(tmp_path):
    a = _png(tmp_path / "a.png", (320, 200))
    b = _png(tmp_path / "b.png", (320, 201))
    count, note = smoke_test.different_pixels(a, b)
    assert count > smoke_test.MAX_DIFFERENT_PIXELS
    assert "320x200 vs 320x201" in note


def test_the_clean_environment_hides_the_project_and_its_venv(tmp_path, monkeypatch):
    venv_bin = ROOT / ".venv" / "bin"
    monkeypatch.setenv("PATH", os.pathsep.join([str(venv_bin), "/usr/bin", "/bin"]))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    monkeypatch.setenv("VIRTUAL_ENV", str(ROOT / ".venv"))

    env = smoke_test.clean_environment(tmp_path)

    assert str(venv_bin) not in env["PATH"].split(os.pathsep)
    assert "/usr/bin" in env["PATH"].split(os.pathsep)
    assert "PYTHONPATH" not in env and "VIRTUAL_ENV" not in env
    assert env["HOME"] == str(tmp_path)
    assert env["QT_QPA_PLATFORM"] == "offscreen"
