"""short names of doctors and clinics in the directory

Lists show "Соколова Е. В." and "Городская поликлиника № 12" (the alias, or the name
without its legal form); the full names stay for tooltips and the detail. Existing rows
get theirs from the stored resources, so no re-sync is needed.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 12:00:00
"""

from __future__ import annotations

import orjson
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from desktop.services.cache.projections.admin import short_name

    op.add_column("directory", sa.Column("short_name", sa.Text(), nullable=True))
    conn = op.get_bind()
    rows = conn.exec_driver_sql(
        "SELECT d.id, d.name, r.json FROM directory d"
        " JOIN resources r ON r.id = d.id AND r.type = d.type"
    ).all()
    updates = []
    for rid, name, raw in rows:
        try:
            updates.append((short_name(orjson.loads(raw), name), rid))
        except (orjson.JSONDecodeError, TypeError, AttributeError):
            continue  # a damaged row keeps its full name in lists
    if updates:
        conn.exec_driver_sql("UPDATE directory SET short_name = ? WHERE id = ?", updates)


def downgrade() -> None:
    with op.batch_alter_table("directory") as batch:
        batch.drop_column("short_name")
