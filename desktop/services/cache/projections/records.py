"""Diagnoses, procedures, allergies, prescriptions, vaccinations, imaging studies."""

from __future__ import annotations

from typing import Any

from .clinical import Record, Resolver, _record
from .common import (
    JSON,
    codings,
    concept_text,
    dicts,
    first_of,
    first_text,
    obj,
    ref_display,
    ref_id,
    ref_type,
    text_or_none,
)

PLACE_TYPES = frozenset({"ImagingStudy", "Immunization", "Procedure"})


def _performing_organization(resource: JSON) -> Any:
    for part in dicts(resource.get("performer")):
        for actor in (part.get("actor"), part.get("onBehalfOf")):
            if ref_type(actor) == "Organization":
                return actor
    return None


def place_links(resource: JSON) -> set[str]:
    """What `clinic_of` looks up (nothing when a performer names the organisation)."""
    if _performing_organization(resource) is not None:
        return set()
    found = {ref_id(resource.get("location")), ref_id(resource.get("encounter"))}
    return {i for i in found if i}


def clinic_of(resource: JSON, resolver: Resolver) -> Any:
    """The organisation behind a record whose `location` is a room ("каб. 214"): a
    performing Organization, else the Location's managingOrganization, else the visit's
    serviceProvider. The room itself stays in the record's details."""
    organization = _performing_organization(resource)
    if organization is not None:
        return organization
    location = resolver.get(ref_id(resource.get("location")), "Location")
    if location is not None and isinstance(location.get("managingOrganization"), dict):
        return location["managingOrganization"]
    encounter = resolver.get(ref_id(resource.get("encounter")), "Encounter")
    if encounter is not None and isinstance(encounter.get("serviceProvider"), dict):
        return encounter["serviceProvider"]
    return None


def _practitioner(resource: JSON) -> Any:
    actors = [p.get("actor") for p in dicts(resource.get("performer"))]
    return next((a for a in actors if ref_type(a) != "Organization"), None)


def _place(resource: JSON) -> str:
    return ref_display(resource.get("location")) or ""


def _codes(concept: Any) -> str:
    codes = [str(c.get("code")) for c in codings(concept) if c.get("code")]
    return ", ".join(codes)


def condition(resource: JSON) -> Record | None:
    if _status(resource.get("verificationStatus")) == "entered-in-error":
        return None
    title = concept_text(resource.get("code"))
    clinical = _status(resource.get("clinicalStatus"))
    summary = " · ".join(p for p in (_codes(resource.get("code")), clinical) if p)
    body = "\n".join(p for p in (title, summary, _notes(resource)) if p)
    return _record(
        "diagnosis",
        first_of(resource, "onsetDateTime", "onsetPeriod", "recordedDate"),
        title,
        summary=summary,
        body=body,
        doctor=resource.get("asserter") or resource.get("recorder"),
    )


def procedure(resource: JSON, resolver: Resolver) -> Record | None:
    if resource.get("status") in ("entered-in-error", "not-done"):
        return None
    title = concept_text(resource.get("code"))
    reason = first_text(resource.get("reasonCode"))
    return _record(
        "procedure",
        first_of(resource, "performedDateTime", "performedPeriod"),
        title,
        summary=reason,
        body="\n".join(p for p in (title, reason, _place(resource), _notes(resource)) if p),
        doctor=_practitioner(resource),
        clinic=clinic_of(resource, resolver),
    )


def allergy(resource: JSON) -> Record | None:
    title = concept_text(resource.get("code"))
    reactions = [
        concept_text(m)
        for r in dicts(resource.get("reaction"))
        for m in dicts(r.get("manifestation"))
    ]
    criticality = text_or_none(resource.get("criticality")) or ""
    summary = ", ".join(p for p in [criticality, *reactions] if p)
    return _record(
        "allergy",
        first_of(resource, "recordedDate", "onsetDateTime"),
        title,
        summary=summary,
        body="\n".join([title, summary, _notes(resource)]),
        doctor=resource.get("recorder") or resource.get("asserter"),
    )


def dosage_text(resource: JSON) -> str:
    parts = []
    for dosage in dicts(resource.get("dosageInstruction")):
        if isinstance(dosage.get("text"), str) and dosage["text"]:
            parts.append(dosage["text"])
            continue
        timing = obj(obj(dosage.get("timing")).get("repeat"))
        dose = next(
            (
                d["doseQuantity"]
                for d in dicts(dosage.get("doseAndRate"))
                if isinstance(d.get("doseQuantity"), dict)
            ),
            None,
        )
        bits = []
        if dose:
            bits.append(f"{dose.get('value', '')} {dose.get('unit', '')}".strip())
        if timing.get("frequency"):
            bits.append(
                f"{timing['frequency']}× / {timing.get('period', 1)} "
                f"{timing.get('periodUnit', 'd')}"
            )
        if dosage.get("asNeededBoolean"):
            bits.append("as needed")
        if bits:
            parts.append(", ".join(bits))
    return "; ".join(parts)


def medication_name(resource: JSON) -> str:
    if resource.get("medicationCodeableConcept"):
        return concept_text(resource["medicationCodeableConcept"])
    return ref_display(resource.get("medicationReference")) or ""


def prescription(resource: JSON) -> Record | None:
    if resource.get("status") == "entered-in-error":
        return None
    title = medication_name(resource)
    dosage = dosage_text(resource)
    reason = first_text(resource.get("reasonCode"))
    body = "\n".join(p for p in (title, dosage, reason, _notes(resource)) if p)
    return _record(
        "prescription",
        first_of(resource, "authoredOn"),
        title,
        summary=dosage,
        body=body,
        doctor=resource.get("requester"),
    )


def vaccination(resource: JSON, resolver: Resolver) -> Record | None:
    if resource.get("status") == "entered-in-error":
        return None
    title = concept_text(resource.get("vaccineCode"))
    lot = f"lot {resource['lotNumber']}" if resource.get("lotNumber") else ""
    return _record(
        "vaccination",
        first_of(resource, "occurrenceDateTime", "recorded"),
        title,
        summary=lot,
        body="\n".join(p for p in (title, lot, _place(resource), _notes(resource)) if p),
        doctor=_practitioner(resource),
        clinic=clinic_of(resource, resolver),
    )


def imaging_study(resource: JSON, resolver: Resolver) -> Record | None:
    if resolver.has_referrers(resource["id"], ("DiagnosticReport",)):
        return None  # its report is the record (the writer re-projects when one lands)
    series = [
        concept_text(s.get("bodySite") if isinstance(s.get("bodySite"), dict) else None)
        or str(obj(s.get("modality")).get("code") or "")
        for s in dicts(resource.get("series"))
    ]
    title = (
        text_or_none(resource.get("description"))
        or first_text(resource.get("procedureCode"))
        or ", ".join(s for s in series if s)
        or "Imaging study"
    )
    return _record(
        "study",
        first_of(resource, "started"),
        str(title),
        summary=", ".join(s for s in series if s),
        body="\n".join(p for p in (str(title), *series, _place(resource)) if p),
        doctor=resource.get("referrer") or next(iter(dicts(resource.get("interpreter"))), None),
        clinic=clinic_of(resource, resolver),
    )


def _status(concept: Any) -> str:
    return next((str(c.get("code")) for c in codings(concept) if c.get("code")), "")


def _notes(resource: JSON) -> str:
    return "\n".join(str(n.get("text")) for n in dicts(resource.get("note")) if n.get("text"))
