"""Qt-free appointment logic: describing FHIR, reminders with an injected clock, .ics, ticket."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import icalendar

from desktop.models.appointments.reminders import DAY_BEFORE, HOURS_BEFORE, ReminderPlanner
from desktop.services.booking.fhir import (
    JOIN_URL_EXT,
    TICKET_SYSTEM,
    VISIT_KIND_SYSTEM,
    AppointmentInfo,
    describe,
    wall_time,
)
from desktop.services.booking.ics import build_calendar, write_ics
from desktop.services.booking.ticket import qr_png, ticket_for

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

RESOURCES = {
    "Practitioner/dr1": {
        "resourceType": "Practitioner",
        "id": "dr1",
        "name": [{"family": "Петров", "given": ["Иван", "Ильич"]}],
    },
    "Location/room7": {
        "resourceType": "Location",
        "id": "room7",
        "name": "Кабинет 7",
        "physicalType": {"coding": [{"code": "ro"}]},
        "partOf": {"reference": "Location/bld"},
    },
    "Location/bld": {
        "resourceType": "Location",
        "id": "bld",
        "name": "Корпус 1",
        "address": {"text": "Москва, ул. Ленина, 1"},
        "managingOrganization": {"reference": "Organization/gp1"},
    },
    "Organization/gp1": {
        "resourceType": "Organization",
        "id": "gp1",
        "name": "Городская поликлиника № 1",
    },
    "Patient/p1": {
        "resourceType": "Patient",
        "id": "p1",
        "name": [{"family": "Иванов", "given": ["Сергей"]}],
    },
}


def _appointment(status: str = "booked", kind: str = "clinic", start: datetime = T0) -> dict:
    resource = {
        "resourceType": "Appointment",
        "id": "a1",
        "status": status,
        "meta": {"versionId": "3"},
        "serviceCategory": [{"coding": [{"system": VISIT_KIND_SYSTEM, "code": kind}]}],
        "specialty": [{"text": "Терапевт"}],
        "identifier": [{"system": TICKET_SYSTEM, "value": "MC-00042"}],
        "slot": [{"reference": "Slot/s1"}],
        "start": start.isoformat(),
        "end": (start + timedelta(minutes=20)).isoformat(),
        "participant": [
            {"actor": {"reference": "Patient/p1"}},
            {"actor": {"reference": "Practitioner/dr1"}},
            {"actor": {"reference": "Location/room7"}},
        ],
    }
    if kind == "video":
        resource["extension"] = [
            {"url": JOIN_URL_EXT, "valueUrl": "https://telemed.demo.medcard/room/x"}
        ]
    return resource


def _info(**kw) -> AppointmentInfo:
    return describe(_appointment(**kw), RESOURCES.get)


def test_describe_walks_room_building_and_clinic() -> None:
    info = _info()
    assert (info.doctor, info.specialty, info.room) == (
        "Петров Иван Ильич",
        "Терапевт",
        "Кабинет 7",
    )
    assert info.clinic == "Городская поликлиника № 1"
    assert info.address == "Москва, ул. Ленина, 1"
    assert (info.ticket_number, info.slot_id, info.version_id) == ("MC-00042", "s1", "3")
    assert info.patient_name == "Иванов Сергей" and info.display_status == "booked"
    assert _info(status="noshow").display_status == "missed"
    assert _info(kind="video").join_url.endswith("/room/x")


def test_describe_survives_missing_references_and_garbage() -> None:
    info = describe(
        {
            "resourceType": "Appointment",
            "id": "z",
            "start": "not a date",
            "participant": [{"actor": {"reference": "Practitioner/gone", "display": "Др. Нет"}}],
        },
        lambda ref: None,
    )
    assert info.start is None and info.doctor == "Др. Нет" and info.clinic == ""


def test_reminders_day_before_then_two_hours_each_once() -> None:
    now = [T0 - timedelta(days=2)]
    planner = ReminderPlanner(clock=lambda: now[0])
    items = [_info(start=T0)]
    assert planner.take_due(items) == []
    assert planner.next_check(items) == T0 - timedelta(days=1)
    now[0] = T0 - timedelta(hours=23)
    assert [r.kind for r in planner.take_due(items)] == [DAY_BEFORE]
    assert planner.take_due(items) == []  # never twice
    now[0] = T0 - timedelta(hours=1, minutes=59)
    assert [r.kind for r in planner.take_due(items)] == [HOURS_BEFORE]
    now[0] = T0 + timedelta(minutes=1)
    assert planner.take_due(items) == [] and planner.next_check(items) is None


def test_reminder_started_late_shows_only_the_latest_and_skips_cancelled() -> None:
    planner = ReminderPlanner(clock=lambda: T0 - timedelta(minutes=30))
    due = planner.take_due([_info(start=T0), _info(start=T0, status="cancelled")])
    assert [r.kind for r in due] == [HOURS_BEFORE]
    assert planner.take_due([_info(start=T0)]) == []


def test_ics_round_trip(tmp_path) -> None:
    items = [_info(), _info(kind="video")]
    cal = build_calendar(items, lambda i: f"Приём: {i.specialty}", lambda i: i.doctor, now=T0)
    path = tmp_path / "visits.ics"
    write_ics(path, cal)
    parsed = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(parsed.walk("VEVENT"))
    assert len(events) == 2
    first = events[0]
    assert str(first["summary"]) == "Приём: Терапевт"
    assert first.decoded("dtstart") == T0
    assert "Кабинет 7" in str(first["location"]) and str(first["uid"]).startswith("a1@")
    assert str(events[1]["url"]).endswith("/room/x")


def test_ticket_content_and_qr() -> None:
    ticket = ticket_for(_info())
    assert ticket.number == "MC-00042" and ticket.qr_payload == "Appointment/a1"
    assert qr_png(ticket).startswith(b"\x89PNG")


def test_wall_time_keeps_the_clinics_clock() -> None:
    moscow = datetime.fromisoformat("2026-12-03T09:00:00+03:00")
    assert wall_time(moscow).hour == 9  # the time on the ticket, wherever the laptop is
    utc = datetime(2026, 12, 3, 6, 0, tzinfo=UTC)
    assert (
        wall_time(utc) == utc
        and wall_time(utc).utcoffset() == wall_time(utc).astimezone().utcoffset()
    )
