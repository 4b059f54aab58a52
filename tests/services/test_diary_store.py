"""Diary writes end to end: the embedded demo portal over loopback HTTP, a real SQLCipher
cache. Every outcome is checked on the portal's side (portal.store) as well."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import insert

from demo_portal.embedded import DemoPortal
from desktop.services.accounts import AccountManager
from desktop.services.cache import Cache
from desktop.services.cache.schema import outbox
from desktop.services.diary import csv_import as diary_import
from desktop.services.diary import entries as diary
from desktop.services.diary.entries import DiaryEntry, DiaryKind
from desktop.services.diary.store import PENDING, SENT, DiaryStore, NotOwnEntry
from desktop.services.errors import AccessDenied, Conflict
from desktop.services.portal.transport import RetryPolicy
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore

SERGEY = "ivanov-sergey"


def browser_for(email: str):  # noqa: ANN201 - plays the browser's part of SMART sign-in
    from demo_portal import autologin

    return lambda url: autologin.follow(url, email, "demo1234")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    home = tmp_path_factory.mktemp("diary")
    portal = DemoPortal(db_path=home / "portal.db", access_token_ttl=3600).start()
    accounts = AccountManager(Profile(home / "profile"), MemorySecretStore())
    account = accounts.sign_in(
        portal.base_url, open_url=browser_for("family@demo.medcard"), timeout=30
    )
    client = accounts.client(account.id)
    client.retry = RetryPolicy(attempts=2, base_delay=0.02)  # offline tests stay quick
    yield {"portal": portal, "client": client, "home": home}
    client.close()
    portal.stop()


@pytest.fixture
def store(world: dict[str, Any], tmp_path: Path) -> Iterator[DiaryStore]:
    cache = Cache.open(tmp_path / "cache.db", Cache.new_key())
    yield DiaryStore(world["client"], cache)
    cache.close()


def on_portal(world: dict[str, Any], identifier: str) -> list[dict[str, Any]]:
    found = world["portal"].store.search(
        "Observation", where={"identifier": f"{diary.DIARY_IDENTIFIER_SYSTEM}|{identifier}"}
    )
    return list(found)


def entry(**values: float) -> DiaryEntry:
    kind = DiaryKind.BLOOD_PRESSURE if "systolic" in values else DiaryKind.PULSE
    return DiaryEntry(kind, datetime.now(UTC) - timedelta(hours=1), values, note="утро")


def test_save_lands_on_the_portal_once_and_in_the_cache(world, store):
    new = entry(systolic=138, diastolic=86)
    outcome = store.save(new, SERGEY)
    assert outcome.sent and outcome.resource is not None
    saved = on_portal(world, new.identifier)
    assert len(saved) == 1
    assert saved[0]["performer"] == [{"reference": f"Patient/{SERGEY}"}]
    assert diary.is_self_measured(saved[0])
    # A replay (retry after a lost answer, second click) finds the same Observation.
    again = store.save(new, SERGEY)
    assert again.resource["id"] == outcome.resource["id"]
    assert len(on_portal(world, new.identifier)) == 1
    records = store.records(SERGEY)
    assert [(r.entry.identifier, r.state) for r in records] == [(new.identifier, SENT)]
    assert records[0].entry.values == {"systolic": 138, "diastolic": 86}
    assert store.pending_count() == 0


def test_implausible_entry_is_refused_before_anything_is_sent(world, store):
    bad = entry(systolic=400, diastolic=20)
    with pytest.raises(diary.DiaryValidationError) as err:
        store.save(bad, SERGEY)
    assert {p.field for p in err.value.problems} == {"systolic", "diastolic"}
    assert on_portal(world, bad.identifier) == []
    assert store.pending_count() == 0


def test_edit_and_delete_own_entry(world, store):
    new = entry(pulse=70)
    sent = store.save(new, SERGEY).resource
    assert sent is not None
    own = diary.entry_from_observation(sent)
    assert own is not None
    changed = store.update(replace(own, values={"pulse": 74}, note="после лестницы"), SERGEY)
    server = world["portal"].store.get("Observation", sent["id"])
    assert server["valueQuantity"]["value"] == 74
    assert server["note"] == [{"text": "после лестницы"}]
    assert server["meta"]["versionId"] != sent["meta"]["versionId"]
    # The old version no longer matches: a stale edit is refused, not silently applied.
    with pytest.raises(Conflict):
        store.update(replace(own, values={"pulse": 99}), SERGEY)
    assert changed.resource is not None
    latest = diary.entry_from_observation(changed.resource)
    assert latest is not None
    store.delete(latest, SERGEY)
    assert world["portal"].store.get("Observation", sent["id"]) is None
    assert store.records(SERGEY) == []


def test_clinic_observations_cannot_be_changed(world, store):
    clinic = next(
        o
        for o in world["portal"].store.search("Observation", patient=SERGEY)
        if not diary.is_self_measured(o)
    )
    store._cache.ingest([clinic])  # noqa: SLF001 - the card as a sync would have stored it
    fake = DiaryEntry(
        DiaryKind.PULSE,
        datetime.now(UTC),
        {"pulse": 70},
        resource_id=clinic["id"],
        version_id=clinic["meta"]["versionId"],
    )
    with pytest.raises(NotOwnEntry):
        store.update(fake, SERGEY)
    with pytest.raises(NotOwnEntry):
        store.delete(fake, SERGEY)
    # Also the portal refuses, whatever a client sends (RU/EN OperationOutcome).
    forged = {
        **clinic,
        "performer": [{"reference": f"Patient/{SERGEY}"}],
        "meta": {
            **clinic["meta"],
            "tag": [{"system": diary.DIARY_TAG_SYSTEM, "code": diary.DIARY_TAG_CODE}],
        },
    }
    with pytest.raises(AccessDenied) as err:
        world["client"].update(forged)
    assert "clinic" in (err.value.portal_text("en") or "")
    assert "клиника" in (err.value.portal_text("ru") or "")
    assert world["portal"].store.get("Observation", clinic["id"]) == clinic
    untagged = diary.build_observation(entry(pulse=70), SERGEY)
    untagged["meta"] = {}
    with pytest.raises(AccessDenied):
        world["client"].create(untagged)


def test_offline_entry_waits_and_is_uploaded_exactly_once(world, store):
    portal: DemoPortal = world["portal"]
    port = portal._server.server_port  # noqa: SLF001 - restart on the same address
    portal.stop()
    try:
        new = entry(systolic=131, diastolic=84)
        assert store.save(new, SERGEY).sent is False
        assert [(r.entry.identifier, r.state) for r in store.records(SERGEY)] == [
            (new.identifier, PENDING)
        ]
        assert store.flush().remaining == 1  # still away: nothing lost, nothing failed
    finally:
        portal.port = port
        portal.start()
    assert on_portal(world, new.identifier) == []
    result = store.flush()
    assert (result.sent, result.failed, result.remaining) == (1, 0, 0)
    assert len(on_portal(world, new.identifier)) == 1
    assert store.records(SERGEY)[0].state == SENT
    # A crash between the upload and clearing the outbox leaves the row behind: sending
    # it again must not create a second Observation.
    with store._cache.write() as conn:  # noqa: SLF001
        conn.execute(
            insert(outbox).values(
                identifier=new.identifier,
                patient_id=SERGEY,
                resource_type="Observation",
                resource=orjson.dumps(diary.build_observation(new, SERGEY)),
                status=PENDING,
                created=datetime.now(UTC).isoformat(),
            )
        )
    assert store.flush().sent == 1
    assert len(on_portal(world, new.identifier)) == 1
    assert store.flush().sent == 0


def test_csv_import_with_bad_rows_and_reimport(world, store):
    now = datetime.now(UTC)
    day = (now - timedelta(days=2)).strftime("%d.%m.%Y")
    text = (
        f"date;time;sys;dia;pulse;note\n{day};08:10;138;88;72;утро\n"
        f"{day};09:10;400;20;68;\n{day};21:40;131;84;;вечер\n"
    )
    preview = diary_import.parse(text, SERGEY, UTC, now)
    assert [p.line for p in preview.problems] == [3, 3]
    entries = [e for _, e in preview.entries]
    assert len(entries) == 3  # line 2: pressure + pulse, line 4: pressure
    first = store.save_many(entries, SERGEY)
    assert (first.sent, first.failed) == (3, 0)
    again = diary_import.parse(text, SERGEY, UTC, now)
    second = store.save_many([e for _, e in again.entries], SERGEY)
    assert (second.sent, second.already_there) == (0, 3)
    for item in entries:
        assert len(on_portal(world, item.identifier)) == 1
    assert len(store.records(SERGEY)) == 3


def test_garbled_answer_keeps_the_entry_and_a_refusal_does_not(world, store):
    portal: DemoPortal = world["portal"]
    new = entry(pulse=66)
    portal.faults.add(
        body=b"<html>proxy error</html>", status=200, count=1, path_contains="/Observation"
    )
    try:
        assert store.save(new, SERGEY).sent is False  # kept: the answer proved nothing
    finally:
        portal.faults.clear()
    assert store.pending_count(SERGEY) == 1
    assert store.flush().sent == 1
    assert len(on_portal(world, new.identifier)) == 1
    # A refusal (here: a reading for a patient of another family) is not kept for retries.
    foreign = entry(pulse=70)
    with pytest.raises(AccessDenied):
        store.save(foreign, "smirnova-olga")
    assert store.pending_count() == 0


def test_delete_leaves_no_search_index_entry_behind(world, store):
    from desktop.services.cache import TimelineFilter
    from desktop.services.cache.schema import FTS_TABLE

    sent = store.save(entry(pulse=66), SERGEY).resource
    assert sent is not None
    # An own Observation that is a card record (a COVID-19 self-test) is in the index.
    as_record = {**sent, "code": {"coding": [{"system": "http://loinc.org", "code": "94500-6"}]}}
    store._cache.ingest([as_record])
    assert store._cache.card.count(SERGEY, TimelineFilter()) == 1
    own = diary.entry_from_observation(sent)
    assert own is not None
    store.delete(own, SERGEY)
    with store._cache.read() as conn:
        orphans = conn.exec_driver_sql(
            f"SELECT count(*) FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM timeline)"
        ).scalar()
        left = conn.exec_driver_sql(
            "SELECT (SELECT count(*) FROM timeline) + (SELECT count(*) FROM observations)"
            " + (SELECT count(*) FROM resources WHERE id = ?)",
            (sent["id"],),
        ).scalar()
    assert (orphans, left) == (0, 0)
