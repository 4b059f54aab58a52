"""drop the appointments, family and requests projections

Nothing read them: the appointments and family features parse their raw FHIR resources
themselves (one parser per resource kind), so these tables only cost writes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_requests_patient", table_name="requests")
    op.drop_table("requests")
    op.drop_table("family")
    op.drop_index("ix_appointments_patient_start", table_name="appointments")
    op.drop_table("appointments")
    # Appointments now link to the doctors and places they name (for the directory fetch).
    op.execute(
        "INSERT OR IGNORE INTO links (src_type, src_id, dst_id)"
        " SELECT 'Appointment', id, substr(ref, instr(ref, '/') + 1) FROM ("
        "  SELECT r.id AS id, json_extract(p.value, '$.actor.reference') AS ref"
        "  FROM resources r, json_each(CAST(r.json AS TEXT), '$.participant') p"
        "  WHERE r.type = 'Appointment' AND json_valid(CAST(r.json AS TEXT)))"
        " WHERE ref LIKE 'Practitioner/%' OR ref LIKE 'PractitionerRole/%'"
        " OR ref LIKE 'Location/%' OR ref LIKE 'Organization/%'"
    )


def downgrade() -> None:
    op.create_table(
        "appointments",
        sa.Column("resource_id", sa.String(), primary_key=True),
        sa.Column("patient_id", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("start", sa.String(), nullable=True),
        sa.Column("end", sa.String(), nullable=True),
        sa.Column("service_kind", sa.String(), server_default="regular", nullable=False),
        sa.Column("specialty", sa.Text(), nullable=True),
        sa.Column("practitioner", sa.Text(), nullable=True),
        sa.Column("practitioner_id", sa.String(), nullable=True),
        sa.Column("room", sa.Text(), nullable=True),
        sa.Column("clinic_name", sa.Text(), nullable=True),
        sa.Column("clinic_address", sa.Text(), nullable=True),
        sa.Column("join_url", sa.Text(), nullable=True),
        sa.Column("slot_id", sa.String(), nullable=True),
        sa.Column("identifier", sa.String(), nullable=True),
        sa.Column("last_updated", sa.String(), server_default="", nullable=False),
    )
    op.create_index("ix_appointments_patient_start", "appointments", ["patient_id", "start"])
    op.create_table(
        "family",
        sa.Column("resource_type", sa.String(), primary_key=True),
        sa.Column("resource_id", sa.String(), primary_key=True),
        sa.Column("patient_id", sa.String(), nullable=True),
        sa.Column("account_patient_id", sa.String(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("birth_date", sa.String(), nullable=True),
        sa.Column("relationship", sa.String(), nullable=True),
        sa.Column("access_status", sa.String(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("task_id", sa.String(), nullable=True),
        sa.Column("requested_at", sa.String(), nullable=True),
        sa.Column("last_updated", sa.String(), server_default="", nullable=False),
    )
    op.create_table(
        "requests",
        sa.Column("resource_type", sa.String(), primary_key=True),
        sa.Column("resource_id", sa.String(), primary_key=True),
        sa.Column("patient_id", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("authored", sa.String(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("last_updated", sa.String(), server_default="", nullable=False),
    )
    op.create_index("ix_requests_patient", "requests", ["patient_id", "authored"])
