"""Synthetic bulk FHIR records for the benchmarks (deterministic, Russian, realistic mix).

Lab reports with five results each (most of a real card), plus visits with a protocol
text, diagnoses, vaccinations and standalone results, all for one patient.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

ANALYTES = [
    ("4548-4", "Гликированный гемоглобин (HbA1c)", "%", 4.0, 6.0),
    ("2339-0", "Глюкоза", "ммоль/л", 3.9, 6.1),
    ("2093-3", "Холестерин общий", "ммоль/л", 3.0, 5.2),
    ("718-7", "Гемоглобин", "г/л", 130, 170),
    ("2160-0", "Креатинин", "мкмоль/л", 62, 106),
    ("1742-6", "Аланинаминотрансфераза (АЛТ)", "Ед/л", 0, 41),
]
VISITS = ["Приём врача-терапевта", "Приём врача-эндокринолога", "Приём врача-кардиолога"]
WORDS = [
    "жалобы на слабость",
    "головокружение",
    "давление стабильное",
    "рекомендовано",
    "контроль гликемии",
    "диета",
    "повторный осмотр через месяц",
    "без ухудшения",
]


def bulk_records(patient: str, n: int, seed: int = 7, panels: bool = True) -> list[dict[str, Any]]:
    """About n resources: 6-resource lab reports (1 report + 5 results) and other records.

    With `panels=False` every lab result stands alone, so each resource is one card record
    (the card benchmark's "100 000-record cache").
    """
    rnd = random.Random(seed)
    start = datetime(2005, 1, 1, tzinfo=UTC)
    subject = {"reference": f"Patient/{patient}"}
    out: list[dict[str, Any]] = []
    i = 0
    while len(out) < n:
        when = (start + timedelta(minutes=137 * i)).isoformat()
        pick = i % 10
        if pick < 7 and not panels:  # one standalone lab result
            code, name, unit, low, high = ANALYTES[i % len(ANALYTES)]
            out.append(
                {
                    "resourceType": "Observation",
                    "id": f"bo-{i}",
                    "status": "final",
                    "subject": subject,
                    "effectiveDateTime": when,
                    "category": [{"coding": [{"code": "laboratory"}]}],
                    "code": {
                        "coding": [{"system": "http://loinc.org", "code": code}],
                        "text": name,
                    },
                    "valueQuantity": {
                        "value": round(rnd.uniform(low * 0.8, high * 1.2), 2),
                        "unit": unit,
                    },
                    "referenceRange": [{"low": {"value": low}, "high": {"value": high}}],
                }
            )
        elif pick < 7:  # a lab report with its results
            results = []
            for k in range(5):
                code, name, unit, low, high = ANALYTES[(i + k) % len(ANALYTES)]
                value = round(rnd.uniform(low * 0.8, high * 1.2), 2)
                oid = f"bo-{i}-{k}"
                results.append({"reference": f"Observation/{oid}"})
                out.append(
                    {
                        "resourceType": "Observation",
                        "id": oid,
                        "status": "final",
                        "subject": subject,
                        "effectiveDateTime": when,
                        "category": [{"coding": [{"code": "laboratory"}]}],
                        "code": {
                            "coding": [{"system": "http://loinc.org", "code": code}],
                            "text": name,
                        },
                        "valueQuantity": {"value": value, "unit": unit},
                        "referenceRange": [{"low": {"value": low}, "high": {"value": high}}],
                    }
                )
            out.append(
                {
                    "resourceType": "DiagnosticReport",
                    "id": f"br-{i}",
                    "status": "final",
                    "subject": subject,
                    "effectiveDateTime": when,
                    "category": [{"coding": [{"code": "LAB"}]}],
                    "code": {"text": "Биохимический анализ крови"},
                    "result": results,
                    "performer": [{"reference": "Organization/org-bulk", "display": "Лаборатория"}],
                }
            )
        elif pick < 9:
            out.append(
                {
                    "resourceType": "Encounter",
                    "id": f"be-{i}",
                    "status": "finished",
                    "subject": subject,
                    "period": {"start": when},
                    "type": [{"text": VISITS[i % 3]}],
                    "reasonCode": [{"text": ", ".join(rnd.sample(WORDS, 3))}],
                    "participant": [
                        {
                            "individual": {
                                "reference": "Practitioner/pr-bulk",
                                "display": "Петров Пётр Петрович",
                            }
                        }
                    ],
                }
            )
        else:
            out.append(
                {
                    "resourceType": "Condition",
                    "id": f"bc-{i}",
                    "subject": subject,
                    "recordedDate": when[:10],
                    "code": {"text": "Сахарный диабет 2 типа", "coding": [{"code": "E11.9"}]},
                }
            )
        i += 1
    return out[:n]
