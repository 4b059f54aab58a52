"""Lab reports (DiagnosticReport + Observations) with ranges, flags and other-lab units."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from . import codes as c
from .builder import Builder, local_dt
from .labs_catalog import CHILD_RANGES, FEMALE_RANGES, PANELS, A, Analyte
from .patients import Person

LAB_CATEGORY = [
    {
        "coding": [c.coding(c.OBS_CATEGORY, "laboratory", "Laboratory")],
        "text": "Лабораторные исследования",
    }
]
DR_LAB_CATEGORY = [
    {"coding": [c.coding(c.DR_CATEGORY, "LAB", "Laboratory")], "text": "Лабораторная диагностика"}
]


@dataclass
class LabContext:
    """Who the report is about and who made it."""

    person: Person
    lab_org: str
    lab_name: str
    alt_units: bool = False  # the other lab reports in mg/dL
    child: bool = False


def _range(ctx: LabContext, a: Analyte) -> tuple[float | None, float | None]:
    if ctx.child and a.code in CHILD_RANGES:
        return CHILD_RANGES[a.code]
    if ctx.person.gender == "female" and a.code in FEMALE_RANGES:
        return FEMALE_RANGES[a.code]
    return a.low, a.high


def _fmt(v: float, decimals: int) -> str:
    return f"{v:.{decimals}f}".replace(".", ",")


def lab_observation(
    b: Builder,
    ctx: LabContext,
    a: Analyte,
    value: float,
    taken: datetime,
    issued: datetime,
    obs_id: str,
) -> dict:
    low, high = _range(ctx, a)
    ucum, unit, decimals = a.ucum, a.unit, a.decimals
    if ctx.alt_units and a.alt:
        ucum, unit, factor, decimals = a.alt
        value, low, high = (
            value * factor,
            None if low is None else low * factor,
            None if high is None else high * factor,
        )
    value = round(value, decimals) if decimals else float(round(value))
    flag = (
        "H"
        if high is not None and value > high
        else "L"
        if low is not None and value < low
        else "N"
    )
    rr: dict = {}
    if low is not None:
        rr["low"] = c.quantity(round(low, decimals + 1), unit, ucum)
    if high is not None:
        rr["high"] = c.quantity(round(high, decimals + 1), unit, ucum)
    rr["text"] = (
        f"{_fmt(low, decimals)}–{_fmt(high, decimals)}"
        if low is not None and high is not None
        else f"< {_fmt(high, decimals)}"
        if high is not None
        else f"> {_fmt(low, decimals)}"
    )
    obs = {
        "resourceType": "Observation",
        "id": obs_id,
        "status": "final",
        "category": LAB_CATEGORY,
        "code": c.concept(c.LOINC, a.code, a.display, a.name),
        "subject": c.ref("Patient", ctx.person.id, ctx.person.full_name),
        "effectiveDateTime": local_dt(taken),
        "issued": local_dt(issued),
        "performer": [c.ref("Organization", ctx.lab_org, ctx.lab_name)],
        "valueQuantity": c.quantity(value, unit, ucum),
        "interpretation": c.interpretation(flag),
        "referenceRange": [rr],
    }
    return b.add(obs, issued)


def lab_report(
    b: Builder,
    ctx: LabContext,
    panel: str,
    values: dict[str, float],
    taken: datetime,
    encounter_id: str | None = None,
    conclusion: str | None = None,
) -> dict:
    """One DiagnosticReport with an Observation per analyte in ``values``."""
    code, display, title, _ = PANELS[panel]
    report_id = b.new_id(f"dr-{ctx.person.id}")
    issued = taken + timedelta(hours=b.rng(f"issued/{report_id}").randint(4, 30))
    results = []
    for analyte_code, value in values.items():
        obs = lab_observation(
            b, ctx, A[analyte_code], value, taken, issued, b.new_id(f"obs-{ctx.person.id}")
        )
        results.append(c.ref("Observation", obs["id"], A[analyte_code].name))
    report = {
        "resourceType": "DiagnosticReport",
        "id": report_id,
        "status": "final",
        "category": DR_LAB_CATEGORY,
        "code": c.concept(c.LOINC, code, display, title),
        "subject": c.ref("Patient", ctx.person.id, ctx.person.full_name),
        "effectiveDateTime": local_dt(taken),
        "issued": local_dt(issued),
        "performer": [c.ref("Organization", ctx.lab_org, ctx.lab_name)],
        "result": results,
    }
    if encounter_id:
        report["encounter"] = c.ref("Encounter", encounter_id)
    if conclusion:
        report["conclusion"] = conclusion
    return b.add(report, issued)
