"""Change of the attached clinic ("открепиться" and choose another, issue 13).

The application is a Task, code `change-of-clinic` (TASK_CODE_SYSTEM), for = the person
(oneself or a child the account acts for), requester = the account holder, created with a
client identifier and `If-None-Exist`. Inputs (INPUT_SYSTEM): `clinic` (valueReference
Organization), `reason` (valueCode `by-choice | residence`), `new-address` (valueString,
needed for `residence`). The portal decides at once:

- rejected (`statusReason` REASON_SYSTEM): `once-a-year` (a change by choice within 365
  days of the last one; the text says from when it is possible again), `clinic-full` (the
  clinic takes no new patients), `wrong-age-group` (adults to a children's clinic or the
  other way), `already-attached`, `already-pending`;
- otherwise `received` (in review at the new clinic; owner = that Organization, reason
  `in-review`). The new clinic then accepts (operator `accept-clinic-change`: the Task
  becomes `completed` / `accepted` and the Patient's managingOrganization,
  generalPractitioner and attachment extension change) or rejects
  (`reject-clinic-change --reason`: `rejected` / `rejected-by-clinic`, the text given).
  The applicant may withdraw it while in review (PUT with status `cancelled`).
"""

from __future__ import annotations

import zlib
from datetime import date, timedelta
from typing import Any

from demo_portal.errors import FhirError
from demo_portal.rules import RuleContext, registry
from demo_portal.rules._tasks import (
    age_on,
    code_of,
    first,
    inputs,
    reason,
    ref_id,
    require_requester,
    unprocessable,
)

CHANGE_CODE = "change-of-clinic"
INPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/clinic-change-input"
REASON_SYSTEM = "https://medcard.app/fhir/CodeSystem/clinic-change-reason"
CLINIC_KIND = "https://demo.medcard/fhir/CodeSystem/clinic-kind"
ACCEPTS_EXT = "https://demo.medcard/fhir/StructureDefinition/accepts-attachment"
ATTACHMENT_EXT = "https://demo.medcard/fhir/StructureDefinition/attachment"
PENDING = ("requested", "received")
REASONS = {
    "once-a-year": ("A clinic can be chosen once a year", "Прикрепиться по выбору можно раз в год"),
    "clinic-full": (
        "The clinic takes no new patients",
        "Медицинская организация не принимает новых пациентов",
    ),
    "wrong-age-group": ("Wrong clinic for the age", "Поликлиника не для этого возраста"),
    "already-attached": ("Already attached there", "Вы уже прикреплены к этой поликлинике"),
    "already-pending": ("An application is in review", "Заявление уже на рассмотрении"),
    "in-review": (
        "In review at the new clinic",
        "Заявление на рассмотрении в выбранной поликлинике",
    ),
    "accepted": ("Accepted: attached to the new clinic", "Заявление одобрено, вы прикреплены"),
    "withdrawn": ("Withdrawn by the applicant", "Заявление отозвано"),
}


def _reason(code: str, text: str | None = None) -> dict[str, Any]:
    en, ru = REASONS.get(code, (code, code))
    return reason(REASON_SYSTEM, code, en, text or ru)


def attachment_of(patient: dict[str, Any]) -> dict[str, Any]:
    """The attachment extension's parts: organization, site, since, reason."""
    for ext in patient.get("extension") or []:
        if ext.get("url") == ATTACHMENT_EXT:
            return {
                e["url"]: next((v for k, v in e.items() if k.startswith("value")), None)
                for e in ext.get("extension") or []
            }
    return {}


def _kind(clinic: dict[str, Any]) -> str | None:
    for concept in clinic.get("type") or []:
        for coding in concept.get("coding") or []:
            if coding.get("system") == CLINIC_KIND:
                return str(coding.get("code"))
    return None


def _accepts(clinic: dict[str, Any]) -> bool:
    return all(
        e.get("valueBoolean", True)
        for e in clinic.get("extension") or []
        if e.get("url") == ACCEPTS_EXT
    )


def _last_choice(store: Any, patient: dict[str, Any]) -> date | None:
    """When the person last changed clinic by choice (attachment or a completed Task)."""
    found: list[date] = []
    current = attachment_of(patient)
    if current.get("reason") == "by-choice" and current.get("since"):
        found.append(date.fromisoformat(current["since"]))
    for task in store.search("Task", patient=patient["id"], status="completed", limit=1000):
        if code_of(task) == CHANGE_CODE and first(inputs(task), "reason") == "by-choice":
            found.append(
                date.fromisoformat(str(task.get("lastModified") or task["authoredOn"])[:10])
            )
    return max(found) if found else None


def _reject(task: dict[str, Any], code: str, text: str | None = None) -> dict[str, Any]:
    return {**task, "status": "rejected", "statusReason": _reason(code, text)}


