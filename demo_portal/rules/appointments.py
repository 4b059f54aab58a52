"""Portal-side business rules for appointments.

- Booking: creating an Appointment for a free Slot marks the Slot busy in the same critical
  section (the store's write lock), so two clients can never hold one slot; a busy slot is
  a 409 OperationOutcome "slot already taken". The portal takes start/end from the slot,
  sets the status to ``booked`` and assigns a ticket number.
- Video consultations (serviceCategory code ``video``) get a join URL extension
  (https://telemed.demo.medcard/room/<room id>).
- Cancelling (status -> cancelled) frees the slot again. A patient may change nothing else:
  server-owned fields are kept from the stored version.
- Doctor at home: an Appointment with serviceCategory ``home`` and no slot, created as
  ``proposed`` (request received); the clinic side moves it through ``pending`` (doctor
  assigned) -> ``booked`` (time set) -> ``fulfilled``; `advance_home_visit` plays the clinic
  for the demo and tests. The patient may cancel it while it is not fulfilled.
Chosen over ServiceRequest/Task because DESIGN.md maps doctor-at-home to Appointment, so
one list, one cancel path and one cache projection serve all three kinds.

The vocabulary is the app's (desktop/services/booking/fhir.py); the two packages may not
import each other, so the URLs are repeated here.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from demo_portal.errors import FhirError
from demo_portal.rules import registry
from demo_portal.rules.policy import check_policy

VISIT_KIND_SYSTEM = "https://demo.medcard/fhir/CodeSystem/visit-kind"
TICKET_SYSTEM = "https://demo.medcard/fhir/sid/ticket"
EXT_BASE = "https://demo.medcard/fhir/StructureDefinition/"
JOIN_URL_EXT = EXT_BASE + "telemed-join-url"
HOME_ADDRESS_EXT = EXT_BASE + "home-visit-address"
TELEMED_ROOM_BASE = "https://telemed.demo.medcard/room/"

ACTIVE = ("proposed", "pending", "booked", "waitlist", "arrived", "checked-in")
HOME_LIFECYCLE = {"proposed": "pending", "pending": "booked", "booked": "fulfilled"}


def _kind(appointment: dict[str, Any]) -> str:
    for concept in appointment.get("serviceCategory") or []:
        for coding in (concept or {}).get("coding") or []:
            if coding.get("system") == VISIT_KIND_SYSTEM and coding.get("code"):
                return str(coding["code"])
    return "clinic"


def _participant_refs(appointment: dict[str, Any]) -> list[str]:
    return [
        str(((p or {}).get("actor") or {}).get("reference") or "")
        for p in appointment.get("participant") or []
    ]


def _slot_ids(appointment: dict[str, Any]) -> list[str]:
    ids = []
    for ref in appointment.get("slot") or []:
        text = (ref or {}).get("reference") or ""
        if text.startswith("Slot/"):
            ids.append(text[len("Slot/") :])
    return ids


def _ref_id(reference: Any, rtype: str) -> str:
    text = (reference or {}).get("reference") or "" if isinstance(reference, dict) else ""
    return text[len(rtype) + 1 :] if text.startswith(rtype + "/") else ""


def _now(ctx: Any) -> datetime:
    now = getattr(ctx, "now", None)
    if callable(now):
        now = now()
    if isinstance(now, datetime):
        return now if now.tzinfo else now.replace(tzinfo=UTC)
    return datetime.now(UTC)


def _parse(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _instant(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _unprocessable(en: str, ru: str) -> FhirError:
    return FhirError(422, en, ru)


def _set_identifier(resource: dict[str, Any], system: str, value: str) -> None:
    idents = [i for i in resource.get("identifier") or [] if i.get("system") != system]
    resource["identifier"] = idents + [{"system": system, "value": value}]


def _next_ticket(store: Any) -> str:
    return f"MC-{store.count('Appointment') + 1:05d}"


@registry.before_create("Appointment")
def book_slot(ctx: Any, resource: dict[str, Any]) -> dict[str, Any]:
    resource = dict(resource)
    patient = next((r for r in _participant_refs(resource) if r.startswith("Patient/")), "")
    if patient:  # before anything is taken: a refusal leaves the slot free
        check_policy(ctx.store, patient.removeprefix("Patient/"), _now(ctx).date())
    kind = _kind(resource)
    if kind == "home":
        return _accept_home_visit(resource)
    slots = _slot_ids(resource)
    if len(slots) != 1:
        raise _unprocessable(
            "An appointment must reference exactly one Slot",
            "Запись должна ссылаться ровно на один слот расписания",
        )
    store = ctx.store
    with store.write_lock:  # re-entrant: also held by the server around the create itself
        slot = store.get("Slot", slots[0])
        if slot is None:
            raise _unprocessable("Slot not found", "Слот расписания не найден")
        if slot.get("status") != "free":
            raise FhirError(409, "Slot already taken", "Это время уже занято")
        schedule = store.get("Schedule", _ref_id(slot.get("schedule"), "Schedule")) or {}
        offered = _kind(slot) if slot.get("serviceCategory") else _kind(schedule)
        if offered != kind:
            raise _unprocessable(
                f"This time is for a {offered} appointment, not {kind}",
                "Это время предназначено для другого вида приёма",
            )
        start = _parse(slot.get("start"))
        if start is None or start <= _now(ctx):
            raise _unprocessable("The slot is in the past", "Это время уже прошло")
        resource["status"] = "booked"
        resource["start"], resource["end"] = slot.get("start"), slot.get("end")
        resource["participant"] = _participants_from(resource, schedule, kind)
        resource.setdefault("created", _instant(_now(ctx)))
        _set_identifier(resource, TICKET_SYSTEM, _next_ticket(store))
        if kind == "video":
            resource["extension"] = [
                e for e in resource.get("extension") or [] if e.get("url") != JOIN_URL_EXT
            ] + [{"url": JOIN_URL_EXT, "valueUrl": TELEMED_ROOM_BASE + uuid.uuid4().hex}]
        store.put(dict(slot, status="busy"))
    return resource


def _participants_from(
    resource: dict[str, Any], schedule: dict[str, Any], kind: str
) -> list[dict[str, Any]]:
    """The patient as sent; the doctor (and room) as the schedule says, whatever was sent."""
    patients = [
        p
        for p in resource.get("participant") or []
        if ((p or {}).get("actor") or {}).get("reference", "").startswith("Patient/")
    ]
    staff = [
        {"actor": dict(actor), "required": "required", "status": "accepted"}
        for actor in schedule.get("actor") or []
        if isinstance(actor, dict)
        and (
            actor.get("reference", "").startswith("Practitioner/")
            or (kind == "clinic" and actor.get("reference", "").startswith("Location/"))
        )
    ]
    return patients + staff


def _accept_home_visit(resource: dict[str, Any]) -> dict[str, Any]:
    has_address = any(
        e.get("url") == HOME_ADDRESS_EXT and (e.get("valueAddress") or {}).get("text")
        for e in resource.get("extension") or []
    )
    if not has_address:
        raise _unprocessable(
            "A home visit needs the address", "Для вызова врача на дом нужен адрес"
        )
    if not str(resource.get("description") or "").strip():
        raise _unprocessable("Describe the symptoms for the doctor", "Опишите симптомы для врача")
    resource["status"] = "proposed"
    resource.pop("slot", None)
    return resource


@registry.before_update("Appointment")
def patient_update(ctx: Any, resource: dict[str, Any]) -> dict[str, Any]:
    """Patients may only cancel: everything else is kept from the stored version.
    (Registry staff have their own rule: demo_portal/rules/desk.py.)"""
    if getattr(ctx.user, "is_staff", False):
        return resource
    stored = ctx.store.get("Appointment", resource.get("id"))
    if stored is None:
        raise _unprocessable("Appointments are created with POST", "Запись создаётся запросом POST")
    wanted = resource.get("status")
    if wanted == stored.get("status"):
        return dict(stored, meta=resource.get("meta", stored.get("meta")))
    if wanted != "cancelled":
        raise _unprocessable(
            "Only cancelling an appointment is allowed", "Запись можно только отменить"
        )
    start = _parse(stored.get("start"))
    over = start is not None and start <= _now(ctx) and _kind(stored) != "home"
    if stored.get("status") not in ACTIVE or over:
        raise FhirError(
            409,
            "This appointment can no longer be cancelled",
            "Эту запись уже нельзя отменить",
        )
    changed = dict(stored, status="cancelled")
    if isinstance(resource.get("cancelationReason"), dict):
        changed["cancelationReason"] = resource["cancelationReason"]
    return changed


@registry.after_update("Appointment")
def free_slot_on_cancel(ctx: Any, resource: dict[str, Any]) -> dict[str, Any]:
    """After (not before) the write, so a refused update (stale If-Match) frees nothing."""
    if resource.get("status") == "cancelled":
        _free_slots(ctx.store, resource)
    return resource


def _free_slots(store: Any, appointment: dict[str, Any]) -> None:
    with store.write_lock:
        for slot_id in _slot_ids(appointment):
            slot = store.get("Slot", slot_id)
            if slot is not None and slot.get("status") == "busy":
                store.put(dict(slot, status="free"))


def advance_home_visit(
    store: Any, appointment_id: str, now: datetime | None = None, practitioner: str = ""
) -> dict[str, Any]:
    """Play the clinic: move a home-visit request one step along its lifecycle."""
    with store.write_lock:
        current = store.get("Appointment", appointment_id)
        if current is None or _kind(current) != "home":
            raise KeyError(appointment_id)
        nxt = HOME_LIFECYCLE.get(current.get("status", ""))
        if nxt is None:
            return current
        changed = dict(current, status=nxt)
        if nxt == "pending" and practitioner:
            changed["participant"] = list(current.get("participant") or []) + [
                {"actor": {"reference": f"Practitioner/{practitioner}"}, "status": "accepted"}
            ]
        if nxt == "booked":
            start = (now or datetime.now(UTC)) + timedelta(hours=3)
            changed["start"], changed["end"] = _instant(start), _instant(start + timedelta(hours=1))
        return store.put(changed)


def add_schedule(
    store: Any,
    schedule_id: str,
    practitioner: tuple[str, str],
    location_id: str,
    specialty: tuple[str, str],
    first_start: datetime,
    count: int,
    minutes: int = 20,
    kind: str = "clinic",
) -> list[dict[str, Any]]:
    """Operator tool (demo set-up, tests): a Schedule with `count` free consecutive Slots.

    `practitioner` and `specialty` are (id or code, display) pairs. Returns the Slots.
    """
    code, display = specialty
    store.put(
        {
            "resourceType": "Schedule",
            "id": schedule_id,
            "active": True,
            "serviceCategory": [{"coding": [{"system": VISIT_KIND_SYSTEM, "code": kind}]}],
            "specialty": [
                {
                    "coding": [
                        {"system": "http://snomed.info/sct", "code": code, "display": display}
                    ],
                    "text": display,
                }
            ],
            "actor": [
                {"reference": f"Practitioner/{practitioner[0]}", "display": practitioner[1]},
                {"reference": f"Location/{location_id}"},
            ],
            "planningHorizon": {"start": _instant(first_start)},
        }
    )
    slots = []
    for n in range(count):
        start = first_start + timedelta(minutes=minutes * n)
        slots.append(
            store.put(
                {
                    "resourceType": "Slot",
                    "id": f"{schedule_id}-{n}",
                    "schedule": {"reference": f"Schedule/{schedule_id}"},
                    "status": "free",
                    "start": _instant(start),
                    "end": _instant(start + timedelta(minutes=minutes)),
                }
            )
        )
    return slots
