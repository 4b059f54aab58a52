"""A disk that fills up during a sync: a clear typed error, nothing committed is lost,
and the next sync (with room again) ends with exactly the server's content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from test_sync import cache_content, server_content, sign_in

from desktop.services.cache import Cache, CacheFull
from desktop.services.sync import SyncEngine


def _limit_file_size(cache: Cache, pages: int) -> None:
    """SQLite's own size limit on every connection of the cache: a write that would grow
    the file past it fails exactly like a full disk (SQLITE_FULL)."""
    engine = cache._engine  # the environment is what is being faked here, not our code

    @event.listens_for(engine, "connect")
    def _limit(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()  # pooled connections opened before the limit reconnect with it


def _pages(cache: Cache) -> int:
    with cache.read() as conn:
        return int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)


def test_a_full_disk_mid_sync_loses_nothing_and_the_next_sync_completes(
    fresh_portal: Any, tmp_path: Path
) -> None:
    from test_sync import _extra_observations

    fresh_portal.store.load(_extra_observations(3000))  # several pages to fill up on
    manager, account = sign_in(fresh_portal, tmp_path)
    patients = list(account.patient_ids)
    client = manager.client(account.id)
    path, key = tmp_path / "cache.db", Cache.new_key()
    with Cache.open(path, key) as cache:
        _limit_file_size(cache, _pages(cache) + 40)  # room for a page or two, not all
        with pytest.raises(CacheFull) as caught:
            SyncEngine(client, cache, patients, page_size=200).run()
        assert "disk is full" in caught.value.user_message
        expected = server_content(fresh_portal, patients)
    with Cache.open(path, key) as cache:  # what was committed before is intact
        partial = cache_content(cache)
        assert 0 < len(partial) < len(expected)
        assert all(expected.get(k) == v for k, v in partial.items())
        again = SyncEngine(client, cache, patients, page_size=200).run()
        assert cache_content(cache) == expected
        assert again.transferred > 0
