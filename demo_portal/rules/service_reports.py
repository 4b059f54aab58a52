""" "I did not receive this service" (issue 12): a patient reports a line of the services
list (an ExplanationOfBenefit item) to the insurer, who checks it with the clinic.

The report is a Task, code `service-not-received` (TASK_CODE_SYSTEM), for = the person,
requester = the account holder, `focus` = the ExplanationOfBenefit, inputs
(INPUT_SYSTEM) `item` (valuePositiveInt: the item's sequence, one or more) and `comment`
(valueString), created with a client identifier and `If-None-Exist`. The portal checks
that the EOB is the person's and the items exist, sets `owner` = the EOB's insurer and
answers `received` (`registered`). A second report of the same item while one is open →
`rejected` (`already-reported`). The insurer answers (operator `answer-service-report`):
`completed` with `confirmed` (the service was not provided: the clinic's claim is
withdrawn) or `not-confirmed` (the clinic's records show it was), the answer text in
`output` `answer` (valueString) and `statusReason.text`.
"""

from __future__ import annotations

from typing import Any

from demo_portal.rules import RuleContext, registry
from demo_portal.rules._tasks import (
    code_of,
    inputs,
    output_entry,
    reason,
    ref_id,
    require_requester,
    unprocessable,
)

REPORT_CODE = "service-not-received"
INPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/service-report-input"
OUTPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/service-report-output"
REASON_SYSTEM = "https://medcard.app/fhir/CodeSystem/service-report-status"
OPEN = ("requested", "received", "in-progress")
REASONS = {
    "registered": ("Registered by the insurer", "Обращение зарегистрировано страховой компанией"),
    "already-reported": (
        "This service is already reported",
        "Об этой услуге уже есть обращение на рассмотрении",
    ),
    "confirmed": ("Confirmed: the service was not provided", "Факт неоказания услуги подтверждён"),
    "not-confirmed": (
        "Not confirmed: the clinic's records show the service",
        "Факт неоказания услуги не подтверждён",
    ),
}


def _reason(code: str, text: str | None = None) -> dict[str, Any]:
    en, ru = REASONS[code]
    return reason(REASON_SYSTEM, code, en, text or ru)


def _items(task: dict[str, Any]) -> set[int]:
    return {int(v) for v in inputs(task).get("item") or [] if isinstance(v, int)}


@registry.before_create("Task")
def on_report(ctx: RuleContext, task: dict) -> dict:
    if code_of(task) != REPORT_CODE or ctx.user is None:
        return task
    require_requester(ctx, task)
    patient = ref_id(task.get("for"), "Patient")
    eob_id = ref_id(task.get("focus"), "ExplanationOfBenefit")
    stored = ctx.store.get_stored("ExplanationOfBenefit", eob_id) if eob_id else None
    if stored is None or stored.patient_id != patient:
        raise unprocessable(
            "focus must be an ExplanationOfBenefit of this patient",
            "Укажите услугу из списка оказанных этому пациенту",
        )
    eob = stored.resource()
    items = _items(task)
    known = {int(i.get("sequence", 0)) for i in eob.get("item") or []}
    if not items or not items <= known:
        raise unprocessable(
            "Input 'item' must name the sequence of the reported line(s)",
            "Укажите, о какой услуге обращение",
        )
    task = {**task, "owner": eob.get("insurer")}
    for other in ctx.store.search("Task", patient=patient, limit=10000):
        same = ref_id(other.get("focus"), "ExplanationOfBenefit") == eob_id
        if (
            code_of(other) == REPORT_CODE
            and same
            and other.get("status") in OPEN
            and items & _items(other)
        ):
            return {**task, "status": "rejected", "statusReason": _reason("already-reported")}
    return {**task, "status": "received", "statusReason": _reason("registered")}


def answer(store: Any, task_id: str, confirmed: bool, text: str) -> dict[str, Any]:
    """The insurer's answer to a report (demo_portal.operator answer-service-report)."""
    with store.write_lock:
        task = store.get("Task", task_id)
        if task is None or code_of(task) != REPORT_CODE:
            raise LookupError(f"no service report Task/{task_id}")
        if task.get("status") not in OPEN:
            raise ValueError(f"Task/{task_id} is already {task.get('status')}")
        code = "confirmed" if confirmed else "not-confirmed"
        return store.put(
            {
                **task,
                "status": "completed",
                "statusReason": _reason(code, text),
                "output": [output_entry(OUTPUT_SYSTEM, "answer", "valueString", text)],
            }
        )
