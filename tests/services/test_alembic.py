"""The migration head creates exactly the schema the code declares."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from desktop.services.cache import Cache
from desktop.services.cache.migrate import alembic_config
from desktop.services.cache.migrations.env_filters import include_object
from desktop.services.cache.schema import SCHEMA_HEAD, metadata


def test_schema_head_constant_is_the_script_head() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD


def test_migrated_database_matches_the_models(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "cache.db", Cache.new_key()) as cache, cache.read() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        diffs = compare_metadata(context, metadata)
        assert diffs == []
        tables = {
            r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
        }
    assert "timeline_fts" in tables


def test_reopening_at_head_keeps_data(tmp_path: Path) -> None:
    key = Cache.new_key()
    with Cache.open(tmp_path / "cache.db", key) as cache:
        cache.ingest([{"resourceType": "Patient", "id": "p1"}])
    with Cache.open(tmp_path / "cache.db", key) as cache:
        assert cache.counts() == {"Patient": 1}


def test_a_cache_from_a_newer_version_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    import pytest

    from desktop.services.cache import CacheError

    key = Cache.new_key()
    with Cache.open(tmp_path / "cache.db", key) as cache, cache.write() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(CacheError) as caught:
        Cache.open(tmp_path / "cache.db", key)
    assert caught.value.user_message


def test_a_cache_from_the_first_schema_upgrades_and_keeps_its_data(tmp_path: Path) -> None:
    """0001 -> head: the unread projections go, appointments link to their doctors."""
    from alembic import command

    from desktop.services.cache import migrate

    key = Cache.new_key()
    old = Cache(tmp_path / "cache.db", key)  # created by hand at the first revision
    appointment = (
        b'{"resourceType":"Appointment","id":"a1","participant":['
        b'{"actor":{"reference":"Patient/p1"}},{"actor":{"reference":"Practitioner/doc1"}}]}'
    )
    with old.write() as conn:
        command.upgrade(migrate.alembic_config(conn), "0001")
        conn.exec_driver_sql(
            "INSERT INTO resources (type, id, patient_id, json) VALUES (?, ?, ?, ?)",
            ("Appointment", "a1", "p1", appointment),
        )
        conn.exec_driver_sql(
            "INSERT INTO resources (type, id, patient_id, json) VALUES (?, ?, ?, ?)",
            ("Appointment", "broken", "p1", b"{not json"),
        )
    old.close()
    with Cache.open(tmp_path / "cache.db", key) as cache:
        assert cache.counts() == {"Appointment": 2}
        assert cache.sync.missing_directory_ids() == ["doc1"]
        with cache.read() as conn:
            tables = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
    assert not tables & {"appointments", "family", "requests"}
