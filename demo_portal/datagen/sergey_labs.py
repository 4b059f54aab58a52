"""Sergey's eleven years of diabetes control: quarterly labs, vital signs and his diary."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from . import codes as c
from .builder import Builder, local_dt
from .directory import Directory
from .labs import LabContext, lab_report
from .labs_catalog import PANELS
from .patients import Person

LAB_YEARS = 11.5
HEIGHT_M = 1.78


@dataclass
class LabVisit:
    """One blood draw: the panels done and where (for costs and the timeline)."""

    day: date
    org: str
    panels: list[str] = field(default_factory=list)
    report_ids: list[str] = field(default_factory=list)
    paid: bool = False


def trend(f: float, start: float, end: float, wobble: float, phase: float = 0.0) -> float:
    """A value drifting from ``start`` to ``end`` over f in [0, 1], with a slow wave."""
    return start + (end - start) * f + wobble * math.sin(f * 9.0 + phase)


def sergey_values(f: float, rng, age: float) -> dict[str, float]:
    g = rng.gauss
    # the wave's phase puts it at zero today, so the latest values sit near the 6.9 target
    hba1c = trend(f, 8.2, 6.75, 0.3, math.pi - 9.0) + g(0, 0.12)
    if f < 0.04:
        hba1c += 0.3  # before treatment took effect
    glucose = (1.59 * hba1c - 2.59) * 0.85 + g(0, 0.45)
    creat = trend(f, 84, 99, 4, 1.0) + g(0, 5)
    # CKD-EPI 2009 for a man (creatinine in mg/dL)
    scr = creat / 88.42
    egfr = 141 * min(scr / 0.9, 1) ** -0.411 * max(scr / 0.9, 1) ** -1.209 * 0.993**age
    chol = trend(f, 6.6, 4.5, 0.3, 2.0) + g(0, 0.25)
    hdl = trend(f, 0.92, 1.12, 0.05) + g(0, 0.06)
    tg = trend(f, 2.7, 1.8, 0.25, 0.5) + g(0, 0.2)
    ldl = max(chol - hdl - tg / 2.2, 1.2)
    alt = trend(f, 30, 37, 6, 3.0) + g(0, 5) + (18 if rng.random() < 0.1 else 0)
    return {
        "4548-4": hba1c,
        "2345-7": glucose,
        "2160-0": creat,
        "62238-1": egfr,
        "1742-6": alt,
        "1920-8": alt * 0.8 + g(0, 3),
        "2823-3": 4.4 + g(0, 0.3),
        "2093-3": chol,
        "13457-7": ldl,
        "2085-9": hdl,
        "2571-8": tg,
        "718-7": 151 + g(0, 6),
        "6690-2": 6.4 + g(0, 1.1),
        "789-8": 4.9 + g(0, 0.2),
        "777-3": 240 + g(0, 35),
        "4544-3": 44 + g(0, 1.8),
        "30341-2": 8 + abs(g(0, 4)),
        "5811-5": 1.018 + g(0, 0.004),
        "2756-5": 6.0 + g(0, 0.5),
        "2888-6": max(0.0, trend(f, 0.03, 0.12, 0.03) + g(0, 0.04)),
        "14957-5": max(2.0, trend(f, 9, 27, 4) + g(0, 4)),
        "3016-3": 2.1 + g(0, 0.5),
    }


def build_sergey_labs(b: Builder, d: Directory, p: Person) -> list[LabVisit]:
    rng = b.rng("sergey-labs")
    start = b.today - timedelta(days=int(LAB_YEARS * 365.25))
    day = start
    visits: list[LabVisit] = []
    n = 0
    while day < b.today - timedelta(days=5):
        day = _weekday(day)
        f = (day - start).days / (b.today - start).days
        other_lab = rng.random() < 0.2
        org = "org-medlab" if other_lab else "org-kdc4"
        ctx = LabContext(p, org, d.org_names[org], alt_units=other_lab)
        panels = ["diabetes"]
        if n % 4 == 0:
            panels += ["chemistry", "lipids", "cbc", "urine"]
            if n % 8 == 0:
                panels.append("tsh")
        elif n % 2 == 0:
            panels.append("lipids")
        values = sergey_values(f, rng, (day - p.birth).days / 365.25)
        taken = b.at(day, 8, rng.randint(0, 50))
        visit = LabVisit(day, org, paid=other_lab)
        for panel in panels:
            codes = _panel_codes(panel)
            if panel == "chemistry":
                codes = [x for x in codes if x != "2345-7"]  # glucose is in the diabetes panel
            report = lab_report(b, ctx, panel, {k: values[k] for k in codes}, taken)
            visit.panels.append(panel)
            visit.report_ids.append(report["id"])
        visits.append(visit)
        n += 1
        day = day + timedelta(days=rng.randint(75, 110))
    return visits


def _panel_codes(panel: str) -> list[str]:
    return list(PANELS[panel][3])


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


VITAL_CATEGORY = [
    {
        "coding": [c.coding(c.OBS_CATEGORY, "vital-signs", "Vital Signs")],
        "text": "Показатели жизнедеятельности",
    }
]
SURVEY_CATEGORY = [
    {"coding": [c.coding(c.OBS_CATEGORY, "survey", "Survey")], "text": "Дневник здоровья"}
]
SELF_MEASURED_TAG = {"system": c.TAGS, "code": "self-measured", "display": "Измерено пациентом"}


def vital_signs(
    b: Builder,
    p: Person,
    when: datetime,
    performer: dict,
    encounter_id: str | None,
    sys_bp: int,
    dia_bp: int,
    pulse: int,
    weight: float | None,
    self_measured: bool = False,
) -> list[dict]:
    """Blood pressure panel, heart rate and, when given, weight and BMI."""
    subject = c.ref("Patient", p.id, p.full_name)
    common = {
        "status": "final",
        "category": VITAL_CATEGORY,
        "subject": subject,
        "effectiveDateTime": local_dt(when),
        "performer": [performer],
    }
    if encounter_id:
        common["encounter"] = c.ref("Encounter", encounter_id)
    prefix = f"diary-{p.id}" if self_measured else f"vs-{p.id}"
    out = [
        {
            "code": c.concept(
                c.LOINC,
                "85354-9",
                "Blood pressure panel with all children optional",
                "Артериальное давление",
            ),
            "component": [
                {
                    "code": c.concept(
                        c.LOINC, "8480-6", "Systolic blood pressure", "Систолическое АД"
                    ),
                    "valueQuantity": c.quantity(sys_bp, "мм рт. ст.", "mm[Hg]"),
                    "referenceRange": [{"high": c.quantity(139, "мм рт. ст.", "mm[Hg]")}],
                    "interpretation": c.interpretation("H" if sys_bp >= 140 else "N"),
                },
                {
                    "code": c.concept(
                        c.LOINC, "8462-4", "Diastolic blood pressure", "Диастолическое АД"
                    ),
                    "valueQuantity": c.quantity(dia_bp, "мм рт. ст.", "mm[Hg]"),
                    "referenceRange": [{"high": c.quantity(89, "мм рт. ст.", "mm[Hg]")}],
                    "interpretation": c.interpretation("H" if dia_bp >= 90 else "N"),
                },
            ],
        },
        {
            "code": c.concept(c.LOINC, "8867-4", "Heart rate", "Частота сердечных сокращений"),
            "valueQuantity": c.quantity(pulse, "уд/мин", "/min"),
        },
    ]
    if weight is not None:
        out.append(
            {
                "code": c.concept(c.LOINC, "29463-7", "Body weight", "Масса тела"),
                "valueQuantity": c.quantity(round(weight, 1), "кг", "kg"),
            }
        )
        out.append(
            {
                "code": c.concept(c.LOINC, "8302-2", "Body height", "Рост"),
                "valueQuantity": c.quantity(round(HEIGHT_M * 100), "см", "cm"),
            }
        )
        out.append(
            {
                "code": c.concept(
                    c.LOINC, "39156-5", "Body mass index (BMI) [Ratio]", "Индекс массы тела"
                ),
                "valueQuantity": c.quantity(round(weight / HEIGHT_M**2, 1), "кг/м²", "kg/m2"),
            }
        )
    made = []
    for body in out:
        res = {"resourceType": "Observation", "id": b.new_id(prefix), **common, **body}
        if self_measured:
            res["category"] = VITAL_CATEGORY + SURVEY_CATEGORY
        made.append(b.add(res, when))
        if self_measured:
            res["meta"]["tag"] = [SELF_MEASURED_TAG]
    return made


def build_diary(b: Builder, p: Person) -> None:
    """Two months of home readings: BP twice a week, fasting glucose three times a week,
    weight on Sundays."""
    rng = b.rng("sergey-diary")
    me = c.ref("Patient", p.id, p.full_name)
    for days_ago in range(61, 1, -1):  # up to the day before yesterday: see Builder.cutoff
        weekday = (b.today - timedelta(days=days_ago)).weekday()
        if weekday in (1, 4):
            when = b.days_ago(days_ago, 21, rng.randint(0, 30))
            vital_signs(
                b,
                p,
                when,
                me,
                None,
                rng.randint(124, 146),
                rng.randint(78, 92),
                rng.randint(64, 82),
                None,
                self_measured=True,
            )
        if weekday == 6:
            when = b.days_ago(days_ago, 8, rng.randint(0, 30))
            res = b.add(
                {
                    "resourceType": "Observation",
                    "id": b.new_id(f"diary-{p.id}"),
                    "status": "final",
                    "category": VITAL_CATEGORY,
                    "code": c.concept(c.LOINC, "29463-7", "Body weight", "Масса тела"),
                    "subject": me,
                    "effectiveDateTime": local_dt(when),
                    "performer": [me],
                    "valueQuantity": c.quantity(
                        round(91.2 + days_ago / 100 + rng.gauss(0, 0.3), 1), "кг", "kg"
                    ),
                },
                when,
                late=False,
            )
            res["meta"]["tag"] = [SELF_MEASURED_TAG]
        if weekday in (0, 2, 5):
            when = b.days_ago(days_ago, 7, rng.randint(0, 40))
            value = round(rng.gauss(7.0, 0.7), 1)
            res = b.add(
                {
                    "resourceType": "Observation",
                    "id": b.new_id(f"diary-{p.id}"),
                    "status": "final",
                    "category": SURVEY_CATEGORY,
                    "code": c.concept(
                        c.LOINC,
                        "2339-0",
                        "Glucose [Mass/volume] in Blood",
                        "Глюкоза крови (глюкометр)",
                    ),
                    "subject": me,
                    "effectiveDateTime": local_dt(when),
                    "performer": [me],
                    "valueQuantity": c.quantity(value, "ммоль/л", "mmol/L"),
                    "note": [{"text": "Натощак"}],
                },
                when,
                late=False,
            )
            res["meta"]["tag"] = [SELF_MEASURED_TAG]
