"""What the store indexes for each resource, extracted once at write time.

Search never parses stored JSON: the patient compartment, the clinical date, status and
the token/reference values a search can filter on are pulled out here and kept in columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson

from demo_portal.index_values import (
    FOREVER,
    NO_DATE,
    reference_of,
    string_terms,
    token_pairs,
)
from demo_portal.searchdefs import params_of

# NO_DATE ("no clinical date", below any real date) keeps the date_key column NOT NULL so
# keyset paging over (date_key, last_updated) stays simple.
__all__ = ["FOREVER", "NO_DATE", "IndexEntry", "index_resource", "patient_of"]

# Where each type keeps its clinical date, first match wins (FHIR paths, dotted).
_DATE_PATHS: dict[str, tuple[str, ...]] = {
    "Observation": ("effectiveDateTime", "effectivePeriod.start", "effectiveInstant", "issued"),
    "DiagnosticReport": ("effectiveDateTime", "effectivePeriod.start", "issued"),
    "Encounter": ("period.start",),
    "Condition": ("recordedDate", "onsetDateTime", "onsetPeriod.start"),
    "Procedure": ("performedDateTime", "performedPeriod.start"),
    "MedicationRequest": ("authoredOn",),
    "MedicationStatement": ("effectiveDateTime", "effectivePeriod.start", "dateAsserted"),
    "MedicationAdministration": ("effectiveDateTime", "effectivePeriod.start"),
    "Immunization": ("occurrenceDateTime", "recorded"),
    "DocumentReference": ("date", "context.period.start"),
    "Composition": ("date",),
    "ExplanationOfBenefit": ("billablePeriod.start", "created"),
    "Claim": ("billablePeriod.start", "created"),
    "Appointment": ("start", "created"),
    "Slot": ("start",),
    "Schedule": ("planningHorizon.start",),
    "Task": ("authoredOn", "executionPeriod.start"),
    "ServiceRequest": ("occurrenceDateTime", "authoredOn"),
    "AllergyIntolerance": ("recordedDate", "onsetDateTime"),
    "CarePlan": ("period.start", "created"),
    "CareTeam": ("period.start",),
    "Goal": ("startDate", "statusDate"),
    "ImagingStudy": ("started",),
    "Patient": ("birthDate",),
    "RelatedPerson": ("period.start",),
    "Provenance": ("recorded",),
    "Media": ("createdDateTime",),
    "SupplyDelivery": ("occurrenceDateTime",),
    "Device": ("manufactureDate",),
    "Consent": ("dateTime",),
}

# Elements that put a resource into a Patient compartment, in order of preference.
_PATIENT_REFS = ("subject", "patient", "beneficiary", "for")
# Resources with no patient of their own join the card of what they point at
# (resolved by the store, which can look the target up): a signature's Provenance, a
# document's Binary.
COMPARTMENT_VIA = {"Provenance": "target", "Binary": "securityContext"}

# Shared directory resources a card's records point at: every such reference is indexed
# under this internal name, so Patient/$everything can bring them along.
DIRECTORY_REF = "_directory"


@dataclass
class IndexEntry:
    patient_id: str | None
    date_key: int
    status: str | None
    tokens: list[tuple[str, str, str]] = field(default_factory=list)  # (param, system, code)
    strings: list[tuple[str, str]] = field(default_factory=list)  # (param, normalized value)
    dates: list[tuple[str, int, int]] = field(default_factory=list)  # (param, low, high)


def _values(node: Any, path: str) -> list[Any]:
    """All values at a dotted path, flattening lists on the way."""
    head = path.split(".", 1)[0]
    if not isinstance(node, dict) or head not in node:
        return []  # fast path: most paths tried on a resource are absent
    current = [node]
    for part in path.split("."):
        nxt: list[Any] = []
        for item in current:
            if isinstance(item, dict) and part in item:
                value = item[part]
                nxt.extend(value if isinstance(value, list) else [value])
        current = nxt
    return current


def _first(node: dict, paths: tuple[str, ...]) -> Any:
    for path in paths:
        found = _values(node, path)
        if found:
            return found[0]
    return None


def parse_fhir_datetime(text: str) -> tuple[int, int]:
    """A FHIR date/dateTime/instant -> (start, end) in epoch ms, end exclusive.

    The range follows the value's precision: "2020" covers the year, "2020-05-01" the day.
    Raises ValueError for anything else.
    """
    text = text.strip()
    if len(text) == 4:
        start = datetime(int(text), 1, 1, tzinfo=UTC)
        end = datetime(int(text) + 1, 1, 1, tzinfo=UTC)
    elif len(text) == 7:
        y, m = int(text[:4]), int(text[5:7])
        start = datetime(y, m, 1, tzinfo=UTC)
        end = datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=UTC)
    elif len(text) == 10:
        d = date.fromisoformat(text)
        start = datetime(d.year, d.month, d.day, tzinfo=UTC)
        end = start + timedelta(days=1)
    else:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        start = parsed
        # Precision: seconds or finer -> 1 ms (or 1 s when no fraction), minutes -> 1 min.
        if "." in text[19:20]:
            end = start + timedelta(milliseconds=1)
        elif len(text) >= 19 and text[16] == ":":
            end = start + timedelta(seconds=1)
        else:
            end = start + timedelta(minutes=1)
    return _ms(start), _ms(end)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_MS = timedelta(milliseconds=1)


def _ms(moment: datetime) -> int:
    # Integer arithmetic: float timestamps would turn .123 into .122999 and break `gt`.
    return (moment - _EPOCH) // _ONE_MS


def format_instant(ms: int) -> str:
    """Epoch ms -> FHIR instant in UTC with millisecond precision."""
    moment = _EPOCH + ms * _ONE_MS
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def patient_of(resource: dict) -> str | None:
    """The Patient whose compartment holds this resource, or None for shared resources
    (and for those in COMPARTMENT_VIA, which the store resolves)."""
    rtype = resource.get("resourceType")
    if rtype == "Patient":
        return resource.get("id")
    for element in _PATIENT_REFS:
        for value in _values(resource, element):
            ref = reference_of(value, ("Patient",))
            if ref:
                return ref[len("Patient/") :]
    if rtype == "Appointment":
        for actor in _values(resource, "participant.actor"):
            ref = reference_of(actor, ("Patient",))
            if ref:
                return ref[len("Patient/") :]
    return None


def compartment_targets(resource: dict) -> list[str]:
    """`Type/id` of what a resource without a patient of its own belongs to."""
    element = COMPARTMENT_VIA.get(resource.get("resourceType", ""))
    if element is None:
        return []
    return [r for r in (reference_of(v) for v in _values(resource, element)) if r]


# In the served JSON (orjson: no spaces), a reference to a directory resource. Text that
# merely mentions one has its quotes escaped, so it cannot match.
_DIRECTORY_REF_JSON = re.compile(
    rb'"reference":"((?:Practitioner|Organization|Location|PractitionerRole)/[^"]+)"'
)


def _directory_refs(body: bytes) -> set[str]:
    return {m.decode() for m in _DIRECTORY_REF_JSON.findall(body)}


def _date_range(value: Any) -> tuple[int, int] | None:
    try:
        if isinstance(value, str):
            return parse_fhir_datetime(value)
        if isinstance(value, dict) and ("start" in value or "end" in value):
            low = parse_fhir_datetime(value["start"])[0] if value.get("start") else NO_DATE
            high = parse_fhir_datetime(value["end"])[1] if value.get("end") else FOREVER
            return low, high
    except (ValueError, TypeError):
        return None
    return None


def index_resource(resource: dict, body: bytes | None = None) -> IndexEntry:
    """What the store keeps for searching; `body` is the resource's JSON if already made."""
    rtype = resource["resourceType"]
    date_key = NO_DATE
    raw_date = _first(resource, _DATE_PATHS.get(rtype, ("date", "effectiveDateTime")))
    if isinstance(raw_date, str):
        try:
            date_key = parse_fhir_datetime(raw_date)[0]
        except ValueError:
            date_key = NO_DATE
    status = resource.get("status")
    entry = IndexEntry(patient_of(resource), date_key, status if isinstance(status, str) else None)
    tokens: set[tuple[str, str, str]] = set()
    strings: set[tuple[str, str]] = set()
    for name, param in params_of(rtype).items():
        kind = param.kind
        for path in param.paths:
            for value in _values(resource, path):
                if kind in ("token", "uri"):
                    tokens.update((name, s, c) for s, c in token_pairs(value, param.contact))
                elif kind == "reference":
                    ref = reference_of(value, param.targets)
                    if ref:
                        tokens.add((name, "", ref))
                elif kind == "string":
                    strings.update((name, term) for term in string_terms(value))
                elif kind == "date":
                    found = _date_range(value)
                    if found:
                        entry.dates.append((name, *found))
    refs = _directory_refs(body if body is not None else orjson.dumps(resource))
    tokens.update((DIRECTORY_REF, "", ref) for ref in refs)
    entry.tokens = sorted(tokens)
    entry.strings = sorted(strings)
    return entry
