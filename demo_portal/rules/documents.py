"""Ordering documents and paper copies (issue 12).

A Task with a client identifier, sent with `If-None-Exist` (a double click orders once):
- code `document-order`: inputs (INPUT_SYSTEM) `kind` (valueCoding from the portal's
  CodeSystem `document-kinds`), `purpose` (valueString), `delivery` (valueCode
  `electronic | paper`), `period` (valuePeriod, for kinds that need one);
- code `paper-copy`: inputs `record` (valueReference, one per chosen record of the card)
  or `period` (every visit record in it), `delivery` `paper`.
for = the person (oneself or a child), requester = the account holder.

The portal answers at once: kinds issued immediately (the extract) → `completed` with
`output` `document` = the DocumentReference (a signed PDF, demo_portal/documents);
kinds a doctor writes → `in-progress` (`awaiting-doctor`) due the next working day,
issued then by the daily rule or earlier by the operator; paper copies → `in-progress`
(`preparing-copy`) due the same day. Paper delivery names the pickup place: `location` =
the clinic's registry (address, windows, hours), and a `note`. A kind not for the
person's age → `rejected` (`not-for-age`). The clinic can refuse (`rejected-by-clinic`,
operator). Status codes: STATUS_REASON_SYSTEM.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from demo_portal.documents import issue as issuing
from demo_portal.documents.kinds import KINDS, SYSTEM
from demo_portal.errors import FhirError
from demo_portal.rules import RuleContext, registry
from demo_portal.rules._tasks import (
    age_on,
    code_of,
    first,
    inputs,
    output_entry,
    reason,
    ref_id,
    require_requester,
    unprocessable,
)

ORDER, COPY = "document-order", "paper-copy"
INPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/document-order-input"
OUTPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/document-order-output"
STATUS_REASON_SYSTEM = "https://medcard.app/fhir/CodeSystem/document-order-status"
MSK = timezone(timedelta(hours=3), "MSK")
REASONS = {
    "issued": ("The document is ready", "Документ готов"),
    "ready-for-pickup": (
        "Ready: pick it up at the registry",
        "Документ готов: получите его в регистратуре",
    ),
    "awaiting-doctor": ("A doctor is writing it", "Документ оформляет врач"),
    "preparing-copy": ("The copies are being made", "Копии готовятся"),
    "not-for-age": ("Not issued for this age", "Этот документ выдаётся только детям"),
    "withdrawn": ("Withdrawn by the applicant", "Заказ отменён"),
}
COPYABLE = ("Composition", "DocumentReference", "DiagnosticReport", "Observation", "Encounter")


def _reason(code: str, text: str | None = None) -> dict[str, Any]:
    en, ru = REASONS.get(code, (code, code))
    return reason(STATUS_REASON_SYSTEM, code, en, text or ru)


def next_working_day(day: date) -> date:
    day += timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _due(day: date, hour: int) -> dict[str, Any]:
    return {"period": {"end": datetime.combine(day, time(hour), MSK).isoformat()}}


def _pickup(store: Any, patient: dict[str, Any]) -> tuple[dict[str, Any] | None, str]:
    """The registry of the patient's clinic and a line saying where and when."""
    org = ref_id(patient.get("managingOrganization"), "Organization") or ""
    places = store.query(
        "Location", [("organization", f"Organization/{org}"), ("name:exact", "Регистратура")], 1
    )
    if not places:
        return None, "Получить в регистратуре поликлиники."
    place = places[0]
    address = (place.get("address") or {}).get("text", "")
    hours = "; ".join(
        f"{_days(h['daysOfWeek'])} {h['openingTime'][:5]}–{h['closingTime'][:5]}"
        for h in place.get("hoursOfOperation") or []
    )
    note = f"Получить: {address}. {place.get('description', '')} Часы работы: {hours}."
    return {"reference": f"Location/{place['id']}", "display": place.get("name")}, note


_DAYS = {"mon": "пн", "tue": "вт", "wed": "ср", "thu": "чт", "fri": "пт", "sat": "сб", "sun": "вс"}


def _days(days: list[str]) -> str:
    names = [_DAYS.get(d, d) for d in days]
    return f"{names[0]}–{names[-1]}" if len(names) > 2 else ", ".join(names)


def _period(values: dict[str, list[Any]]) -> tuple[str, str] | None:
    period = first(values, "period")
    if not isinstance(period, dict) or not period.get("start") or not period.get("end"):
        return None
    start, end = str(period["start"])[:10], str(period["end"])[:10]
    if end < start:
        raise unprocessable(
            "The period ends before it starts", "Период заканчивается раньше начала"
        )
    return start, end


def _records(
    store: Any, patient_id: str, values: dict[str, list[Any]], period: tuple[str, str] | None
) -> list[str]:
    refs = [str((v or {}).get("reference") or "") for v in values.get("record") or []]
    for ref in refs:
        rtype, _, rid = ref.partition("/")
        stored = store.get_stored(rtype, rid) if rtype in COPYABLE else None
        if stored is None or stored.patient_id != patient_id:
            raise unprocessable(
                f"{ref} is not a record of this patient's card",
                "Выбранная запись не найдена в медицинской карте пациента",
            )
    if not refs and period is not None:
        visits = store.query(
            "Encounter",
            [("patient", patient_id), ("date", f"ge{period[0]}"), ("date", f"le{period[1]}")],
        )
        refs = [f"Encounter/{e['id']}" for e in visits]
    if not refs:
        raise unprocessable(
            "Choose the records to copy (inputs 'record') or a period",
            "Выберите записи для копирования или период",
        )
    return refs


