"""Documents ordered before today (issue 12): a pool certificate for Masha and an extract
(027/у) for Sergey, both completed — the portal issues their signed PDFs when it loads the
data (demo_portal/documents: signatures cannot be generated deterministically) — and a
sanatorium certificate (070/у) a doctor is still writing, due the next working day."""

from __future__ import annotations

from datetime import date, timedelta

from . import codes as c
from .builder import Builder, local_dt
from .directory import Directory
from .patients import Person

TASK_CODE_SYSTEM = "https://medcard.app/fhir/CodeSystem/task-code"
INPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/document-order-input"
STATUS_SYSTEM = "https://medcard.app/fhir/CodeSystem/document-order-status"
KIND_SYSTEM = f"{c.HTTPS_DEMO}/CodeSystem/document-kind"


def _input(code: str, key: str, value: object) -> dict:
    return {"type": {"coding": [c.coding(INPUT_SYSTEM, code)]}, key: value}


def ordered(
    b: Builder,
    d: Directory,
    p: Person,
    requester: Person,
    kind: tuple[str, str],
    purpose: str,
    asked: date,
    done_days: int | None,
    period: tuple[date, date] | None = None,
) -> None:
    """A document order; `done_days` after asking it was issued (None: still open)."""
    code, title = kind
    at = b.at(asked, 20, 15)
    task = {
        "resourceType": "Task",
        "id": b.new_id(f"task-{p.id}"),
        "identifier": [{"system": "urn:medcard:client-request", "value": f"demo-{p.id}-{code}"}],
        "status": "completed",
        "intent": "order",
        "code": {
            "coding": [c.coding(TASK_CODE_SYSTEM, "document-order")],
            "text": "Заказ документа",
        },
        "description": title,
        "for": c.ref("Patient", p.id, p.full_name),
        "authoredOn": local_dt(at),
        "requester": c.ref("Patient", requester.id, requester.full_name),
        "owner": c.ref("Organization", p.org, d.org_names[p.org]),
        "input": [
            _input("kind", "valueCoding", c.coding(KIND_SYSTEM, code)),
            _input("purpose", "valueString", purpose),
            _input("delivery", "valueCode", "electronic"),
        ],
    }
    if period is not None:
        task["input"].append(
            _input(
                "period",
                "valuePeriod",
                {"start": period[0].isoformat(), "end": period[1].isoformat()},
            )
        )
    if done_days is None:
        due = b.at(
            b.today + timedelta(days=1 if b.today.weekday() < 4 else 7 - b.today.weekday()), 18
        )
        task.update(
            status="in-progress",
            statusReason={
                "coding": [c.coding(STATUS_SYSTEM, "awaiting-doctor", "A doctor is writing it")],
                "text": "Документ оформляет врач",
            },
            restriction={"period": {"end": local_dt(due)}},
        )
        b.add(task, at)
        return
    done = b.at(asked + timedelta(days=done_days), 14, 10)
    task["lastModified"] = local_dt(done)
    b.add(task, done)


def build_requests(b: Builder, d: Directory, sergey: Person, masha: Person) -> None:
    day = b.today - timedelta(days=58)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    ordered(
        b, d, masha, sergey, ("pool", "Справка для посещения бассейна"), "бассейн «Дельфин»", day, 2
    )
    day = b.today - timedelta(days=150)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    extract = "Выписка из медицинской карты (форма 027/у)"
    period = (day - timedelta(days=3 * 365), day)
    ordered(b, d, sergey, sergey, ("extract-027u", extract), "по месту работы", day, 0, period)
    ordered(
        b,
        d,
        sergey,
        sergey,
        ("sanatorium-070u", "Справка для получения путёвки на санаторно-курортное лечение"),
        "санаторий «Подмосковье»",
        b.today - timedelta(days=1),
        None,
    )
