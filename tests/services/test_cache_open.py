"""The cache file: encryption, the typed wrong-key error, threads and the single writer."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop.services.cache import Cache, CacheError, WrongCacheKey

PATIENT = {
    "resourceType": "Patient",
    "id": "p1",
    "meta": {"lastUpdated": "2026-01-02T03:04:05Z", "versionId": "1"},
    "name": [{"family": "Зайцевская", "given": ["Олимпиада"]}],
}
CONDITION = {
    "resourceType": "Condition",
    "id": "c1",
    "meta": {"lastUpdated": "2026-01-02T03:04:05Z"},
    "subject": {"reference": "Patient/p1"},
    "code": {"text": "Сахарный диабет 2 типа", "coding": [{"code": "E11.9"}]},
    "recordedDate": "2025-03-01",
}


def _all_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_cache_file_holds_no_readable_patient_data(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    with Cache.open(path, Cache.new_key()) as cache:
        cache.ingest([PATIENT, CONDITION])
        assert cache.counts() == {"Patient": 1, "Condition": 1}
        raw = _all_bytes(path)
    assert len(raw) > 0
    for secret in ("Зайцевская", "Сахарный", "E11.9", "Condition"):
        assert secret.encode() not in raw
    assert b"SQLite format 3" not in raw[:16]


def test_wrong_key_raises_typed_error_and_right_key_reopens(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    key = Cache.new_key()
    Cache.open(path, key).close()
    with pytest.raises(WrongCacheKey) as caught:
        Cache.open(path, Cache.new_key())
    assert isinstance(caught.value, CacheError)
    assert caught.value.user_message
    with Cache.open(path, key) as cache:
        assert cache.counts() == {}


def test_a_file_that_is_no_database_is_reported_not_crashed(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    path.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(CacheError):
        Cache.open(path, Cache.new_key())


def test_reads_from_other_threads_while_one_writer_writes(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "cache.db", Cache.new_key()) as cache:
        cache.ingest([PATIENT])
        errors: list[BaseException] = []
        seen: list[int] = []

        def reader() -> None:
            try:
                for _ in range(20):
                    seen.append(cache.card.count("p1"))
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        def writer(n: int) -> None:
            try:
                for i in range(10):
                    cond = {**CONDITION, "id": f"c{n}-{i}"}
                    cache.ingest([cond])
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=reader) for _ in range(3)]
        threads += [threading.Thread(target=writer, args=(n,)) for n in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert cache.card.count("p1") == 20
        assert seen and max(seen) <= 20


def test_write_rolls_back_on_error(tmp_path: Path) -> None:
    from desktop.services.cache.schema import watermarks

    with Cache.open(tmp_path / "cache.db", Cache.new_key()) as cache:
        with pytest.raises(RuntimeError), cache.write() as conn:
            conn.execute(
                watermarks.insert().values(
                    patient_id="p1", resource_type="Observation", last_updated="x"
                )
            )
            raise RuntimeError("boom")
        with cache.read() as conn:
            assert conn.execute(watermarks.select()).all() == []


def test_delete_patient_removes_every_row(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "cache.db", Cache.new_key()) as cache:
        other = {**CONDITION, "id": "c2", "subject": {"reference": "Patient/p2"}}
        cache.ingest([PATIENT, CONDITION, other])
        cache.delete_patient("p1")
        assert cache.patients() == ["p2"]
        assert cache.card.count("p1") == 0
        assert cache.card.count("p2") == 1
        from desktop.services.cache.queries import match_query

        with cache.read() as conn:
            hits = conn.exec_driver_sql(
                "SELECT count(*) FROM timeline_fts WHERE timeline_fts MATCH ?",
                (match_query("сахарный"),),
            ).scalar()
        assert hits == 1


def _raw_open(path: Path, key: str, page_size: int) -> bool:
    """Whether SQLCipher reads the file with this key and page size."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        conn.execute(f"PRAGMA cipher_page_size = {page_size}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()


def test_new_caches_use_16k_pages_and_old_4k_caches_still_open(tmp_path: Path) -> None:
    import sqlcipher3

    key = Cache.new_key()
    new = tmp_path / "new.db"
    with Cache.open(new, key) as cache:
        cache.ingest([PATIENT])
    assert _raw_open(new, key, 16384) and not _raw_open(new, key, 4096)

    old = tmp_path / "old.db"  # as the first releases wrote it: SQLCipher's default pages
    conn = sqlcipher3.connect(str(old))
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.execute("PRAGMA cipher_page_size = 4096")
    conn.execute("CREATE TABLE earlier (x)")
    conn.commit()
    conn.close()
    with Cache.open(old, key) as cache:
        cache.ingest([PATIENT, CONDITION])
    with Cache.open(old, key) as cache:
        assert cache.counts() == {"Patient": 1, "Condition": 1}
    assert _raw_open(old, key, 4096) and not _raw_open(old, key, 16384)
    with pytest.raises(WrongCacheKey):
        Cache.open(old, Cache.new_key())
