"""Shared test set-up: an isolated keyring, profile and Qt platform for every run.

The keyring backend is chosen through keyring's standard PYTHON_KEYRING_BACKEND
variable and points at a file under a temporary XDG_DATA_HOME, so tests never touch
the real user keyring.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest

_SANDBOX = tempfile.mkdtemp(prefix="medcard-tests-")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_CACHE_HOME"] = os.path.join(_SANDBOX, "cache")
# A browser must never open during tests; flows that need one set BROWSER themselves.
os.environ["BROWSER"] = "false"


@pytest.fixture(scope="session")
def portal() -> Iterator[object]:
    """One embedded demo portal for the session (read-mostly tests)."""
    from demo_portal.embedded import DemoPortal

    with DemoPortal(access_token_ttl=3600) as p:
        yield p


@pytest.fixture
def fresh_portal(tmp_path) -> Iterator[object]:
    """A demo portal of the test's own, for tests that write or inject faults."""
    from demo_portal.embedded import DemoPortal

    with DemoPortal(db_path=tmp_path / "portal.db", access_token_ttl=3600) as p:
        yield p
