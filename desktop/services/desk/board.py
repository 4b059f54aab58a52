"""The day board (Qt-free): today's schedule of the desk's clinic, doctor by doctor —
free, booked, arrived, no-show — from the clinic's PractitionerRoles, their Schedules,
today's Slots and today's Appointments (four searches, whatever the number of doctors).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from desktop.services.booking.catalog import bundle_entries, schedule_specialty
from desktop.services.booking.fhir import (
    KIND_CLINIC,
    TICKET_SYSTEM,
    concept_text,
    human_name,
    identifier_value,
    parse_instant,
    ref_id,
    visit_kind,
)

STAFF_ROLE_SYSTEM = "https://demo.medcard/fhir/CodeSystem/staff-role"
# Board states: a slot nobody holds, or the status of the appointment that holds it
# ("busy": taken, but by an appointment the desk cannot see, e.g. blocked time).
FREE, BOOKED, ARRIVED, NOSHOW, FULFILLED, BUSY = (
    "free",
    "booked",
    "arrived",
    "noshow",
    "fulfilled",
    "busy",
)
_SHOWN = {"booked": BOOKED, "arrived": ARRIVED, "noshow": NOSHOW, "fulfilled": FULFILLED}


@dataclass(frozen=True)
class BoardDoctor:
    id: str
    name: str
    specialty_code: str
    specialty: str
    schedule_ids: tuple[str, ...]


@dataclass(frozen=True)
class BoardRow:
    doctor_id: str
    start: datetime
    end: datetime
    state: str
    slot_id: str = ""
    appointment_id: str = ""
    version_id: str = ""
    patient_id: str = ""
    patient_name: str = ""
    ticket: str = ""


@dataclass
class DayBoard:
    day: date
    doctors: list[BoardDoctor] = field(default_factory=list)
    rows: list[BoardRow] = field(default_factory=list)

    def doctor(self, doctor_id: str) -> BoardDoctor | None:
        return next((d for d in self.doctors if d.id == doctor_id), None)

    def rows_of(self, doctor_id: str) -> list[BoardRow]:
        return [r for r in self.rows if r.doctor_id == doctor_id]

    def specialties(self) -> list[tuple[str, str]]:
        """(code, name) of the specialties seen today, by name."""
        seen = {d.specialty_code: d.specialty for d in self.doctors if d.specialty_code}
        return sorted(seen.items(), key=lambda item: item[1])

    def next_free(self, specialty_code: str, now: datetime) -> BoardRow | None:
        """The earliest free slot still ahead today of a doctor of that specialty."""
        doctors = {d.id for d in self.doctors if d.specialty_code == specialty_code}
        free = [
            r for r in self.rows if r.doctor_id in doctors and r.state == FREE and r.start > now
        ]
        return min(free, key=lambda r: r.start, default=None)

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in self.rows:
            found[row.state] = found.get(row.state, 0) + 1
        return found


def _is_registrar(role: dict[str, Any]) -> bool:
    return any(
        coding.get("system") == STAFF_ROLE_SYSTEM
        for concept in role.get("code") or []
        for coding in (concept or {}).get("coding") or []
        if isinstance(coding, dict)
    )


def clinic_doctors(client: Any, organization_id: str) -> dict[str, tuple[str, str]]:
    """Practitioner id -> (name, role title) of the clinic's doctors (not the registry)."""
    params = [("organization", f"Organization/{organization_id}"), ("_count", "500")]
    doctors: dict[str, tuple[str, str]] = {}
    for role in bundle_entries(client.search("PractitionerRole", params), "PractitionerRole"):
        practitioner = role.get("practitioner") or {}
        doctor_id = ref_id(practitioner, "Practitioner")
        if doctor_id and role.get("active") is not False and not _is_registrar(role):
            title = next((concept_text(c) for c in role.get("code") or []), "")
            doctors.setdefault(doctor_id, (str(practitioner.get("display") or doctor_id), title))
    return doctors


