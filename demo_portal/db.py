"""The portal's SQLite schema (SQLAlchemy Core: the hot paths use plain SQL on it)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    Engine,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    create_engine,
    event,
)

metadata = MetaData()

# One row per resource (current version). `body` is the exact JSON served, meta included,
# so a search page is built by concatenating bodies without parsing them.
resources = Table(
    "resources",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("rtype", String, nullable=False),
    Column("rid", String, nullable=False),
    Column("patient_id", String),
    Column("last_updated", Integer, nullable=False),  # epoch ms, unique per server
    Column("version", Integer, nullable=False),
    Column("date_key", Integer, nullable=False),  # clinical date, epoch ms (NO_DATE if none)
    Column("status", String),
    Column("body", LargeBinary, nullable=False),
    Index("ux_resources_type_id", "rtype", "rid", unique=True),
    Index("ix_resources_patient_type_lu", "patient_id", "rtype", "last_updated", "rid"),
    Index("ix_resources_patient_type_date", "patient_id", "rtype", "date_key", "last_updated"),
    Index("ix_resources_patient_lu", "patient_id", "last_updated"),
    Index("ix_resources_type_lu", "rtype", "last_updated"),
)

# Token and reference values a search can filter on (code, category, identifier, refs).
tokens = Table(
    "tokens",
    metadata,
    Column("seq", Integer, nullable=False),
    Column("param", String, nullable=False),
    Column("system", String, nullable=False),
    Column("value", String, nullable=False),
    Index("ix_tokens_seq_param", "seq", "param", "value"),
    Index("ix_tokens_param_value", "param", "value", "seq"),
)

# String search values (names, addresses, ...), normalized (index_values.normalize_string)
# so a prefix search is one range scan of the index.
strings = Table(
    "strings",
    metadata,
    Column("seq", Integer, nullable=False),
    Column("param", String, nullable=False),
    Column("value", String, nullable=False),
    Index("ix_strings_param_value", "param", "value", "seq"),
    Index("ix_strings_seq", "seq"),
)

# Date search values as ranges in epoch ms (high exclusive), e.g. Slot.start, Task.authored-on.
dates = Table(
    "dates",
    metadata,
    Column("seq", Integer, nullable=False),
    Column("param", String, nullable=False),
    Column("low", Integer, nullable=False),
    Column("high", Integer, nullable=False),
    Index("ix_dates_param_low", "param", "low", "seq"),
    Index("ix_dates_seq", "seq"),
)

# Facts about this portal database (e.g. the demo seed its signing keys derive from).
portal_settings = Table(
    "portal_settings",
    metadata,
    Column("key", String, primary_key=True),
    Column("value", String, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("email", String, primary_key=True),
    Column("password_hash", String, nullable=False),
    Column("patient_id", String, nullable=False),
    Column("display_name", String, nullable=False),
    Column("snils_verified", Boolean, nullable=False, default=True),
    Column("region_available", Boolean, nullable=False, default=True),
    # "patient" (a person with a card) or "registry" (clinic staff at the desk, issue 14)
    Column("role", String, nullable=False, default="patient"),
    Column("organization_id", String, nullable=False, default=""),  # staff: their clinic
    Column("practitioner_role_id", String, nullable=False, default=""),  # staff: who they are
)

# Who may act for which patient (a parent for a child, ...). Only "accepted" links count.
access_links = Table(
    "access_links",
    metadata,
    Column("user_email", String, primary_key=True),
    Column("patient_id", String, primary_key=True),
    Column("status", String, nullable=False),
    Column("relationship", String, nullable=False, default=""),
)

oauth_codes = Table(
    "oauth_codes",
    metadata,
    Column("code", String, primary_key=True),
    Column("client_id", String, nullable=False),
    Column("user_email", String, nullable=False),
    Column("redirect_uri", String, nullable=False),
    Column("scope", String, nullable=False),
    Column("code_challenge", String),
    Column("code_challenge_method", String),
    Column("auth_time", Integer, nullable=False),
)

oauth_tokens = Table(
    "oauth_tokens",
    metadata,
    Column("access_token", String, primary_key=True),
    Column("refresh_token", String, index=True),
    Column("client_id", String, nullable=False),
    Column("user_email", String, nullable=False),
    Column("scope", String, nullable=False),
    Column("issued_at", Integer, nullable=False),
    Column("expires_in", Integer, nullable=False),
    Column("access_revoked", Boolean, nullable=False, default=False),
    Column("refresh_revoked", Boolean, nullable=False, default=False),
)


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": 30},
        pool_size=8,
        max_overflow=8,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DBAPI objects
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA cache_size=-32000")
        cur.close()

    metadata.create_all(engine)
    return engine
