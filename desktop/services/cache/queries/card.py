"""The card timeline: counting, paging, filtering and full-text search, all in SQL."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import orjson

from ...names import short_org_name, short_person_text
from ..projections.clinical import document_sections, document_text
from ..projections.common import concept_text, dicts, ref_display, ref_id
from ..projections.observations import result_rows
from ..projections.records import dosage_text
from ..projections.visit import needles, period_of, refers_to, visit_facts
from ..schema import FTS_TABLE
from ..types import LabResultRow, RecordDetail, TimelineFilter, TimelineRow

if TYPE_CHECKING:
    from ..core import Cache

_WORD = re.compile(r"\w+", re.UNICODE)
_COLUMNS = (
    "t.id, t.kind, t.date, t.title, t.summary, coalesce(d.name, t.doctor),"
    " coalesce(c.name, t.clinic), t.abnormal, t.resource_type, t.resource_id, t.last_updated,"
    " d.short_name, c.short_name"
)
_JOINS = " LEFT JOIN directory d ON d.id = t.doctor_id LEFT JOIN directory c ON c.id = t.clinic_id"


def match_query(text: str) -> str | None:
    """User text -> a safe FTS5 query: every word as a quoted prefix term, all required.

    Quoting each token makes FTS syntax in the input (AND, NEAR, *, quotes, colons) plain
    text; the trailing * lets "гликир" find "гликированный".
    """
    words = _WORD.findall(text.lower())
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words[:16])


def _where(patient_id: str, filt: TimelineFilter) -> tuple[str, list[Any]]:
    clauses = ["t.patient_id = ?"]
    params: list[Any] = [patient_id]
    if filt.kinds is not None:
        kinds = sorted(filt.kinds)
        if not kinds:
            clauses.append("0")
        else:
            clauses.append(f"t.kind IN ({','.join('?' * len(kinds))})")
            params.extend(kinds)
    if filt.date_from is not None:
        clauses.append("t.date >= ?")
        params.append(filt.date_from.isoformat())
    if filt.date_to is not None:
        clauses.append("t.date < ?")
        params.append((filt.date_to + timedelta(days=1)).isoformat())
    query = match_query(filt.text)
    if query is not None:
        clauses.append(f"t.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)")
        params.append(query)
    return " AND ".join(clauses), params


def _row(values: Any) -> TimelineRow:
    doctor, clinic = values[5], values[6]
    # A name known only from a reference's display text is shortened from that text.
    return TimelineRow(
        id=values[0],
        kind=values[1],
        date=values[2],
        title=values[3],
        summary=values[4],
        doctor=values[11] or (short_person_text(doctor) if doctor else doctor),
        clinic=values[12] or (short_org_name(clinic) if clinic else clinic),
        abnormal=bool(values[7]),
        resource_type=values[8],
        resource_id=values[9],
        last_updated=values[10],
        doctor_full=doctor,
        clinic_full=clinic,
    )


class CardQueries:
    """`cache.card`: what the Medical card tab reads."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def count(self, patient_id: str, filt: TimelineFilter | None = None) -> int:
        where, params = _where(patient_id, filt or TimelineFilter())
        with self._cache.read() as conn:
            return int(
                conn.exec_driver_sql(
                    f"SELECT count(*) FROM timeline t WHERE {where}", tuple(params)
                ).scalar()
                or 0
            )

    def page(
        self, patient_id: str, filt: TimelineFilter | None = None, offset: int = 0, limit: int = 100
    ) -> list[TimelineRow]:
        """Records newest first; `offset`/`limit` page through them."""
        where, params = _where(patient_id, filt or TimelineFilter())
        sql = (
            f"SELECT {_COLUMNS} FROM timeline t {_JOINS} WHERE {where}"
            " ORDER BY t.date DESC, t.id DESC LIMIT ? OFFSET ?"
        )
        with self._cache.read() as conn:
            rows = conn.exec_driver_sql(sql, (*params, max(0, limit), max(0, offset))).all()
        return [_row(r) for r in rows]

    def row(self, record_id: int) -> TimelineRow | None:
        with self._cache.read() as conn:
            found = conn.exec_driver_sql(
                f"SELECT {_COLUMNS} FROM timeline t {_JOINS} WHERE t.id = ?", (record_id,)
            ).first()
        return _row(found) if found else None

    def detail(self, resource_type: str, resource_id: str) -> RecordDetail | None:
        """Everything the detail pane renders for one record; None if it is not cached."""
        with self._cache.read() as conn:
            raw = conn.exec_driver_sql(
                "SELECT json, last_updated, patient_id FROM resources WHERE type = ? AND id = ?",
                (resource_type, resource_id),
            ).first()
            if raw is None:
                return None
            resource = orjson.loads(raw[0])
            row = conn.exec_driver_sql(
                f"SELECT {_COLUMNS} FROM timeline t {_JOINS}"
                " WHERE t.resource_id = ? AND t.resource_type = ?",
                (resource_id, resource_type),
            ).first()
            linked = _linked(conn, resource)
        record = _row(row) if row else None
        facts: list[tuple[str, str]] = []
        period = ("", "")
        text = ""
        results: list[LabResultRow] = []
        sections: list[tuple[str, str]] = []
        if resource_type in ("Composition", "DocumentReference"):
            text = document_text(resource)
            sections = document_sections(resource)
        elif resource_type == "Encounter":
            text = "\n\n".join(document_text(doc) for doc in linked)
            sections = [part for doc in linked for part in document_sections(doc)]
            with self._cache.read() as conn:
                visit = _visit(conn, resource, str(raw[2] or ""))
            facts, period, measurements = visit
            results = [LabResultRow(**r) for obs in measurements for r in result_rows(obs)]
        elif resource_type == "DiagnosticReport":
            conclusion = resource.get("conclusion")
            parts = [conclusion if isinstance(conclusion, str) else ""]
            parts += [
                document_text({"content": [{"attachment": f}]})
                for f in dicts(resource.get("presentedForm"))
            ]
            text = "\n".join(p for p in parts if p)
            for obs in linked:
                results.extend(LabResultRow(**r) for r in result_rows(obs))
        elif resource_type == "Observation":
            results = [LabResultRow(**r) for r in result_rows(resource)]
        if not text:
            text = "\n".join(
                n["text"] for n in dicts(resource.get("note")) if isinstance(n.get("text"), str)
            )
        return RecordDetail(
            resource_type=resource_type,
            resource_id=resource_id,
            resource=resource,
            kind=record.kind if record else None,
            title=record.title if record else "",
            date=record.date if record else "",
            last_updated=str(raw[1] or ""),
            doctor=record.doctor_full if record else None,
            clinic=record.clinic_full if record else None,
            text=text,
            results=tuple(results),
            dosage=dosage_text(resource) if resource_type == "MedicationRequest" else "",
            abnormal=record.abnormal if record else any(r.abnormal for r in results),
            sections=tuple(sections),
            facts=tuple(facts) if resource_type == "Encounter" else (),
            period=period if resource_type == "Encounter" else ("", ""),
        )


