"""Extra records for benchmarks: ``scale`` more resources on Sergey's card.

Mostly lab Observations grouped under DiagnosticReports, spread over twenty years, plus
every twentieth block a visit (Encounter + DocumentReference with Russian text) so the
full-text search has material. Built as plain dict literals in one pass: 100 000
resources take a second or two.
"""

from __future__ import annotations

import base64
import gc
from datetime import UTC, datetime, timedelta

from . import codes as c
from .builder import MSK, Builder
from .labs import DR_LAB_CATEGORY, LAB_CATEGORY
from .labs_catalog import A

PATIENT = "ivanov-sergey"
SPAN_DAYS = 20 * 365
PER_REPORT = 8

COMPLAINTS = (
    "головная боль",
    "слабость",
    "жажда",
    "сухость во рту",
    "боль в пояснице",
    "повышение давления",
    "онемение стоп",
    "кашель",
    "насморк",
    "боль в горле",
    "утомляемость",
    "плохой сон",
    "изжога",
    "головокружение",
    "одышка при нагрузке",
)
FINDINGS = (
    "Тоны сердца ясные, ритмичные.",
    "В лёгких дыхание везикулярное, хрипов нет.",
    "Живот мягкий, безболезненный.",
    "Отёков нет.",
    "Пульсация на стопах сохранена.",
    "Кожные покровы чистые.",
    "Зев умеренно гиперемирован.",
)
DIAGNOSES = (
    ("E11.9", "Сахарный диабет 2 типа"),
    ("I10", "Гипертоническая болезнь"),
    ("E78.5", "Гиперлипидемия"),
    ("J06.9", "ОРВИ"),
    ("M54.5", "Люмбалгия"),
    ("K21.9", "Гастроэзофагеальный рефлюкс"),
    ("G47.0", "Нарушение засыпания"),
)
ADVICE = (
    "Контроль гликемии.",
    "Дневник АД.",
    "Диета с ограничением соли.",
    "Контроль HbA1c через 3 месяца.",
    "Обильное питьё.",
    "ЛФК.",
    "Повторный приём через месяц.",
    "Продолжить метформин.",
    "Продолжить лизиноприл.",
)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_scale(b: Builder, n: int) -> None:
    """Append exactly ``n`` resources for Sergey."""
    if n <= 0:
        return
    # Millions of fresh dicts and no cycles among them: the cyclic collector would only
    # rescan the growing list again and again.
    collecting = gc.isenabled()
    gc.disable()
    try:
        _add(b, n)
    finally:
        if collecting:
            gc.enable()


