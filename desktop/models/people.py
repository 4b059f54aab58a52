"""The people an account may open: the holder first, then children (the one list).

`PatientRoster` is the only owner of that list in the app. It follows the tokens: the
ids come from the token answer (`TokenSet.patients`), renewed before every sync and after
an access change; names and birth dates come from the cached Patient resources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

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


class PatientRoster(QObject):
    """Who the account may open now. GUI thread only; `changed` after every change."""

    changed = Signal()

    def __init__(self, own_patient_id: str, patient_ids: Iterable[str]) -> None:
        super().__init__()
        self.own_patient_id = own_patient_id
        ids = list(dict.fromkeys(patient_ids)) or [own_patient_id]
        self._ids = ids
        self._people = people_from({}, ids, own_patient_id)

    @property
    def ids(self) -> list[str]:
        return list(self._ids)

    @property
    def people(self) -> list[PatientInfo]:
        return list(self._people)

    def has(self, patient_id: str) -> bool:
        return patient_id in self._ids

    def set_ids(self, patient_ids: Iterable[str]) -> bool:
        """The tokens' new list; names stay until `set_people` brings fresh ones.
        Returns whether anyone was added or removed."""
        ids = list(dict.fromkeys(str(p) for p in patient_ids if p))
        if not ids or ids == self._ids:
            return False
        known = {p.patient_id: p for p in self._people}
        self._ids = ids
        self._people = [
            known.get(pid) or PatientInfo(pid, pid, None, pid == self.own_patient_id)
            for pid in sorted(ids, key=lambda p: p != self.own_patient_id)
        ]
        self.changed.emit()
        return True

    def set_people(self, people: list[PatientInfo]) -> None:
        """Names and birth dates read from the cache (for the ids listed now)."""
        fresh = [p for p in people if p.patient_id in self._ids]
        if fresh != self._people and {p.patient_id for p in fresh} == set(self._ids):
            self._people = fresh
            self.changed.emit()


def _short_name(patient: dict[str, Any]) -> str | None:
    """ "Given Family" for the switcher (Russian patronymics make full names too long)."""
    for name in patient.get("name") or []:
        if not isinstance(name, dict):
            continue
        given = (name.get("given") or [None])[0]
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