def decide(store: Any, task: dict[str, Any], today: date) -> dict[str, Any]:
    values = inputs(task)
    patient_id = ref_id(task.get("for"), "Patient")
    patient = store.get("Patient", patient_id) if patient_id else None
    clinic_id = ref_id(first(values, "clinic"), "Organization")
    clinic = store.get("Organization", clinic_id) if clinic_id else None
    why = first(values, "reason")
    if patient is None:
        raise unprocessable("Task.for must name the Patient", "Не указан пациент (Task.for)")
    if clinic is None or _kind(clinic) is None:
        raise unprocessable(
            "Input 'clinic' must name a polyclinic (Organization)",
            "Укажите поликлинику, к которой прикрепиться",
        )
    if why not in ("by-choice", "residence"):
        raise unprocessable(
            "Input 'reason' must be by-choice or residence",
            "Укажите причину: по выбору или смена места жительства",
        )
    if why == "residence" and not str(first(values, "new-address") or "").strip():
        raise unprocessable(
            "A change of residence needs the new address (input 'new-address')",
            "При смене места жительства укажите новый адрес",
        )
    task = {
        **task,
        "owner": {"reference": f"Organization/{clinic_id}", "display": clinic.get("name")},
    }
    child = (age_on(patient.get("birthDate"), today) or 0) < 18
    if (_kind(clinic) == "children-polyclinic") != child:
        return _reject(task, "wrong-age-group")
    if ref_id(patient.get("managingOrganization"), "Organization") == clinic_id:
        return _reject(task, "already-attached")
    for other in store.search("Task", patient=patient_id, limit=1000):
        if code_of(other) == CHANGE_CODE and other.get("status") in PENDING:
            return _reject(task, "already-pending")
    last = _last_choice(store, patient) if why == "by-choice" else None
    if last is not None and (today - last).days < 365:
        again = last + timedelta(days=365)
        return _reject(
            task,
            "once-a-year",
            f"Прикрепиться к поликлинике по выбору можно не чаще раза в год. Последний раз — "
            f"{last.strftime('%d.%m.%Y')}; снова можно с {again.strftime('%d.%m.%Y')} или при "
            "смене места жительства.",
        )
    if not _accepts(clinic):
        return _reject(task, "clinic-full")
    return {**task, "status": "received", "statusReason": _reason("in-review")}


@registry.before_create("Task")
def on_clinic_change(ctx: RuleContext, task: dict) -> dict:
    if code_of(task) != CHANGE_CODE or ctx.user is None:
        return task
    require_requester(ctx, task)
    return decide(ctx.store, task, ctx.now.date())


@registry.before_update("Task")
def on_clinic_change_update(ctx: RuleContext, task: dict) -> dict:
    previous = ctx.previous or {}
    if code_of(previous) != CHANGE_CODE or ctx.user is None:
        return task
    require_requester(ctx, previous)
    if task.get("status") == previous.get("status"):
        return previous
    if task.get("status") != "cancelled" or previous.get("status") not in PENDING:
        raise FhirError(
            409,
            "Only an application in review can be withdrawn (status cancelled)",
            "Отозвать можно только заявление на рассмотрении",
        )
    return {**previous, "status": "cancelled", "statusReason": _reason("withdrawn")}


# -- the new clinic's side (demo_portal.operator: accept-clinic-change, reject-...) ------


def _pending(store: Any, task_id: str) -> dict[str, Any]:
    task = store.get("Task", task_id)
    if task is None or code_of(task) != CHANGE_CODE:
        raise LookupError(f"no change-of-clinic application Task/{task_id}")
    if task.get("status") not in PENDING:
        raise ValueError(f"Task/{task_id} is {task.get('status')}, not in review")
    return task


def _district_doctor(store: Any, clinic_id: str) -> dict[str, Any] | None:
    """The clinic's district doctor (a PractitionerRole whose position is «участковый»)."""
    for role in store.query("PractitionerRole", [("organization", f"Organization/{clinic_id}")]):
        if any("участков" in str(c.get("text", "")) for c in role.get("code") or []):
            return role
    return None


def accept(store: Any, task_id: str, today: date) -> dict[str, Any]:
    """The new clinic accepts: the person is attached there from today."""
    with store.write_lock:
        task = _pending(store, task_id)
        values = inputs(task)
        clinic_id = ref_id(first(values, "clinic"), "Organization") or ""
        clinic = store.get("Organization", clinic_id) or {}
        patient = store.get("Patient", ref_id(task.get("for"), "Patient") or "")
        if patient is None:
            raise LookupError("the application's Patient is gone")
        patient = dict(patient)
        clinic_ref = {"reference": f"Organization/{clinic_id}", "display": clinic.get("name")}
        patient["managingOrganization"] = clinic_ref
        doctor = _district_doctor(store, clinic_id)
        if doctor is not None:
            patient["generalPractitioner"] = [doctor["practitioner"]]
        site = zlib.crc32(patient["id"].encode()) % 24 + 1
        why = str(first(values, "reason"))
        attachment = {
            "url": ATTACHMENT_EXT,
            "extension": [
                {"url": "organization", "valueReference": clinic_ref},
                {"url": "site", "valueString": f"Участок № {site}"},
                {"url": "since", "valueDate": today.isoformat()},
                {"url": "reason", "valueCode": why},
            ],
        }
        others = [e for e in patient.get("extension") or [] if e.get("url") != ATTACHMENT_EXT]
        patient["extension"] = [*others, attachment]
        if why == "residence" and first(values, "new-address"):
            home = {"use": "home", "type": "physical", "text": str(first(values, "new-address"))}
            patient["address"] = [home] + [
                a for a in patient.get("address") or [] if a.get("use") != "home"
            ]
        store.put(patient)
        done = {
            **task,
            "status": "completed",
            "statusReason": _reason("accepted"),
            "lastModified": today.isoformat(),
        }
        return store.put(done)


def reject(store: Any, task_id: str, text: str) -> dict[str, Any]:
    with store.write_lock:
        task = _pending(store, task_id)
        en = "Rejected by the clinic"
        return store.put(
            {
                **task,
                "status": "rejected",
                "statusReason": reason(REASON_SYSTEM, "rejected-by-clinic", en, text),
            }
        )
