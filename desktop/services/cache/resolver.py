"""Look-ups a projection needs while the writer stores a batch (batch first, then cache)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection

from .projections.common import JSON

CHUNK = 500  # bound parameters per IN (...) list; SQLite allows 32766, stay modest
Key = tuple[str, str]


def chunks(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def marks(n: int) -> str:
    return ",".join("?" * n)


class BatchResolver:
    """Finds resources by id in the batch, else in the cache (memoised), and who refers
    to whom through the `links` table."""

    def __init__(self, conn: Connection, by_key: dict[Key, JSON]) -> None:
        self._conn = conn
        self._by_key = dict(by_key)
        self._by_id = {rid: res for (_, rid), res in by_key.items()}
        self._referrers: dict[str, list[Key]] = {}

    def load_referrers(self, ids: Sequence[str]) -> None:
        for part in chunks(list(ids)):
            rows = self._conn.exec_driver_sql(
                f"SELECT dst_id, src_type, src_id FROM links WHERE dst_id IN ({marks(len(part))})",
                tuple(part),
            ).all()
            for dst, src_type, src_id in rows:
                self._referrers.setdefault(dst, []).append((src_type, src_id))

    def load(self, keys: Iterable[Key]) -> None:
        missing = [k for k in keys if k not in self._by_key]
        for part in chunks(missing):
            rows = self._conn.exec_driver_sql(
                f"SELECT type, id, json FROM resources WHERE id IN ({marks(len(part))})",
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

    def has_referrers(self, rid: str, types: tuple[str, ...]) -> bool:
        """Whether a stored resource of these types refers to `rid` (no JSON loaded)."""
        return any(src_type in types for src_type, _ in self._referrers.get(rid, ()))

    def referrers(self, rid: str, types: tuple[str, ...]) -> list[JSON]:
        found = []
        for src_type, src_id in self._referrers.get(rid, ()):
            if src_type in types:
                resource = self.get(src_id, src_type)
                if resource is not None:
                    found.append(resource)
        return found
