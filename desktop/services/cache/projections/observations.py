"""Observation -> numeric rows for the charts, and the facts the timeline needs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .common import (
    JSON,
    codings,
    concept_text,
    dicts,
    epoch,
    first_of,
    obj,
    primary_code,
    ref_display,
    ref_id,
    ref_type,
)

ABNORMAL_CODES = frozenset(
    {"H", "HH", "HU", "L", "LL", "LU", "A", "AA", "POS", "DET", "R", ">", "<", "W"}
)
# COVID-19 tests (PCR, antigen, antibodies).
COVID_CODES = frozenset(
    {
        "94500-6",
        "94309-2",
        "94558-4",
        "94531-1",
        "94533-7",
        "94534-5",
        "94306-8",
        "94315-9",
        "94762-2",
        "94563-4",
        "94564-2",
        "94507-1",
        "94508-9",
        "95209-3",
        "94759-8",
        "96119-3",
        "840539006",
        "U07.1",
        "U07.2",
    }
)
_COVID_TEXT = re.compile(r"covid|sars.cov.2|коронавирус|ковид", re.IGNORECASE)


def is_covid(resource: JSON) -> bool:
    code = resource.get("code")
    if not isinstance(code, dict):
        return False
    for coding in codings(code):
        value = coding.get("code")
        if isinstance(value, str) and value in COVID_CODES:
            return True
    return _names_covid(concept_text(code))


@lru_cache(maxsize=4096)
def _names_covid(text: str) -> bool:
    # A card repeats a few dozen test names thousands of times: search each name once.
    return _COVID_TEXT.search(text) is not None


def categories(resource: JSON) -> set[str]:
    found: set[str] = set()
    for concept in dicts(resource.get("category")):
        for coding in codings(concept):
            if coding.get("code"):
                found.add(str(coding["code"]).lower())
    return found


def is_self_measured(resource: JSON, cats: set[str] | None = None) -> bool:
    """Entered by the patient (health diary): performer is the Patient, or tagged so."""
    for performer in dicts(resource.get("performer")):
        if ref_type(performer) == "Patient":
            return True
    for tag in dicts(obj(resource.get("meta")).get("tag")):
        if tag.get("code") == "self-measured":
            return True
    cats = categories(resource) if cats is None else cats
    return "patient-reported" in cats or "diary" in cats


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    return None


def _range(ranges: Any) -> tuple[float | None, float | None]:
    if isinstance(ranges, list):
        for item in ranges:
            if isinstance(item, dict):
                low = _number(obj(item.get("low")).get("value"))
                high = _number(obj(item.get("high")).get("value"))
                if low is not None or high is not None:
                    return low, high
    return None, None


def _interpretation(concepts: Any) -> str | None:
    for concept in concepts if isinstance(concepts, list) else [concepts]:
        for coding in codings(concept):
            if coding.get("code"):
                return str(coding["code"])
    return None


def _is_out(value: float | None, low: float | None, high: float | None, interp: str | None) -> bool:
    if interp and interp.upper() in ABNORMAL_CODES:
        return True
    if value is None:
        return False
    return (low is not None and value < low) or (high is not None and value > high)


def _unit(quantity: JSON) -> str | None:
    for name in ("unit", "code"):
        if isinstance(quantity.get(name), str) and quantity[name]:
            return str(quantity[name])
    return None


def value_text(part: JSON) -> str:
    """A result's value as text: "5.4 mmol/L", "Positive", "120/80 mmHg"."""
    quantity = part.get("valueQuantity")
    if isinstance(quantity, dict) and quantity.get("value") is not None:
        unit = _unit(quantity) or ""
        return (
            f"{number_text(quantity['value'])} {unit}".strip()
            if isinstance(quantity["value"], int | float)
            and not isinstance(quantity["value"], bool)
            else str(quantity["value"])
        )
    if part.get("valueCodeableConcept"):
        return concept_text(part["valueCodeableConcept"])
    for key in ("valueString", "valueInteger", "valueBoolean", "valueDateTime"):
        if key in part:
            return str(part[key])
    components = part.get("component")
    if isinstance(components, list):
        values = [value_text(c) for c in components if isinstance(c, dict)]
        return " / ".join(v for v in values if v)
    return ""


