"""The SQLCipher engine: every pooled connection is keyed before anything else runs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import sqlcipher3
import sqlcipher3.dbapi2
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from .errors import CacheError, CacheFull, CacheLocked, WrongCacheKey

_HEX_KEY = re.compile(r"^[0-9a-fA-F]{64}$")
# Execution option that makes a transaction take the write lock at BEGIN, so two
# writers never deadlock upgrading a read lock.
WRITER = "medcard_writer"


def _key_pragma(key: str) -> str:
    """A 256-bit raw key (64 hex digits) skips PBKDF2; anything else is a passphrase."""
    if _HEX_KEY.match(key):
        return f"PRAGMA key = \"x'{key}'\""
    return "PRAGMA key = '" + key.replace("'", "''") + "'"


# SQLCipher encrypts and authenticates page by page: with 16 KiB pages a big sync commits
# in about half the time it takes with the default 4 KiB (measured). Caches created before
# the change keep 4 KiB pages; the page size cannot be read from an encrypted file, so
# opening tries the current size first, then the old one.
PAGE_SIZES = (16384, 4096)


def _connect(path: Path, key: str) -> sqlcipher3.Connection:
    failure: sqlcipher3.DatabaseError | None = None
    for page_size in PAGE_SIZES:
        conn = sqlcipher3.connect(
            str(path), check_same_thread=False, isolation_level=None, timeout=30.0
        )
        try:
            # SQLCipher would print decryption failures (a wrong key) to stderr itself.
            conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
            conn.execute(_key_pragma(key))
            conn.execute(f"PRAGMA cipher_page_size = {page_size}")
            # The first read proves key and page size: a mismatch reads as "not a database".
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            error = translate_error(exc)
            if not isinstance(error, WrongCacheKey):
                raise error from exc
            failure = exc  # the wrong key, or a cache with the other page size: try on
            continue
        try:
            _configure(conn, page_size)
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise translate_error(exc) from exc
        return conn
    assert failure is not None
    raise translate_error(failure) from failure


def _configure(conn: sqlcipher3.Connection, page_size: int) -> None:
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA temp_store = MEMORY")  # no clear-text temp files
    conn.execute("PRAGMA cache_size = -32000")  # 32 MB page cache per connection
    # Checkpoint every 32 MB of log rather than every 1000 pages: each checkpoint copies
    # pages into the main file, and a big sync would pay for it every few commits.
    conn.execute(f"PRAGMA wal_autocheckpoint = {32 * 1024 * 1024 // page_size}")


def translate_error(exc: BaseException) -> CacheError:
    """Map a SQLite/SQLCipher failure to the cache's typed errors."""
    text = str(exc).lower()
    if "not a database" in text or "file is encrypted" in text:
        return WrongCacheKey(str(exc))
    if "locked" in text or "busy" in text:
        return CacheLocked(str(exc))
    if "disk is full" in text or "readonly" in text or "read-only" in text:
        return CacheFull(str(exc))
    return CacheError(str(exc))


def create_cache_engine(path: Path, key: str) -> Engine:
    """An engine whose pool hands each thread its own keyed connection."""
    engine = create_engine(
        "sqlite://",
        # sqlcipher3 as the dialect's DBAPI module, not the stdlib sqlite3 the URL implies:
        # SQLAlchemy wraps only the module's own exception classes, and the typed errors
        # (CacheFull, CacheLocked...) are made from those wrappers in Cache.read/write.
        module=sqlcipher3.dbapi2,
        creator=lambda: _connect(path, key),
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=8,
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # The DB-API connection runs in autocommit mode (isolation_level=None), so the
        # transaction is opened here, explicitly, and spans reads as well as writes.
        immediate = conn.get_execution_options().get(WRITER, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
