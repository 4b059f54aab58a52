"""`Cache`: the encrypted local copy of the card, one file per account."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, func, select
from sqlalchemy.exc import DBAPIError

from desktop.services.threads import check_blocking_allowed

from . import migrate, writer
from .engine import WRITER, create_cache_engine, translate_error
from .errors import CacheError
from .schema import FTS_TABLE, PATIENT_TABLES, resources, timeline


class Cache:
    """Open with `Cache.open(path, key)`; share one instance between threads.

    Reads may run on any thread at once (`read()` hands each caller its own pooled
    connection); writes go through `write()`, serialised by a lock so the cache has
    exactly one writer at a time.
    """

    def __init__(self, path: Path, key: str) -> None:
        self.path = path
        self._engine = create_cache_engine(path, key)
        self._write_lock = threading.RLock()
        self._closed = False
        from .queries import CardQueries, DiaryQueries, LabQueries, ResourceQueries, SyncQueries

        self.card = CardQueries(self)
        self.labs = LabQueries(self)
        self.resources = ResourceQueries(self)
        self.diary = DiaryQueries(self)
        self.sync = SyncQueries(self)

    @classmethod
    def open(cls, path: str | Path, key: str) -> Cache:
        """Open (creating if needed) and migrate the cache; a wrong key raises WrongCacheKey."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        cache = cls(path, key)
        try:
            # Reading the revision takes no write lock, so opening a cache another
            # process is syncing into does not wait for it (unless a migration is due).
            with cache.read() as conn:
                current = migrate.current_revision(conn)
            if current != migrate.SCHEMA_HEAD:
                with cache.write() as conn:
                    migrate.upgrade(conn)
        except CacheError:
            cache.close()
            raise
        except Exception as exc:  # alembic: a file from a newer Medcard, a broken schema
            cache.close()
            raise CacheError(f"cannot migrate the cache: {type(exc).__name__}: {exc}") from exc
        except BaseException:
            cache.close()
            raise
        return cache

    @staticmethod
    def new_key() -> str:
        """A fresh random 256-bit key (64 hex digits) for a new cache file."""
        return secrets.token_hex(32)

    def close(self) -> None:
        """Close every pooled connection; later use raises CacheError (a closed cache is
        never silently reopened, e.g. after its folder was deleted at sign-out)."""
        self._closed = True
        self._engine.dispose()

    def _check_open(self) -> None:
        if self._closed:
            raise CacheError("the cache is closed")
        check_blocking_allowed("a cache transaction")

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -----------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction (one consistent snapshot) on this thread's own connection."""
        self._check_open()
        try:
            with self._engine.connect() as conn, conn.begin():
                yield conn
        except DBAPIError as exc:
            raise translate_error(exc.orig or exc) from exc

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """The single writer: a lock plus one transaction, committed on success."""
        self._check_open()
        with self._write_lock:
            try:
                with self._engine.connect() as raw:
                    conn = raw.execution_options(**{WRITER: True})
                    with conn.begin():
                        yield conn
            except DBAPIError as exc:
                raise translate_error(exc.orig or exc) from exc

    # -- writing resources --------------------------------------------------------------

    def ingest(self, items: Iterable[dict[str, Any]], owner: str | None = None) -> int:
        """Store and project resources the portal returned (after a write or a sync page).

        A resource replaces the stored one of the same type and id. Returns how many
        resources were stored (one that cannot be understood is skipped). `owner`: the
        patient whose card a resource without a subject of its own belongs to (a document's
        Binary or Provenance), so it leaves with that card.
        """
        batch = [r for r in items if isinstance(r, dict) and r.get("resourceType") and r.get("id")]
        if not batch:
            return 0
        with self.write() as conn:
            return writer.store(conn, batch, owner)

    def remove(self, resource_type: str, resource_id: str) -> None:
        """Forget one resource deleted on the portal (e.g. a diary entry): its raw JSON,
        its rows in every table and the search index; records that showed it (a report
        with this result, a visit with this protocol) are re-projected."""
        self.remove_all([(resource_type, resource_id)])

    def remove_all(self, keys: list[tuple[str, str]]) -> None:
        """`remove` for many (type, id) at once, in one transaction."""
        if keys:
            with self.write() as conn:
                writer.remove(conn, keys)

    def delete_patient(self, patient_id: str) -> None:
        """Forget everything of one patient (access ended): every table, the index too."""
        with self.write() as conn:
            ids = conn.execute(
                select(timeline.c.id).where(timeline.c.patient_id == patient_id)
            ).scalars()
            writer.delete_fts(conn, list(ids))
            for table in PATIENT_TABLES:
                conn.execute(delete(table).where(table.c.patient_id == patient_id))
            writer.forget_orphans(conn)

    # -- small read API -------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Number of stored resources per FHIR type."""
        with self.read() as conn:
            rows = conn.execute(
                select(resources.c.type, func.count()).group_by(resources.c.type)
            ).all()
        return {t: n for t, n in rows}

    def patient_counts(self, patient_id: str) -> dict[str, int]:
        """Number of stored resources per FHIR type for one patient."""
        with self.read() as conn:
            rows = conn.execute(
                select(resources.c.type, func.count())
                .where(resources.c.patient_id == patient_id)
                .group_by(resources.c.type)
            ).all()
        return {t: n for t, n in rows}

    def ids(self, patient_id: str, resource_type: str) -> set[str]:
        """Ids of one patient's stored resources of a type."""
        with self.read() as conn:
            rows = conn.execute(
                select(resources.c.id).where(
                    resources.c.patient_id == patient_id, resources.c.type == resource_type
                )
            ).scalars()
            return set(rows)

    def patients(self) -> list[str]:
        """Patient ids that have any data in the cache."""
        with self.read() as conn:
            rows = conn.execute(
                select(resources.c.patient_id)
                .where(resources.c.patient_id.is_not(None))
                .distinct()
                .order_by(resources.c.patient_id)
            ).scalars()
            return list(rows)

    def vacuum_index(self) -> None:
        """Merge FTS segments (after a big sync) so searches stay fast."""
        with self.write() as conn:
            conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
