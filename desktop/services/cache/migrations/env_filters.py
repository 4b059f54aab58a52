"""What Alembic's comparison ignores (shared by env.py and the head-vs-models test)."""

from __future__ import annotations

from typing import Any

from desktop.services.cache.schema import FTS_TABLES


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    # FTS5 virtual tables and their shadow tables are managed by hand in migrations.
    return not (type_ == "table" and name in FTS_TABLES)
