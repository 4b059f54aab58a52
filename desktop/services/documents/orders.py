"""Ordering a document or a paper copy of records: the Task, and reading it back.

Shapes in docs/CONTRACTS.md ("Services, costs and documents"): code `document-order`
(inputs `kind`, `purpose`, `delivery`, `period`) or `paper-copy` (inputs `record`, one
per chosen record, or `period`; delivered on paper), `for` = the person, `requester` = the
account holder, a client identifier sent as `If-None-Exist`: a double click or a retry
orders once. The portal answers at once with the order's state: `completed` (issued, or
ready for pickup), `in-progress` (a doctor writes it; copies being made) with a due time,
or `rejected` with a reason; paper orders carry the pickup place (`location` and a note).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from desktop.services.cache import Cache
from desktop.services.cache.projections.common import (
    address_text,
    dicts,
    obj,
    ref_id,
    text_or_none,
)
from desktop.services.errors import MalformedAnswer
from desktop.services.fhir_time import parse_instant
from desktop.services.i18n import N_

from .kinds import DocumentKind

TASK_CODE_SYSTEM = "https://medcard.app/fhir/CodeSystem/task-code"
INPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/document-order-input"
OUTPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/document-order-output"
STATUS_SYSTEM = "https://medcard.app/fhir/CodeSystem/document-order-status"
KIND_SYSTEM = "https://demo.medcard/fhir/CodeSystem/document-kind"
IDENTIFIER_SYSTEM = "urn:medcard:client-request"
ORDER, COPY = "document-order", "paper-copy"
ELECTRONIC, PAPER = "electronic", "paper"
# Records the portal copies on paper (others are refused: say so before sending).
COPYABLE = frozenset(
    {"Composition", "DocumentReference", "DiagnosticReport", "Observation", "Encounter"}
)

# What the order list shows (Task.status -> a stage of the lifecycle).
REQUESTED, IN_PROGRESS, READY, REJECTED, WITHDRAWN = (
    "requested",
    "in-progress",
    "ready",
    "rejected",
    "withdrawn",
)
STAGE_TEXT = {
    REQUESTED: N_("Requested"),
    IN_PROGRESS: N_("In progress"),
    READY: N_("Ready"),
    REJECTED: N_("Rejected"),
    WITHDRAWN: N_("Withdrawn"),
}
_STAGES = {
    "draft": REQUESTED,
    "requested": REQUESTED,
    "received": REQUESTED,
    "accepted": IN_PROGRESS,
    "ready": IN_PROGRESS,
    "in-progress": IN_PROGRESS,
    "on-hold": IN_PROGRESS,
    "completed": READY,
    "rejected": REJECTED,
    "failed": REJECTED,
    "cancelled": WITHDRAWN,
    "entered-in-error": WITHDRAWN,
}


class Creator(Protocol):
    def create(self, resource: dict, if_none_exist: str | None = None) -> dict: ...


@dataclass(frozen=True)
class DocumentOrder:
    task_id: str
    code: str  # ORDER | COPY
    patient_id: str
    title: str  # the kind's name (or "copies of medical documents") as the portal says
    kind_code: str
    delivery: str
    stage: str  # REQUESTED | IN_PROGRESS | READY | REJECTED | WITHDRAWN
    reason: str  # the portal's words (why rejected; "a doctor is writing it")
    due: datetime | None
    pickup: str  # where and when to pick it up (paper)
    document_id: str  # the issued DocumentReference, once ready
    records: tuple[str, ...]  # a paper copy's records ("Type/id")
    authored: datetime | None

    @property
    def open(self) -> bool:
        return self.stage in (REQUESTED, IN_PROGRESS)


def _coding(system: str, code: str) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}]}


def _input(code: str, key: str, value: Any) -> dict[str, Any]:
    return {"type": _coding(INPUT_SYSTEM, code), key: value}


def _task(
    code: str,
    patient_id: str,
    requester_id: str,
    request_id: str,
    now: datetime,
    inputs: list[dict[str, Any]],
) -> dict[str, Any]:
    return {
        "resourceType": "Task",
        "identifier": [{"system": IDENTIFIER_SYSTEM, "value": request_id}],
        "status": "requested",
        "intent": "order",
        "code": _coding(TASK_CODE_SYSTEM, code),
        "for": {"reference": f"Patient/{patient_id}"},
        "requester": {"reference": f"Patient/{requester_id}"},
        "authoredOn": now.astimezone(UTC).isoformat(timespec="seconds"),
        "input": inputs,
    }


def _period(start: date, end: date) -> dict[str, str]:
    return {"start": start.isoformat(), "end": end.isoformat()}


def build_order(
    kind: DocumentKind,
    patient_id: str,
    requester_id: str,
    purpose: str,
    delivery: str,
    period: tuple[date, date] | None,
    request_id: str,
    now: datetime,
) -> dict[str, Any]:
    inputs = [
        _input("kind", "valueCoding", {"system": KIND_SYSTEM, "code": kind.code}),
        _input("delivery", "valueCode", delivery),
    ]
    if purpose.strip():
        inputs.append(_input("purpose", "valueString", purpose.strip()))
    if period is not None:
        inputs.append(_input("period", "valuePeriod", _period(*period)))
    return _task(ORDER, patient_id, requester_id, request_id, now, inputs)


def build_paper_copy(
    records: list[str],
    patient_id: str,
    requester_id: str,
    period: tuple[date, date] | None,
    request_id: str,
    now: datetime,
) -> dict[str, Any]:
    """`records`: "Type/id" of the chosen records (or none, and a period)."""
    inputs = [_input("delivery", "valueCode", PAPER)]
    inputs += [_input("record", "valueReference", {"reference": r}) for r in records]
    if not records and period is not None:
        inputs.append(_input("period", "valuePeriod", _period(*period)))
    return _task(COPY, patient_id, requester_id, request_id, now, inputs)


def send_order(client: Creator, task: dict[str, Any]) -> dict[str, Any]:
    """POST once (If-None-Exist on the client identifier); the portal's Task."""
    request_id = task["identifier"][0]["value"]
    answer = client.create(task, if_none_exist=f"identifier={IDENTIFIER_SYSTEM}|{request_id}")
    if parse_order(answer) is None:
        raise MalformedAnswer("the portal did not answer the order with its Task")
    return answer


