"""The people an account may open, as the cache knows them: names and birth dates of
the cached Patients, in the account's order (the holder first). Read on worker threads;
the app's one list of them is `desktop.models.people.PatientRoster`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop.services.accounts import display_name_of
from desktop.services.cache import Cache


@dataclass(frozen=True)
class PatientInfo:
    """A person whose card the account may open (self first, then children)."""

    patient_id: str
    display_name: str
    birth_date: dt.date | None = None
    is_self: bool = False

    def age(self, today: dt.date | None = None) -> int | None:
        if self.birth_date is None:
            return None
        today = today or dt.date.today()
        b = self.birth_date
        return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


def patient_ids_from(tokens: Any) -> list[str]:
    """The ids a token answer lists (`TokenSet.patients`); [] when the portal lists none."""
    return [str(p) for p in getattr(tokens, "patients", None) or () if p]


def load_people(cache: Cache, patient_ids: list[str], own_id: str) -> list[PatientInfo]:
    """Own card first, then the others in the account's order; ids when not synced yet
    (worker thread: reads the cache)."""
    stored = cache.resources.by_ids("Patient", patient_ids)
    return people_from(stored, patient_ids, own_id)


def people_from(
    stored: dict[str, dict[str, Any]], patient_ids: Iterable[str], own_id: str
) -> list[PatientInfo]:
    people = []
    for pid in sorted(patient_ids, key=lambda p: p != own_id):
        patient = stored.get(pid, {})
        people.append(
            PatientInfo(
                patient_id=pid,
                display_name=_short_name(patient) or pid,
                birth_date=_birth_date(patient.get("birthDate")),
                is_self=pid == own_id,
            )
        )
    return people


def _short_name(patient: dict[str, Any]) -> str | None:
    """ "Given Family" for the switcher (Russian patronymics make full names too long)."""
    names = patient.get("name")
    for name in names if isinstance(names, list) else []:
        if not isinstance(name, dict):
            continue
        givens = name.get("given")
        given = givens[0] if isinstance(givens, list) and givens else None
        family = name.get("family")
        if isinstance(given, str) and isinstance(family, str) and given and family:
            return f"{given} {family}"
    return display_name_of(patient)


def _birth_date(value: Any) -> dt.date | None:
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
