"""What the detail pane says about a visit (Encounter), whoever shaped it: our portal's
visits and US Core / Synthea encounters (type, class, reason, period, participants,
diagnoses, location). Labels are N_-marked sentences the views translate."""

from __future__ import annotations

from collections.abc import Callable

from desktop.services.i18n import N_

from .common import JSON, concept_text, dicts, first_text, obj, ref_display, ref_id

Name = Callable[[object], str]  # a reference -> the name it points at ("" if unknown)

_CLASS_NAMES = {  # v3-ActCode encounter classes
    "AMB": N_("Outpatient visit"),
    "EMER": N_("Emergency care"),
    "IMP": N_("Inpatient stay"),
    "ACUTE": N_("Inpatient stay"),
    "NONAC": N_("Inpatient stay"),
    "SS": N_("Short stay"),
    "OBSENC": N_("Observation stay"),
    "HH": N_("Home visit"),
    "VR": N_("Video consultation"),
    "PRENC": N_("Pre-admission visit"),
}


def visit_facts(encounter: JSON, name_of: Name, diagnoses: list[JSON]) -> list[tuple[str, str]]:
    """(label, text) lines for a visit; `diagnoses` are the Conditions that name it."""
    facts: list[tuple[str, str]] = []

    def add(label: str, text: str) -> None:
        if text:
            facts.append((label, text))

    add(N_("Type"), first_text(encounter.get("type")) or concept_text(encounter.get("serviceType")))
    klass = obj(encounter.get("class"))
    code = klass.get("code")
    add(
        N_("Kind of care"),
        _CLASS_NAMES.get(code, "") if isinstance(code, str) else "",
    )
    if not any(label == N_("Kind of care") for label, _ in facts):
        display = klass.get("display")
        add(N_("Kind of care"), display if isinstance(display, str) else "")
    reasons = [concept_text(c) for c in dicts(encounter.get("reasonCode"))]
    reasons += [name_of(r) or ref_display(r) or "" for r in dicts(encounter.get("reasonReference"))]
    add(N_("Reason"), "; ".join(dict.fromkeys(r for r in reasons if r)))
    people = []
    for part in dicts(encounter.get("participant")):
        who = name_of(part.get("individual"))
        role = first_text(part.get("type"))
        if who:
            people.append(f"{who} ({role})" if role else who)
    add(N_("Participants"), "; ".join(dict.fromkeys(people)))
    named = [name_of(d.get("condition")) for d in dicts(encounter.get("diagnosis"))]
    named += [concept_text(c.get("code")) for c in diagnoses]
    add(N_("Diagnoses"), "; ".join(dict.fromkeys(n for n in named if n)))
    places = [name_of(p.get("location")) for p in dicts(encounter.get("location"))]
    add(N_("Location"), "; ".join(dict.fromkeys(p for p in places if p)))
    add(N_("Clinic"), name_of(encounter.get("serviceProvider")))
    return facts


def period_of(encounter: JSON) -> tuple[str, str]:
    """(start, end) instants as given (either may be empty)."""
    period = obj(encounter.get("period"))
    start, end = period.get("start"), period.get("end")
    return (start if isinstance(start, str) else "", end if isinstance(end, str) else "")


def needles(encounter: JSON) -> tuple[str, ...]:
    """How a record refers to this visit in its JSON: `Encounter/<id>` or `urn:uuid:<id>`."""
    rid = encounter.get("id")
    return (f'"Encounter/{rid}"', f'"urn:uuid:{rid}"') if isinstance(rid, str) else ()


def refers_to(resource: JSON, encounter_id: str) -> bool:
    """Whether a record's `encounter` (or `context`) names the visit."""
    for field in ("encounter", "context"):
        if ref_id(resource.get(field)) == encounter_id:
            return True
    return False
