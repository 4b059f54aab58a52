"""Appointments as the cache holds them, parsed by the one Appointment parser
(`fhir.describe`, also used on the portal's answers, so a fresh booking and a cached one
look exactly alike)."""

from __future__ import annotations

from datetime import UTC, datetime

from desktop.services.cache import Cache

from .fhir import AppointmentInfo, address_text, describe


def cached_appointments(cache: Cache, patient_id: str) -> list[AppointmentInfo]:
    """Every cached appointment of the patient, newest first (worker thread)."""
    infos = cache.resources.parse_all(patient_id, "Appointment", describe)
    far_past = datetime.min.replace(tzinfo=UTC)
    return sorted(infos, key=lambda i: i.start or i.created or far_past, reverse=True)


def patient_address(cache: Cache, patient_id: str) -> str:
    """The patient's home address from the cached Patient (prefills a home-visit request)."""
    patient = cache.resources.get("Patient", patient_id)
    if not patient:
        return ""
    addresses = [a for a in patient.get("address") or [] if isinstance(a, dict)]
    home = [a for a in addresses if a.get("use") == "home"] or addresses
    return address_text(home[0]) if home else ""
