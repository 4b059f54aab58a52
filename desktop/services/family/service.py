"""Children's cards: the access-request Task, its states, and the calls that change them.

Qt-free. The Task shape is the "Family access Task" contract in docs/CONTRACTS.md; the
demo portal decides requests in demo_portal/rules/family.py. Known reason codes map to
our own translated sentences; an unknown code falls back to the portal's own text.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from desktop.services.cache import Cache
from desktop.services.errors import MalformedAnswer, ValidationFailed
from desktop.services.family.form import AccessRequestForm, normalize, validate
from desktop.services.i18n import N_
from desktop.services.portal.tasks import withdraw_task

log = logging.getLogger("medcard.family")

TASK_CODE_SYSTEM = "https://medcard.app/fhir/CodeSystem/task-code"
INPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/child-access-input"
REASON_SYSTEM = "https://medcard.app/fhir/CodeSystem/child-access-reason"
IDENTIFIER_SYSTEM = "urn:medcard:client-request"
REQUEST_CODE = "child-access-request"
REVOKE_CODE = "child-access-revoke"

# Form field -> Task.input type code.
INPUT_CODES = {
    "child_name": "child-name",
    "birth_date": "child-birth-date",
    "insurance_policy": "insurance-policy",
    "policy_kind": "insurance-policy-kind",
    "certificate_series": "birth-certificate-series",
    "certificate_number": "birth-certificate-number",
    "certificate_issued": "birth-certificate-issued",
    "certificate_place": "birth-certificate-place",
    "role": "applicant-role",
}

# Task.status values the family tab distinguishes.
REQUESTED, ON_HOLD, ACCEPTED, REJECTED = "requested", "on-hold", "accepted", "rejected"
CANCELLED, COMPLETED = "cancelled", "completed"
PENDING = frozenset({REQUESTED, ON_HOLD})

REASON_MESSAGES: dict[str, str] = {
    "age-15": N_("From the age of 15 a person holds their own access to their medical card."),
    "guardian": N_("Guardians and trustees cannot get online access to a child's card."),
    "already-linked": N_("You already have access to this child's card."),
    "in-person-check": N_("Your parental rights need to be checked in person at the clinic."),
    "check-failed": N_("The clinic could not confirm your parental rights."),
    "withdrawn": N_("You withdrew this request."),
    "access-ended-15": N_("The child has turned 15 and now holds their own access."),
    "access-given-up": N_("You gave up access to this child's card."),
}
BRING_IN_PERSON = N_(
    "Bring to the clinic: your passport, the child's insurance policy and the child's "
    "birth certificate."
)
CHECK_TAKES = N_("A check takes up to 5 days.")


class FamilyFormInvalid(ValidationFailed):
    """The form did not pass validation; `errors` maps field name -> N_ message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(
            "invalid fields: " + ", ".join(sorted(errors)),
            user_message=N_("Please correct the highlighted fields."),
        )
        self.errors = errors


class FhirWriter(Protocol):
    """The part of desktop.services.portal.FhirClient this module uses."""

    def create(self, resource: dict, if_none_exist: str | None = None) -> dict: ...
    def update(self, resource: dict, if_match: str | None = None) -> dict: ...
    def read(self, resource_type: str, resource_id: str) -> dict: ...
    def search(self, resource_type: str, params: dict) -> Iterator[dict]: ...


@dataclass(frozen=True)
class AccessRequest:
    """One child-access Task as the family tab shows it."""

    task_id: str
    status: str
    child_name: str
    child_birth_date: date | None
    role: str
    authored_on: datetime | None
    child_patient_id: str | None
    reason_code: str | None
    reason_text: str  # the portal's own words (Russian in the demo portal)

    @property
    def pending(self) -> bool:
        return self.status in PENDING


def _coding(system: str, code: str) -> dict[str, Any]:
    return {"coding": [{"system": system, "code": code}]}


