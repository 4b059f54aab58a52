""" "I did not receive this service": the report of a services-list line to the insurer.

A Task (docs/CONTRACTS.md, "Services, costs and documents"): code `service-not-received`,
`for` = the person, `requester` = the account holder, `focus` = the ExplanationOfBenefit,
inputs `item` (the line's sequence) and `comment`; created with a client identifier and
`If-None-Exist`, so a retry or a double click files one report. The portal answers
`received` (`registered`), or `rejected` (`already-reported`); the insurer later
`completed` with `confirmed | not-confirmed` and an answer text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from desktop.services.cache import Cache
from desktop.services.cache.projections.common import dicts, obj, ref_id
from desktop.services.errors import MalformedAnswer
from desktop.services.i18n import N_

from .fhir import ServiceVisit, claims_explained_by, parse_visit

TASK_CODE_SYSTEM = "https://medcard.app/fhir/CodeSystem/task-code"
REPORT_CODE = "service-not-received"
INPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/service-report-input"
OUTPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/service-report-output"
STATUS_SYSTEM = "https://medcard.app/fhir/CodeSystem/service-report-status"
IDENTIFIER_SYSTEM = "urn:medcard:client-request"
OPEN = frozenset({"requested", "received", "accepted", "in-progress", "on-hold"})

# The state a reported line shows; the portal's reason code picks the sentence.
REPORTED, CONFIRMED, NOT_CONFIRMED, REFUSED = "reported", "confirmed", "not-confirmed", "refused"
STATE_TEXT = {
    REPORTED: N_("Reported to the insurer: under review"),
    CONFIRMED: N_("Insurer confirmed: the service was not provided"),
    NOT_CONFIRMED: N_("Insurer did not confirm: the clinic's records show the service"),
    REFUSED: N_("Not accepted: this service is already being reviewed"),
}


class Creator(Protocol):
    def create(self, resource: dict, if_none_exist: str | None = None) -> dict: ...


@dataclass(frozen=True)
class ServiceReport:
    task_id: str
    eob_id: str
    items: frozenset[int]
    status: str  # the Task's status
    state: str  # REPORTED | CONFIRMED | NOT_CONFIRMED | REFUSED
    answer: str  # the insurer's words (or the portal's reason text)
    authored: str  # ISO instant, for ordering

    @property
    def open(self) -> bool:
        return self.status in OPEN


def build_report(
    visit: ServiceVisit,
    items: list[int],
    comment: str,
    patient_id: str,
    requester_id: str,
    request_id: str,
    now: datetime,
) -> dict[str, Any]:
    """The Task to POST; `request_id` makes its create idempotent."""
    inputs: list[dict[str, Any]] = [
        {"type": _coding(INPUT_SYSTEM, "item"), "valuePositiveInt": int(item)} for item in items
    ]
    if comment.strip():
        inputs.append({"type": _coding(INPUT_SYSTEM, "comment"), "valueString": comment.strip()})
    return {
        "resourceType": "Task",
        "identifier": [{"system": IDENTIFIER_SYSTEM, "value": request_id}],
        "status": "requested",
        "intent": "order",
        "code": _coding(TASK_CODE_SYSTEM, REPORT_CODE),
        "for": {"reference": f"Patient/{patient_id}"},
        "requester": {"reference": f"Patient/{requester_id}"},
        "focus": {"reference": f"{visit.resource_type}/{visit.resource_id}"},
        "authoredOn": now.astimezone(UTC).isoformat(timespec="seconds"),
        "input": inputs,
    }


def send_report(client: Creator, task: dict[str, Any]) -> dict[str, Any]:
    """POST the report once (If-None-Exist on its client identifier); the stored Task."""
    request_id = task["identifier"][0]["value"]
    answer = client.create(task, if_none_exist=f"identifier={IDENTIFIER_SYSTEM}|{request_id}")
    if parse_report(answer) is None:
        raise MalformedAnswer("the portal did not answer the report with its Task")
    return answer


def _coding(system: str, code: str) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}]}


def _code(concept: Any, system: str | None = None) -> str:
    for coding in dicts(obj(concept).get("coding")):
        if system is None or coding.get("system") == system:
            code = coding.get("code")
            if isinstance(code, str):
                return code
    return ""


def parse_report(task: Any, _lookup: Any = None) -> ServiceReport | None:
    """A report Task as the tab shows it; None for any other Task."""
    if not isinstance(task, dict) or task.get("resourceType") != "Task":
        return None
    if _code(task.get("code")) != REPORT_CODE:
        return None
    items: set[int] = set()
    for entry in dicts(task.get("input")):
        value = entry.get("valuePositiveInt")
        if _code(entry.get("type")) == "item" and isinstance(value, int):
            items.add(value)
    status = str(task.get("status") or "")
    reason = obj(task.get("statusReason"))
    code = _code(reason, STATUS_SYSTEM)
    answer = ""
    for entry in dicts(task.get("output")):
        if _code(entry.get("type")) == "answer" and isinstance(entry.get("valueString"), str):
            answer = entry["valueString"]
    if not answer and isinstance(reason.get("text"), str):
        answer = reason["text"]
    if status == "completed":
        state = CONFIRMED if code == "confirmed" else NOT_CONFIRMED
    elif status in ("rejected", "cancelled", "failed"):
        state = REFUSED
    else:
        state = REPORTED
    authored = task.get("authoredOn")
    return ServiceReport(
        task_id=str(task.get("id") or ""),
        eob_id=ref_id(task.get("focus")) or "",
        items=frozenset(items),
        status=status,
        state=state,
        answer=answer,
        authored=authored if isinstance(authored, str) else "",
    )


@dataclass(frozen=True)
class ServicesData:
    """What the services tab reads at once: the visits and the reports about them."""

    visits: list[ServiceVisit]
    reports: list[ServiceReport]


def read_services(cache: Cache, patient_id: str) -> ServicesData:
    """Worker thread: every EOB (and each Claim no EOB explains) and the person's reports."""
    eobs = cache.resources.parse_all(patient_id, "ExplanationOfBenefit", parse_visit)
    explained = claims_explained_by(eobs)
    claims = [
        v
        for v in cache.resources.parse_all(patient_id, "Claim", parse_visit)
        if v.resource_id not in explained
    ]
    reports = [r for r in cache.resources.parse_all(patient_id, "Task", parse_report) if r]
    reports.sort(key=lambda r: r.authored)
    return ServicesData(eobs + claims, reports)


def line_states(reports: list[ServiceReport]) -> dict[tuple[str, int], ServiceReport]:
    """(EOB id, line sequence) -> the newest report about that line (older ones first in
    `reports`, so a later one wins); a refused duplicate never hides the report it
    duplicates."""
    found: dict[tuple[str, int], ServiceReport] = {}
    for report in reports:
        for item in report.items:
            key = (report.eob_id, item)
            if report.state == REFUSED and key in found and found[key].state != REFUSED:
                continue
            found[key] = report
    return found
