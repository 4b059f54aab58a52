"""Bring a cache file to the newest schema, programmatically (no alembic.ini)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text

from .schema import SCHEMA_HEAD

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    exists = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).first()
    if not exists:
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(connection: Connection) -> None:
    """Upgrade to head; a file already at head costs one query (Alembic stays unloaded)."""
    if current_revision(connection) == SCHEMA_HEAD:
        return
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