def _add(b: Builder, n: int) -> None:
    rng = b.rng("scale")
    rand = rng.random
    analytes = list(A.values())
    subject = {"reference": f"Patient/{PATIENT}", "display": "Иванов Сергей Александрович"}
    lab = ("org-kdc4", "ГБУЗ «Консультативно-диагностический центр № 4 ДЗМ»")
    start = datetime(b.today.year, b.today.month, b.today.day, 8, tzinfo=MSK) - timedelta(days=1)
    blocks = max(1, n // (PER_REPORT + 1))
    step = timedelta(days=SPAN_DAYS / blocks)
    out = b.resources
    made = block = 0
    while made < n:
        when = start - step * block
        when_text = when.isoformat(timespec="seconds")
        stamp = _stamp(min(when + timedelta(hours=7), b.cutoff))
        left = n - made
        if block % 20 == 19 and left >= 2:
            out.extend(_visit(block, when, stamp, subject, rng))
            made += 2
        else:
            count = min(PER_REPORT, left - 1) if left > 1 else 1
            refs = []
            for k in range(count):
                a = analytes[(block * 3 + k) % len(analytes)]
                low = a.low if a.low is not None else (a.high or 1) * 0.5
                high = a.high if a.high is not None else low * 2
                value = round(low + (high - low) * (rand() * 1.3 - 0.1), a.decimals or 0)
                flag = "H" if value > high else "L" if value < low else "N"
                obs_id = f"scale-obs-{made + k}"
                out.append(
                    {
                        "resourceType": "Observation",
                        "id": obs_id,
                        "status": "final",
                        "category": [
                            {
                                "coding": [dict(LAB_CATEGORY[0]["coding"][0])],
                                "text": LAB_CATEGORY[0]["text"],
                            }
                        ],
                        "code": {
                            "coding": [{"system": c.LOINC, "code": a.code, "display": a.display}],
                            "text": a.name,
                        },
                        "subject": dict(subject),
                        "effectiveDateTime": when_text,
                        "performer": [{"reference": f"Organization/{lab[0]}", "display": lab[1]}],
                        "valueQuantity": c.quantity(value, a.unit, a.ucum),
                        "interpretation": [
                            {"coding": [{"system": c.INTERPRETATION, "code": flag}]}
                        ],
                        "referenceRange": [_range(a)],
                        "meta": {"versionId": "1", "lastUpdated": stamp},
                    }
                )
                refs.append({"reference": f"Observation/{obs_id}"})
            made += count
            if made < n:
                out.append(
                    {
                        "resourceType": "DiagnosticReport",
                        "id": f"scale-dr-{block}",
                        "status": "final",
                        "category": [
                            {
                                "coding": [dict(DR_LAB_CATEGORY[0]["coding"][0])],
                                "text": DR_LAB_CATEGORY[0]["text"],
                            }
                        ],
                        "code": {"text": f"Лабораторное исследование № {block + 1}"},
                        "subject": dict(subject),
                        "effectiveDateTime": when_text,
                        "performer": [{"reference": f"Organization/{lab[0]}", "display": lab[1]}],
                        "result": refs,
                        "meta": {"versionId": "1", "lastUpdated": stamp},
                    }
                )
                made += 1
        block += 1


def _range(a) -> dict:
    rr: dict = {}
    if a.low is not None:
        rr["low"] = c.quantity(a.low, a.unit, a.ucum)
    if a.high is not None:
        rr["high"] = c.quantity(a.high, a.unit, a.ucum)
    return rr


def _visit(block: int, when: datetime, stamp: str, subject: dict, rng) -> list[dict]:
    choice = rng.choice
    code, diagnosis = choice(DIAGNOSES)
    complaints = ", ".join(rng.sample(COMPLAINTS, 2))
    text = (
        f"ПРОТОКОЛ ПРИЁМА ВРАЧА-ТЕРАПЕВТА\nДата: {when.strftime('%d.%m.%Y')}\n"
        f"Жалобы: {complaints}.\nОбъективно: {choice(FINDINGS)} {choice(FINDINGS)} "
        f"АД {110 + int(rng.random() * 50)}/{70 + int(rng.random() * 25)} мм рт. ст.\n"
        f"Диагноз: {diagnosis} ({code}).\nРекомендации: {choice(ADVICE)} {choice(ADVICE)}"
    )
    enc_id = f"scale-enc-{block}"
    doctor = {"reference": "Practitioner/pr-sokolova", "display": "Соколова Елена Викторовна"}
    period = {
        "start": when.isoformat(timespec="seconds"),
        "end": (when + timedelta(minutes=20)).isoformat(timespec="seconds"),
    }
    return [
        {
            "resourceType": "Encounter",
            "id": enc_id,
            "status": "finished",
            "class": {"system": c.ACT_CODE, "code": "AMB", "display": "ambulatory"},
            "type": [{"text": "Приём врача-терапевта повторный"}],
            "subject": dict(subject),
            "participant": [{"individual": dict(doctor)}],
            "period": period,
            "reasonCode": [{"coding": [{"system": c.ICD10, "code": code}], "text": diagnosis}],
            "serviceProvider": {"reference": "Organization/org-gp12"},
            "meta": {"versionId": "1", "lastUpdated": stamp},
        },
        {
            "resourceType": "DocumentReference",
            "id": f"scale-doc-{block}",
            "status": "current",
            "type": {
                "coding": [{"system": c.LOINC, "code": "11488-4", "display": "Consult note"}],
                "text": "Протокол консультации",
            },
            "subject": dict(subject),
            "date": period["end"],
            "author": [dict(doctor)],
            "description": "Приём врача-терапевта повторный",
            "content": [
                {
                    "attachment": {
                        "contentType": "text/plain; charset=utf-8",
                        "language": "ru",
                        "data": base64.b64encode(text.encode()).decode("ascii"),
                    }
                }
            ],
            "context": {"encounter": [{"reference": f"Encounter/{enc_id}"}], "period": period},
            "meta": {"versionId": "1", "lastUpdated": stamp},
        },
    ]
