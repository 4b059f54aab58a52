"""Writes against a server that ignores `Prefer: return=representation` (FHIR allows it):
the app reads what it wrote back from the Location the server gave (issue 18)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from demo_portal import autologin
from desktop.services.accounts import AccountManager
from desktop.services.booking.service import BookingService, new_booking_key
from desktop.services.cache import Cache
from desktop.services.diary.entries import DiaryEntry, DiaryKind, entry_from_observation
from desktop.services.diary.store import DiaryStore
from desktop.services.errors import Conflict
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore

SERGEY = "ivanov-sergey"


def _client(portal: Any, home: Path) -> Any:
    accounts = AccountManager(Profile(home), MemorySecretStore())
    account = accounts.sign_in(
        portal.base_url,
        open_url=lambda url: autologin.follow(url, "family@demo.medcard", "demo1234"),
        timeout=30,
    )
    return accounts.client(account.id)


def test_a_write_answered_without_a_body_is_read_back_from_its_location(fresh_portal, tmp_path):
    client = _client(fresh_portal, tmp_path / "profile")
    with Cache.open(tmp_path / "cache.db", Cache.new_key()) as cache:
        diary = DiaryStore(client, cache)
        entry = DiaryEntry(DiaryKind.PULSE, datetime.now(UTC) - timedelta(hours=1), {"pulse": 71})
        fresh_portal.faults.empty_answer(count=1, path_contains="/fhir/Observation")
        outcome = diary.save(entry, SERGEY)
        assert outcome.sent and outcome.resource is not None
        stored = outcome.resource
        assert stored["id"] and stored["meta"]["versionId"] == "1"
        assert fresh_portal.faults.pending() == 0  # the create really met the bodiless answer
        # The update too: PUT with If-Match, no body back, the new version read back.
        sent = entry_from_observation(stored)
        assert sent is not None
        fresh_portal.faults.empty_answer(count=1, path_contains=f"/fhir/Observation/{stored['id']}")
        changed = diary.update(DiaryEntry(**{**sent.__dict__, "values": {"pulse": 73}}), SERGEY)
        assert changed.resource is not None and changed.resource["meta"]["versionId"] == "2"
        on_portal = fresh_portal.store.get("Observation", stored["id"])
        assert on_portal["valueQuantity"]["value"] == 73


def test_a_booking_answered_without_a_body_is_read_back(fresh_portal, tmp_path):
    client = _client(fresh_portal, tmp_path / "profile")
    booking = BookingService(client)
    catalog = booking.load_catalog()
    doctor = catalog.doctors_for(catalog.specialties[0].code)[0]
    now = datetime.now(UTC)
    slot = booking.free_slots(catalog, [doctor], now, now + timedelta(days=28))[0]
    fresh_portal.faults.empty_answer(count=1, path_contains="/fhir/Appointment")
    info = booking.book(SERGEY, slot, new_booking_key())
    assert info.id and info.status == "booked" and info.slot_id == slot.id
    assert fresh_portal.faults.pending() == 0


def test_an_update_of_an_old_version_is_refused_not_overwritten(fresh_portal, tmp_path):
    client = _client(fresh_portal, tmp_path / "profile")
    with Cache.open(tmp_path / "cache.db", Cache.new_key()) as cache:
        diary = DiaryStore(client, cache)
        entry = DiaryEntry(DiaryKind.PULSE, datetime.now(UTC) - timedelta(hours=2), {"pulse": 60})
        first = entry_from_observation(diary.save(entry, SERGEY).resource or {})
        assert first is not None
        diary.update(DiaryEntry(**{**first.__dict__, "values": {"pulse": 61}}), SERGEY)
        with pytest.raises(Conflict):  # version 1 is gone: 412, never a silent overwrite
            diary.update(DiaryEntry(**{**first.__dict__, "values": {"pulse": 99}}), SERGEY)
        rid = first.resource_id
    assert fresh_portal.store.get("Observation", rid)["valueQuantity"]["value"] == 61