def build_request_task(
    form: AccessRequestForm, applicant_patient_id: str, now: datetime, request_id: str
) -> dict[str, Any]:
    """The Task to POST; `request_id` makes the create idempotent (If-None-Exist)."""
    values: dict[str, Any] = {
        "child_name": ("valueString", form.child_name),
        "birth_date": ("valueDate", form.birth_date.isoformat() if form.birth_date else None),
        "insurance_policy": ("valueString", form.insurance_policy),
        "policy_kind": ("valueCode", form.policy_kind),
        "certificate_series": ("valueString", form.certificate_series),
        "certificate_number": ("valueString", form.certificate_number),
        "certificate_issued": (
            "valueDate",
            form.certificate_issued.isoformat() if form.certificate_issued else None,
        ),
        "certificate_place": ("valueString", form.certificate_place),
        "role": ("valueCode", form.role),
    }
    me = {"reference": f"Patient/{applicant_patient_id}"}
    return {
        "resourceType": "Task",
        "identifier": [{"system": IDENTIFIER_SYSTEM, "value": request_id}],
        "status": REQUESTED,
        "intent": "order",
        "code": _coding(TASK_CODE_SYSTEM, REQUEST_CODE),
        "for": me,
        "requester": me,
        "authoredOn": now.astimezone(UTC).isoformat(timespec="seconds"),
        "input": [
            {"type": _coding(INPUT_SYSTEM, INPUT_CODES[field]), key: value}
            for field, (key, value) in values.items()
        ],
    }


def task_code(task: dict) -> str | None:
    code = task.get("code")
    codings = code.get("coding") if isinstance(code, dict) else None  # a portal may send anything
    for coding in codings if isinstance(codings, list) else []:
        if isinstance(coding, dict) and coding.get("code") in (REQUEST_CODE, REVOKE_CODE):
            return str(coding["code"])
    return None


def task_inputs(task: dict) -> dict[str, Any]:
    """Task.input as {input code: value}; malformed entries are skipped."""
    found: dict[str, Any] = {}
    for item in task.get("input") or []:
        if not isinstance(item, dict):
            continue
        codings = (item.get("type") or {}).get("coding") or []
        code = next((c.get("code") for c in codings if isinstance(c, dict)), None)
        value = next((v for k, v in item.items() if k.startswith("value")), None)
        if code:
            found[str(code)] = value
    return found


def _parse_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _parse_datetime(value: object) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # so requests sort whatever the portal wrote
    return moment


def _reference_id(reference: object, resource_type: str) -> str | None:
    if isinstance(reference, dict):
        ref = str(reference.get("reference") or "")
        if ref.startswith(f"{resource_type}/"):
            return ref.split("/", 1)[1] or None
    return None


def parse_request(task: dict) -> AccessRequest | None:
    """An AccessRequest from a child-access-request Task; None for any other resource."""
    if task.get("resourceType") != "Task" or task_code(task) != REQUEST_CODE:
        return None
    inputs = task_inputs(task)
    reason = task.get("statusReason") or {}
    reason_code = next(
        (
            str(c.get("code"))
            for c in reason.get("coding") or []
            if isinstance(c, dict) and c.get("system") == REASON_SYSTEM
        ),
        None,
    )
    return AccessRequest(
        task_id=str(task.get("id") or ""),
        status=str(task.get("status") or ""),
        child_name=str(inputs.get(INPUT_CODES["child_name"]) or ""),
        child_birth_date=_parse_date(inputs.get(INPUT_CODES["birth_date"])),
        role=str(inputs.get(INPUT_CODES["role"]) or ""),
        authored_on=_parse_datetime(task.get("authoredOn")),
        child_patient_id=_reference_id(task.get("focus"), "Patient"),
        reason_code=reason_code,
        reason_text=str(reason.get("text") or ""),
    )


def reason_message(request: AccessRequest) -> str:
    """N_-marked sentence for a known reason, else the portal's own text (may be empty)."""
    if request.reason_code == "check-failed" and request.reason_text:
        return request.reason_text  # the clinic's own explanation says more than ours
    if request.reason_code in REASON_MESSAGES:
        return REASON_MESSAGES[request.reason_code]
    return request.reason_text


def requests_from(resources: Iterable[dict]) -> list[AccessRequest]:
    """Access requests among resources, newest first; a Task that cannot be read is
    skipped (logged by class), never the whole list."""
    parsed = []
    for resource in resources:
        try:
            request = parse_request(resource)
        except (AttributeError, TypeError, ValueError) as exc:
            log.warning("skipped an access request that could not be read (%s)", type(exc).__name__)
            continue
        if request is not None:
            parsed.append(request)
    return sorted(
        parsed,
        key=lambda r: r.authored_on or datetime.min.replace(tzinfo=UTC),
        reverse=True,
    )


