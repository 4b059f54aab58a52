"""Refresh the translation catalogues: `python resources/translations/update.py`.

1. Collects the `N_("...")` strings (Qt-free code, context "medcard") into a
   temporary Python file of `QCoreApplication.translate("medcard", ...)` calls, because
   lupdate does not know our N_ marker.
2. Runs `pyside6-lupdate` over desktop/ (views, models, app) and that file, merging into
   `medcard_ru.ts` and `medcard_en.ts` (existing translations are kept).
3. Runs `pyside6-lrelease` to compile the .qm files the app loads at runtime.

The .ts files are the source of truth for translations (edit them with pyside6-linguist).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LANGUAGES = ("ru", "en")


def tool(name: str) -> str:
    """pyside6-lupdate / -lrelease next to the running interpreter (the venv), or on PATH."""
    candidate = Path(sys.executable).parent / name
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials into the venv")
    return found


def service_strings() -> list[str]:
    """Every literal passed to N_() under desktop/ (the services, and the few Qt-side
    tables of messages that are formatted after translation), in a stable order."""
    found: dict[str, None] = {}
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "N_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = None
    return list(found)


def qt_sources() -> list[str]:
    # Everything but the Qt-free services (their N_ strings come from service_strings);
    # views/services and models/services are Qt code like any other tab's.
    qt_free = ROOT / "desktop" / "services"
    sources = [p for p in (ROOT / "desktop").rglob("*.py") if not p.is_relative_to(qt_free)]
    return [str(p) for p in sorted(sources)]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="medcard-i18n-") as tmp:
        stub = Path(tmp) / "service_strings.py"
        lines = ["from PySide6.QtCore import QCoreApplication", ""]
        lines += [f'QCoreApplication.translate("medcard", {s!r})' for s in service_strings()]
        stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
        ts_files = [str(HERE / f"medcard_{lang}.ts") for lang in LANGUAGES]
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-locations",
                "none",
                "-no-obsolete",  # the .ts files are the one source: no stale entries
                *qt_sources(),
                str(stub),
                "-ts",
                *ts_files,
            ],
            check=True,
        )
    for lang in LANGUAGES:
        ts = HERE / f"medcard_{lang}.ts"
        subprocess.run(
            [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