_MEASUREMENTS_LIMIT = 200  # a visit's own measurements; more would be a data problem


def _visit(
    conn: Any, encounter: dict[str, Any], patient_id: str
) -> tuple[list[tuple[str, str]], tuple[str, str], list[dict[str, Any]]]:
    """A visit's facts, period and the Observations taken there (vital signs, panels).
    Records find their visit by a reference inside their JSON: searched with instr on the
    person's records of each type, confirmed by parsing (no projection table to keep)."""
    rid = str(encounter.get("id") or "")

    def name_of(ref: object) -> str:
        target = ref_id(ref)
        if target:
            found = conn.exec_driver_sql("SELECT name FROM directory WHERE id = ?", (target,))
            name = found.scalar()
            if name:
                return str(name)
            raw = conn.exec_driver_sql(
                "SELECT json FROM resources WHERE id = ? AND type = 'Condition'", (target,)
            ).scalar()
            if raw is not None:
                return concept_text(orjson.loads(raw).get("code"))
        return ref_display(ref) or ""

    def naming_it(rtype: str, limit: int) -> list[dict[str, Any]]:
        if not patient_id or not rid:
            return []
        found: list[dict[str, Any]] = []
        for needle in needles(encounter):
            rows = conn.exec_driver_sql(
                "SELECT json FROM resources WHERE patient_id = ? AND type = ?"
                " AND instr(json, ?) > 0 LIMIT ?",
                (patient_id, rtype, needle.encode(), limit),
            ).scalars()
            for blob in rows:
                record = orjson.loads(blob)
                if isinstance(record, dict) and refers_to(record, rid):
                    found.append(record)
        return found

    diagnoses = naming_it("Condition", 50)
    measurements = naming_it("Observation", _MEASUREMENTS_LIMIT)
    return visit_facts(encounter, name_of, diagnoses), period_of(encounter), measurements


def _linked(conn: Any, resource: dict[str, Any]) -> list[dict[str, Any]]:
    """A report's Observations (in order) or a visit's protocol documents."""
    rtype, rid = resource.get("resourceType"), resource.get("id")
    if rtype == "DiagnosticReport":
        found = []
        for ref in dicts(resource.get("result")):
            target = ref_id(ref)
            raw = conn.exec_driver_sql(
                "SELECT json FROM resources WHERE id = ? AND type = 'Observation'", (target,)
            ).scalar()
            if raw is not None:
                found.append(orjson.loads(raw))
        return found
    if rtype == "Encounter":
        rows = conn.exec_driver_sql(
            "SELECT r.json FROM links l JOIN resources r ON r.type = l.src_type AND r.id = l.src_id"
            " WHERE l.dst_id = ? AND l.src_type IN ('Composition', 'DocumentReference')",
            (rid,),
        )
        return [orjson.loads(r[0]) for r in rows]
    return []
