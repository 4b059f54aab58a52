"""The application to change the attached clinic: the Task, its states, the calls that
send and withdraw it (Qt-free).

Shape: docs/CONTRACTS.md "My clinic and the OMS policy" (portal side in
demo_portal/rules/clinic_change.py). The portal decides at once (rejected with a rule,
or in review at the new clinic), and the new clinic later accepts or refuses. Known
reason codes map to our own translated sentences; the portal's text is shown with them
(it carries the dates of the once-a-year rule and the clinic's own words).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Protocol

from desktop.services.cache.projections.common import dicts, obj, ref_id
from desktop.services.clinic.fhir import BY_CHOICE, RESIDENCE
from desktop.services.errors import MalformedAnswer, ValidationFailed
from desktop.services.i18n import N_
from desktop.services.portal.tasks import withdraw_task

log = logging.getLogger("medcard.clinic")

TASK_CODE_SYSTEM = "https://medcard.app/fhir/CodeSystem/task-code"
INPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/clinic-change-input"
REASON_SYSTEM = "https://medcard.app/fhir/CodeSystem/clinic-change-reason"
IDENTIFIER_SYSTEM = "urn:medcard:client-request"
CHANGE_CODE = "change-of-clinic"
IN_REVIEW = frozenset({"requested", "received"})  # the applicant may still withdraw
MIN_ADDRESS = 8  # "ул. Ленина, 1" is the shortest address a clinic can use

DECISIONS: dict[str, str] = {
    "once-a-year": N_(
        "A clinic can be chosen at most once a year; after a change of residence it can "
        "be changed at any time."
    ),
    "clinic-full": N_("This clinic is not taking new patients. Please choose another one."),
    "wrong-age-group": N_(
        "This clinic does not serve patients of this age: adults and children have "
        "separate polyclinics."
    ),
    "already-attached": N_("The person is already attached to this clinic."),
    "already-pending": N_(
        "An application is already in review. Wait for its answer or withdraw it first."
    ),
    "in-review": N_("In review at the chosen clinic; it usually answers within a few days."),
    "accepted": N_("Accepted: the person is attached to the new clinic."),
    "rejected-by-clinic": N_("The chosen clinic refused the application."),
    "withdrawn": N_("You withdrew this application."),
}
# Shown whatever the portal says: what the new clinic's registry asks to see.
DOCUMENTS_ADULT = (
    N_("Passport"),
    N_("OMS insurance policy"),
    N_("SNILS"),
)
DOCUMENTS_CHILD = (
    N_("The child's birth certificate (a passport from the age of 14)"),
    N_("The child's OMS insurance policy"),
    N_("The child's SNILS"),
    N_("The parent's passport"),
)


class Writer(Protocol):
    def create(self, resource: dict, if_none_exist: str | None = None) -> dict: ...
    def update(self, resource: dict, if_match: str | None = None) -> dict: ...
    def read(self, resource_type: str, resource_id: str) -> dict: ...


@dataclass(frozen=True)
class ChangeForm:
    patient_id: str = ""  # for whom (the account holder or a child)
    clinic_id: str = ""
    clinic_name: str = ""
    reason: str = ""  # by-choice | residence
    new_address: str = ""  # residence only


class ChangeFormInvalid(ValidationFailed):
    """`errors` maps a field of ChangeForm to an N_ message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(
            "invalid fields: " + ", ".join(sorted(errors)),
            user_message=N_("Please correct the highlighted fields."),
        )
        self.errors = errors


def validate(form: ChangeForm) -> dict[str, str]:
    errors = {}
    if not form.patient_id:
        errors["patient_id"] = N_("Choose for whom the application is.")
    if not form.clinic_id:
        errors["clinic_id"] = N_("Choose the new clinic in the list.")
    if form.reason not in (BY_CHOICE, RESIDENCE):
        errors["reason"] = N_("Choose the reason for the change.")
    elif form.reason == RESIDENCE and len(" ".join(form.new_address.split())) < MIN_ADDRESS:
        errors["new_address"] = N_("Enter the new address: street, house and flat.")
    return errors


@dataclass(frozen=True)
class ClinicChange:
    """One application as the tab shows it."""

    task_id: str
    status: str
    patient_id: str
    clinic_id: str
    clinic_name: str
    reason: str  # by-choice | residence
    new_address: str
    authored_on: datetime | None
    decided_on: date | None
    reason_code: str | None
    reason_text: str  # the portal's own words (Russian in the demo portal)

    @property
    def in_review(self) -> bool:
        return self.status in IN_REVIEW


def _input(code: str, key: str, value: Any) -> dict[str, Any]:
    return {"type": {"coding": [{"system": INPUT_SYSTEM, "code": code}]}, key: value}


