"""Clinical resources -> one record of the card timeline (kind, date, title, body...)."""

from __future__ import annotations

from typing import Any, Protocol

from .common import (
    JSON,
    attachment_text,
    concept_text,
    dicts,
    first_of,
    first_text,
    has_code,
    narrative,
    normalize_datetime,
    obj,
    ref_display,
    ref_id,
    ref_type,
    strip_html,
    text_or_none,
)
from .observations import categories, is_abnormal, is_covid, is_self_measured, value_text

DISCHARGE_CODES = frozenset({"18842-5", "34105-7", "11490-0"})
IMAGING_CATEGORIES = frozenset(
    {
        "rad",
        "img",
        "imaging",
        "us",
        "ct",
        "mr",
        "nmr",
        "xr",
        "ec",
        "ekg",
        "ecg",
        "cus",
        "card",
        "cth",
        "ot",
        "other",
        "oth",
        "procedure",
        "endoscopy",
        "ven",
        "vus",
        "nrs",
        "radiology",
    }
)
LAB_CATEGORIES = frozenset(
    {"lab", "laboratory", "hm", "ch", "mb", "ser", "ur", "cg", "bg", "hem", "lab-results"}
)


class Resolver(Protocol):
    """Looks up other stored resources while projecting one (the batch and the cache)."""

    def get(self, rid: str | None, rtype: str | None = None) -> JSON | None: ...

    def referrers(self, rid: str, types: tuple[str, ...]) -> list[JSON]: ...

    def has_referrers(self, rid: str, types: tuple[str, ...]) -> bool: ...


Record = dict[str, Any]
_NOT_SHOWN = ("entered-in-error", "superseded")


def _record(
    kind: str,
    when: str,
    title: str,
    *,
    summary: str = "",
    body: str = "",
    doctor: Any = None,
    clinic: Any = None,
    abnormal: bool = False,
) -> Record:
    return {
        "kind": kind,
        "date": normalize_datetime(when),
        "title": title or kind,
        "summary": summary,
        "doctor": ref_display(doctor),
        "doctor_id": ref_id(doctor),
        "clinic": ref_display(clinic),
        "clinic_id": ref_id(clinic),
        "abnormal": abnormal,
        "body": body,
    }


def document_text(resource: JSON) -> str:
    """Readable text of a Composition (sections) or DocumentReference (attachments)."""
    parts = [part for section in document_sections(resource) for part in section]
    return "\n".join(p for p in parts if p)


def document_sections(resource: JSON) -> list[tuple[str, str]]:
    """(heading, text) pairs of a document: a Composition's titled sections (a heading may
    be ""), or a DocumentReference's description and attachments as untitled text."""
    found: list[tuple[str, str]] = []
    if resource.get("resourceType") == "Composition":
        found.append(("", narrative(resource)))
        for section in dicts(resource.get("section")):
            div = obj(section.get("text")).get("div")
            text = strip_html(div) if isinstance(div, str) else ""
            title = section.get("title")
            found.append((title if isinstance(title, str) else "", text))
    else:
        if isinstance(resource.get("description"), str):
            found.append(("", resource["description"]))
        for content in dicts(resource.get("content")):
            found.append(("", attachment_text(content.get("attachment"))))
    return [(title, text) for title, text in found if title or text]


def _doc_encounter(resource: JSON) -> str | None:
    if resource.get("resourceType") == "Composition":
        return ref_id(resource.get("encounter"))
    encounters = obj(resource.get("context")).get("encounter") or []
    return ref_id(encounters[0]) if isinstance(encounters, list) and encounters else None


def names_organization(ref: JSON) -> bool:
    value = ref.get("reference")
    return isinstance(value, str) and "Organization" in value


def _author(resource: JSON) -> Any:
    authors = dicts(resource.get("author"))
    return next(
        (a for a in authors if not names_organization(a)),
        authors[0] if authors else None,
    )


def _custodian(resource: JSON) -> Any:
    if isinstance(resource.get("custodian"), dict):
        return resource["custodian"]
    return next((a for a in dicts(resource.get("author")) if names_organization(a)), None)


def encounter(resource: JSON, resolver: Resolver) -> Record:
    participant = next(
        (p.get("individual") for p in dicts(resource.get("participant")) if p.get("individual")),
        None,
    )
    title = first_text(resource.get("type")) or concept_text(resource.get("serviceType"))
    reasons = [first_text(resource.get("reasonCode"))] + [
        ref_display(r) or "" for r in dicts(resource.get("reasonReference"))
    ]
    body = [r for r in reasons if r]
    docs = resolver.referrers(resource["id"], ("Composition", "DocumentReference"))
    compositions = {d["id"] for d in docs if d.get("resourceType") == "Composition"}
    for doc in docs:
        if not is_discharge(doc) and not (related_compositions(doc) & compositions):
            body.append(document_text(doc))
    summary = body[0] if body else ""
    return _record(
        "visit",
        first_of(resource, "period"),
        title or "Visit",
        summary=summary,
        body="\n".join(body),
        doctor=participant,
        clinic=resource.get("serviceProvider"),
    )


