"""Appointments as the cache holds them, parsed by the one Appointment parser
(`fhir.describe`, also used on the portal's answers, so a fresh booking and a cached one
look exactly alike)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.services.cache import Cache
from desktop.services.clinic.fhir import attachment_of

from .fhir import AppointmentInfo, address_text, describe


def cached_appointments(cache: Cache, patient_id: str) -> list[AppointmentInfo]:
    """Every cached appointment of the patient, newest first (worker thread)."""
    infos = cache.resources.parse_all(patient_id, "Appointment", describe)
    far_past = datetime.min.replace(tzinfo=UTC)
    return sorted(infos, key=lambda i: i.start or i.created or far_past, reverse=True)


@dataclass(frozen=True)
class Contacts:
    """What prefills a home-visit request: where to come and whom to call."""

    address: str = ""
    phone: str = ""


def patient_contacts(cache: Cache, patient_id: str) -> Contacts:
    """The home address and a phone number from the cached Patient (read pool)."""
    patient = cache.resources.get("Patient", patient_id)
    if not patient:
        return Contacts()
    addresses = _dicts(patient.get("address"))
    home = [a for a in addresses if a.get("use") == "home"] or addresses
    phones = [
        t
        for t in _dicts(patient.get("telecom"))
        if t.get("system") in ("phone", "sms") and isinstance(t.get("value"), str | int)
    ]
    # A mobile first (the doctor calls on the way), then any phone that is not old.
    order = {"mobile": 0, "home": 1, "work": 2}
    phones = sorted(
        (t for t in phones if t.get("use") != "old"), key=lambda t: order.get(str(t.get("use")), 3)
    )
    return Contacts(
        address=address_text(home[0]) if home else "",
        phone=str(phones[0]["value"]) if phones else "",
    )


def _dicts(value: object) -> list[dict]:
    """The objects of a JSON list (a portal may send anything in their place)."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def home_clinic_id(cache: Cache, patient_id: str) -> str:
    """The clinic the person is attached to, from the cached Patient ("" when none)."""
    attachment = attachment_of(cache.resources.get("Patient", patient_id))
    return attachment.clinic_id if attachment is not None else ""