def number_text(value: float) -> str:
    """A measured value as a lab sheet prints it: 121.41 (not the 121.406 some systems
    compute), small values to three significant digits (0.00512), no trailing zeros."""
    if value != 0 and abs(value) < 1:
        return f"{value:.3g}"
    return f"{round(value, 2):.2f}".rstrip("0").rstrip(".")


def result_rows(resource: JSON) -> list[dict[str, Any]]:
    """Rows for a lab table: name, value, unit, range, flag (components included)."""
    rows: list[dict[str, Any]] = []
    parts = dicts(resource.get("component")) or [resource]
    base_interp = _interpretation(resource.get("interpretation"))
    for part in parts:
        given = part.get("valueQuantity")
        quantity: dict[str, Any] = given if isinstance(given, dict) else {}
        value = _number(quantity.get("value"))
        low, high = _range(part.get("referenceRange") or resource.get("referenceRange"))
        interp = _interpretation(part.get("interpretation")) or base_interp
        name = concept_text(part.get("code")) or concept_text(resource.get("code"))
        rows.append(
            {
                "name": name,
                # the number alone when there is a unit column to show it in
                "value": number_text(value) if value is not None else value_text(part),
                "unit": _unit(quantity) or "",
                "low": low,
                "high": high,
                "flag": interp
                or (
                    "H"
                    if value is not None and high is not None and value > high
                    else "L"
                    if value is not None and low is not None and value < low
                    else ""
                ),
                "abnormal": _is_out(value, low, high, interp),
            }
        )
    return rows


def is_abnormal(resource: JSON) -> bool:
    """Whether any row of `result_rows` would be flagged, without building the rows
    (a report asks this of each of its results: the hot path of a big sync)."""
    parts = dicts(resource.get("component")) or [resource]
    base_interp = _interpretation(resource.get("interpretation"))
    for part in parts:
        interp = _interpretation(part.get("interpretation")) or base_interp
        quantity = part.get("valueQuantity")
        value = _number(quantity.get("value")) if isinstance(quantity, dict) else None
        # The range only matters for a number (and is the costly part to read).
        low, high = (
            _range(part.get("referenceRange") or resource.get("referenceRange"))
            if value is not None
            else (None, None)
        )
        if _is_out(value, low, high, interp):
            return True
    return False


def observation_rows(
    resource: JSON,
    patient_id: str | None,
    cats: set[str] | None = None,
    self_measured: bool | None = None,
) -> list[dict[str, Any]]:
    """Numeric values for the charts: one row, or one per component (blood pressure)."""
    if patient_id is None or resource.get("status") in ("entered-in-error", "cancelled"):
        return []
    when = epoch(
        first_of(resource, "effectiveDateTime", "effectivePeriod", "effectiveInstant", "issued")
    )
    cats = categories(resource) if cats is None else cats
    category = "vital-signs" if "vital-signs" in cats else (sorted(cats)[0] if cats else None)
    if self_measured is None:
        self_measured = is_self_measured(resource, cats)
    performer = next(iter(dicts(resource.get("performer"))), None)
    source = ref_display(performer) or ref_id(performer)
    parts: list[tuple[int, JSON]] = [(0, resource)]
    if isinstance(resource.get("component"), list):
        parts = [
            (i, c) for i, c in enumerate(resource["component"], start=1) if isinstance(c, dict)
        ]
    rows = []
    for index, part in parts:
        quantity = part.get("valueQuantity")
        if not isinstance(quantity, dict):
            continue
        value = _number(quantity.get("value"))
        if value is None:
            continue
        code, system = primary_code(part.get("code"))
        if not code:
            continue
        low, high = _range(part.get("referenceRange") or resource.get("referenceRange"))
        rows.append(
            {
                "patient_id": patient_id,
                "resource_id": resource["id"],
                "component": index,
                "code": code,
                "system": system,
                "display": concept_text(part.get("code")) or code,
                "time": when,
                "value": value,
                "unit": _unit(quantity),
                "ref_low": low,
                "ref_high": high,
                "interpretation": _interpretation(part.get("interpretation"))
                or _interpretation(resource.get("interpretation")),
                "source": source,
                "category": "diary" if self_measured else category,
                "self_measured": self_measured,
            }
        )
    return rows
