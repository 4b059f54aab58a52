"""The names directory (Practitioner, Organization, Location, PractitionerRole)."""

from __future__ import annotations

from typing import Any

from ...names import short_org_name, short_person_name, short_person_text
from .common import (
    JSON,
    address_text,
    dicts,
    first_text,
    human_name,
    ref_display,
    ref_id,
    ref_type,
    text_or_none,
)

_DIRECTORY_ACTORS = ("Practitioner", "PractitionerRole", "Location", "Organization")


def appointment_directory_refs(resource: JSON) -> set[str]:
    """Ids of the doctors and places an Appointment names (the appointments feature parses
    the Appointment itself: desktop/services/booking/fhir.py)."""
    found: set[str] = set()
    for part in dicts(resource.get("participant")):
        actor = part.get("actor")
        if ref_type(actor) in _DIRECTORY_ACTORS:
            rid = ref_id(actor)
            if rid:
                found.add(rid)
    return found


def directory_entry(resource: JSON) -> dict[str, Any] | None:
    rtype = resource.get("resourceType")
    if rtype == "Practitioner":
        name = human_name(resource.get("name"))
    elif rtype == "PractitionerRole":
        name = ref_display(resource.get("practitioner")) or first_text(resource.get("specialty"))
    else:
        name = text_or_none(resource.get("name")) or ""
    if not name:
        return None
    address = address_text(resource.get("address")) or None
    return {
        "id": resource["id"],
        "type": rtype,
        "name": name,
        "short_name": short_name(resource, name),
        "address": address,
    }


def short_name(resource: JSON, name: str) -> str:
    """The list form of a directory name (docs: desktop/services/names.py)."""
    rtype = resource.get("resourceType")
    if rtype == "Organization":
        aliases = resource.get("alias")
        return short_org_name(name, aliases if isinstance(aliases, list) else ())
    if rtype == "Practitioner":
        for human in resource.get("name") or []:
            if not isinstance(human, dict):
                continue
            family = human.get("family")
            given = [g for g in human.get("given") or [] if isinstance(g, str)]
            if isinstance(family, str) and family.strip():
                return short_person_name(family, given)
        return short_person_text(name)
    if rtype == "PractitionerRole":
        return short_person_text(name)
    return name
