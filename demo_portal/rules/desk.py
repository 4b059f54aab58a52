"""The registry desk's rules for appointments (issue 14).

- An Appointment created with a staff token names who booked it: the extension
  `booked-by` (valueReference = the staff member's PractitionerRole, display = name and
  clinic). The slot rules are the patients' (demo_portal/rules/appointments.py): of two
  desks booking one slot, the second gets 409 "slot already taken".
- Staff change an appointment's status only, with If-Match (the write path asks for it):
  booked → arrived (the patient came) | noshow | cancelled; arrived → fulfilled;
  a home visit proposed | pending | booked → cancelled. Everything else is kept from the
  stored version; each change is in the audit trail (demo_portal/audit.py).
"""

from __future__ import annotations

from typing import Any

from demo_portal.errors import FhirError
from demo_portal.rules import registry

BOOKED_BY_EXT = "https://demo.medcard/fhir/StructureDefinition/booked-by"
STAFF_MOVES = {
    "booked": ("arrived", "noshow", "cancelled"),
    "arrived": ("fulfilled", "booked"),  # back to booked: marked arrived by mistake
    "proposed": ("cancelled",),
    "pending": ("cancelled",),
    "noshow": ("arrived", "booked"),  # came late after all
}


def _is_staff(ctx: Any) -> bool:
    return bool(getattr(ctx.user, "is_staff", False))


def booked_by(ctx: Any) -> dict[str, Any]:
    user = ctx.user
    role = ctx.store.get("PractitionerRole", user.practitioner_role_id) or {}
    clinic = (role.get("organization") or {}).get("display") or user.organization_id
    return {
        "url": BOOKED_BY_EXT,
        "valueReference": {
            "reference": f"PractitionerRole/{user.practitioner_role_id}",
            "display": f"{(role.get('practitioner') or {}).get('display') or user.display_name}"
            f", регистратура, {clinic}",
        },
    }


@registry.before_create("Appointment")
def record_who_booked(ctx: Any, resource: dict[str, Any]) -> dict[str, Any]:
    if not _is_staff(ctx):
        return resource
    resource = dict(resource)
    others = [e for e in resource.get("extension") or [] if e.get("url") != BOOKED_BY_EXT]
    resource["extension"] = [*others, booked_by(ctx)]
    return resource


@registry.before_update("Appointment")
def staff_status_change(ctx: Any, resource: dict[str, Any]) -> dict[str, Any]:
    if not _is_staff(ctx):
        return resource
    stored = ctx.store.get("Appointment", resource.get("id"))
    if stored is None:
        raise FhirError(422, "Appointments are created with POST", "Запись создаётся запросом POST")
    was, wanted = stored.get("status"), resource.get("status")
    if wanted == was:
        return dict(stored, meta=resource.get("meta", stored.get("meta")))
    if wanted not in STAFF_MOVES.get(str(was), ()):
        raise FhirError(
            409,
            f"An appointment that is '{was}' cannot become '{wanted}'",
            f"Запись в состоянии «{was}» нельзя перевести в «{wanted}»",
        )
    changed = dict(stored, status=wanted)
    if wanted == "cancelled" and isinstance(resource.get("cancelationReason"), dict):
        changed["cancelationReason"] = resource["cancelationReason"]
    return changed
