"""Resource, account and access storage of the demo portal.

Writes go through one re-entrant lock (`write_lock`): it makes `meta.lastUpdated` strictly
increasing across the server (clients use it as a sync watermark) and lets a write rule
check-then-write atomically (e.g. a slot cannot be booked twice).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import Engine, insert, update

from demo_portal.db import resources
from demo_portal.index_values import normalize_phone
from demo_portal.indexing import (
    IndexEntry,
    compartment_targets,
    format_instant,
    index_resource,
    parse_fhir_datetime,
    patient_of,
)
from demo_portal.store_accounts import AccountsMixin, PortalUser
from demo_portal.store_index import delete_index, insert_index

__all__ = ["PortalUser", "ResourceExists", "Store", "StoredResource", "VersionConflict"]


@dataclass(frozen=True)
class StoredResource:
    rtype: str
    rid: str
    body: bytes  # the JSON served, meta included
    version: int
    last_updated: int
    patient_id: str | None

    def resource(self) -> dict:
        return orjson.loads(self.body)


class VersionConflict(Exception):
    """Raised by Store.update when expected_version does not match the stored one."""

    def __init__(self, current: int):
        super().__init__(f"current version is {current}")
        self.current = current


class ResourceExists(Exception):
    """Raised by Store.create for a type/id that is already stored."""


class Store(AccountsMixin):
    def __init__(self, engine: Engine):
        self.engine = engine
        self.write_lock = threading.RLock()
        with engine.connect() as conn:
            last = conn.exec_driver_sql("SELECT MAX(last_updated) FROM resources").scalar()
        self._last_ms = int(last or 0)

    # -- clock -------------------------------------------------------------------------
    def _tick(self, at_least: int | None = None) -> int:
        """Next server timestamp in epoch ms: never earlier than now, never repeated."""
        floor = at_least if at_least is not None else int(time.time() * 1000)
        self._last_ms = max(floor, self._last_ms + 1)
        return self._last_ms

    # -- reads ---------------------------------------------------------------------------
    def get_stored(self, rtype: str, rid: str) -> StoredResource | None:
        with self.engine.connect() as conn:
            row = conn.exec_driver_sql(
                "SELECT body, version, last_updated, patient_id FROM resources "
                "WHERE rtype = ? AND rid = ?",
                (rtype, rid),
            ).first()
        if row is None:
            return None
        return StoredResource(rtype, rid, row[0], row[1], row[2], row[3])

    def get(self, rtype: str, rid: str) -> dict | None:
        stored = self.get_stored(rtype, rid)
        return stored.resource() if stored else None

    def search(
        self,
        rtype: str,
        *,
        patient: str | None = None,
        status: str | None = None,
        where: dict[str, str] | None = None,
        limit: int = 1000,
    ) -> list[dict]:
        """Simple search for rules and tools: `where` maps an indexed param (code, category,
        identifier, schedule, actor, slot, focus, based-on, ...) to an exact value
        (`system|code` or `code` for tokens, `Type/id` for references)."""
        sql = ["SELECT r.body FROM resources r WHERE r.rtype = ?"]
        args: list[Any] = [rtype]
        if patient is not None:
            sql.append("AND r.patient_id = ?")
            args.append(patient)
        if status is not None:
            sql.append("AND r.status = ?")
            args.append(status)
        for param, value in (where or {}).items():
            system, _, code = value.rpartition("|") if "|" in value else ("", "", value)
            if param == "phone":
                code = normalize_phone(code)
            clause = "AND EXISTS (SELECT 1 FROM tokens t WHERE t.seq = r.seq AND t.param = ? "
            clause += "AND t.value = ?" + (" AND t.system = ?)" if "|" in value else ")")
            sql.append(clause)
            args.extend([param, code] + ([system] if "|" in value else []))
        sql.append("ORDER BY r.last_updated LIMIT ?")
        args.append(limit)
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql(" ".join(sql), tuple(args)).fetchall()
        return [orjson.loads(row[0]) for row in rows]

    def query(self, rtype: str, params: list[tuple[str, str]], limit: int = 1000) -> list[dict]:
        """A FHIR search as the API runs it (`[("birthdate", "2019-03-01"), ("family",
        "иван")]`), over every patient, for rules and tools; oldest first."""
        from demo_portal.search import parse_search, where_sql

        spec = parse_search(rtype, params)
        where, args = where_sql(spec, None)
        with self.engine.connect() as conn:
            rows = conn.exec_driver_sql(
                f"SELECT r.body FROM resources r WHERE {where} ORDER BY r.last_updated LIMIT ?",
                (*args, limit),
            ).fetchall()
        return [orjson.loads(row[0]) for row in rows]

    def setting(self, key: str, default: str = "") -> str:
        with self.engine.connect() as conn:
            row = conn.exec_driver_sql(
                "SELECT value FROM portal_settings WHERE key = ?", (key,)
            ).first()
        return str(row[0]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.write_lock, self.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT OR REPLACE INTO portal_settings (key, value) VALUES (?, ?)", (key, value)
            )

    def find_by_identifier(self, rtype: str, system: str, value: str) -> dict | None:
        found = self.search(rtype, where={"identifier": f"{system}|{value}"}, limit=1)
        return found[0] if found else None

    def count(self, rtype: str | None = None) -> int:
        with self.engine.connect() as conn:
            if rtype is None:
                return int(conn.exec_driver_sql("SELECT COUNT(*) FROM resources").scalar() or 0)
            return int(
                conn.exec_driver_sql(
                    "SELECT COUNT(*) FROM resources WHERE rtype = ?", (rtype,)
                ).scalar()
                or 0
            )

    # -- writes --------------------------------------------------------------------------
    def create(self, resource: dict) -> dict:
        """Store a new resource (an id is assigned when missing); returns it with meta."""
        with self.write_lock:
            resource = dict(resource)
            resource.setdefault("id", str(uuid.uuid4()))
            if self.get_stored(resource["resourceType"], resource["id"]) is not None:
                raise ResourceExists(f"{resource['resourceType']}/{resource['id']}")
            return self._write(resource, version=1, existing_seq=None)

    def update(self, resource: dict, expected_version: int | None = None) -> dict:
        """Replace a resource (create it if absent); optimistic locking by version."""
        with self.write_lock:
            rtype, rid = resource["resourceType"], resource["id"]
            with self.engine.connect() as conn:
                row = conn.exec_driver_sql(
                    "SELECT seq, version FROM resources WHERE rtype = ? AND rid = ?", (rtype, rid)
                ).first()
            if row is None:
                if expected_version is not None:
                    raise VersionConflict(current=0)
                return self._write(dict(resource), version=1, existing_seq=None)
            if expected_version is not None and expected_version != row[1]:
                raise VersionConflict(current=row[1])
            return self._write(dict(resource), version=row[1] + 1, existing_seq=row[0])

    def put(self, resource: dict) -> dict:
        """Create or replace without version checks (for rules, tools and data loading)."""
        return self.update(resource)

    def delete(self, rtype: str, rid: str) -> bool:
        with self.write_lock, self.engine.begin() as conn:
            row = conn.exec_driver_sql(
                "SELECT seq FROM resources WHERE rtype = ? AND rid = ?", (rtype, rid)
            ).first()
            if row is None:
                return False
            delete_index(conn, [row[0]])
            conn.exec_driver_sql("DELETE FROM resources WHERE seq = ?", (row[0],))
            return True

    def _write(self, resource: dict, version: int, existing_seq: int | None) -> dict:
        stamp = self._tick()
        meta = dict(resource.get("meta") or {})
        meta["versionId"] = str(version)
        meta["lastUpdated"] = format_instant(stamp)
        resource["meta"] = meta
        body = orjson.dumps(resource)
        entry = self._indexed(resource, body=body)
        values = {
            "rtype": resource["resourceType"],
            "rid": resource["id"],
            "patient_id": entry.patient_id,
            "last_updated": stamp,
            "version": version,
            "date_key": entry.date_key,
            "status": entry.status,
            "body": body,
        }
        with self.engine.begin() as conn:
            if existing_seq is None:
                inserted = conn.execute(insert(resources).values(**values)).inserted_primary_key
                seq = int(inserted[0]) if inserted else 0
            else:
                seq = existing_seq
                conn.execute(update(resources).where(resources.c.seq == seq).values(**values))
                delete_index(conn, [seq])
            insert_index(conn, [(seq, entry)])
        return resource

    def _indexed(
        self, resource: dict, batch: dict[str, str | None] | None = None, body: bytes | None = None
    ) -> IndexEntry:
        """The index entry; a resource without a patient of its own (a Provenance, a
        Binary) joins the card of the first thing it points at that has one."""
        entry = index_resource(resource, body)
        if entry.patient_id is None:
            for target in compartment_targets(resource):
                if batch is not None and target in batch:
                    entry.patient_id = batch[target]
                else:
                    rtype, _, rid = target.partition("/")
                    stored = self.get_stored(rtype, rid)
                    entry.patient_id = stored.patient_id if stored else None
                if entry.patient_id is not None:
                    break
        return entry

    def load(self, items: Iterable[dict], new: bool = False) -> int:
        """Bulk-load resources keeping their ids (existing ones are replaced; `new` says
        none exists yet, which spares the look-up when loading a city in chunks).

        Given `meta.lastUpdated` values are kept in order but made unique (bumped by a
        millisecond where they collide) so watermarks stay exact.
        """

        def given_ms(res: dict) -> int:
            text = (res.get("meta") or {}).get("lastUpdated")
            if isinstance(text, str):
                try:
                    return parse_fhir_datetime(text)[0]
                except ValueError:
                    pass
            return int(time.time() * 1000)

        batch = sorted(items, key=given_ms)
        # Whose card each resource of the batch is on, for those that join another's card.
        patients = {f"{r['resourceType']}/{r['id']}": patient_of(r) for r in batch}
        with self.write_lock, self.engine.begin() as conn:
            existing = (
                {}
                if new
                else {
                    (t, i): s
                    for s, t, i in conn.exec_driver_sql("SELECT seq, rtype, rid FROM resources")
                }
            )
            gone = [
                existing[(r["resourceType"], r["id"])]
                for r in batch
                if (r["resourceType"], r["id"]) in existing
            ]
            delete_index(conn, gone)
            for start in range(0, len(gone), 500):
                chunk = gone[start : start + 500]
                marks = ",".join("?" * len(chunk))
                conn.exec_driver_sql(f"DELETE FROM resources WHERE seq IN ({marks})", tuple(chunk))
            rows: list[tuple] = []
            entries: list[tuple[int, IndexEntry]] = []
            seq = int(
                conn.exec_driver_sql("SELECT COALESCE(MAX(seq), 0) FROM resources").scalar() or 0
            )
            for res in batch:
                seq += 1
                stamp = self._tick(given_ms(res))
                res = dict(res)
                res["meta"] = {
                    **(res.get("meta") or {}),
                    "versionId": "1",
                    "lastUpdated": format_instant(stamp),
                }
                body = orjson.dumps(res)
                entry = self._indexed(res, patients, body)
                rows.append(
                    (
                        seq,
                        res["resourceType"],
                        res["id"],
                        entry.patient_id,
                        stamp,
                        1,
                        entry.date_key,
                        entry.status,
                        body,
                    )
                )
                entries.append((seq, entry))
            # Plain executemany: 100 000 resources load in seconds, not minutes.
            if rows:
                conn.exec_driver_sql(
                    "INSERT INTO resources (seq, rtype, rid, patient_id, last_updated, version, "
                    "date_key, status, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
            insert_index(conn, entries)
        return len(batch)
