"""Render medcard.svg to the PNG sizes desktops ask for, plus .ico (Windows) and .icns (macOS).

Run after editing the SVG: `.venv/bin/python resources/icons/render.py`. The renders are
committed so that neither the app nor a build needs an SVG renderer or Pillow: the window
icon is built from the PNGs, PyInstaller takes the .ico/.icns as they are.

Both containers hold PNG images: Windows Vista and later read PNG entries in an .ico, and
macOS 10.7 and later read PNG in every icns type written here.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "medcard.svg"
# hicolor theme sizes on Linux, the ICO set on Windows, the icns set on macOS.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns types that hold a PNG of that many pixels (ic10 is 512@2x, so 1024).
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256))
ICNS_TYPES += ((b"ic09", 512), (b"ic10", 1024))


def png_name(size: int) -> str:
    return f"medcard-{size}.png"


def render_png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR + one ICONDIRENTRY per size, each pointing at a PNG stream."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in pngs.items():
        side = 0 if size >= 256 else size  # 0 means 256 in the format
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs: dict[bytes, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in pngs.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # QSvgRenderer needs a Gui application  # noqa: F841
    cache = {
        size: render_png(size) for size in {*PNG_SIZES, *ICO_SIZES, *(s for _, s in ICNS_TYPES)}
    }
    for size in PNG_SIZES:
        (HERE / png_name(size)).write_bytes(cache[size])
    (HERE / "medcard.ico").write_bytes(ico({size: cache[size] for size in ICO_SIZES}))
    (HERE / "medcard.icns").write_bytes(icns({kind: cache[size] for kind, size in ICNS_TYPES}))
    print(f"rendered {len(PNG_SIZES)} PNGs, medcard.ico and medcard.icns into {HERE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
