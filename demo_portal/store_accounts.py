"""Accounts and who may act for whom: the Store's user and access-link tables.

A patient account signs in for its own card (and, through accepted links, for children);
a registry account (clinic staff at the desk, issue 14) has no card of its own: it works
for the clinic `organization_id` as the PractitionerRole `practitioner_role_id`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import Engine, delete, insert, select
from werkzeug.security import check_password_hash, generate_password_hash

from demo_portal.db import access_links, users

# Demo passwords protect nothing real; a cheap hash keeps start-up fast.
_HASH_METHOD = "pbkdf2:sha256:5000"

PATIENT_ROLE = "patient"
REGISTRY_ROLE = "registry"


@dataclass(frozen=True)
class PortalUser:
    email: str
    patient_id: str  # "" for staff
    display_name: str
    snils_verified: bool = True
    region_available: bool = True
    role: str = PATIENT_ROLE
    organization_id: str = ""
    practitioner_role_id: str = ""

    @property
    def is_staff(self) -> bool:
        return self.role != PATIENT_ROLE


def _user_of(row) -> PortalUser:  # noqa: ANN001 - a SQLAlchemy row
    return PortalUser(
        row.email,
        row.patient_id,
        row.display_name,
        bool(row.snils_verified),
        bool(row.region_available),
        row.role or PATIENT_ROLE,
        row.organization_id or "",
        row.practitioner_role_id or "",
    )


class AccountsMixin:
    engine: Engine
    write_lock: threading.RLock

    def add_user(
        self,
        email: str,
        password: str,
        patient_id: str,
        display_name: str,
        snils_verified: bool = True,
        region_available: bool = True,
        role: str = PATIENT_ROLE,
        organization_id: str = "",
        practitioner_role_id: str = "",
    ) -> PortalUser:
        email = email.lower()
        values = {
            "email": email,
            "password_hash": generate_password_hash(password, _HASH_METHOD),
            "patient_id": patient_id,
            "display_name": display_name,
            "snils_verified": snils_verified,
            "region_available": region_available,
            "role": role,
            "organization_id": organization_id,
            "practitioner_role_id": practitioner_role_id,
        }
        with self.write_lock, self.engine.begin() as conn:
            conn.execute(delete(users).where(users.c.email == email))
            conn.execute(insert(users).values(**values))
        return PortalUser(
            email,
            patient_id,
            display_name,
            snils_verified,
            region_available,
            role,
            organization_id,
            practitioner_role_id,
        )

    def user(self, email: str) -> PortalUser | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.email == email.lower())).first()
        return None if row is None else _user_of(row)

    def users(self) -> list[PortalUser]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(users).order_by(users.c.email)).fetchall()
        return [_user_of(r) for r in rows]

    def verify_password(self, email: str, password: str) -> PortalUser | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(users.c.password_hash).where(users.c.email == email.strip().lower())
            ).first()
        if row is None or not check_password_hash(row[0], password):
            return None
        return self.user(email.strip())

    def grant_access(
        self, user_email: str, patient_id: str, relationship: str = "", status: str = "accepted"
    ) -> None:
        """Create or change a link; only status "accepted" gives access."""
        user_email = user_email.lower()
        with self.write_lock, self.engine.begin() as conn:
            conn.execute(
                delete(access_links).where(
                    (access_links.c.user_email == user_email)
                    & (access_links.c.patient_id == patient_id)
                )
            )
            conn.execute(
                insert(access_links).values(
                    user_email=user_email,
                    patient_id=patient_id,
                    status=status,
                    relationship=relationship,
                )
            )

    def revoke_access(self, user_email: str, patient_id: str) -> None:
        with self.write_lock, self.engine.begin() as conn:
            conn.execute(
                delete(access_links).where(
                    (access_links.c.user_email == user_email.lower())
                    & (access_links.c.patient_id == patient_id)
                )
            )

    def links(self, user_email: str) -> list[tuple[str, str, str]]:
        """(patient_id, status, relationship) of every link of the user."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    access_links.c.patient_id, access_links.c.status, access_links.c.relationship
                )
                .where(access_links.c.user_email == user_email.lower())
                .order_by(access_links.c.patient_id)
            ).fetchall()
        return [(r[0], r[1], r[2]) for r in rows]

    def accessible_patients(self, user: PortalUser) -> list[str]:
        """The user's own patient first, then every patient linked with accepted access
        (staff have no card: an empty list; what they may see is the role's business)."""
        if user.is_staff:
            return []
        linked = [
            p
            for p, status, _ in self.links(user.email)
            if status == "accepted" and p != user.patient_id
        ]
        return [user.patient_id, *linked]
