"""What the store indexes for each resource, extracted once at write time.

Search never parses stored JSON: the patient compartment, the clinical date, status and
the token/reference values a search can filter on are pulled out here and kept in columns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

# Sentinel for "no clinical date", below any real date, so the column can be NOT NULL and
# keyset paging over (date_key, last_updated) stays simple.
NO_DATE = -(2**62)

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

# Search parameters of kind token (CodeableConcept / Coding / Identifier).
_CODE_PATHS: dict[str, tuple[str, ...]] = {
    "MedicationRequest": ("medicationCodeableConcept",),
    "MedicationStatement": ("medicationCodeableConcept",),
    "MedicationAdministration": ("medicationCodeableConcept",),
    "Immunization": ("vaccineCode",),
    "DocumentReference": ("type",),
    "Composition": ("type",),
    "Encounter": ("type",),
    "Appointment": ("serviceType",),
    "Slot": ("serviceType",),
    "Schedule": ("serviceType",),
    "HealthcareService": ("type",),
}
_CATEGORY_PATHS: dict[str, tuple[str, ...]] = {
    "Appointment": ("serviceCategory",),
    "Slot": ("serviceCategory",),
    "Schedule": ("serviceCategory",),
    "Encounter": ("class", "serviceType"),
    "ExplanationOfBenefit": ("type",),
    "Claim": ("type",),
    "Task": ("businessStatus",),
}

# Reference search parameters: param name -> element paths that hold references.
REFERENCE_PARAMS: dict[str, tuple[str, ...]] = {
    "encounter": ("encounter", "context"),
    "schedule": ("schedule",),
    "actor": ("actor", "participant.actor"),
    "practitioner": ("participant.actor", "performer", "requester", "participant.individual"),
    "performer": ("performer", "performer.actor"),
    "requester": ("requester",),
    "owner": ("owner",),
    "focus": ("focus",),
    "based-on": ("basedOn",),
    "slot": ("slot",),
    "organization": ("managingOrganization", "organization", "serviceProvider"),
    "location": ("location", "location.location", "participant.actor"),
    "result": ("result",),
}


@dataclass
class IndexEntry:
    patient_id: str | None
    date_key: int
    status: str | None
    tokens: list[tuple[str, str, str]] = field(default_factory=list)  # (param, system, code)


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


def _reference_target(value: Any) -> str | None:
    if isinstance(value, dict):
        ref = value.get("reference")
        if isinstance(ref, str):
            return ref
    return None


def patient_of(resource: dict) -> str | None:
    """The Patient whose compartment holds this resource, or None for shared resources."""
    rtype = resource.get("resourceType")
    if rtype == "Patient":
        return resource.get("id")
    for element in _PATIENT_REFS:
        for value in _values(resource, element):
            ref = _reference_target(value)
            if ref and ref.startswith("Patient/"):
                return ref[len("Patient/") :]
    if rtype == "Appointment":
        for actor in _values(resource, "participant.actor"):
            ref = _reference_target(actor)
            if ref and ref.startswith("Patient/"):
                return ref[len("Patient/") :]
    return None


def _codings(values: list[Any]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for value in values:
        if not isinstance(value, dict):
            continue
        codings = value.get("coding") if "coding" in value else [value]
        for coding in codings or []:
            if isinstance(coding, dict) and coding.get("code"):
                out.append((str(coding.get("system", "")), str(coding["code"])))
    return out


def index_resource(resource: dict) -> IndexEntry:
    rtype = resource["resourceType"]
    date_key = NO_DATE
    raw_date = _first(resource, _DATE_PATHS.get(rtype, ("date", "effectiveDateTime")))
    if isinstance(raw_date, str):
        try:
            date_key = parse_fhir_datetime(raw_date)[0]
        except ValueError:
            date_key = NO_DATE
    status = resource.get("status")
    tokens: list[tuple[str, str, str]] = []
    for system, code in _codings(_values(resource, "code")) or _codings(
        [v for p in _CODE_PATHS.get(rtype, ()) for v in _values(resource, p)]
    ):
        tokens.append(("code", system, code))
    category_values = _values(resource, "category") or [
        v for p in _CATEGORY_PATHS.get(rtype, ()) for v in _values(resource, p)
    ]
    for system, code in _codings(category_values):
        tokens.append(("category", system, code))
    for ident in _values(resource, "identifier"):
        if isinstance(ident, dict) and ident.get("value"):
            tokens.append(("identifier", str(ident.get("system", "")), str(ident["value"])))
    for param, paths in REFERENCE_PARAMS.items():
        for path in paths:
            for value in _values(resource, path):
                ref = _reference_target(value)
                if ref:
                    tokens.append((param, "", ref))
    return IndexEntry(
        patient_id=patient_of(resource),
        date_key=date_key,
        status=status if isinstance(status, str) else None,
        tokens=sorted(set(tokens)),
    )
