"""What the sync engine asks of the cache: watermarks, a page committed with its own,
and the doctors and places the card names but the cache lacks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import writer
from ..prepare import Prepared, prepare

if TYPE_CHECKING:
    from ..core import Cache


@dataclass(frozen=True)
class Committed:
    skipped: int  # records of the page that could not be read


_MISSING_DIRECTORY_SQL = """
    SELECT id FROM (
        SELECT doctor_id AS id FROM timeline WHERE doctor_id IS NOT NULL
        UNION SELECT clinic_id FROM timeline WHERE clinic_id IS NOT NULL
        UNION SELECT dst_id FROM links WHERE src_type = 'Appointment')
    WHERE id NOT IN (SELECT id FROM directory)"""


class SyncQueries:
    """`cache.sync`."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def watermarks(self) -> dict[tuple[str, str], str]:
        """(patient id, stream) -> the newest `meta.lastUpdated` committed for it."""
        with self._cache.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT patient_id, resource_type, last_updated FROM watermarks"
            ).all()
        return {(str(p), str(t)): str(w) for p, t, w in rows}

    def commit_page(
        self,
        resources: list[dict[str, Any]],
        patient_id: str,
        stream: str,
        watermark: str | None,
        marks: Mapping[str, str | None] | None = None,
        prepared: Prepared | None = None,
    ) -> Committed:
        """One page and its watermark in one transaction: a kill loses at most this page.
        Records that cannot be understood are left out and counted (never block the page).
        `marks`: more of the patient's watermark rows to set, or to delete (None), in the
        same transaction (where an interrupted first sync resumes). `prepared`: the page
        already prepared (in a worker process), else it is prepared here."""
        skipped = 0
        with self._cache.write() as conn:
            if resources:
                prepared = prepared or prepare(resources, patient_id)
                writer.apply(conn, prepared)
                skipped = prepared.skipped
            if watermark:
                writer.set_watermark(conn, patient_id, stream, watermark)
            for name, value in (marks or {}).items():
                if value is None:
                    writer.delete_watermark(conn, patient_id, name)
                else:
                    writer.set_watermark(conn, patient_id, name, value)
        return Committed(skipped)

    def missing_directory_ids(self) -> list[str]:
        with self._cache.read() as conn:
            return sorted(str(r[0]) for r in conn.exec_driver_sql(_MISSING_DIRECTORY_SQL))
