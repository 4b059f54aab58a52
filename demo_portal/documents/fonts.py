"""A TrueType font with Cyrillic for the PDFs: the portal embeds one that the system has.

Looked for in order: `MEDCARD_PDF_FONT` (a .ttf path; `MEDCARD_PDF_FONT_BOLD` for bold),
DejaVu Sans (Linux: Debian's fonts-dejavu-core, which .ci/run installs; also bundled
with matplotlib when that is installed), Liberation Sans, Arial (Windows, macOS), Noto
Sans. None found: `NoFont`, which the portal answers as a clear 503 OperationOutcome.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path


class NoFont(RuntimeError):
    """No font with Cyrillic letters on this machine."""


@dataclass(frozen=True)
class FontFiles:
    regular: Path
    bold: Path


def _candidates() -> list[tuple[Path, Path]]:
    pairs: list[tuple[Path, Path]] = []
    dirs = [
        Path("/usr/share/fonts/truetype/dejavu"),
        Path("/usr/share/fonts/dejavu"),
        Path("/usr/share/fonts/TTF"),
        Path("/usr/local/share/fonts"),
        Path.home() / ".local/share/fonts",
        Path("/Library/Fonts"),
    ]
    try:
        import matplotlib  # optional: it ships DejaVu Sans

        dirs.append(Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf")
    except ImportError:
        pass
    for folder in dirs:
        pairs.append((folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"))
    liberation = Path("/usr/share/fonts/truetype/liberation")
    pairs.append(
        (liberation / "LiberationSans-Regular.ttf", liberation / "LiberationSans-Bold.ttf")
    )
    windows = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
    pairs.append((windows / "arial.ttf", windows / "arialbd.ttf"))
    mac = Path("/System/Library/Fonts/Supplemental")
    pairs.append((mac / "Arial.ttf", mac / "Arial Bold.ttf"))
    noto = Path("/usr/share/fonts/truetype/noto")
    pairs.append((noto / "NotoSans-Regular.ttf", noto / "NotoSans-Bold.ttf"))
    return pairs


@cache
def find_font() -> FontFiles:
    chosen = os.environ.get("MEDCARD_PDF_FONT")
    if chosen:
        regular = Path(chosen)
        bold = Path(os.environ.get("MEDCARD_PDF_FONT_BOLD") or chosen)
        if regular.is_file() and bold.is_file():
            return FontFiles(regular, bold)
        raise NoFont(f"MEDCARD_PDF_FONT={chosen} is not a font file")
    for regular, bold in _candidates():
        if regular.is_file():
            return FontFiles(regular, bold if bold.is_file() else regular)
    raise NoFont(
        "No TrueType font with Cyrillic found (install fonts-dejavu-core, or set "
        "MEDCARD_PDF_FONT to a .ttf file)"
    )
