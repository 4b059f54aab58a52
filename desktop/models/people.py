"""The people an account may open: the holder first, then children (the one list).

`PatientRoster` is the only owner of that list in the app. It follows the tokens: the
ids come from the token answer (`TokenSet.patients`), renewed before every sync and after
an access change; names and birth dates come from the cached Patient resources.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from desktop.services.people import PatientInfo as PatientInfo  # re-exported for the views
from desktop.services.people import load_people as load_people
from desktop.services.people import patient_ids_from as patient_ids_from
from desktop.services.people import people_from


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