class FamilyService:
    """Portal calls for the family tab. Run off the GUI thread (blocking HTTP)."""

    def __init__(self, client: FhirWriter, applicant_patient_id: str) -> None:
        self._client = client
        self._me = applicant_patient_id

    def submit(
        self, form: AccessRequestForm, today: date, request_id: str | None = None
    ) -> tuple[AccessRequest, dict]:
        """Validate and send a request; returns it as decided by the portal + the raw Task.

        Raises FamilyFormInvalid before any network call when the form is wrong. Pass the
        same `request_id` when retrying after a dropped connection: the portal then
        returns the Task it already has instead of creating a second one.
        """
        clean = normalize(form)
        errors = validate(clean, today)
        if errors:
            raise FamilyFormInvalid(errors)
        request_id = request_id or str(uuid.uuid4())
        task = build_request_task(clean, self._me, datetime.now(UTC), request_id)
        created = self._client.create(
            task, if_none_exist=f"identifier={IDENTIFIER_SYSTEM}|{request_id}"
        )
        parsed = parse_request(created)
        if parsed is None:
            raise MalformedAnswer("create Task did not answer with a child-access Task")
        return parsed, created

    def withdraw(self, task_id: str) -> dict:
        """Cancel a pending request; returns the updated Task."""
        return withdraw_task(self._client, task_id)

    def give_up(self, child_patient_id: str, request_id: str | None = None) -> dict:
        """End this account's access to a child's card; returns the revoke Task."""
        request_id = request_id or str(uuid.uuid4())
        me = {"reference": f"Patient/{self._me}"}
        task = {
            "resourceType": "Task",
            "identifier": [{"system": IDENTIFIER_SYSTEM, "value": request_id}],
            "status": REQUESTED,
            "intent": "order",
            "code": _coding(TASK_CODE_SYSTEM, REVOKE_CODE),
            "for": me,
            "requester": me,
            "focus": {"reference": f"Patient/{child_patient_id}"},
            "authoredOn": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        return self._client.create(
            task, if_none_exist=f"identifier={IDENTIFIER_SYSTEM}|{request_id}"
        )

    def fetch_requests(self) -> list[dict]:
        """Every access-request Task of this account, fresh from the portal."""
        found: list[dict] = []
        params = {"code": f"{TASK_CODE_SYSTEM}|{REQUEST_CODE}", "requester": f"Patient/{self._me}"}
        for page in self._client.search("Task", params):
            for entry in page.get("entry") or []:
                resource = entry.get("resource") if isinstance(entry, dict) else None
                if isinstance(resource, dict) and parse_request(resource) is not None:
                    found.append(resource)
        return found


def read_requests(cache: Cache, account_patient_id: str) -> list[AccessRequest]:
    """Access-request Tasks of this account from the cache, newest first (raw Tasks: the
    tab needs the reason *code* to show our own translated sentence)."""
    return requests_from(cache.resources.of_patient(account_patient_id, "Task"))


@dataclass(frozen=True)
class FamilyEntry:
    """One line of the family tab."""

    patient_id: str | None  # None while the portal has not matched the child yet
    name: str
    birth_date: date | None
    state: str  # "holder", "active", or a Task status: requested, on-hold, rejected...
    task_id: str | None = None
    requested_at: datetime | None = None
    reason: str = ""  # N_-marked sentence or the portal's own text

    @property
    def can_open(self) -> bool:
        return self.state in ("holder", "active") and self.patient_id is not None


HOLDER, ACTIVE = "holder", "active"


def family_entries(
    people: Iterable[Any], requests: Iterable[AccessRequest], own_patient_id: str
) -> list[FamilyEntry]:
    """The account holder, each child with access, then requests still worth showing.

    `people` are the cards the account may open now (objects with patient_id,
    display_name, birth_date). An accepted request whose child is not among them yet
    (tokens not refreshed) shows as accepted; one whose child is there is the active
    line already; withdrawn and ended requests are not shown.
    """
    entries: list[FamilyEntry] = []
    open_ids: set[str] = set()
    for person in people:
        pid = str(person.patient_id)
        open_ids.add(pid)
        entries.append(
            FamilyEntry(
                patient_id=pid,
                name=str(person.display_name),
                birth_date=person.birth_date,
                state=HOLDER if pid == own_patient_id else ACTIVE,
            )
        )
    for request in requests:
        if request.status in (CANCELLED, COMPLETED):
            continue
        if request.status == ACCEPTED and request.child_patient_id in open_ids:
            continue
        entries.append(
            FamilyEntry(
                patient_id=request.child_patient_id,
                name=request.child_name,
                birth_date=request.child_birth_date,
                state=request.status,
                task_id=request.task_id,
                requested_at=request.authored_on,
                reason=reason_message(request),
            )
        )
    return entries
