"""Sync against the embedded demo portal over loopback HTTP.

Includes interruption: a real `medcard sync` process killed with SIGKILL mid-run, and an
in-process type-search sync stopped between pages (so per-page watermarks are exercised).
"""

from __future__ import annotations

import gc
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from desktop.services.accounts import Account, AccountManager
from desktop.services.cache import Cache, TimelineFilter
from desktop.services.cache.schema import PATIENT_TABLES
from desktop.services.profile import Profile
from desktop.services.secrets import KeyringSecretStore, MemorySecretStore
from desktop.services.sync import CARD_TYPES, SyncCancelled, SyncEngine, SyncProgress

FAMILY = "family@demo.medcard"
ROOT = Path(__file__).resolve().parents[2]
MODES = pytest.mark.parametrize("everything", [True, False], ids=["everything", "type-search"])


def browser_for(email: str, password: str = "demo1234") -> Callable[[str], str]:
    """Plays the user's browser: logs in and consents on the demo portal's pages."""
    from demo_portal import autologin

    return lambda url: autologin.follow(url, email, password)


def server_content(
    portal: object, patients: list[str], everything: bool = True
) -> dict[tuple[str, str], str]:
    """(type, id) -> version of every patient-compartment resource the user may read;
    without `everything`, of the card's types (what type searches fetch: an issued
    document's Binary, for one, has no patient search)."""
    marks = ",".join("?" * len(patients))
    with portal.store.engine.connect() as conn:  # type: ignore[attr-defined]
        rows = conn.exec_driver_sql(
            f"SELECT rtype, rid, version FROM resources WHERE patient_id IN ({marks})",
            tuple(patients),
        ).all()
    return {(t, i): str(v) for t, i, v in rows if everything or t in CARD_TYPES}


def cache_content(cache: Cache) -> dict[tuple[str, str], str]:
    with cache.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT type, id, version_id FROM resources WHERE patient_id IS NOT NULL"
        ).all()
    return {(t, i): str(v) for t, i, v in rows}


def sign_in(portal: object, tmp_path: Path) -> tuple[AccountManager, Account]:
    from desktop.services.profile import Profile
    from desktop.services.secrets import MemorySecretStore

    manager = AccountManager(Profile(tmp_path / "profile"), MemorySecretStore())
    account = manager.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)  # type: ignore[attr-defined]
    return manager, account


@MODES
def test_full_sync_matches_server_and_resync_transfers_nothing(
    portal: object, tmp_path: Path, cache: Cache, everything: bool
) -> None:
    manager, account = sign_in(portal, tmp_path)
    patients = list(account.patient_ids)
    client = manager.client(account.id)
    seen: list[SyncProgress] = []
    first = SyncEngine(
        client, cache, patients, progress=seen.append, use_everything=everything, page_size=200
    ).run()
    expected = server_content(portal, patients, everything)
    assert cache_content(cache) == expected
    assert first.transferred >= len(expected)
    per_type: dict[str, int] = {}
    for rtype, _ in expected:
        per_type[rtype] = per_type.get(rtype, 0) + 1
    assert {k: v for k, v in first.counts.items() if k in per_type} == per_type
    # progress: monotonic overall counter reaching everything transferred, with totals
    overall = [p.overall_done for p in seen]
    assert overall == sorted(overall)
    assert len(expected) <= overall[-1] <= first.transferred  # + shared doctors/clinics
    assert all(p.total is not None for p in seen)
    # the card is usable: names resolved from the directory, labs searchable in Russian
    me = patients[0]
    assert cache.card.count(me) > 0
    collector = gc.get_threshold()
    again = SyncEngine(client, cache, patients, use_everything=everything).run()
    assert again.transferred == 0
    assert gc.get_threshold() == collector  # the sync's GC tuning is undone
    assert cache_content(cache) == expected


@MODES
def test_an_update_on_the_portal_replaces_the_cached_version(
    fresh_portal: object, tmp_path: Path, cache: Cache, everything: bool
) -> None:
    manager, account = sign_in(fresh_portal, tmp_path)
    patients = list(account.patient_ids)
    client = manager.client(account.id)
    SyncEngine(client, cache, patients, use_everything=everything).run()
    store = fresh_portal.store  # type: ignore[attr-defined]
    with store.engine.connect() as conn:
        rtype, rid = conn.exec_driver_sql(
            "SELECT rtype, rid FROM resources WHERE rtype = 'Encounter' AND patient_id = ?"
            " ORDER BY rid LIMIT 1",
            (patients[0],),
        ).one()
    encounter = store.get(rtype, rid)
    encounter["type"] = [{"text": "Консультация гастроэнтеролога (исправлено)"}]
    store.update(encounter)
    result = SyncEngine(client, cache, patients, use_everything=everything).run()
    assert result.transferred == 1
    assert cache_content(cache) == server_content(fresh_portal, patients, everything)
    rows = cache.card.page(patients[0], TimelineFilter(text="гастроэнтер исправ"), 0, 10)
    assert [(r.resource_type, r.resource_id) for r in rows] == [(rtype, rid)]
    assert cache.card.count(patients[0], TimelineFilter(kinds=frozenset({"visit"}))) == len(
        [k for k in server_content(fresh_portal, patients[:1]) if k[0] == "Encounter"]
    )


