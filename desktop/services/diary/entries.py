"""Health diary: plausibility checks and patient-authored FHIR Observations.

A diary entry is what a patient measured at home. It becomes an Observation with
``performer`` = the Patient, category ``vital-signs`` and a ``self-measured`` tag, so the
clinic (and our charts) can tell it from laboratory results. Each entry carries a
client-generated identifier: the portal's conditional create (``If-None-Exist``) turns a
retried or replayed upload into the same resource, never a second one.

Qt-free; messages are marked with ``N_`` and formatted by the view after translation.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from desktop.services.i18n import N_

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DIARY_TAG_SYSTEM = "http://demo.medcard/fhir/CodeSystem/tags"  # shared with the demo data
DIARY_TAG_CODE = "self-measured"
DIARY_IDENTIFIER_SYSTEM = "urn:medcard:diary-entry"

BP_PANEL = "85354-9"
BP_SYSTOLIC = "8480-6"
BP_DIASTOLIC = "8462-4"

# How far in the future a measurement time may be (clock skew between devices).
_FUTURE_SKEW = timedelta(minutes=10)
_EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)


class DiaryKind(StrEnum):
    BLOOD_PRESSURE = "blood-pressure"
    PULSE = "pulse"
    GLUCOSE = "glucose"
    WEIGHT = "weight"
    TEMPERATURE = "temperature"
    SPO2 = "spo2"


@dataclass(frozen=True)
class Measure:
    """One measured quantity: LOINC code, UCUM unit and the plausible range."""

    code: str
    display: str  # English LOINC display, sent to the portal
    label: str  # user-facing name (N_)
    unit: str  # UCUM
    unit_label: str  # N_: shown translated ("мм рт. ст.")
    low: float
    high: float
    decimals: int


MEASURES: dict[str, Measure] = {
    "systolic": Measure(
        BP_SYSTOLIC,
        "Systolic blood pressure",
        N_("Systolic pressure"),
        "mm[Hg]",
        N_("mmHg"),
        50,
        300,
        0,
    ),
    "diastolic": Measure(
        BP_DIASTOLIC,
        "Diastolic blood pressure",
        N_("Diastolic pressure"),
        "mm[Hg]",
        N_("mmHg"),
        25,
        200,
        0,
    ),
    "pulse": Measure("8867-4", "Heart rate", N_("Pulse"), "/min", N_("/min"), 25, 250, 0),
    "glucose": Measure(
        "2339-0",
        "Glucose [Mass/volume] in Blood",
        N_("Blood glucose"),
        "mmol/L",
        N_("mmol/L"),
        1.0,
        40.0,
        1,
    ),
    "weight": Measure("29463-7", "Body weight", N_("Weight"), "kg", N_("kg"), 1.0, 350.0, 1),
    "temperature": Measure(
        "8310-5", "Body temperature", N_("Body temperature"), "Cel", "°C", 32.0, 43.0, 1
    ),
    "spo2": Measure(
        "59408-5",
        "Oxygen saturation in Arterial blood by Pulse oximetry",
        N_("Oxygen saturation (SpO2)"),
        "%",
        "%",
        50.0,
        100.0,
        0,
    ),
}

# Which measures make up each kind of entry (blood pressure has two).
KIND_MEASURES: dict[DiaryKind, tuple[str, ...]] = {
    DiaryKind.BLOOD_PRESSURE: ("systolic", "diastolic"),
    DiaryKind.PULSE: ("pulse",),
    DiaryKind.GLUCOSE: ("glucose",),
    DiaryKind.WEIGHT: ("weight",),
    DiaryKind.TEMPERATURE: ("temperature",),
    DiaryKind.SPO2: ("spo2",),
}

KIND_LABELS: dict[DiaryKind, str] = {
    DiaryKind.BLOOD_PRESSURE: N_("Blood pressure"),
    DiaryKind.PULSE: N_("Pulse"),
    DiaryKind.GLUCOSE: N_("Blood glucose"),
    DiaryKind.WEIGHT: N_("Weight"),
    DiaryKind.TEMPERATURE: N_("Body temperature"),
    DiaryKind.SPO2: N_("Oxygen saturation (SpO2)"),
}

_KIND_BY_CODE = {
    BP_PANEL: DiaryKind.BLOOD_PRESSURE,
    "8867-4": DiaryKind.PULSE,
    "2339-0": DiaryKind.GLUCOSE,
    "2345-7": DiaryKind.GLUCOSE,
    "29463-7": DiaryKind.WEIGHT,
    "8310-5": DiaryKind.TEMPERATURE,
    "59408-5": DiaryKind.SPO2,
}


@dataclass(frozen=True)
class Problem:
    """A validation problem: which field, an N_ message template and its parameters."""

    field: str
    message: str
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)

    def text(self, translate: Callable[[str], str] = str) -> str:
        """The message, translated by ``translate`` (identity by default), then filled in.
        Text parameters (measure names, units) are N_ strings too and are translated."""
        params = {k: translate(v) if isinstance(v, str) else v for k, v in self.params.items()}
        return translate(self.message).format(**params)


@dataclass(frozen=True)
class DiaryEntry:
    """What the patient entered. ``values`` maps measure keys (see MEASURES) to numbers."""

    kind: DiaryKind
    measured_at: datetime  # timezone-aware
    values: Mapping[str, float]
    note: str = ""
    identifier: str = dataclass_field(default_factory=lambda: new_identifier())
    resource_id: str | None = None  # set once the portal has it
    version_id: str | None = None


class DiaryValidationError(ValueError):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(p.text() for p in problems))
        self.problems = problems


def new_identifier() -> str:
    return str(uuid.uuid4())


def validate(entry: DiaryEntry, now: datetime | None = None) -> list[Problem]:
    """Every reason the entry cannot be saved; empty when it is plausible."""
    now = now or datetime.now(UTC)
    problems: list[Problem] = []
    if entry.measured_at.tzinfo is None:
        problems.append(Problem("measured_at", N_("The measurement time has no time zone.")))
    elif entry.measured_at > now + _FUTURE_SKEW:
        problems.append(Problem("measured_at", N_("The measurement time is in the future.")))
    elif entry.measured_at < _EARLIEST:
        problems.append(Problem("measured_at", N_("The measurement date is too far in the past.")))
    for key in KIND_MEASURES[entry.kind]:
        measure = MEASURES[key]
        value = entry.values.get(key)
        if value is None:
            problems.append(Problem(key, N_("Enter the value: {name}."), {"name": measure.label}))
            continue
        if not isinstance(value, int | float) or value != value:  # NaN check
            problems.append(Problem(key, N_("{name}: not a number."), {"name": measure.label}))
            continue
        if not measure.low <= value <= measure.high:
            problems.append(
                Problem(
                    key,
                    N_("{name} of {value} {unit} is not plausible: expected {low}–{high} {unit}."),
                    {
                        "name": measure.label,
                        "value": _fmt(value, measure.decimals),
                        "unit": measure.unit_label,
                        "low": _fmt(measure.low, measure.decimals),
                        "high": _fmt(measure.high, measure.decimals),
                    },
                )
            )
    if entry.kind is DiaryKind.BLOOD_PRESSURE and not problems:
        if entry.values["systolic"] <= entry.values["diastolic"]:
            problems.append(
                Problem("diastolic", N_("Diastolic pressure must be lower than systolic pressure."))
            )
    if len(entry.note) > 1000:
        problems.append(Problem("note", N_("The note is too long (at most 1000 characters).")))
    return problems


def ensure_valid(entry: DiaryEntry, now: datetime | None = None) -> None:
    problems = validate(entry, now)
    if problems:
        raise DiaryValidationError(problems)


def parse_number(text: str) -> float | None:
    """A number typed with a comma or a dot ("36,6"); None when it is not one."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return None


