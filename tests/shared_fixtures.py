"""Where the team's shared fixtures are: the real Synthea FHIR R4 bundles.

They live in `shared/` beside the repository (CI lays a copy there); MEDCARD_SYNTHEA_DIR
overrides. Locally a missing folder skips the tests that need it; under CI it fails
them, so a lost fixture can never turn into a silently green run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

_ROOT = Path(__file__).resolve().parents[1]
_CANDIDATES = [
    os.environ.get("MEDCARD_SYNTHEA_DIR", ""),
    str(_ROOT.parent / "shared" / "fixtures" / "fhir-r4" / "synthea"),
    "/work/shared/fixtures/fhir-r4/synthea",
]
SYNTHEA_DIR: Path = next(
    (Path(c) for c in _CANDIDATES if c and Path(c).is_dir()), Path(_CANDIDATES[1])
)


def require_synthea() -> pytest.MarkDecorator:
    """Mark for tests that read the Synthea bundles."""
    if SYNTHEA_DIR.is_dir() or not os.environ.get("CI"):
        return pytest.mark.skipif(not SYNTHEA_DIR.is_dir(), reason="Synthea fixtures not present")
    raise RuntimeError(f"Synthea fixtures missing under CI (looked in {_CANDIDATES})")