def test_access_removed_deletes_the_patient_everywhere(
    fresh_portal: object, tmp_path: Path, cache: Cache
) -> None:
    manager, account = sign_in(fresh_portal, tmp_path)
    me, child = account.patient_ids[0], account.patient_ids[1]
    client = manager.client(account.id)
    SyncEngine(client, cache, list(account.patient_ids)).run()
    assert child in cache.patients()
    fresh_portal.store.revoke_access(FAMILY, child)  # type: ignore[attr-defined]
    tokens = manager.token_manager(account.id).refresh()
    assert child not in tokens.patients
    SyncEngine(client, cache, list(tokens.patients)).run()
    assert cache.patients() == [me]
    with cache.read() as conn:
        for table in PATIENT_TABLES:
            left = conn.execute(table.select().where(table.c.patient_id == child)).all()
            assert left == [], table.name
    assert cache_content(cache) == server_content(fresh_portal, [me])


def test_token_expiring_mid_sync_is_renewed(tmp_path: Path, cache: Cache) -> None:
    import time

    from demo_portal.embedded import DemoPortal

    with DemoPortal(db_path=tmp_path / "portal.db", access_token_ttl=2) as short:
        manager, account = sign_in(short, tmp_path)
        patients = list(account.patient_ids)
        slept: list[bool] = []

        def slow(progress: SyncProgress) -> None:
            if not slept:  # outlive the access token once, between two pages
                slept.append(True)
                time.sleep(2.5)

        before = manager.token_manager(account.id).tokens().access_token
        SyncEngine(
            manager.client(account.id),
            cache,
            patients,
            progress=slow,
            use_everything=False,
            page_size=100,
        ).run()
        assert cache_content(cache) == server_content(short, patients, everything=False)
        assert manager.token_manager(account.id).tokens().access_token != before


# -- interrupted syncs resume to exactly the server's content ----------------------------


def _extra_observations(n: int) -> list[dict]:
    """Home glucose readings for the main patient, to make a sync take a while."""
    return [
        {
            "resourceType": "Observation",
            "id": f"bulk-{i}",
            "status": "final",
            "subject": {"reference": "Patient/ivanov-sergey"},
            "category": [{"coding": [{"code": "laboratory"}]}],
            "code": {
                "coding": [{"system": "http://loinc.org", "code": "2339-0"}],
                "text": "Глюкоза",
            },
            "effectiveDateTime": f"20{10 + i % 15:02d}-01-01T08:{i % 60:02d}:00Z",
            "valueQuantity": {"value": 4 + (i % 30) / 10, "unit": "ммоль/л"},
            "meta": {"lastUpdated": "2026-01-01T00:00:00Z"},
        }
        for i in range(n)
    ]


def _no_duplicates(cache: Cache) -> None:
    with cache.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT (SELECT count(*) FROM timeline),"
            " (SELECT count(DISTINCT resource_type || '/' || resource_id) FROM timeline),"
            " (SELECT count(*) FROM observations),"
            " (SELECT count(DISTINCT resource_id || '#' || component) FROM observations)"
        ).one()
    assert rows[0] == rows[1] and rows[2] == rows[3]


def test_kill_9_of_medcard_sync_then_resume_gives_exact_content(tmp_path: Path) -> None:
    from demo_portal.embedded import DemoPortal

    with DemoPortal(db_path=tmp_path / "portal.db") as portal:
        # Several pages, each after the first answered late, so the poller below sees a
        # partial cache long before the last commit however fast the sync writes.
        portal.store.load(_extra_observations(12000))
        portal.faults.slow(0.3, count=100, path_contains="_page=")
        manager = AccountManager(Profile(tmp_path / "profile"), KeyringSecretStore())
        account = manager.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)
        command = [
            sys.executable,
            "-m",
            "desktop.services.cli",
            "sync",
            "--profile",
            str(tmp_path / "profile"),
            "--json",
        ]
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        path, key = manager.cache_path(account.id), manager.cache_key(account.id)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and process.poll() is None:
                if path.exists():
                    with Cache.open(path, key) as peek:
                        if sum(peek.counts().values()) > 0:
                            break  # at least one page committed, more to come
                time.sleep(0.02)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait(timeout=30)
            process.stdout.close()  # type: ignore[union-attr]
            process.stderr.close()  # type: ignore[union-attr]
        assert process.returncode == -signal.SIGKILL, "the sync ended before it was killed"
        with Cache.open(path, key) as cache:
            partial = cache_content(cache)
        expected = server_content(portal, list(account.patient_ids))
        assert 0 < len(partial) < len(expected)
        portal.faults.clear()

        done = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120, check=True)
        summary = json.loads(done.stdout)
        assert set(summary) == {"counts", "transferred", "skipped", "seconds"}
        assert summary["skipped"] == 0
        assert 0 < summary["transferred"] <= len(expected) + 50  # + shared doctors/clinics
        assert summary["counts"]["Observation"] == sum(1 for t, _ in expected if t == "Observation")
        with Cache.open(path, key) as cache:
            assert cache_content(cache) == expected
            _no_duplicates(cache)
            assert cache.labs.series("ivanov-sergey", "2339-0")