def load_board(client: Any, organization_id: str, day: date) -> DayBoard:
    board = DayBoard(day)
    staff = clinic_doctors(client, organization_id)
    if not staff:
        return board
    actors = ",".join(f"Practitioner/{d}" for d in sorted(staff))
    schedules = [
        s
        for s in bundle_entries(
            client.search("Schedule", [("actor", actors), ("_count", "1000")]), "Schedule"
        )
        if s.get("active") is not False and visit_kind(s) == KIND_CLINIC
    ]
    by_doctor: dict[str, list[dict[str, Any]]] = {}
    for schedule in schedules:
        for actor in schedule.get("actor") or []:
            doctor_id = ref_id(actor, "Practitioner")
            if doctor_id in staff:
                by_doctor.setdefault(doctor_id, []).append(schedule)
    for doctor_id, own in by_doctor.items():
        code, specialty = schedule_specialty(own[0])
        board.doctors.append(
            BoardDoctor(
                doctor_id,
                staff[doctor_id][0],
                code,
                specialty or staff[doctor_id][1],
                tuple(str(s["id"]) for s in own),
            )
        )
    board.doctors.sort(key=lambda d: (d.specialty, d.name))
    if not board.doctors:
        return board
    schedule_doctor = {sid: d.id for d in board.doctors for sid in d.schedule_ids}
    begin, end = day.isoformat(), (day + timedelta(days=1)).isoformat()
    slot_params = [
        ("schedule", ",".join(f"Schedule/{sid}" for sid in sorted(schedule_doctor))),
        ("start", "ge" + begin),
        ("start", "lt" + end),
        ("_count", "1000"),
    ]
    slots = list(bundle_entries(client.search("Slot", slot_params), "Slot"))
    appointment_params = [
        ("practitioner", ",".join(f"Practitioner/{d.id}" for d in board.doctors)),
        ("date", begin),
        ("_count", "1000"),
    ]
    holders: dict[str, dict[str, Any]] = {}
    for appointment in bundle_entries(
        client.search("Appointment", appointment_params), "Appointment"
    ):
        if appointment.get("status") not in _SHOWN:
            continue  # cancelled: its slot is free again (or someone else's now)
        for slot_ref in appointment.get("slot") or []:
            holders[ref_id(slot_ref, "Slot")] = appointment
    for slot in slots:
        row = _row(slot, schedule_doctor, holders)
        if row is not None:
            board.rows.append(row)
    _name_the_unnamed(client, board)
    board.rows.sort(key=lambda r: (r.doctor_id, r.start))
    return board


def _name_the_unnamed(client: Any, board: DayBoard) -> None:
    """Names for appointments whose participant carries none (one search for all)."""
    missing = sorted({r.patient_id for r in board.rows if r.patient_id and not r.patient_name})
    if not missing:
        return
    params = [("_id", ",".join(missing)), ("_elements", "name"), ("_count", str(len(missing)))]
    names = {
        str(p.get("id")): human_name(p)
        for p in bundle_entries(client.search("Patient", params), "Patient")
    }
    board.rows = [
        replace(r, patient_name=names.get(r.patient_id, "")) if r.patient_id in names else r
        for r in board.rows
    ]


def _row(
    slot: dict[str, Any], schedule_doctor: dict[str, str], holders: dict[str, dict[str, Any]]
) -> BoardRow | None:
    doctor_id = schedule_doctor.get(ref_id(slot.get("schedule"), "Schedule"))
    start, end = parse_instant(slot.get("start")), parse_instant(slot.get("end"))
    if doctor_id is None or start is None:
        return None
    end = end or start + timedelta(minutes=15)
    slot_id = str(slot.get("id") or "")
    appointment = holders.get(slot_id)
    if appointment is None:
        state = FREE if slot.get("status") == "free" else BUSY
        return BoardRow(doctor_id, start, end, state, slot_id)
    patient = next(
        (
            (p.get("actor") or {})
            for p in appointment.get("participant") or []
            if ref_id((p or {}).get("actor"), "Patient")
        ),
        {},
    )
    return BoardRow(
        doctor_id,
        start,
        end,
        _SHOWN[str(appointment.get("status"))],
        slot_id,
        appointment_id=str(appointment.get("id") or ""),
        version_id=str((appointment.get("meta") or {}).get("versionId") or ""),
        patient_id=ref_id(patient, "Patient"),
        patient_name=str(patient.get("display") or ""),
        ticket=identifier_value(appointment, TICKET_SYSTEM),
    )
