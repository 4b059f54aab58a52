"""Who works at the desk: the staff member a SMART `user/` sign-in names (Qt-free).

Registry staff sign in at the portal like patients do, but ask only for `user/` scopes of
the types a registry needs (never `patient/` ones, never a clinical type): the token then
names the staff member's PractitionerRole (`fhirUser`) and clinic, not a patient.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.services.booking.fhir import ref_id
from desktop.services.errors import NotFound, SignInFailed
from desktop.services.i18n import N_

# What the desk reads and writes, type by type: demographics and policy, the directory,
# schedules, appointments (booking, status changes, home visits) and issued documents.
DESK_TYPES_READ = (
    "Patient",
    "Coverage",
    "Organization",
    "Location",
    "Practitioner",
    "PractitionerRole",
    "Schedule",
    "Slot",
    "DocumentReference",
    "Binary",
)
DESK_SCOPE = " ".join(
    ["openid", "fhirUser", "offline_access"]
    + [f"user/{t}.rs" for t in DESK_TYPES_READ]
    + ["user/Appointment.cruds"]
)


class NotStaff(SignInFailed):
    default_message = N_(
        "This account is not a registry account. Sign in with the account of a registry "
        "staff member."
    )


@dataclass(frozen=True)
class StaffMember:
    """The signed-in staff member: their PractitionerRole and clinic (ids, names)."""

    role_id: str
    organization_id: str
    name: str = ""
    clinic: str = ""

    @property
    def display(self) -> str:
        return self.name or self.role_id


def staff_from_answer(answer: dict[str, Any]) -> StaffMember:
    """From the token answer: `fhirUser` a PractitionerRole, the organization given."""
    role_id = ref_id(answer.get("fhirUser"), "PractitionerRole")
    organization_id = ref_id(answer.get("medcard_organization"), "Organization")
    if not role_id:
        raise NotStaff("the token names no PractitionerRole (fhirUser)")
    return StaffMember(role_id=role_id, organization_id=organization_id)


def with_names(client: Any, member: StaffMember) -> StaffMember:
    """The staff member's name and clinic from their PractitionerRole (an unreadable one
    keeps the ids: the desk still works)."""
    try:
        role = client.read("PractitionerRole", member.role_id)
    except NotFound:
        return member
    practitioner = role.get("practitioner") or {}
    organization = role.get("organization") or {}
    return StaffMember(
        role_id=member.role_id,
        organization_id=member.organization_id or ref_id(organization, "Organization"),
        name=str(practitioner.get("display") or ""),
        clinic=str(organization.get("display") or ""),
    )