def test_type_search_sync_stopped_between_pages_resumes_from_its_watermarks(
    fresh_portal: object, tmp_path: Path
) -> None:
    fresh_portal.store.load(_extra_observations(700))  # type: ignore[attr-defined]
    manager = AccountManager(Profile(tmp_path / "profile"), MemorySecretStore())
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)  # type: ignore[attr-defined]
    patients = list(account.patient_ids)
    client = manager.client(account.id)
    stop = threading.Event()

    def stop_after_some(progress: SyncProgress) -> None:
        if "Observation" in progress.resource_type and progress.done >= 300:
            stop.set()

    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        with pytest.raises(SyncCancelled):
            SyncEngine(
                client,
                cache,
                patients,
                progress=stop_after_some,
                cancel=stop,
                use_everything=False,
                workers=1,
                page_size=100,
            ).run()
        first = len(cache_content(cache))
        expected = server_content(fresh_portal, patients, everything=False)
        assert first < len(expected)
        resumed = SyncEngine(client, cache, patients, use_everything=False, page_size=100).run()
        assert cache_content(cache) == expected
        # the committed pages were not fetched again
        assert resumed.transferred < len(expected)
        _no_duplicates(cache)


def test_malformed_page_fails_clearly_and_the_next_sync_completes(
    fresh_portal: object, tmp_path: Path
) -> None:
    from desktop.services.errors import MalformedAnswer

    manager, account = sign_in(fresh_portal, tmp_path)
    patients = list(account.patient_ids)
    client = manager.client(account.id)
    fresh_portal.faults.add(  # type: ignore[attr-defined]
        count=1, path_contains="/Observation", body=b"<html>oops</html>", status=200
    )
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        with pytest.raises(MalformedAnswer) as caught:
            SyncEngine(client, cache, patients, use_everything=False).run()
        assert caught.value.user_message
        SyncEngine(client, cache, patients, use_everything=False).run()
        assert cache_content(cache) == server_content(fresh_portal, patients, everything=False)


def test_an_entry_without_a_resource_is_skipped_and_counted(
    fresh_portal: object, tmp_path: Path
) -> None:
    manager, account = sign_in(fresh_portal, tmp_path)
    patients = list(account.patient_ids)
    client = manager.client(account.id)
    page = b'{"resourceType": "Bundle", "entry": [{"nothing": 1}, 7, {"resource": []}]}'
    fresh_portal.faults.add(count=1, path_contains="/Observation", body=page, status=200)  # type: ignore[attr-defined]
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        first = SyncEngine(client, cache, patients, use_everything=False).run()
        assert first.skipped == 3
        again = SyncEngine(client, cache, patients, use_everything=False).run()
        assert again.skipped == 0
        assert cache_content(cache) == server_content(fresh_portal, patients, everything=False)


def _projection_snapshot(cache: Cache) -> dict[str, list[tuple]]:
    """Every projected row, without row ids (they depend on arrival order)."""
    queries = {
        "timeline": "SELECT patient_id, kind, date, title, summary, doctor, doctor_id, clinic,"
        " clinic_id, abnormal, resource_type, resource_id FROM timeline",
        "observations": "SELECT patient_id, resource_id, component, code, time, value, unit,"
        " ref_low, ref_high, interpretation, category, self_measured FROM observations",
        "links": "SELECT * FROM links",
        "directory": "SELECT * FROM directory",
    }
    with cache.read() as conn:
        return {
            name: sorted(map(tuple, conn.exec_driver_sql(sql).all()), key=repr)
            for name, sql in queries.items()
        }


def test_small_pages_in_any_order_project_exactly_like_one_batch(
    portal: object, tmp_path: Path
) -> None:
    """Reports before or after their results, visits before or after their protocols:
    the card comes out the same as when everything arrives at once."""
    manager, account = sign_in(portal, tmp_path)
    patients = list(account.patient_ids)
    client = manager.client(account.id)
    with Cache.open(tmp_path / "paged.db", Cache.new_key()) as paged:
        SyncEngine(client, paged, patients, use_everything=False, page_size=37).run()
        with paged.read() as conn:
            everything = [
                orjson.loads(r[0]) for r in conn.exec_driver_sql("SELECT json FROM resources").all()
            ]
        with Cache.open(tmp_path / "whole.db", Cache.new_key()) as whole:
            whole.ingest(everything)
            assert _projection_snapshot(paged) == _projection_snapshot(whole)
