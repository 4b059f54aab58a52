"""Names and birth dates of the people an account may open, from cached Patient resources."""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson
from sqlalchemy import select

from desktop.models.session import PatientInfo
from desktop.services.accounts import display_name_of
from desktop.services.cache.schema import resources


def load_patients(cache: Any, patient_ids: list[str], own_id: str) -> list[PatientInfo]:
    """Own card first, then the others in the account's order; ids when not synced yet."""
    stored: dict[str, dict[str, Any]] = {}
    with cache.read() as conn:
        rows = conn.execute(
            select(resources.c.id, resources.c.json).where(
                resources.c.type == "Patient", resources.c.id.in_(patient_ids)
            )
        ).all()
    for rid, raw in rows:
        try:
            stored[rid] = orjson.loads(raw)
        except orjson.JSONDecodeError:
            continue  # a damaged row: show the id rather than fail
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
    for name in patient.get("name") or []:
        given = (name.get("given") or [None])[0]
        family = name.get("family")
        if given and family:
            return f"{given} {family}"
    return display_name_of(patient)


def _birth_date(value: Any) -> dt.date | None:
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
