"""Storing resources and keeping their projections in step (runs inside `cache.write()`).

A batch (one sync page, or the portal's answer to a write) is stored raw, then every
resource whose projection may have changed is re-projected: the batch itself, reports
whose Observations just arrived, visits whose protocol just arrived, standalone results
that a newly arrived report now contains. Rows of resources seen for the first time
need no clean-up, which keeps a first full sync cheap. Hot paths use executemany.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from .prepare import Prepared, Unreadable, meta_of, prepare, safe_project
from .projections import DIRECTORY_TYPES, Projection, patient_of
from .projections.common import JSON
from .resolver import BatchResolver, Key, chunks, marks
from .schema import FTS_TABLE

# Re-projected when a linked document/report lands (visit text, results, a report's study).
_DEPENDENT_TYPES = ("Encounter", "Observation", "ImagingStudy")
_TIMELINE_SQL = (
    "INSERT INTO timeline (id, patient_id, kind, date, title, summary, doctor, doctor_id,"
    " clinic, clinic_id, abnormal, resource_type, resource_id, last_updated)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _many(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """executemany that tolerates an empty list (SQLAlchemy would run it once, unbound)."""
    if rows:
        conn.exec_driver_sql(sql, list(rows))


def _select_keys(conn: Connection, sql: str, ids: Sequence[str], *extra: str) -> set[Key]:
    found: set[Key] = set()
    for part in chunks(list(ids)):
        rows = conn.exec_driver_sql(sql.format(marks(len(part))), (*part, *extra)).all()
        found.update((str(a), str(b)) for a, b in rows)
    return found


def store(conn: Connection, batch: list[JSON], owner: str | None = None) -> int:
    """Upsert raw resources and re-project everything they affect; returns how many were
    stored (a resource that cannot be understood is skipped)."""
    prepared = prepare(batch, owner)
    apply(conn, prepared)
    return len(prepared.by_key)


def apply(conn: Connection, prepared: Prepared) -> None:
    """Write a prepared batch; re-project what the batch alone could not decide."""
    by_key = prepared.by_key
    if not by_key:
        return  # every record of the batch was skipped as unreadable
    ids = [rid for _, rid in by_key]
    # Ids may repeat across types (numeric ids on some servers): keep exact keys only.
    stored_before = set(by_key) & _select_keys(
        conn, "SELECT type, id FROM resources WHERE id IN ({})", ids
    )
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO resources (type, id, patient_id, last_updated, version_id, json)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        prepared.rows,
    )
    _many(conn, "DELETE FROM links WHERE src_type = ? AND src_id = ?", list(stored_before))
    _many(
        conn,
        "INSERT OR IGNORE INTO links (src_type, src_id, dst_id) VALUES (?, ?, ?)",
        prepared.links,
    )
    # Stored records that refer to the batch (a report whose result just arrived) and the
    # batch members they refer to (whose "is it in a report?" answer may change).
    outside: set[Key] = set()
    referred: set[str] = set()
    for part in chunks(ids):
        rows = conn.exec_driver_sql(
            f"SELECT src_type, src_id, dst_id FROM links WHERE dst_id IN ({marks(len(part))})",
            tuple(part),
        ).all()
        for src_type, src_id, dst in rows:
            if (src_type, src_id) not in by_key:
                outside.add((str(src_type), str(src_id)))
                referred.add(str(dst))
    # Stored visits/results that a new document/report in the batch now covers.
    batch_ids = set(ids)  # built once: inside the comprehension it was rebuilt per link
    outside |= _select_keys(
        conn,
        "SELECT type, id FROM resources WHERE id IN ({})"
        f" AND type IN ({marks(len(_DEPENDENT_TYPES))})",
        sorted({dst for _, _, dst in prepared.links if dst not in batch_ids}),
        *_DEPENDENT_TYPES,
    )
    outside -= set(by_key)
    redo = outside | prepared.unsure | {k for k in by_key if k[1] in referred}
    projections = dict(prepared.projections)
    if redo:
        resolver = BatchResolver(conn, by_key)
        resolver.load(redo)
        resolver.load_referrers([rid for _, rid in redo])
        for key in redo:
            resource = resolver.get(key[1], key[0])
            if resource is None:
                continue
            try:
                projections[key] = (
                    resource,
                    safe_project(resource, resolver, patient_of(resource)),
                )
            except Unreadable:
                continue  # keeps what it showed before (a batch member: its batch-only rows)
    _clear_projections(conn, [k for k in projections if k in stored_before or k in outside])
    _write_projections(conn, projections, prepared.patients)


def remove(conn: Connection, keys: list[Key]) -> None:
    """Forget resources deleted on the portal, their rows, and re-project dependents."""
    ids = [rid for _, rid in keys]
    dependents = _select_keys(conn, "SELECT src_type, src_id FROM links WHERE dst_id IN ({})", ids)
    targets = _select_keys(
        conn, "SELECT l.src_type, l.dst_id FROM links l WHERE l.src_id IN ({})", ids
    )
    _clear_projections(conn, keys)
    _many(conn, "DELETE FROM links WHERE src_type = ? AND src_id = ?", keys)
    _many(conn, "DELETE FROM resources WHERE type = ? AND id = ?", keys)
    related = _select_keys(
        conn,
        "SELECT type, id FROM resources WHERE id IN ({})",
        sorted({rid for _, rid in dependents | targets}),
    )
    if related:
        resolver = BatchResolver(conn, {})
        resolver.load(related)
        stored = [r for r in (resolver.get(k[1], k[0]) for k in related) if r is not None]
        if stored:
            store(conn, stored)


def delete_fts(conn: Connection, rowids: Sequence[int]) -> None:
    _many(conn, f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", [(i,) for i in rowids])


def _clear_projections(conn: Connection, keys: list[Key]) -> None:
    """Remove the rows previously projected from these resources."""
    if not keys:
        return
    wanted = set(keys)
    old_ids: list[int] = []
    for part in chunks([rid for _, rid in keys]):
        rows = conn.exec_driver_sql(
            f"SELECT id, resource_type, resource_id FROM timeline"
            f" WHERE resource_id IN ({marks(len(part))})",
            tuple(part),
        )
        old_ids.extend(i for i, t, r in rows if (t, r) in wanted)
    delete_fts(conn, old_ids)
    _many(conn, "DELETE FROM timeline WHERE id = ?", [(i,) for i in old_ids])
    _many(
        conn,
        "DELETE FROM observations WHERE resource_id = ?",
        [(rid,) for t, rid in keys if t == "Observation"],
    )
    _many(
        conn,
        "DELETE FROM directory WHERE id = ?",
        [(rid,) for t, rid in keys if t in DIRECTORY_TYPES],
    )


def _write_projections(
    conn: Connection,
    projections: dict[Key, tuple[JSON, Projection]],
    patients: dict[Key, str | None],
) -> None:
    next_id = (conn.exec_driver_sql("SELECT max(id) FROM timeline").scalar() or 0) + 1
    timeline_rows: list[tuple[Any, ...]] = []
    fts_rows: list[tuple[Any, ...]] = []
    obs_rows: list[dict[str, Any]] = []
    dir_rows: list[tuple[Any, ...]] = []
    for key, (resource, proj) in projections.items():
        rtype, rid = key
        updated = str(meta_of(resource).get("lastUpdated") or "")
        record = proj.timeline
        if record is not None:
            patient = patients[key] if key in patients else patient_of(resource)
            timeline_rows.append(
                (
                    next_id,
                    patient,
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
        if proj.directory is not None:
            entry = proj.directory
            dir_rows.append(
                (entry["id"], entry["type"], entry["name"], entry["address"], entry["short_name"])
            )
    _many(conn, _TIMELINE_SQL, timeline_rows)
    _many(conn, f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (?, ?, ?)", fts_rows)
    _insert(conn, "observations", obs_rows)
    _many(
        conn,
        "INSERT OR REPLACE INTO directory (id, type, name, address, short_name)"
        " VALUES (?, ?, ?, ?, ?)",
        dir_rows,
    )


def _insert(conn: Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    columns = list(rows[0])
    quoted = ", ".join(f'"{c}"' for c in columns)
    values = itemgetter(*columns)  # dict -> tuple in C: ~18k observation rows per page
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({quoted}) VALUES ({marks(len(columns))})",
        [values(row) for row in rows] if len(columns) > 1 else [(row[columns[0]],) for row in rows],
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


def delete_watermark(conn: Connection, patient_id: str, resource_type: str) -> None:
    conn.exec_driver_sql(
        "DELETE FROM watermarks WHERE patient_id = ? AND resource_type = ?",
        (patient_id, resource_type),
    )
