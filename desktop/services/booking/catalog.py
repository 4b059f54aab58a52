"""What can be booked: specialties, doctors, schedules and free slots (Qt-free values).

Read from the portal's Schedule and Slot resources by `desktop.services.booking.service`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.services.booking.fhir import concept_code, concept_text, visit_kind
from desktop.services.errors import MalformedAnswer


@dataclass(frozen=True)
class Specialty:
    code: str
    name: str


@dataclass(frozen=True)
class Doctor:
    id: str
    name: str
    specialty_code: str
    schedule_ids: tuple[str, ...]


@dataclass(frozen=True)
class FreeSlot:
    id: str
    start: datetime
    end: datetime
    schedule_id: str
    doctor_id: str
    doctor_name: str
    specialty_code: str
    specialty_name: str
    location_id: str


@dataclass
class Catalog:
    """Specialties, doctors and their schedules, read once per booking dialog."""

    specialties: list[Specialty] = field(default_factory=list)
    doctors: list[Doctor] = field(default_factory=list)
    schedules: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The doctors of the clinic the person is attached to: offered first (issue 13).
    home_doctor_ids: frozenset[str] = frozenset()

    def at_home_clinic(self, doctor: Doctor) -> bool:
        return doctor.id in self.home_doctor_ids

    def schedule_kind(self, schedule_id: str) -> str:
        """clinic | video (a schedule without a visit-kind category is in the clinic)."""
        return visit_kind(self.schedules.get(schedule_id, {}))

    def doctors_for(self, specialty_code: str, kind: str | None = None) -> list[Doctor]:
        return [
            d
            for d in self.doctors
            if d.specialty_code == specialty_code
            and (kind is None or any(self.schedule_kind(s) == kind for s in d.schedule_ids))
        ]

    def specialties_for(self, kind: str | None = None) -> list[Specialty]:
        """Those the person's own clinic offers first (a stable sort keeps the names' order)."""
        offered = [s for s in self.specialties if self.doctors_for(s.code, kind)]
        return sorted(
            offered,
            key=lambda s: not any(self.at_home_clinic(d) for d in self.doctors_for(s.code, kind)),
        )


def bundle_entries(pages: Iterable[dict[str, Any]], resource_type: str) -> Iterator[dict[str, Any]]:
    for page in pages:
        if not isinstance(page, dict) or page.get("resourceType") != "Bundle":
            raise MalformedAnswer(f"expected a Bundle for {resource_type}")
        for entry in page.get("entry") or []:
            resource = (entry or {}).get("resource")
            if isinstance(resource, dict) and resource.get("resourceType") == resource_type:
                yield resource


def schedule_specialty(schedule: dict[str, Any]) -> tuple[str, str]:
    for concept in (schedule.get("specialty") or []) + (schedule.get("serviceType") or []):
        code, name = concept_code(concept), concept_text(concept)
        if code or name:
            return code or name, name or code
    return "", ""
