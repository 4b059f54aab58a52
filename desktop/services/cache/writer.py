"""Storing resources and keeping their projections in step (runs inside `cache.write()`).

A batch (one sync page, or the portal's answer to a write) is stored raw, then every
resource whose projection may have changed is re-projected: the batch itself, reports
whose Observations just arrived, visits whose protocol just arrived, standalone results
that a newly arrived report now contains. Hot paths use driver-level executemany.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection

from .projections import DIRECTORY_TYPES, Projection, links_of, patient_of, project
from .projections.common import JSON
from .schema import FTS_TABLE

_CHUNK = 500  # bound parameters per IN (...) list; SQLite allows 32766, stay modest
_DEPENDENT_TYPES = ("Encounter", "Observation")
Key = tuple[str, str]


def _chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


class _Resolver:
    """Looks up resources in the batch first, then in the cache (memoised)."""

    def __init__(self, conn: Connection, by_key: dict[Key, JSON]) -> None:
        self._conn = conn
        self._by_key = by_key
        self._by_id = {rid: res for (_, rid), res in by_key.items()}
        self._referrers: dict[str, list[Key]] = {}

    def load_referrers(self, ids: Sequence[str]) -> None:
        for part in _chunks(list(ids)):
            rows = self._conn.exec_driver_sql(
                f"SELECT dst_id, src_type, src_id FROM links WHERE dst_id IN ({_marks(len(part))})",
                tuple(part),
            )
            for dst, src_type, src_id in rows:
                self._referrers.setdefault(dst, []).append((src_type, src_id))

    def load(self, keys: Iterable[Key]) -> None:
        missing = [k for k in keys if k not in self._by_key]
        for part in _chunks(missing):
            rows = self._conn.exec_driver_sql(
                f"SELECT type, id, json FROM resources WHERE id IN ({_marks(len(part))})",
                tuple(rid for _, rid in part),
            )
            wanted = set(part)
            for rtype, rid, raw in rows:
                if (rtype, rid) in wanted:
                    self._remember(orjson.loads(raw))

    def _remember(self, resource: JSON) -> None:
        self._by_key[(resource["resourceType"], resource["id"])] = resource
        self._by_id.setdefault(resource["id"], resource)

    def get(self, rid: str | None, rtype: str | None = None) -> JSON | None:
        if not rid:
            return None
        found = self._by_key.get((rtype, rid)) if rtype else self._by_id.get(rid)
        if found is not None:
            return found
        sql = "SELECT json FROM resources WHERE id = ?" + (" AND type = ?" if rtype else "")
        raw = self._conn.exec_driver_sql(sql, (rid, rtype) if rtype else (rid,)).scalar()
        if raw is None:
            return None
        resource = orjson.loads(raw)
        self._remember(resource)
        return resource

    def referrers(self, rid: str, types: tuple[str, ...]) -> list[JSON]:
        found = []
        for src_type, src_id in self._referrers.get(rid, ()):
            if src_type in types:
                resource = self.get(src_id, src_type)
                if resource is not None:
                    found.append(resource)
        return found


def store(conn: Connection, batch: list[JSON]) -> None:
    """Upsert raw resources and re-project everything they affect."""
    by_key: dict[Key, JSON] = {(r["resourceType"], str(r["id"])): r for r in batch}
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO resources (type, id, patient_id, last_updated, version_id, json)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                rtype,
                rid,
                patient_of(res),
                str((res.get("meta") or {}).get("lastUpdated") or ""),
                (res.get("meta") or {}).get("versionId"),
                orjson.dumps(res),
            )
            for (rtype, rid), res in by_key.items()
        ],
    )
    keys = list(by_key)
    new_links = [(rtype, rid, dst) for (rtype, rid), res in by_key.items() for dst in links_of(res)]
    _replace_links(conn, keys, new_links)

    affected: set[Key] = set(keys)
    resolver = _Resolver(conn, dict(by_key))
    ids = [rid for _, rid in keys]
    for part in _chunks(ids):  # records that depend on what just arrived
        affected.update(
            conn.exec_driver_sql(
                f"SELECT src_type, src_id FROM links WHERE dst_id IN ({_marks(len(part))})",
                tuple(part),
            ).all()
        )
    targets = list({dst for _, _, dst in new_links})
    for part in _chunks(targets):  # visits/results that a new document/report now covers
        affected.update(
            conn.exec_driver_sql(
                f"SELECT type, id FROM resources WHERE id IN ({_marks(len(part))})"
                f" AND type IN ({_marks(len(_DEPENDENT_TYPES))})",
                (*part, *_DEPENDENT_TYPES),
            ).all()
        )
    resolver.load(affected)
    resolver.load_referrers([rid for _, rid in affected])
    projections: dict[Key, tuple[JSON, Projection]] = {}
    for key in affected:
        resource = resolver.get(key[1], key[0])
        if resource is not None:
            projections[key] = (resource, project(resource, resolver))
    _write_projections(conn, projections)


def _replace_links(
    conn: Connection, keys: list[Key], new_links: list[tuple[str, str, str]]
) -> None:
    _many(conn, "DELETE FROM links WHERE src_type = ? AND src_id = ?", keys)
    if new_links:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO links (src_type, src_id, dst_id) VALUES (?, ?, ?)", new_links
        )


def _many(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """executemany that tolerates an empty list (SQLAlchemy would run it once, unbound)."""
    if rows:
        conn.exec_driver_sql(sql, list(rows))


def delete_fts(conn: Connection, rowids: Sequence[int]) -> None:
    _many(conn, f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", [(i,) for i in rowids])


def _write_projections(conn: Connection, projections: dict[Key, tuple[JSON, Projection]]) -> None:
    keys = list(projections)
    old_ids: list[int] = []
    for part in _chunks(keys):
        rows = conn.exec_driver_sql(
            f"SELECT id, resource_type, resource_id FROM timeline"
            f" WHERE resource_id IN ({_marks(len(part))})",
            tuple(k[1] for k in part),
        )
        wanted = set(part)
        old_ids.extend(i for i, t, r in rows if (t, r) in wanted)
    delete_fts(conn, old_ids)
    _many(conn, "DELETE FROM timeline WHERE id = ?", [(i,) for i in old_ids])
    next_id = (conn.exec_driver_sql("SELECT max(id) FROM timeline").scalar() or 0) + 1
    timeline_rows, fts_rows, obs_rows, appt_rows, family_rows, request_rows, dir_rows = (
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    )
    for (rtype, rid), (resource, proj) in projections.items():
        updated = str((resource.get("meta") or {}).get("lastUpdated") or "")
        record = proj.timeline
        if record is not None:
            timeline_rows.append(
                (
                    next_id,
                    patient_of(resource),
                    record["kind"],
                    record["date"],
                    record["title"],
                    record["summary"],
                    record["doctor"],
                    record["doctor_id"],
                    record["clinic"],
                    record["clinic_id"],
                    int(bool(record["abnormal"])),
                    rtype,
                    rid,
                    updated,
                )
            )
            fts_rows.append((next_id, record["title"], record["body"]))
            next_id += 1
        obs_rows.extend(proj.observations)
        if proj.appointment is not None:
            appt_rows.append({**proj.appointment, "last_updated": updated})
        if proj.family is not None:
            family_rows.append(
                {**proj.family, "resource_type": rtype, "resource_id": rid, "last_updated": updated}
            )
        if proj.request is not None:
            request_rows.append(
                {
                    **proj.request,
                    "resource_type": rtype,
                    "resource_id": rid,
                    "last_updated": updated,
                }
            )
        if proj.directory is not None:
            dir_rows.append(proj.directory)
    if timeline_rows:
        conn.exec_driver_sql(
            "INSERT INTO timeline (id, patient_id, kind, date, title, summary, doctor, doctor_id,"
            " clinic, clinic_id, abnormal, resource_type, resource_id, last_updated)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            timeline_rows,
        )
        conn.exec_driver_sql(
            f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (?, ?, ?)", fts_rows
        )
    observation_ids = [(rid,) for rtype, rid in keys if rtype == "Observation"]
    if observation_ids:
        conn.exec_driver_sql("DELETE FROM observations WHERE resource_id = ?", observation_ids)
    _insert(conn, "observations", obs_rows)
    appointment_ids = [(rid,) for rtype, rid in keys if rtype == "Appointment"]
    if appointment_ids:
        conn.exec_driver_sql("DELETE FROM appointments WHERE resource_id = ?", appointment_ids)
    _insert(conn, "appointments", appt_rows)
    for table in ("family", "requests"):
        _many(
            conn,
            f"DELETE FROM {table} WHERE resource_type = ? AND resource_id = ?",
            [k for k in keys if k[0] in ("Task", "RelatedPerson", "ServiceRequest")],
        )
    _insert(conn, "family", family_rows)
    _insert(conn, "requests", request_rows)
    if dir_rows:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO directory (id, type, name, address) VALUES (?, ?, ?, ?)",
            [(d["id"], d["type"], d["name"], d["address"]) for d in dir_rows],
        )
    dir_deleted = [
        k for k in keys if k[0] in DIRECTORY_TYPES and projections[k][1].directory is None
    ]
    if dir_deleted:
        conn.exec_driver_sql("DELETE FROM directory WHERE id = ?", [(k[1],) for k in dir_deleted])


def _insert(conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({_marks(len(columns))})",
        [tuple(row[c] for c in columns) for row in rows],
    )


def forget_orphans(conn: Connection) -> None:
    """Drop links whose source resource is gone (after a patient was removed)."""
    conn.exec_driver_sql(
        "DELETE FROM links WHERE NOT EXISTS (SELECT 1 FROM resources r"
        " WHERE r.type = links.src_type AND r.id = links.src_id)"
    )


def set_watermark(conn: Connection, patient_id: str, resource_type: str, value: str) -> None:
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO watermarks (patient_id, resource_type, last_updated)"
        " VALUES (?, ?, ?)",
        (patient_id, resource_type, value),
    )