def _fmt(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def _quantity(key: str, value: float) -> dict[str, Any]:
    m = MEASURES[key]
    return {
        "value": round(float(value), max(m.decimals, 1)),
        "unit": m.unit_label,
        "system": UCUM,
        "code": m.unit,
    }


def _coding(code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": LOINC, "code": code, "display": display}], "text": display}


def identifier_query(identifier: str) -> str:
    """The If-None-Exist search that finds an already uploaded entry."""
    return f"identifier={DIARY_IDENTIFIER_SYSTEM}|{identifier}"


def build_observation(entry: DiaryEntry, patient_id: str) -> dict[str, Any]:
    """The patient-authored Observation for an entry (with ``id`` when it is an update)."""
    patient_ref = {"reference": f"Patient/{patient_id}"}
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "meta": {
            "tag": [
                {"system": DIARY_TAG_SYSTEM, "code": DIARY_TAG_CODE, "display": "Self-measured"}
            ]
        },
        "identifier": [{"system": DIARY_IDENTIFIER_SYSTEM, "value": entry.identifier}],
        "status": "final",
        "category": [
            {"coding": [{"system": OBS_CATEGORY, "code": "vital-signs", "display": "Vital Signs"}]}
        ],
        "subject": patient_ref,
        "performer": [patient_ref],
        "effectiveDateTime": entry.measured_at.isoformat(timespec="seconds"),
    }
    if entry.kind is DiaryKind.BLOOD_PRESSURE:
        resource["code"] = _coding(BP_PANEL, "Blood pressure panel")
        resource["component"] = [
            {
                "code": _coding(MEASURES[k].code, MEASURES[k].display),
                "valueQuantity": _quantity(k, entry.values[k]),
            }
            for k in ("systolic", "diastolic")
        ]
    else:
        key = KIND_MEASURES[entry.kind][0]
        resource["code"] = _coding(MEASURES[key].code, MEASURES[key].display)
        resource["valueQuantity"] = _quantity(key, entry.values[key])
    if entry.note.strip():
        resource["note"] = [{"text": entry.note.strip()}]
    if entry.resource_id:
        resource["id"] = entry.resource_id
    return resource


def is_self_measured(resource: Mapping[str, Any]) -> bool:
    tags = (resource.get("meta") or {}).get("tag") or []
    return any(
        t.get("system") == DIARY_TAG_SYSTEM and t.get("code") == DIARY_TAG_CODE
        for t in tags
        if isinstance(t, dict)
    )


def is_own_entry(resource: Mapping[str, Any], patient_id: str) -> bool:
    """A diary entry the patient wrote themselves (the only kind they may change)."""
    ref = f"Patient/{patient_id}"
    performers = [
        p.get("reference") for p in resource.get("performer") or [] if isinstance(p, dict)
    ]
    return (
        resource.get("resourceType") == "Observation"
        and is_self_measured(resource)
        and (resource.get("subject") or {}).get("reference") == ref
        and bool(performers)
        and all(p == ref for p in performers)
    )


def entry_from_observation(resource: Mapping[str, Any]) -> DiaryEntry | None:
    """Back from a stored Observation to an editable entry (None if it is not a diary one)."""
    codings = ((resource.get("code") or {}).get("coding")) or [{}]
    kind = _KIND_BY_CODE.get(codings[0].get("code", ""))
    if kind is None or not is_self_measured(resource):
        return None
    values: dict[str, float] = {}
    if kind is DiaryKind.BLOOD_PRESSURE:
        for comp in resource.get("component") or []:
            code = ((comp.get("code") or {}).get("coding") or [{}])[0].get("code")
            qty = comp.get("valueQuantity") or {}
            if code == BP_SYSTOLIC and "value" in qty:
                values["systolic"] = float(qty["value"])
            elif code == BP_DIASTOLIC and "value" in qty:
                values["diastolic"] = float(qty["value"])
    else:
        qty = resource.get("valueQuantity") or {}
        if "value" in qty:
            values[KIND_MEASURES[kind][0]] = float(qty["value"])
    try:
        measured = datetime.fromisoformat(str(resource.get("effectiveDateTime")))
    except ValueError:
        return None
    if measured.tzinfo is None:
        measured = measured.replace(tzinfo=UTC)
    identifier = next(
        (
            i.get("value")
            for i in resource.get("identifier") or []
            if i.get("system") == DIARY_IDENTIFIER_SYSTEM
        ),
        None,
    )
    notes = [n.get("text", "") for n in resource.get("note") or [] if isinstance(n, dict)]
    return DiaryEntry(
        kind=kind,
        measured_at=measured,
        values=values,
        note="\n".join(notes),
        identifier=identifier or new_identifier(),
        resource_id=resource.get("id"),
        version_id=(resource.get("meta") or {}).get("versionId"),
    )
