"""A disk that fills up during a sync: a clear typed error, nothing committed is lost,
and the next sync (with room again) ends with exactly the server's content."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cache_faults import fill_disk_after
from test_sync import cache_content, server_content, sign_in

from desktop.services.cache import Cache, CacheFull
from desktop.services.sync import SyncEngine


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
        fill_disk_after(cache, 40)  # room for a page or two, not for all
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
