"""Heavy libraries load when their feature is used, not when the card opens: pint (with
numpy, ~40 MB) for unit conversion, PDFium and the CMS parser for documents. The card tab
importing them had cost its benchmark ~50 MB of memory (issue 11: no benchmark gets worse)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import sys
import desktop.views.card
import desktop.models.formats
heavy = sorted(m for m in ("pint", "numpy", "pypdfium2", "asn1crypto") if m in sys.modules)
print(",".join(heavy))
"""


def test_the_card_tab_does_not_import_units_or_pdf_libraries() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHECK],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert done.stdout.strip() == ""
