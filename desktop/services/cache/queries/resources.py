"""Raw FHIR resources for the features that parse them themselves.

Appointments, access requests, documents and the like are short lists per person, and
each feature parses its own resource kind in one place (e.g. `services/booking/fhir.py`
for Appointment). These queries hand out the stored JSON as plain dicts; the features
never see SQL.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
from sqlalchemy import Connection

from ..resolver import chunks, marks

if TYPE_CHECKING:
    from ..core import Cache

log = logging.getLogger("medcard.cache")
JSON = dict[str, Any]
T = TypeVar("T")
Lookup = Callable[[str], JSON | None]  # "Type/id" -> the stored resource, or None


def _load(blob: bytes) -> JSON | None:
    try:
        found = orjson.loads(blob)
    except orjson.JSONDecodeError:
        return None  # a damaged row is skipped, never a traceback in a tab
    return found if isinstance(found, dict) else None


class ResourceQueries:
    """`cache.resources`."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def get(self, resource_type: str, resource_id: str) -> JSON | None:
        with self._cache.read() as conn:
            return _get(conn, resource_type, resource_id)

    def by_ids(self, resource_type: str, ids: Iterable[str]) -> dict[str, JSON]:
        """Stored resources of one type by id (ids not stored are left out)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, JSON] = {}
        with self._cache.read() as conn:
            for part in chunks(wanted):
                rows = conn.exec_driver_sql(
                    f"SELECT id, json FROM resources WHERE type = ? AND id IN ({marks(len(part))})",
                    (resource_type, *part),
                ).all()
                for rid, blob in rows:
                    resource = _load(blob)
                    if resource is not None:
                        found[str(rid)] = resource
        return found

    def of_patient(self, patient_id: str, resource_type: str) -> list[JSON]:
        """Every stored resource of a type in one person's card (no particular order)."""
        with self._cache.read() as conn:
            return _of_patient(conn, patient_id, resource_type)

    def shared(self, resource_type: str) -> list[JSON]:
        """Every stored resource of a type that is in nobody's card: the directory of
        clinics, their rooms and registries, doctors and their roles."""
        with self._cache.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT json FROM resources WHERE patient_id IS NULL AND type = ?",
                (resource_type,),
            ).scalars()
            return [r for r in (_load(blob) for blob in rows) if r is not None]

    def parse_all(
        self, patient_id: str, resource_type: str, parse: Callable[[JSON, Lookup], T]
    ) -> list[T]:
        """`parse(resource, lookup)` for each of the person's resources of a type, in one
        read transaction; `lookup("Location/x")` finds what they refer to (a clinic, a
        doctor), so a parser may follow references as deep as it needs."""
        with self._cache.read() as conn:
            seen: dict[str, JSON | None] = {}

            def lookup(reference: str) -> JSON | None:
                if reference not in seen:
                    rtype, _, rid = reference.partition("/")
                    seen[reference] = _get(conn, rtype, rid) if rid else None
                return seen[reference]

            parsed: list[T] = []
            for resource in _of_patient(conn, patient_id, resource_type):
                try:
                    parsed.append(parse(resource, lookup))
                except Exception as exc:  # noqa: BLE001 - one odd record must not hide the list
                    # The type and the exception class only: values may be medical data.
                    log.warning(
                        "skipped a %s that could not be read (%s)",
                        resource_type,
                        type(exc).__name__,
                    )
            return parsed


def _get(conn: Connection, resource_type: str, resource_id: str) -> JSON | None:
    blob = conn.exec_driver_sql(
        "SELECT json FROM resources WHERE type = ? AND id = ?", (resource_type, resource_id)
    ).scalar()
    return _load(blob) if blob is not None else None


def _of_patient(conn: Connection, patient_id: str, resource_type: str) -> list[JSON]:
    rows = conn.exec_driver_sql(
        "SELECT json FROM resources WHERE patient_id = ? AND type = ?",
        (patient_id, resource_type),
    ).scalars()
    return [r for r in (_load(blob) for blob in rows) if r is not None]
