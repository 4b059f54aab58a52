"""Booking, moving, cancelling and status changes at the desk (Qt-free).

Booking reuses the patients' `BookingService` (conditional create with a booking key,
the slot rule on the portal), narrowed to the desk's clinic: its doctors' Schedules
only. Two desks on one slot: the portal gives it to one; the other gets `SlotTaken`, and
the desk shows the next free slots at once (`book_or_offer`).
Status changes (cancel, arrived, no-show, back to booked) are PUTs with `If-Match` on the
version the desk showed: when someone changed the visit meanwhile, the desk is told and
reloads (`VisitChanged`) instead of overwriting what it has not seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from desktop.services.booking.catalog import Catalog, FreeSlot
from desktop.services.booking.fhir import AppointmentInfo, describe
from desktop.services.booking.service import BookingService, HomeVisitRequest, SlotTaken
from desktop.services.desk.board import clinic_doctors
from desktop.services.errors import Conflict
from desktop.services.i18n import N_

SEARCH_DAYS = 21  # how far ahead the first free slots are looked for
OFFER = 24  # how many free slots a list shows


class VisitChanged(Conflict):
    default_message = N_(
        "This visit was changed meanwhile (by the patient or another desk). The page now "
        "shows it as it is."
    )


class NoSlotToday(Conflict):
    default_message = N_("No free time of this specialty is left today.")


def clinic_catalog(client: Any, organization_id: str) -> Catalog:
    """Specialties and doctors of the desk's clinic (its doctors' schedules only)."""
    doctors = clinic_doctors(client, organization_id)
    if not doctors:
        return Catalog()
    actors = ",".join(f"Practitioner/{d}" for d in sorted(doctors))
    catalog = BookingService(client).load_catalog(params={"actor": actors})
    return catalog


def first_free_slots(
    client: Any,
    catalog: Catalog,
    specialty_code: str,
    doctor_id: str = "",
    now: datetime | None = None,
    limit: int = OFFER,
    skip: frozenset[str] = frozenset(),
) -> list[FreeSlot]:
    """The earliest free clinic slots of the specialty (one doctor, or any), soonest
    first; `skip` leaves out slots just found taken."""
    service = BookingService(client)
    now = now or datetime.now().astimezone()
    doctors = [
        d
        for d in catalog.doctors_for(specialty_code, "clinic")
        if not doctor_id or d.id == doctor_id
    ]
    found = service.free_slots(catalog, doctors, now, now + timedelta(days=SEARCH_DAYS), "clinic")
    return [s for s in found if s.id not in skip][:limit]


@dataclass(frozen=True)
class BookingOutcome:
    info: AppointmentInfo | None  # booked; None when the slot was taken
    next_slots: list[FreeSlot]  # when taken: the next free ones of the same choice


def book_or_offer(
    client: Any,
    catalog: Catalog,
    patient_id: str,
    slot: FreeSlot,
    booking_key: str,
    doctor_id: str = "",
) -> BookingOutcome:
    """Book the slot; when another desk (or a patient) was quicker, the next free slots
    of the same specialty (and doctor, if one was chosen) instead."""
    try:
        return BookingOutcome(BookingService(client).book(patient_id, slot, booking_key), [])
    except SlotTaken:
        offer = first_free_slots(
            client, catalog, slot.specialty_code, doctor_id, skip=frozenset({slot.id})
        )
        return BookingOutcome(None, offer)


def move_visit(
    client: Any,
    catalog: Catalog,
    patient_id: str,
    old: AppointmentInfo,
    slot: FreeSlot,
    booking_key: str,
    doctor_id: str = "",
) -> BookingOutcome:
    """The new time is booked first, then the old one cancelled: the patient never ends
    up with neither. A changed old visit stops the move after the new booking (the desk
    reloads and shows both)."""
    outcome = book_or_offer(client, catalog, patient_id, slot, booking_key, doctor_id)
    if outcome.info is not None:
        set_status(client, old.id, old.version_id, "cancelled")
    return outcome


def set_status(
    client: Any, appointment_id: str, version_id: str, status: str, reason: str = ""
) -> AppointmentInfo:
    """Change an appointment's status with If-Match on the version shown."""
    current = client.read("Appointment", appointment_id)
    seen = str((current.get("meta") or {}).get("versionId") or "")
    if version_id and seen != version_id:
        raise VisitChanged(f"version {version_id} shown, {seen} stored")
    changed = dict(current, status=status)
    if status == "cancelled" and reason:
        changed["cancelationReason"] = {"text": reason}
    try:
        updated = client.update(changed, if_match=version_id or seen)
    except Conflict as exc:
        if exc.status == 412:
            raise VisitChanged(exc.detail, status=412) from exc
        raise
    return describe(updated, BookingService(client).lookup)


def walk_in(
    client: Any,
    catalog: Catalog,
    patient_id: str,
    specialty_code: str,
    booking_key: str,
    now: datetime | None = None,
) -> AppointmentInfo:
    """A patient at the desk without an appointment: book the next free slot of the
    specialty today and mark them arrived at once (they are here). A slot taken under
    our hands is skipped for the next one."""
    now = now or datetime.now().astimezone()
    taken: set[str] = set()
    for _attempt in range(3):
        slots = first_free_slots(
            client, catalog, specialty_code, now=now, limit=1, skip=frozenset(taken)
        )
        if not slots or slots[0].start.date() != now.date():
            raise NoSlotToday(specialty_code)
        outcome = book_or_offer(client, catalog, patient_id, slots[0], booking_key)
        if outcome.info is not None:
            return set_status(client, outcome.info.id, outcome.info.version_id, "arrived")
        taken.add(slots[0].id)
    raise NoSlotToday(specialty_code)


def request_home_visit(client: Any, request: HomeVisitRequest) -> AppointmentInfo:
    return BookingService(client).request_home_visit(request)
