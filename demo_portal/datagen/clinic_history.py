"""Past changes of clinic (issue 13): Olga chose the clinic near her work 120 days ago,
so the portal refuses her a second change by choice within the year."""

from __future__ import annotations

from datetime import timedelta

from . import codes as c
from .builder import Builder, local_dt
from .directory import Directory
from .patients import CHANGED_BY_CHOICE_DAYS_AGO, Person

TASK_CODE_SYSTEM = "https://medcard.app/fhir/CodeSystem/task-code"
INPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/clinic-change-input"
REASON_SYSTEM = "https://medcard.app/fhir/CodeSystem/clinic-change-reason"


def build_clinic_history(b: Builder, d: Directory, persons: dict[str, Person]) -> None:
    for pid, days in CHANGED_BY_CHOICE_DAYS_AGO.items():
        p = persons[pid]
        done = b.days_ago(days, 15, 30)
        asked = done - timedelta(days=6, hours=3)
        me = c.ref("Patient", p.id, p.full_name)
        b.add(
            {
                "resourceType": "Task",
                "id": f"task-clinic-{p.id}-1",
                "identifier": [
                    {"system": "urn:medcard:client-request", "value": f"demo-clinic-{p.id}"}
                ],
                "status": "completed",
                "statusReason": {
                    "coding": [
                        {
                            "system": REASON_SYSTEM,
                            "code": "accepted",
                            "display": "Accepted: attached to the new clinic",
                        }
                    ],
                    "text": "Заявление одобрено, вы прикреплены",
                },
                "intent": "order",
                "code": {
                    "coding": [c.coding(TASK_CODE_SYSTEM, "change-of-clinic")],
                    "text": "Прикрепление к поликлинике",
                },
                "for": me,
                "requester": me,
                "owner": c.ref("Organization", p.org, d.org_names[p.org]),
                "authoredOn": local_dt(asked),
                "lastModified": local_dt(done),
                "input": [
                    {
                        "type": {"coding": [c.coding(INPUT_SYSTEM, "clinic")]},
                        "valueReference": c.ref("Organization", p.org, d.org_names[p.org]),
                    },
                    {
                        "type": {"coding": [c.coding(INPUT_SYSTEM, "reason")]},
                        "valueCode": "by-choice",
                    },
                ],
            },
            done,
        )
