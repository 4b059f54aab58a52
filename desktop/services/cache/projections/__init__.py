"""FHIR resource dict -> rows of the screen tables (pure functions).

`project(resource, resolver, patient)` returns every row a resource contributes; the resolver looks
up the other resources a projection needs (a report's Observations, a visit's protocol).
`links_of(resource)` lists the ids those lookups depend on, so the writer can re-project a
record when a resource it depends on arrives later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import admin, clinical, records
from .clinical import Record, Resolver
from .common import JSON, dicts, obj, ref_id, ref_type
from .observations import categories, is_self_measured, observation_rows

__all__ = ["Projection", "Resolver", "links_of", "patient_of", "project", "DIRECTORY_TYPES"]

DIRECTORY_TYPES = frozenset({"Practitioner", "Organization", "Location", "PractitionerRole"})
_SUBJECT_FIELDS = ("subject", "patient", "beneficiary", "for")


@dataclass
class Projection:
    timeline: Record | None = None  # includes "body" (indexed for search, not stored)
    observations: list[dict[str, Any]] = field(default_factory=list)
    directory: dict[str, Any] | None = None


def patient_of(resource: JSON) -> str | None:
    """The Patient a resource belongs to (None for shared ones like Practitioner)."""
    rtype = resource.get("resourceType")
    if rtype == "Patient":
        return str(resource.get("id"))
    if rtype in DIRECTORY_TYPES:
        return None
    subject = resource.get("subject")  # fast path: most resources say "Patient/<id>"
    if isinstance(subject, dict):
        value = subject.get("reference")
        if isinstance(value, str) and value.startswith("Patient/") and "/" not in value[8:]:
            return value[8:]
    for name in _SUBJECT_FIELDS:
        value = resource.get(name)
        if isinstance(value, dict) and ref_type(value) in (None, "Patient"):
            found = ref_id(value)
            if found:
                return found
    if rtype == "Appointment":
        for part in dicts(resource.get("participant")):
            actor = part.get("actor")
            if ref_type(actor) == "Patient":
                return ref_id(actor)
    return None


def links_of(resource: JSON) -> set[str]:
    """Ids of resources whose arrival changes this resource's projection (or vice versa)."""
    rtype = resource.get("resourceType")
    if rtype == "DiagnosticReport":
        refs = [*dicts(resource.get("result")), *dicts(resource.get("imagingStudy"))]
        return {i for i in (ref_id(r) for r in refs) if i}
    if rtype == "Composition":
        found = ref_id(resource.get("encounter"))
        return {found} if found else set()
    if rtype == "DocumentReference":
        context = obj(resource.get("context"))
        refs = [*dicts(context.get("encounter")), *dicts(context.get("related"))]
        return {i for i in (ref_id(e) for e in refs if isinstance(e, dict)) if i}
    if rtype in records.PLACE_TYPES:
        return records.place_links(resource)
    if rtype == "Appointment":
        # Not a projection dependency: lets the sync find doctors and places it lacks.
        return admin.appointment_directory_refs(resource)
    return set()


def project(resource: JSON, resolver: Resolver, patient: str | None) -> Projection:
    """`patient`: `patient_of(resource)` (every caller has it already)."""
    rtype = resource.get("resourceType")
    out = Projection()
    if rtype in DIRECTORY_TYPES:
        out.directory = admin.directory_entry(resource)
        return out
    if rtype == "Encounter":
        if resource.get("status") not in ("cancelled", "entered-in-error", "planned"):
            out.timeline = clinical.encounter(resource, resolver)
    elif rtype in ("Composition", "DocumentReference"):
        out.timeline = clinical.document(resource, resolver)
    elif rtype == "DiagnosticReport":
        if resource.get("status") not in ("entered-in-error", "cancelled"):
            out.timeline = clinical.report(resource, resolver)
    elif rtype == "Observation":
        cats = categories(resource)  # computed once: the hottest path of a big sync
        self_measured = is_self_measured(resource, cats)
        out.observations = observation_rows(resource, patient, cats, self_measured)
        if resource.get("status") not in ("entered-in-error", "cancelled"):
            out.timeline = clinical.observation(resource, resolver, cats, self_measured)
    elif rtype == "Condition":
        out.timeline = records.condition(resource)
    elif rtype == "Procedure":
        out.timeline = records.procedure(resource, resolver)
    elif rtype == "AllergyIntolerance":
        out.timeline = records.allergy(resource)
    elif rtype == "MedicationRequest":
        out.timeline = records.prescription(resource)
    elif rtype == "Immunization":
        out.timeline = records.vaccination(resource, resolver)
    elif rtype == "ImagingStudy":
        out.timeline = records.imaging_study(resource, resolver)
    if patient is None:
        out.timeline = None  # a record must belong to someone's card
    return out