def decide(store: Any, task: dict[str, Any], now: datetime) -> dict[str, Any]:
    code = code_of(task)
    values = inputs(task)
    patient = store.get("Patient", ref_id(task.get("for"), "Patient") or "")
    if patient is None:
        raise unprocessable("Task.for must name the Patient", "Не указан пациент (Task.for)")
    delivery = first(values, "delivery") or ("paper" if code == COPY else None)
    if delivery not in ("electronic", "paper"):
        raise unprocessable(
            "Input 'delivery' must be electronic or paper", "Укажите способ получения"
        )
    period = _period(values)
    today = now.astimezone(MSK).date()
    task = {**task, "owner": patient.get("managingOrganization")}
    if delivery == "paper":
        place, note = _pickup(store, patient)
        if place is not None:
            task["location"] = place
        task["note"] = [{"text": note}]
    if code == COPY:
        task["description"] = issuing.PAPER_COPY_TITLE
        records = _records(store, patient["id"], values, period)
        task["input"] = [i for i in task.get("input") or [] if _input_code(i) != "record"] + [
            {
                "type": {"coding": [{"system": INPUT_SYSTEM, "code": "record"}]},
                "valueReference": {"reference": r},
            }
            for r in records
        ]
        return {
            **task,
            "status": "in-progress",
            "statusReason": _reason("preparing-copy"),
            "restriction": _due(today, 20),
        }
    kind_code = str((first(values, "kind") or {}).get("code") or "")
    kind = KINDS.get(kind_code)
    if kind is None:
        raise unprocessable(
            f"Input 'kind' must be a code of {SYSTEM}", "Такой документ на портале не заказывается"
        )
    task["description"] = kind.name
    if kind.needs_period and period is None:
        raise unprocessable(
            "This document needs a period (input 'period')", "Укажите период для выписки"
        )
    if kind.age == "child" and (age_on(patient.get("birthDate"), today) or 0) >= 18:
        return {**task, "status": "rejected", "statusReason": _reason("not-for-age")}
    if kind.issue == "immediate":
        return complete(store, task, now)
    return {
        **task,
        "status": "in-progress",
        "statusReason": _reason("awaiting-doctor"),
        "restriction": _due(next_working_day(today), 18),
    }


def _input_code(item: dict[str, Any]) -> str:
    return next((c.get("code", "") for c in (item.get("type") or {}).get("coding") or []), "")


def complete(store: Any, task: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Issue the document of the order; returns the Task as completed."""
    values = inputs(task)
    code = code_of(task)
    kind_code = COPY if code == COPY else str((first(values, "kind") or {}).get("code"))
    records = [str(v.get("reference")) for v in values.get("record") or [] if isinstance(v, dict)]
    document = issuing.issue(
        store,
        task,
        kind_code,
        now.astimezone(MSK),
        _period(values),
        records,
        str(first(values, "purpose") or ""),
    )
    paper = first(values, "delivery") == "paper" or code == COPY
    done = {
        **task,
        "status": "completed",
        "statusReason": _reason("ready-for-pickup" if paper else "issued"),
        "lastModified": now.astimezone(UTC).isoformat(timespec="seconds"),
        "output": [
            output_entry(
                OUTPUT_SYSTEM,
                "document",
                "valueReference",
                {"reference": f"DocumentReference/{document['id']}"},
            )
        ],
    }
    return done


@registry.before_create("Task")
def on_order(ctx: RuleContext, task: dict) -> dict:
    if code_of(task) not in (ORDER, COPY) or ctx.user is None:
        return task
    require_requester(ctx, task)
    # the id now: the issued document names its order (`context.related`)
    task = {**task, "id": task.get("id") or str(uuid.uuid4())}
    return decide(ctx.store, task, ctx.now)


@registry.before_update("Task")
def on_order_update(ctx: RuleContext, task: dict) -> dict:
    previous = ctx.previous or {}
    if code_of(previous) not in (ORDER, COPY) or ctx.user is None:
        return task
    require_requester(ctx, previous)
    if task.get("status") == previous.get("status"):
        return previous
    if task.get("status") != "cancelled" or previous.get("status") not in (
        "requested",
        "in-progress",
    ):
        raise FhirError(
            409,
            "Only an order not yet issued can be withdrawn (status cancelled)",
            "Отменить можно только ещё не выполненный заказ",
        )
    return {**previous, "status": "cancelled", "statusReason": _reason("withdrawn")}


@registry.daily
def issue_due(store: Any, today: date) -> None:
    """A day in the demo's clock: orders due by today are issued (a doctor wrote them)."""
    for task in store.search("Task", status="in-progress", limit=100000):
        if code_of(task) not in (ORDER, COPY):
            continue
        due = str(((task.get("restriction") or {}).get("period") or {}).get("end") or "")[:10]
        # a doctor's document on its day; paper copies are the desk's the same day (the
        # operator), and any left over are finished the next morning
        if due and (
            due < today.isoformat() or (due == today.isoformat() and code_of(task) == ORDER)
        ):
            with store.write_lock:
                store.put(complete(store, task, datetime.combine(today, time(9), MSK)))
