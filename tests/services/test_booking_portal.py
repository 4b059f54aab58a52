"""BookingService end to end against the embedded demo portal over loopback HTTP; every
write is also checked on the portal's side (portal.store)."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from demo_portal.embedded import DemoPortal
from demo_portal.rules.appointments import add_schedule, advance_home_visit
from desktop.services.accounts import AccountManager
from desktop.services.booking.fhir import KIND_VIDEO
from desktop.services.booking.service import (
    BookingService,
    HomeVisitRequest,
    NotCancellable,
    SlotTaken,
    new_booking_key,
)
from desktop.services.errors import ValidationFailed
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore

SERGEY, MASHA = "ivanov-sergey", "ivanova-masha"


def _login(portal: DemoPortal, home: Path, email: str) -> Any:
    from demo_portal import autologin

    accounts = AccountManager(Profile(home), MemorySecretStore())
    account = accounts.sign_in(
        portal.base_url, open_url=lambda url: autologin.follow(url, email, "demo1234"), timeout=30
    )
    return accounts.client(account.id)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    home = tmp_path_factory.mktemp("booking")
    with DemoPortal(db_path=home / "portal.db", access_token_ttl=3600) as portal:
        store = portal.store
        store.put(
            {
                "resourceType": "Organization",
                "id": "t-clinic",
                "name": "Тестовая поликлиника",
                "address": [{"text": "Москва, ул. Тестовая, 1"}],
            }
        )
        store.put(
            {
                "resourceType": "Location",
                "id": "t-room",
                "name": "каб. 101",
                "physicalType": {"coding": [{"code": "ro"}]},
                "managingOrganization": {"reference": "Organization/t-clinic"},
            }
        )
        store.put(
            {"resourceType": "Practitioner", "id": "t-doc", "name": [{"text": "Тестов Пётр Ильич"}]}
        )
        start = (datetime.now(UTC) + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
        add_schedule(
            store,
            "t-sched",
            ("t-doc", "Тестов Пётр Ильич"),
            "t-room",
            ("t-0001", "Тестология"),
            start,
            count=12,
        )
        add_schedule(
            store,
            "t-video",
            ("t-doc", "Тестов Пётр Ильич"),
            "t-room",
            ("t-0001", "Тестология"),
            start + timedelta(hours=6),
            count=4,
            kind="video",
        )
        family = _login(portal, home / "fam", "family@demo.medcard")
        other = _login(portal, home / "other", "other@demo.medcard")
        yield {
            "portal": portal,
            "store": store,
            "family": family,
            "other": other,
            "other_patient": other_patient(other),
        }
        family.close()
        other.close()


def other_patient(client: Any) -> str:
    bundle = next(client.search("Patient", {"_count": 1}))
    return bundle["entry"][0]["resource"]["id"]


def free_slots(service: BookingService, kind: str = "clinic") -> list:
    catalog = service.load_catalog()
    doctors = [d for d in catalog.doctors if d.id == "t-doc"]
    now = datetime.now(UTC)
    return service.free_slots(catalog, doctors, now, now + timedelta(days=28), kind)


def test_catalog_lists_specialty_and_doctor(world: dict) -> None:
    catalog = BookingService(world["family"]).load_catalog()
    assert any(s.code == "t-0001" and s.name == "Тестология" for s in catalog.specialties)
    assert [d.name for d in catalog.doctors_for("t-0001")] == ["Тестов Пётр Ильич"]


def test_book_marks_the_slot_busy_and_is_idempotent(world: dict) -> None:
    ingested: list[dict] = []
    service = BookingService(world["family"], ingest=ingested.extend)
    slot = free_slots(service)[0]
    key = new_booking_key()
    info = service.book(SERGEY, slot, key)
    again = service.book(SERGEY, slot, key)  # a retry / double submit with the same intent
    assert again.id == info.id
    assert info.status == "booked" and info.ticket_number.startswith("MC-")
    assert (info.doctor, info.room, info.clinic) == (
        "Тестов Пётр Ильич",
        "каб. 101",
        "Тестовая поликлиника",
    )
    store = world["store"]
    assert store.get("Slot", slot.id)["status"] == "busy"
    mine = store.search("Appointment", where={"slot": f"Slot/{slot.id}"})
    assert [a["id"] for a in mine] == [info.id]
    assert {r["resourceType"] for r in ingested} >= {"Appointment", "Practitioner", "Location"}
    assert slot.id not in [s.id for s in free_slots(service)]


def test_concurrent_double_submit_books_once(world: dict) -> None:
    service = BookingService(world["family"])
    slot = free_slots(service)[0]
    key = new_booking_key()
    results: list[Any] = []

    def press() -> None:
        try:
            results.append(service.book(SERGEY, slot, key).id)
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            results.append(exc)

    threads = [threading.Thread(target=press) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(set(results)) == 1 and isinstance(results[0], str), results
    assert len(world["store"].search("Appointment", where={"slot": f"Slot/{slot.id}"})) == 1


def test_second_window_with_another_key_gets_the_same_booking(world: dict) -> None:
    service = BookingService(world["family"])
    slot = free_slots(service)[0]
    first = service.book(SERGEY, slot, new_booking_key())
    second = service.book(SERGEY, slot, new_booking_key())
    assert second.id == first.id


def test_slot_taken_by_another_client(world: dict) -> None:
    mine, theirs = BookingService(world["family"]), BookingService(world["other"])
    slot = free_slots(mine)[0]
    theirs.book(world["other_patient"], slot, new_booking_key())
    with pytest.raises(SlotTaken) as taken:
        mine.book(SERGEY, slot, new_booking_key())
    assert taken.value.portal_text("ru") == "Это время уже занято"
    assert slot.id not in [s.id for s in free_slots(mine)]


def test_cancel_frees_the_slot(world: dict) -> None:
    service = BookingService(world["family"])
    slot = free_slots(service)[0]
    info = service.book(MASHA, slot, new_booking_key())  # the child, like from her card
    cancelled = service.cancel(info.id)
    assert cancelled.status == "cancelled"
    store = world["store"]
    assert store.get("Appointment", info.id)["status"] == "cancelled"
    assert store.get("Slot", slot.id)["status"] == "free"
    assert service.cancel(info.id).status == "cancelled"  # repeating is harmless


def test_stale_version_is_retried_once(world: dict) -> None:
    service = BookingService(world["family"])
    info = service.book(SERGEY, free_slots(service)[0], new_booking_key())
    store = world["store"]
    store.put(dict(store.get("Appointment", info.id), comment="clinic note"))  # version moves
    assert service.cancel(info.id).status == "cancelled"


def test_video_consultation_gets_a_join_link(world: dict) -> None:
    service = BookingService(world["family"])
    with pytest.raises(ValidationFailed):  # a clinic time cannot become a video call
        service.book(SERGEY, free_slots(service)[0], new_booking_key(), kind=KIND_VIDEO)
    catalog = service.load_catalog()
    assert [d.id for d in catalog.doctors_for("t-0001", KIND_VIDEO)] == ["t-doc"]
    video_slots = free_slots(service, KIND_VIDEO)
    assert video_slots and all(s.schedule_id == "t-video" for s in video_slots)
    info = service.book(SERGEY, video_slots[0], new_booking_key(), kind=KIND_VIDEO)
    assert info.kind == KIND_VIDEO and info.room == ""
    assert info.join_url.startswith("https://telemed.demo.medcard/room/")


def test_home_visit_request_and_its_lifecycle(world: dict) -> None:
    service = BookingService(world["family"])
    request = HomeVisitRequest(
        SERGEY, "Москва, ул. Новаторов, 1", "Кашель, слабость", 38.2, "+7 900 123-45-67"
    )
    info = service.request_home_visit(request)
    assert service.request_home_visit(request).id == info.id  # resend after a timeout
    assert (info.kind, info.display_status, info.temperature) == ("home", "requested", 38.2)
    store = world["store"]
    advance_home_visit(store, info.id, practitioner="t-doc")
    assert service.refresh(info.id).display_status == "pending"
    advance_home_visit(store, info.id)
    booked = service.refresh(info.id)
    assert booked.status == "booked" and booked.start is not None
    assert booked.address == "Москва, ул. Новаторов, 1" and booked.doctor == "Тестов Пётр Ильич"


def test_home_visit_without_symptoms_is_refused(world: dict) -> None:
    with pytest.raises(ValidationFailed) as refused:
        BookingService(world["family"]).request_home_visit(
            HomeVisitRequest(SERGEY, "Москва", "  ", None, "+79001234567")
        )
    assert "симптомы" in (refused.value.portal_text("ru") or "")


def test_portal_takes_doctor_and_room_from_the_schedule(world: dict) -> None:
    service = BookingService(world["family"])
    slot = free_slots(service)[0]
    forged = dataclasses.replace(slot, doctor_id="someone-else", location_id="")
    info = service.book(SERGEY, forged, new_booking_key())
    stored = world["store"].get("Appointment", info.id)
    actors = [p["actor"]["reference"] for p in stored["participant"]]
    assert actors == [f"Patient/{SERGEY}", "Practitioner/t-doc", "Location/t-room"]


def test_a_past_appointment_cannot_be_cancelled(world: dict) -> None:
    service = BookingService(world["family"])
    info = service.book(SERGEY, free_slots(service)[0], new_booking_key())
    store = world["store"]
    past = dict(store.get("Appointment", info.id), start="2020-01-01T09:00:00+03:00")
    store.put(past)
    with pytest.raises(NotCancellable):
        service.cancel(info.id)
    assert store.get("Appointment", info.id)["status"] == "booked"


def test_a_retried_booking_after_a_server_hiccup_books_once(world: dict) -> None:
    service = BookingService(world["family"])
    slot = free_slots(service)[0]
    key = new_booking_key()
    world["portal"].faults.add(status=503, count=1, path_contains="/Appointment", retry_after=0)
    info = service.book(SERGEY, slot, key)  # the guarded POST is retried by the client
    assert world["portal"].faults.pending() == 0
    assert service.book(SERGEY, slot, key).id == info.id  # and again after a lost answer
    assert len(world["store"].search("Appointment", where={"slot": f"Slot/{slot.id}"})) == 1
