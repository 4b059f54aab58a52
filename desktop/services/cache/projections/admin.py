"""Appointments, family links, requests to the clinic and the names directory."""

from __future__ import annotations

from typing import Any

from .common import (
    JSON,
    address_text,
    codings,
    concept_text,
    dicts,
    first_text,
    human_name,
    normalize_datetime,
    obj,
    ref_display,
    ref_id,
    ref_type,
    text_or_none,
)

# Shared with desktop/services/booking_fhir.py (the appointments feature owns the vocabulary).
VISIT_KIND_SYSTEM = "https://demo.medcard/fhir/CodeSystem/visit-kind"
BOOKING_ID_SYSTEM = "urn:medcard:booking"
JOIN_URL_EXT = "https://demo.medcard/fhir/StructureDefinition/telemed-join-url"
_KINDS = {"clinic": "regular", "regular": "regular", "video": "video", "home": "home"}


def _participant(resource: JSON, rtype: str) -> Any:
    for part in dicts(resource.get("participant")):
        actor = part.get("actor")
        if ref_type(actor) == rtype:
            return actor
    return None


def appointment(resource: JSON, patient_id: str | None) -> dict[str, Any] | None:
    if patient_id is None:
        return None
    kind = "regular"
    for concept in dicts(resource.get("serviceCategory")):
        for coding in codings(concept):
            if coding.get("system") == VISIT_KIND_SYSTEM:
                kind = _KINDS.get(str(coding.get("code")), "regular")
    practitioner = _participant(resource, "Practitioner") or _participant(
        resource, "PractitionerRole"
    )
    location = _participant(resource, "Location")
    join = next(
        (
            text_or_none(e.get("valueUrl"))
            for e in dicts(resource.get("extension"))
            if e.get("url") == JOIN_URL_EXT
        ),
        None,
    )
    identifier = next(
        (
            text_or_none(i.get("value"))
            for i in dicts(resource.get("identifier"))
            if i.get("system") == BOOKING_ID_SYSTEM
        ),
        None,
    )
    slots = dicts(resource.get("slot"))
    return {
        "resource_id": resource["id"],
        "patient_id": patient_id,
        "status": text_or_none(resource.get("status")) or "booked",
        "start": normalize_datetime(resource.get("start")) or None,
        "end": normalize_datetime(resource.get("end")) or None,
        "service_kind": kind,
        "specialty": first_text(resource.get("specialty")) or None,
        "practitioner": ref_display(practitioner),
        "practitioner_id": ref_id(practitioner),
        "room": ref_display(location),
        "clinic_name": None,
        "clinic_address": None,
        "join_url": join,
        "slot_id": ref_id(slots[0]) if slots else None,
        "identifier": identifier,
    }


def related_person(resource: JSON) -> dict[str, Any]:
    period = obj(resource.get("period"))
    active = resource.get("active", True) is not False and not period.get("end")
    return {
        "patient_id": ref_id(resource.get("patient")),
        "account_patient_id": None,
        "name": human_name(resource.get("name")) or None,
        "birth_date": text_or_none(resource.get("birthDate")),
        "relationship": first_text(resource.get("relationship")) or None,
        "access_status": "active" if active else "ended",
        "reason": None,
        "task_id": None,
        "requested_at": text_or_none(period.get("start")),
    }


def task(resource: JSON) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """(family row for child-access Tasks or None, requests row)."""
    code = next(
        (str(c.get("code")) for c in codings(resource.get("code")) if c.get("code")),
        "",
    )
    reason = concept_text(resource.get("statusReason")) or None
    request = {
        "patient_id": ref_id(resource.get("for")),
        "kind": code or concept_text(resource.get("code")) or None,
        "status": text_or_none(resource.get("status")) or "requested",
        "authored": text_or_none(resource.get("authoredOn")),
        "reason": reason,
        "description": text_or_none(resource.get("description")),
    }
    if not code.startswith("child-access"):
        return None, request
    inputs = {}
    for item in dicts(resource.get("input")):
        icode = next((c.get("code") for c in codings(item.get("type"))), None)
        value = next((v for k, v in item.items() if k.startswith("value")), None)
        if icode and isinstance(value, str | int | float):
            inputs[str(icode)] = str(value) if not isinstance(value, str) else value
    family = {
        "patient_id": ref_id(resource.get("focus")),
        "account_patient_id": ref_id(resource.get("for")),
        "name": next((v for k, v in inputs.items() if "name" in k), None),
        "birth_date": next((v for k, v in inputs.items() if "birth" in k and "date" in k), None),
        "relationship": next((v for k, v in inputs.items() if "role" in k), None),
        "access_status": text_or_none(resource.get("status")) or "requested",
        "reason": reason,
        "task_id": resource["id"],
        "requested_at": text_or_none(resource.get("authoredOn")),
    }
    return family, request


def service_request(resource: JSON) -> dict[str, Any]:
    return {
        "patient_id": ref_id(resource.get("subject")),
        "kind": concept_text(resource.get("code")) or None,
        "status": text_or_none(resource.get("status")) or "active",
        "authored": text_or_none(resource.get("authoredOn")),
        "reason": first_text(resource.get("reasonCode")) or None,
        "description": "\n".join(
            str(n.get("text")) for n in dicts(resource.get("note")) if n.get("text")
        )
        or None,
    }


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
    return {"id": resource["id"], "type": rtype, "name": name, "address": address}
