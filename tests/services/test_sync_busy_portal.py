"""A busy portal slows every stream of a parallel sync, and one that refuses parallel
requests still syncs (issue 19): the client's throttle, over loopback HTTP."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from desktop.services.accounts import AccountManager
from desktop.services.cache import Cache
from desktop.services.portal.throttle import RECOVER_AFTER, Throttle
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.services.sync import SyncEngine

FAMILY = "family@demo.medcard"


def _server_content(portal: object, patients: list[str]) -> dict[tuple[str, str], str]:
    marks = ",".join("?" * len(patients))
    with portal.store.engine.connect() as conn:  # type: ignore[attr-defined]
        rows = conn.exec_driver_sql(
            f"SELECT rtype, rid, version FROM resources WHERE patient_id IN ({marks})",
            tuple(patients),
        ).all()
    return {(t, i): str(v) for t, i, v in rows}


def _cache_content(cache: Cache) -> dict[tuple[str, str], str]:
    with cache.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT type, id, version_id FROM resources WHERE patient_id IS NOT NULL"
        ).all()
    return {(t, i): str(v) for t, i, v in rows}


def _signed_in(portal: object, tmp_path: Path) -> tuple[AccountManager, object]:
    from demo_portal.autologin import follow

    manager = AccountManager(Profile(tmp_path / "profile"), MemorySecretStore())
    account = manager.sign_in(
        portal.base_url,  # type: ignore[attr-defined]
        open_url=lambda url: follow(url, FAMILY, "demo1234"),
        timeout=30,
    )
    return manager, account


def test_a_portal_that_serves_one_request_at_a_time_still_syncs_exactly(
    fresh_portal: object, tmp_path: Path
) -> None:
    manager, account = _signed_in(fresh_portal, tmp_path)
    patients = list(account.patient_ids)  # type: ignore[attr-defined]
    fresh_portal.faults.one_at_a_time(status=429, retry_after=1)  # type: ignore[attr-defined]
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        client = manager.client(account.id)  # type: ignore[attr-defined]
        SyncEngine(client, cache, patients, page_size=100).run()
        assert _cache_content(cache) == _server_content(fresh_portal, patients)
    # No storm: after the first burst, about one refusal per RECOVER_AFTER requests.
    refused = fresh_portal.faults.refused_parallel  # type: ignore[attr-defined]
    assert refused < 40, refused  # (none at all if the streams happened never to overlap)


def test_a_retry_after_pauses_every_request_of_the_client() -> None:
    throttle = Throttle(4)
    assert throttle.acquire(1)
    throttle.busy(0.3)  # told by one answer
    assert throttle.limit == 2
    started = time.monotonic()
    got: list[float] = []

    def other_stream() -> None:
        if throttle.acquire(5):
            got.append(time.monotonic() - started)
            throttle.release()

    worker = threading.Thread(target=other_stream)
    worker.start()
    worker.join(5)
    throttle.release()
    assert got and got[0] >= 0.25  # the other stream waited for the pause too
    for _ in range(RECOVER_AFTER * 2):
        throttle.succeeded()
    assert throttle.limit == 4  # successes give the parallel requests back


def test_a_portal_without_everything_syncs_the_card_by_type_searches(
    fresh_portal: object, tmp_path: Path
) -> None:
    """No $everything in the CapabilityStatement: the small card types are searched (a
    few at once) instead of the one $everything run."""
    import orjson

    from desktop.services.sync import CARD_TYPES

    manager, account = _signed_in(fresh_portal, tmp_path)
    patients = list(account.patient_ids)  # type: ignore[attr-defined]
    statement = {"resourceType": "CapabilityStatement", "status": "active", "kind": "instance"}
    fresh_portal.faults.add(  # type: ignore[attr-defined]
        status=200, body=orjson.dumps(statement), path_contains="/metadata", count=100
    )
    # ... and the operation really is not there (the app tries it without asking first).
    fresh_portal.faults.add(  # type: ignore[attr-defined]
        status=404, path_contains="$everything", count=100
    )
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        client = manager.client(account.id)  # type: ignore[attr-defined]
        SyncEngine(client, cache, patients, page_size=100).run()
        expected = {
            key: version
            for key, version in _server_content(fresh_portal, patients).items()
            if key[0] in CARD_TYPES
        }
        assert _cache_content(cache) == expected
        again = SyncEngine(client, cache, patients).run()
        assert again.transferred == 0
