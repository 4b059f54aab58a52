"""Booking, cancelling and home-visit requests against a FHIR R4 portal (Qt-free).

Free time comes from Schedule and Slot searches. Every write is safe to repeat:
- a booking carries a client-generated identifier and is sent with ``If-None-Exist``, so a
  double click, a retry after a timeout or a resend after a dropped answer finds the first
  appointment instead of creating a second; a 409 for a slot our own patient already holds
  (e.g. a second window) is answered with that appointment too;
- a cancel is an update with ``If-Match`` on the version we read, retried once on 412 when
  the appointment is still active.
Every server answer is handed to `ingest` (the cache) so the lists show it at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from desktop.services.booking.catalog import (
    Catalog,
    Doctor,
    FreeSlot,
    Specialty,
    bundle_entries,
    schedule_specialty,
)
from desktop.services.booking.fhir import (
    BOOKING_ID_SYSTEM,
    HOME_ADDRESS_EXT,
    KIND_CLINIC,
    KIND_HOME,
    KIND_VIDEO,
    PHONE_EXT,
    TEMPERATURE_EXT,
    AppointmentInfo,
    describe,
    fhir_instant,
    human_name,
    kind_concept,
    parse_instant,
    ref_id,
)
from desktop.services.errors import Conflict, MalformedAnswer, NotFound, ValidationFailed
from desktop.services.i18n import N_

Ingest = Callable[[list[dict[str, Any]]], None]
SLOT_PAGE = 500


class FhirClientLike(Protocol):
    def read(self, resource_type: str, resource_id: str) -> dict[str, Any]: ...
    def search(self, resource_type: str, params: Any) -> Iterator[dict[str, Any]]: ...
    def create(self, resource: dict[str, Any], if_none_exist: str | None = None) -> dict: ...
    def update(self, resource: dict[str, Any], if_match: str | None = None) -> dict: ...


class SlotTaken(Conflict):
    """Somebody else booked the slot meanwhile."""

    default_message = N_("This time has just been taken by someone else. Please choose another.")


class NotCancellable(ValidationFailed):
    default_message = N_("This appointment can no longer be cancelled.")


@dataclass(frozen=True)
class HomeVisitRequest:
    patient_id: str
    address: str
    symptoms: str
    temperature: float | None
    phone: str
    request_key: str = field(default_factory=lambda: uuid.uuid4().hex)


def new_booking_key() -> str:
    """One key per user intent (a confirm press); retries of that intent reuse it."""
    return uuid.uuid4().hex


class BookingService:
    def __init__(
        self,
        client: FhirClientLike,
        ingest: Ingest | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._client = client
        self._ingest = ingest or (lambda resources: None)
        self._clock = clock
        self._known: dict[str, dict[str, Any]] = {}  # "Type/id" -> resource, for describe()

    # -- reading -------------------------------------------------------------------------
    def lookup(self, reference: str) -> dict[str, Any] | None:
        """A referenced resource, from what this service has seen or else from the portal."""
        if reference in self._known:
            return self._known[reference]
        resource_type, _, resource_id = reference.partition("/")
        try:
            resource = self._client.read(resource_type, resource_id)
        except NotFound:
            resource = None
        if resource is not None:
            self._known[reference] = resource
        return resource

    def _remember(self, resources: Iterable[dict[str, Any]]) -> None:
        for resource in resources:
            self._known[f"{resource.get('resourceType')}/{resource.get('id')}"] = resource

    def load_catalog(
        self, home_clinic_id: str = "", params: dict[str, Any] | None = None
    ) -> Catalog:
        """Specialties, doctors and schedules; with `home_clinic_id` (the clinic the person
        is attached to) its doctors come first; `params` narrows the search (the registry
        desk reads its own clinic's only)."""
        query = {"_count": 1000, **(params or {})}
        schedules = list(bundle_entries(self._client.search("Schedule", query), "Schedule"))
        self._remember(schedules)
        catalog = Catalog()
        by_doctor: dict[tuple[str, str], list[str]] = {}
        names: dict[str, str] = {}
        for schedule in schedules:
            if schedule.get("active") is False:
                continue
            code, name = schedule_specialty(schedule)
            doctor_id = next(
                (
                    ref_id(a, "Practitioner")
                    for a in schedule.get("actor") or []
                    if ref_id(a, "Practitioner")
                ),
                "",
            )
            if not code or not doctor_id:
                continue
            catalog.schedules[schedule["id"]] = schedule
            names.setdefault(code, name)
            by_doctor.setdefault((doctor_id, code), []).append(schedule["id"])
        for (doctor_id, code), schedule_ids in by_doctor.items():
            practitioner = self.lookup(f"Practitioner/{doctor_id}")
            display = human_name(practitioner) or next(
                (
                    str(a.get("display"))
                    for sid in schedule_ids
                    for a in catalog.schedules[sid].get("actor") or []
                    if ref_id(a, "Practitioner") == doctor_id and a.get("display")
                ),
                doctor_id,
            )
            catalog.doctors.append(Doctor(doctor_id, display, code, tuple(schedule_ids)))
        catalog.home_doctor_ids = (
            self._doctors_at(home_clinic_id) if home_clinic_id else frozenset()
        )
        catalog.doctors.sort(key=lambda d: (not catalog.at_home_clinic(d), d.name))
        catalog.specialties = sorted(
            (Specialty(code, name) for code, name in names.items()), key=lambda s: s.name
        )
        return catalog

    def _doctors_at(self, clinic_id: str) -> frozenset[str]:
        """Practitioner ids of the clinic's doctors (their roles there)."""
        params = {"organization": f"Organization/{clinic_id}", "_count": 1000}
        return frozenset(
            ref_id(role.get("practitioner"), "Practitioner")
            for role in bundle_entries(
                self._client.search("PractitionerRole", params), "PractitionerRole"
            )
            if ref_id(role.get("practitioner"), "Practitioner")
        )

    def free_slots(
        self,
        catalog: Catalog,
        doctors: Iterable[Doctor],
        start: datetime,
        end: datetime,
        kind: str | None = None,
    ) -> list[FreeSlot]:
        """Free slots of the doctors between start and end, earliest first, none in the past;
        with `kind`, only from schedules of that kind (clinic or video)."""
        start = max(start, self._clock())
        found: list[FreeSlot] = []
        for doctor in doctors:
            for schedule_id in doctor.schedule_ids:
                if kind is not None and catalog.schedule_kind(schedule_id) != kind:
                    continue
                params = [
                    ("schedule", f"Schedule/{schedule_id}"),
                    ("status", "free"),
                    # `start` is the R4 Slot parameter (`date` is not one: issue 18).
                    ("start", "ge" + fhir_instant(start)),
                    ("start", "lt" + fhir_instant(end)),
                    ("_count", str(SLOT_PAGE)),
                ]
                slots = bundle_entries(self._client.search("Slot", params), "Slot")
                found.extend(self._free(slots, catalog, doctor, schedule_id, start, end))
        found.sort(key=lambda s: (s.start, s.doctor_name))
        return found

    def _free(
        self,
        slots: Iterable[dict[str, Any]],
        catalog: Catalog,
        doctor: Doctor,
        schedule_id: str,
        start: datetime,
        end: datetime,
    ) -> Iterator[FreeSlot]:
        schedule = catalog.schedules.get(schedule_id, {})
        location_id = next(
            (ref_id(a, "Location") for a in schedule.get("actor") or [] if ref_id(a, "Location")),
            "",
        )
        _, specialty_name = schedule_specialty(schedule)
        for slot in slots:
            # Filter here as well: a server may ignore search parameters it does not know.
            slot_start, slot_end = parse_instant(slot.get("start")), parse_instant(slot.get("end"))
            if (
                slot.get("status") != "free"
                or ref_id(slot.get("schedule"), "Schedule") != schedule_id
                or slot_start is None
                or not start <= slot_start < end
            ):
                continue
            self._remember([slot])
            yield FreeSlot(
                id=str(slot["id"]),
                start=slot_start,
                end=slot_end or slot_start + timedelta(minutes=15),
                schedule_id=schedule_id,
                doctor_id=doctor.id,
                doctor_name=doctor.name,
                specialty_code=doctor.specialty_code,
                specialty_name=specialty_name,
                location_id=location_id,
            )

    # -- writing -------------------------------------------------------------------------
    def book(
        self, patient_id: str, slot: FreeSlot, booking_key: str, kind: str = KIND_CLINIC
    ) -> AppointmentInfo:
        if kind not in (KIND_CLINIC, KIND_VIDEO):
            raise ValueError(kind)
        appointment = self._appointment_for(patient_id, slot, booking_key, kind)
        guard = f"identifier={BOOKING_ID_SYSTEM}|{booking_key}"
        try:
            created = self._client.create(appointment, if_none_exist=guard)
        except Conflict as exc:
            mine = self._own_booking(patient_id, slot.id, booking_key)
            if mine is None:
                raise SlotTaken(
                    exc.detail, portal_texts=exc.portal_texts, status=exc.status
                ) from exc
            created = mine
        return self._accept(created)

    def _appointment_for(
        self, patient_id: str, slot: FreeSlot, booking_key: str, kind: str
    ) -> dict[str, Any]:
        participants = [
            {"actor": {"reference": f"Patient/{patient_id}"}, "status": "accepted"},
            {
                "actor": {
                    "reference": f"Practitioner/{slot.doctor_id}",
                    "display": slot.doctor_name,
                },
                "status": "accepted",
            },
        ]
        if slot.location_id and kind == KIND_CLINIC:
            participants.append(
                {"actor": {"reference": f"Location/{slot.location_id}"}, "status": "accepted"}
            )
        return {
            "resourceType": "Appointment",
            "identifier": [{"system": BOOKING_ID_SYSTEM, "value": booking_key}],
            "status": "booked",
            "serviceCategory": [kind_concept(kind, kind)],
            "specialty": [
                {
                    "coding": [{"code": slot.specialty_code, "display": slot.specialty_name}],
                    "text": slot.specialty_name,
                }
            ],
            "slot": [{"reference": f"Slot/{slot.id}"}],
            "start": fhir_instant(slot.start),
            "end": fhir_instant(slot.end),
            "created": fhir_instant(self._clock()),
            "participant": participants,
        }

    def _own_booking(self, patient_id: str, slot_id: str, booking_key: str) -> dict | None:
        """After a 409: an active appointment of this patient on this slot is ours."""
        params = {"patient": f"Patient/{patient_id}", "slot": f"Slot/{slot_id}", "_count": 100}
        for appointment in bundle_entries(
            self._client.search("Appointment", params), "Appointment"
        ):
            same_slot = any(ref_id(s, "Slot") == slot_id for s in appointment.get("slot") or [])
            if same_slot and appointment.get("status") in ("booked", "pending", "proposed"):
                return appointment
        return None

    def cancel(self, appointment_id: str, reason: str = "") -> AppointmentInfo:
        for attempt in range(2):
            current = self._client.read("Appointment", appointment_id)
            if current.get("status") == "cancelled":
                return self._accept(current)
            if current.get("status") not in ("booked", "pending", "proposed", "waitlist"):
                raise NotCancellable(str(current.get("status")))
            version = (current.get("meta") or {}).get("versionId")
            changed = dict(current, status="cancelled")
            if reason:
                changed["cancelationReason"] = {"text": reason}
            try:
                updated = self._client.update(
                    changed, if_match=f'W/"{version}"' if version else None
                )
            except Conflict as exc:
                if exc.status != 412:  # 409: the portal says this one cannot be cancelled
                    raise NotCancellable(
                        exc.detail, portal_texts=exc.portal_texts, status=exc.status
                    ) from exc
                if attempt:  # changed twice under us: let the user look again
                    raise
                continue  # 412: someone changed it since we read it; read it again
            return self._accept(updated)
        raise Conflict("unreachable")  # pragma: no cover - the loop returns or raises

    def request_home_visit(self, request: HomeVisitRequest) -> AppointmentInfo:
        extensions: list[dict[str, Any]] = [
            {"url": HOME_ADDRESS_EXT, "valueAddress": {"text": request.address, "use": "home"}},
            {"url": PHONE_EXT, "valueString": request.phone},
        ]
        if request.temperature is not None:
            extensions.append(
                {
                    "url": TEMPERATURE_EXT,
                    "valueQuantity": {
                        "value": request.temperature,
                        "unit": "°C",
                        "system": "http://unitsofmeasure.org",
                        "code": "Cel",
                    },
                }
            )
        appointment = {
            "resourceType": "Appointment",
            "identifier": [{"system": BOOKING_ID_SYSTEM, "value": request.request_key}],
            "status": "proposed",
            "serviceCategory": [kind_concept(KIND_HOME, "home visit")],
            "description": request.symptoms,
            "created": fhir_instant(self._clock()),
            "requestedPeriod": [{"start": fhir_instant(self._clock())}],
            "extension": extensions,
            "participant": [
                {"actor": {"reference": f"Patient/{request.patient_id}"}, "status": "accepted"}
            ],
        }
        guard = f"identifier={BOOKING_ID_SYSTEM}|{request.request_key}"
        return self._accept(self._client.create(appointment, if_none_exist=guard))

    def refresh(self, appointment_id: str) -> AppointmentInfo:
        return self._accept(self._client.read("Appointment", appointment_id))

    def _accept(self, appointment: Any) -> AppointmentInfo:
        if not isinstance(appointment, dict) or appointment.get("resourceType") != "Appointment":
            raise MalformedAnswer("expected an Appointment")
        self._remember([appointment])
        used: list[dict[str, Any]] = []

        def lookup(reference: str) -> dict[str, Any] | None:
            found = self.lookup(reference)
            if found is not None:
                used.append(found)
            return found

        info = describe(appointment, lookup)
        # The doctor, room and clinic go to the cache too, so the list shows them at once.
        self._ingest([appointment, *used])
        return info