def build_task(form: ChangeForm, requester_id: str, now: datetime, request_id: str) -> dict:
    clinic: dict[str, str] = {"reference": f"Organization/{form.clinic_id}"}
    if form.clinic_name:
        clinic["display"] = form.clinic_name
    inputs = [
        _input("clinic", "valueReference", clinic),
        _input("reason", "valueCode", form.reason),
    ]
    if form.reason == RESIDENCE:
        inputs.append(_input("new-address", "valueString", " ".join(form.new_address.split())))
    return {
        "resourceType": "Task",
        "identifier": [{"system": IDENTIFIER_SYSTEM, "value": request_id}],
        "status": "requested",
        "intent": "order",
        "code": {"coding": [{"system": TASK_CODE_SYSTEM, "code": CHANGE_CODE}]},
        "for": {"reference": f"Patient/{form.patient_id}"},
        "requester": {"reference": f"Patient/{requester_id}"},
        # Milliseconds: two applications sent in one second still list in their order.
        "authoredOn": now.astimezone(UTC).isoformat(timespec="milliseconds"),
        "input": inputs,
    }


def _inputs(task: dict) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in dicts(task.get("input")):
        code = next((c.get("code") for c in dicts(obj(item.get("type")).get("coding"))), None)
        value = next((v for k, v in item.items() if k.startswith("value")), None)
        if isinstance(code, str):
            found.setdefault(code, value)
    return found


def _moment(value: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except (AttributeError, ValueError):
        return None
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


def parse_change(task: dict) -> ClinicChange | None:
    """A ClinicChange from a change-of-clinic Task; None for any other resource."""
    if task.get("resourceType") != "Task":
        return None
    codes = [c.get("code") for c in dicts(obj(task.get("code")).get("coding"))]
    if CHANGE_CODE not in codes:
        return None
    values = _inputs(task)
    clinic = obj(values.get("clinic"))
    owner = obj(task.get("owner"))
    reason = obj(task.get("statusReason"))
    code = next(
        (
            str(c.get("code"))
            for c in dicts(reason.get("coding"))
            if c.get("system") == REASON_SYSTEM and c.get("code")
        ),
        None,
    )
    modified = _moment(task.get("lastModified"))
    return ClinicChange(
        task_id=str(task.get("id") or ""),
        status=str(task.get("status") or ""),
        patient_id=ref_id(task.get("for")) or "",
        clinic_id=ref_id(clinic) or ref_id(owner) or "",
        clinic_name=str(clinic.get("display") or owner.get("display") or ""),
        reason=str(values.get("reason") or ""),
        new_address=str(values.get("new-address") or ""),
        authored_on=_moment(task.get("authoredOn")),
        decided_on=modified.date() if modified else None,
        reason_code=code,
        reason_text=str(reason.get("text") or ""),
    )


def changes_from(resources: Iterable[dict]) -> list[ClinicChange]:
    """Applications among resources, newest first; one that cannot be read is skipped."""
    found = []
    for resource in resources:
        try:
            change = parse_change(resource)
        except (AttributeError, TypeError, ValueError) as exc:
            log.warning("skipped an application that could not be read (%s)", type(exc).__name__)
            continue
        if change is not None:
            found.append(change)
    oldest = datetime.min.replace(tzinfo=UTC)
    return sorted(found, key=lambda c: c.authored_on or oldest, reverse=True)


def decision_message(change: ClinicChange) -> str:
    """Our N_ sentence for a known reason code, else empty (the portal's text follows)."""
    return DECISIONS.get(change.reason_code or "", "")


class ClinicChangeService:
    """Portal calls for the change of clinic (blocking HTTP: off the GUI thread)."""

    def __init__(self, client: Writer, requester_id: str) -> None:
        self._client = client
        self._requester = requester_id

    def submit(self, form: ChangeForm, request_id: str | None = None) -> tuple[ClinicChange, dict]:
        """Validate and send; the same `request_id` on a retry finds the first Task."""
        errors = validate(form)
        if errors:
            raise ChangeFormInvalid(errors)
        request_id = request_id or str(uuid.uuid4())
        task = build_task(form, self._requester, datetime.now(UTC), request_id)
        created = self._client.create(
            task, if_none_exist=f"identifier={IDENTIFIER_SYSTEM}|{request_id}"
        )
        change = parse_change(created)
        if change is None:
            raise MalformedAnswer("create Task did not answer with a change-of-clinic Task")
        return change, created

    def withdraw(self, task_id: str) -> dict:
        """Withdraw an application in review; returns the updated Task."""
        return withdraw_task(self._client, task_id)
