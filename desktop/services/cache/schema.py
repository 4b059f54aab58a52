"""Tables of the encrypted card cache (SQLAlchemy Core).

Only the cache package touches these tables; everything else reads through its query
objects (`cache.card`, `cache.labs`, `cache.resources`, `cache.diary`, `cache.sync`).
The raw FHIR resources are the source of truth; every other table is a projection
rebuilt from them and can be re-derived at any time.

The FTS5 table `timeline_fts` is not declared here: SQLAlchemy cannot describe virtual
tables. The migration creates it (see FTS_TABLES) and the Alembic comparison skips it.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# The newest migration revision; `Cache.open` skips Alembic entirely when the file is
# already at it (a test checks it equals the script directory's head).
SCHEMA_HEAD = "0003"

# Virtual FTS5 table (contentless, rowid = timeline.id) and its shadow tables.
FTS_TABLE = "timeline_fts"
FTS_TABLES = frozenset(
    {FTS_TABLE} | {f"{FTS_TABLE}_{s}" for s in ("data", "idx", "content", "docsize", "config")}
)

resources = Table(
    "resources",
    metadata,
    # (id, type): references by bare id (Synthea's urn:uuid) use the key's prefix
    Column("id", String, primary_key=True),
    Column("type", String, primary_key=True),
    Column("patient_id", String, nullable=True),
    Column("last_updated", String, nullable=False, server_default=""),
    Column("version_id", String, nullable=True),
    Column("json", LargeBinary, nullable=False),  # orjson bytes of the resource
    Index("ix_resources_patient_type", "patient_id", "type"),
)

# References that make one projection depend on another resource (a report on its
# Observations, a visit on its protocol document). Lets a late-arriving resource
# re-project only the rows that depend on it.
links = Table(
    "links",
    metadata,
    Column("src_type", String, primary_key=True),
    Column("src_id", String, primary_key=True),
    Column("dst_id", String, primary_key=True),  # bare id (Synthea uses urn:uuid refs)
    Index("ix_links_dst", "dst_id"),
)

# Display names of Practitioner / Organization / Location / PractitionerRole, joined at
# read time so a doctor arriving after the record needs no re-projection.
directory = Table(
    "directory",
    metadata,
    Column("id", String, primary_key=True),
    Column("type", String, nullable=False),
    Column("name", Text, nullable=False),
    Column("address", Text, nullable=True),
    Column("short_name", Text, nullable=True),  # for lists: "Соколова Е. В.", no legal form
)

timeline = Table(
    "timeline",
    metadata,
    Column("id", Integer, primary_key=True),  # rowid, shared with timeline_fts
    Column("patient_id", String, nullable=False),
    Column("kind", String, nullable=False),
    Column("date", String, nullable=False),  # ISO 8601, sortable ("" when unknown)
    Column("title", Text, nullable=False),
    Column("summary", Text, nullable=False, server_default=""),
    Column("doctor", Text, nullable=True),  # reference.display fallback
    Column("doctor_id", String, nullable=True),
    Column("clinic", Text, nullable=True),
    Column("clinic_id", String, nullable=True),
    Column("abnormal", Boolean, nullable=False, server_default="0"),
    Column("resource_type", String, nullable=False),
    Column("resource_id", String, nullable=False),
    Column("last_updated", String, nullable=False, server_default=""),
    Index("ux_timeline_resource", "resource_id", "resource_type", unique=True),
    Index("ix_timeline_patient_date", "patient_id", "date", "id"),
    Index("ix_timeline_patient_kind_date", "patient_id", "kind", "date", "id"),
)

observations = Table(
    "observations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("patient_id", String, nullable=False),
    Column("resource_id", String, nullable=False),
    Column("component", Integer, nullable=False, server_default="0"),  # BP parts: 1, 2...
    Column("code", String, nullable=False),
    Column("system", String, nullable=True),
    Column("display", Text, nullable=False),
    Column("time", Float, nullable=True),  # epoch seconds, UTC
    Column("value", Float, nullable=True),
    Column("unit", String, nullable=True),
    Column("ref_low", Float, nullable=True),
    Column("ref_high", Float, nullable=True),
    Column("interpretation", String, nullable=True),
    Column("source", Text, nullable=True),  # lab / organization (display or id)
    Column("category", String, nullable=True),
    Column("self_measured", Boolean, nullable=False, server_default="0"),
    Index("ix_observations_patient_code_time", "patient_id", "code", "time"),
    Index("ix_observations_resource", "resource_id"),
)

watermarks = Table(
    "watermarks",
    metadata,
    Column("patient_id", String, primary_key=True),
    Column("resource_type", String, primary_key=True),  # "$everything" for that scheme
    Column("last_updated", String, nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("identifier", String, primary_key=True),  # client-generated, for If-None-Exist
    Column("patient_id", String, nullable=True),
    Column("resource_type", String, nullable=False),
    Column("resource", LargeBinary, nullable=False),  # orjson bytes
    Column("status", String, nullable=False, server_default="pending"),  # pending|sent|failed
    Column("error", Text, nullable=True),
    Column("created", String, nullable=False),
)

# Tables holding rows of one patient, cleared when access to that patient ends.
PATIENT_TABLES = (
    resources,
    timeline,
    observations,
    watermarks,
    outbox,
)