def is_discharge(resource: JSON) -> bool:
    return has_code(resource.get("type"), DISCHARGE_CODES) or has_code(
        resource.get("category"), DISCHARGE_CODES
    )


def related_compositions(resource: JSON) -> set[str]:
    """Compositions a DocumentReference's `context.related` names: the same document."""
    if resource.get("resourceType") != "DocumentReference":
        return set()
    related = dicts(obj(resource.get("context")).get("related"))
    return {
        i
        for i in (
            ref_id(r)
            for r in related
            if isinstance(r, dict) and ref_type(r) in (None, "Composition")
        )
        if i
    }


def _shown_elsewhere(resource: JSON, resolver: Resolver) -> bool:
    """A DocumentReference carrying a stored Composition's document: show that one only."""
    for composition_id in related_compositions(resource):
        found = resolver.get(composition_id, "Composition")
        if found is not None and found.get("status") not in _NOT_SHOWN:
            return True
    return False


def document(resource: JSON, resolver: Resolver) -> Record | None:
    """A Composition/DocumentReference: discharge, a visit protocol or a document."""
    if resource.get("status") in _NOT_SHOWN or _shown_elsewhere(resource, resolver):
        return None
    text = document_text(resource)
    when = first_of(resource, "date", "created") or first_of(obj(resource.get("context")), "period")
    title = (
        text_or_none(resource.get("title"))
        or first_text(resource.get("type"))
        or first_text(resource.get("category"))
        or text_or_none(resource.get("description"))
        or ""
    )
    kind = "discharge" if is_discharge(resource) else "document"
    encounter_id = _doc_encounter(resource)
    if kind == "document" and encounter_id:
        if resolver.get(encounter_id, "Encounter") is not None:
            return None  # the protocol is part of its visit's record
        kind = "visit"
    summary = text.split("\n", 1)[0][:200] if text else ""
    return _record(
        kind,
        when,
        str(title),
        summary=summary,
        body=text,
        doctor=_author(resource),
        clinic=_custodian(resource),
    )


def report(resource: JSON, resolver: Resolver) -> Record:
    cats = categories(resource)
    results = [resolver.get(ref_id(r), "Observation") for r in dicts(resource.get("result"))]
    observations = [o for o in results if o is not None]
    lines = [f"{concept_text(o.get('code'))}: {value_text(o)}" for o in observations]
    for form in dicts(resource.get("presentedForm")):
        lines.append(attachment_text(form))
    conclusion = text_or_none(resource.get("conclusion"))
    if conclusion:
        lines.insert(0, conclusion)
    if is_covid(resource) or any(is_covid(o) for o in observations):
        kind = "covid"
    elif cats & LAB_CATEGORIES or (observations and not cats & IMAGING_CATEGORIES):
        kind = "lab"
    else:
        kind = "study"
    performer = dicts(resource.get("performer"))
    doctor = next((p for p in performer if not names_organization(p)), None)
    clinic = next((p for p in performer if names_organization(p)), None)
    if doctor is None:
        doctor = next(iter(dicts(resource.get("resultsInterpreter"))), None)
    abnormal = any(is_abnormal(o) for o in observations)
    summary = (conclusion or "; ".join(lines[:3]))[:200]
    return _record(
        kind,
        first_of(resource, "effectiveDateTime", "effectivePeriod", "issued"),
        concept_text(resource.get("code")),
        summary=summary,
        body="\n".join(x for x in lines if x),
        doctor=doctor,
        clinic=clinic,
        abnormal=abnormal,
    )


def observation(
    resource: JSON,
    resolver: Resolver,
    cats: set[str] | None = None,
    self_measured: bool | None = None,
) -> Record | None:
    """A lab result outside any report gets its own record; vitals and diary stay in charts."""
    if resolver.has_referrers(resource["id"], ("DiagnosticReport",)):
        return None  # shown inside its report (checked first: the common, cheap case)
    cats = categories(resource) if cats is None else cats
    if self_measured is None:
        self_measured = is_self_measured(resource, cats)
    covid = is_covid(resource)
    if not covid and ("vital-signs" in cats or self_measured):
        return None
    if not covid and cats and not cats & LAB_CATEGORIES:
        return None  # surveys, social history: not card records
    performer = dicts(resource.get("performer"))
    doctor = next((p for p in performer if not names_organization(p)), None)
    clinic = next((p for p in performer if names_organization(p)), None)
    value = value_text(resource)
    title = concept_text(resource.get("code"))
    return _record(
        "covid" if covid else "lab",
        first_of(resource, "effectiveDateTime", "effectivePeriod", "issued"),
        title,
        summary=value,
        body=f"{title}: {value}",
        doctor=doctor,
        clinic=clinic,
        abnormal=is_abnormal(resource),
    )
