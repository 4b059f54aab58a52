"""The health diary's own entries and its outbox (entries not sent to the portal yet).

The outbox lives in the cache so that an entry typed offline is encrypted like the rest
of the card and survives restarts; `services/diary/store.py` decides what goes in and out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import orjson

from ..resolver import chunks, marks

if TYPE_CHECKING:
    from ..core import Cache

JSON = dict[str, Any]
PENDING = "pending"
FAILED = "failed"
_KIND = "Observation"


@dataclass(frozen=True)
class OutboxItem:
    identifier: str
    resource: JSON
    status: str  # PENDING or FAILED
    error: str | None = None


class DiaryQueries:
    """`cache.diary`: reads on any thread; the writes are small single transactions."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    # -- reads ------------------------------------------------------------------------
    def own_entries(self, patient_id: str) -> list[JSON]:
        """The person's self-measured Observations as stored (raw FHIR)."""
        with self._cache.read() as conn:
            ids = list(
                conn.exec_driver_sql(
                    "SELECT DISTINCT resource_id FROM observations"
                    " WHERE patient_id = ? AND self_measured = 1",
                    (patient_id,),
                ).scalars()
            )
            found: list[JSON] = []
            for part in chunks(ids):
                blobs = conn.exec_driver_sql(
                    f"SELECT json FROM resources WHERE type = ? AND id IN ({marks(len(part))})",
                    (_KIND, *part),
                ).scalars()
                found += [r for r in (_load(b) for b in blobs) if r is not None]
        return found

    def outbox(self, patient_id: str) -> list[OutboxItem]:
        """What waits for the portal (or was refused by it) for one person."""
        with self._cache.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT identifier, resource, status, error FROM outbox"
                " WHERE patient_id = ? AND resource_type = ? ORDER BY created",
                (patient_id, _KIND),
            ).all()
        return _items(rows)

    def pending(self) -> list[OutboxItem]:
        """Every entry still to be sent, oldest first (all people of the account)."""
        with self._cache.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT identifier, resource, status, error FROM outbox"
                " WHERE status = ? AND resource_type = ? ORDER BY created",
                (PENDING, _KIND),
            ).all()
        return _items(rows)

    def pending_count(self, patient_id: str | None = None) -> int:
        sql = "SELECT count(*) FROM outbox WHERE status = ? AND resource_type = ?"
        params: tuple[str, ...] = (PENDING, _KIND)
        if patient_id is not None:
            sql += " AND patient_id = ?"
            params += (patient_id,)
        with self._cache.read() as conn:
            return int(conn.exec_driver_sql(sql, params).scalar() or 0)

    def holds(self, identifier: str) -> bool:
        with self._cache.read() as conn:
            found = conn.exec_driver_sql(
                "SELECT 1 FROM outbox WHERE identifier = ?", (identifier,)
            ).first()
        return found is not None

    # -- writes -----------------------------------------------------------------------
    def put(self, identifier: str, patient_id: str, resource: JSON, status: str = PENDING) -> None:
        """Keep (or replace) an entry in the outbox."""
        blob = orjson.dumps(resource)
        with self._cache.write() as conn:
            changed = conn.exec_driver_sql(
                "UPDATE outbox SET resource = ?, status = ?, error = NULL WHERE identifier = ?",
                (blob, status, identifier),
            ).rowcount
            if not changed:
                conn.exec_driver_sql(
                    "INSERT INTO outbox (identifier, patient_id, resource_type, resource,"
                    " status, created) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        identifier,
                        patient_id,
                        _KIND,
                        blob,
                        status,
                        datetime.now(UTC).isoformat(timespec="microseconds"),
                    ),
                )

    def drop(self, identifier: str) -> None:
        with self._cache.write() as conn:
            conn.exec_driver_sql("DELETE FROM outbox WHERE identifier = ?", (identifier,))

    def mark_failed(self, identifier: str, error: str) -> None:
        """The portal refused the entry: keep it visible with the reason, never resend."""
        with self._cache.write() as conn:
            conn.exec_driver_sql(
                "UPDATE outbox SET status = ?, error = ? WHERE identifier = ?",
                (FAILED, error, identifier),
            )


def _load(blob: bytes) -> JSON | None:
    try:
        found = orjson.loads(blob)
    except orjson.JSONDecodeError:
        return None
    return found if isinstance(found, dict) else None


def _items(rows: Sequence[Any]) -> list[OutboxItem]:
    items = []
    for identifier, blob, status, error in rows:
        resource = _load(blob)
        if resource is not None:
            items.append(OutboxItem(str(identifier), resource, str(status), error))
    return items
