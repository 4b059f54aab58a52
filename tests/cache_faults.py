"""Faults of the machine around the cache, for tests: a disk that fills up."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from desktop.services.cache import Cache


def cache_pages(cache: Cache) -> int:
    with cache.read() as conn:
        return int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)


def fill_disk_after(cache: Cache, pages: int) -> None:
    """SQLite's own size limit on every connection of the cache: a write that would grow
    the file past `pages` more pages fails exactly like a full disk (SQLITE_FULL)."""
    limit = cache_pages(cache) + pages
    engine = cache._engine  # the environment is what is being faked here, not our code

    @event.listens_for(engine, "connect")
    def _limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit}")

    engine.dispose()  # pooled connections opened before the limit reconnect with it


def make_read_only(cache: Cache) -> Callable[[], None]:
    """Every write to the cache fails as on a disk gone read-only; returns the undo."""
    engine = cache._engine

    def _read_only(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(engine, "connect", _read_only)
    engine.dispose()

    def undo() -> None:
        event.remove(engine, "connect", _read_only)
        engine.dispose()

    return undo
