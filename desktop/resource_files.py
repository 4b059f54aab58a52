"""Where the files of `resources/` (translations, stylesheet, icons) are at run time.

The folder sits at the top of the source tree (DESIGN.md); wheels and bundles carry it
inside the package as `desktop/resources/` (setup.py maps it, installer/medcard.spec
copies it), so an installed or bundled app finds it beside this module and a source
checkout one level up.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "resources"
_SOURCE_TREE = Path(__file__).resolve().parents[1] / "resources"
RESOURCES_DIR = _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE


def resource_path(*parts: str) -> Path:
    """A file or folder under resources/, e.g. resource_path("qss", "medcard.qss")."""
    return RESOURCES_DIR.joinpath(*parts)