def _code(concept: Any) -> str:
    for coding in dicts(obj(concept).get("coding")):
        if isinstance(coding.get("code"), str):
            return str(coding["code"])
    return ""


def _pickup(task: dict[str, Any], lookup: Any) -> str:
    notes = [str(n.get("text")) for n in dicts(task.get("note")) if isinstance(n.get("text"), str)]
    if notes:
        return "\n".join(notes)
    location = lookup(f"Location/{ref_id(task.get('location'))}") if task.get("location") else None
    return address_text(location.get("address")) if isinstance(location, dict) else ""


def parse_order(task: Any, lookup: Any = None) -> DocumentOrder | None:
    """An order Task as the documents tab shows it; None for any other Task."""
    if not isinstance(task, dict) or task.get("resourceType") != "Task":
        return None
    code = _code(task.get("code"))
    if code not in (ORDER, COPY):
        return None
    kind = delivery = ""
    records: list[str] = []
    for entry in dicts(task.get("input")):
        name = _code(entry.get("type"))
        if name == "kind":
            kind = str(obj(entry.get("valueCoding")).get("code") or "")
        elif name == "delivery" and isinstance(entry.get("valueCode"), str):
            delivery = entry["valueCode"]
        elif name == "record":
            reference = obj(entry.get("valueReference")).get("reference")
            if isinstance(reference, str):
                records.append(reference)
    document = ""
    for entry in dicts(task.get("output")):
        reference = obj(entry.get("valueReference")).get("reference")
        if isinstance(reference, str) and reference.startswith("DocumentReference/"):
            document = reference.split("/", 1)[1]
    reason = obj(task.get("statusReason"))
    description = task.get("description")
    due = parse_instant(obj(obj(task.get("restriction")).get("period")).get("end"))
    return DocumentOrder(
        task_id=str(task.get("id") or ""),
        code=code,
        patient_id=ref_id(task.get("for")) or "",
        title=description if isinstance(description, str) else "",
        kind_code=kind,
        delivery=delivery or (PAPER if code == COPY else ""),
        stage=_STAGES.get(str(task.get("status")), REQUESTED),
        reason=text_or_none(reason.get("text")) or "",
        due=due,
        pickup=_pickup(task, lookup or (lambda _ref: None)),
        document_id=document,
        records=tuple(records),
        authored=parse_instant(task.get("authoredOn")),
    )


def read_orders(cache: Cache, patient_ids: list[str]) -> list[DocumentOrder]:
    """Worker thread: the orders for everyone on the account, newest first."""
    found: list[DocumentOrder] = []
    for patient_id in patient_ids:
        found += [o for o in cache.resources.parse_all(patient_id, "Task", parse_order) if o]
    found.sort(key=lambda o: o.authored.timestamp() if o.authored else 0, reverse=True)
    return found


def fetch_orders(client: Any, task_ids: list[str]) -> list[dict[str, Any]]:
    """Network pool: the current state of open orders (one `_id` search), with the
    documents issued for those now ready."""
    tasks: list[dict[str, Any]] = []
    if not task_ids:
        return tasks
    for page in client.search("Task", [("_id", ",".join(task_ids))]):
        tasks += [
            e["resource"]
            for e in dicts(page.get("entry"))
            if obj(e.get("resource")).get("resourceType") == "Task"
        ]
    return with_issued(client, tasks)


def with_issued(client: Any, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Tasks and the DocumentReference each ready one names (the list shows it at once,
    before the next sync)."""
    found = list(tasks)
    for task in tasks:
        order = parse_order(task)
        if order is not None and order.stage == READY and order.document_id:
            found.append(client.read("DocumentReference", order.document_id))
    return found


def keep_tasks(cache: Cache, tasks: list[dict[str, Any]]) -> int:
    """Writer queue: the portal's Tasks into the cache (their `for` names the card)."""
    return cache.ingest(tasks)
