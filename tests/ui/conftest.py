"""Fixtures for the UI tests: a real SQLCipher cache holding the demo family's card.

`card_cache` stores the demo generator's resources through the cache's own ingest path
(the same projection code a sync uses); end-to-end tests sign in to the embedded demo
portal and sync through the real services instead (see test_window.py).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.services.cache import Cache

CACHE_KEY = "00" * 32
TODAY = dt.date(2026, 11, 25)  # fixed, so counts do not drift with the calendar
MAIN = "ivanov-sergey"
CHILD = "ivanova-masha"


@pytest.fixture(scope="session")
def card_cache_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache file per session with the demo dataset (read-only for tests)."""
    from demo_portal.datagen import generate

    path = tmp_path_factory.mktemp("card-cache") / "cache.db"
    with Cache.open(path, CACHE_KEY) as cache:
        cache.ingest(generate(seed=42, scale=0, today=TODAY).resources)
    return path


@pytest.fixture
def card_cache(card_cache_file: Path, tmp_path: Path) -> Iterator[Cache]:
    """A private copy of the session cache, so a test may write without side effects."""
    copy = tmp_path / "cache.db"
    shutil.copy(card_cache_file, copy)
    cache = Cache.open(copy, CACHE_KEY)
    yield cache
    cache.close()
