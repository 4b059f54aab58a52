"""Portal-side decisions on children's access requests (Task code child-access-request).

The rules, in the order they are applied (issue 7):
1. the child is 15 or older -> rejected: from 15 a person holds their own access;
2. the applicant is a guardian or trustee -> rejected: no online access for them;
3. the birth certificate was issued on or after 2018-10-01, or in Moscow -> accepted;
4. otherwise -> on-hold until the parent's rights are checked in person (an operator
   completes or rejects the check: `complete_check` / `reject_check`).
Also: the applicant may withdraw a pending request (PUT status cancelled) and give up
access (a child-access-revoke Task); a child's 15th birthday ends a parent's access
(`end_access_at_15`, run before every family Task write and by the operator).
The Task shape is "Family access Task" in docs/CONTRACTS.md.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from demo_portal.errors import FhirError
from demo_portal.rules import RuleContext, registry
from demo_portal.rules.family_access import (
    ADULT_AGE,
    REQUEST_CODE,
    age_on,
    create_child,
    end_access,
    end_access_at_15,
    find_child,
    grant,
    inputs,
    linked,
    ref_id,
    status_reason,
    task_code,
)
from demo_portal.store import Store

# Certificates of the unified registry (ЕГР ЗАГС) can be verified online from this date.
REGISTRY_START = date(2018, 10, 1)
PARENT_ROLES = frozenset({"parent", "adoptive-parent"})
GUARDIAN_ROLES = frozenset({"guardian", "trustee"})
PENDING = frozenset({"requested", "on-hold"})


def _bad_request(en: str, ru: str) -> FhirError:
    return FhirError(400, en, ru)


def _date_input(values: dict[str, Any], code: str) -> date:
    try:
        return date.fromisoformat(str(values.get(code))[:10])
    except ValueError:
        raise _bad_request(
            f"Task.input {code} must be a date (YYYY-MM-DD).",
            f"Поле {code} должно быть датой (ГГГГ-ММ-ДД).",
        ) from None


def _issued_in_moscow(place: str) -> bool:
    folded = place.lower()
    return "москв" in folded or "moscow" in folded


def _accept(
    store: Store,
    user: Any,
    task: dict,
    values: dict[str, Any],
    today: date,
    reason: str | None = None,
) -> dict:
    birth = _date_input(values, "child-birth-date")
    name = str(values.get("child-name") or "")
    policy = str(values.get("insurance-policy") or "")
    child = find_child(store, name, birth, policy) or create_child(store, values)
    focus = {"reference": f"Patient/{child['id']}"}
    if linked(store, user.email, child["id"]):
        # focus set so that ending this access later redacts this Task too
        return {
            **task,
            "status": "rejected",
            "focus": focus,
            "statusReason": status_reason("already-linked"),
        }
    grant(store, user, child["id"], str(values.get("applicant-role") or "parent"), today)
    accepted = {**task, "status": "accepted", "focus": focus}
    if reason:
        accepted["statusReason"] = status_reason(reason)
    else:
        accepted.pop("statusReason", None)
    return accepted


def decide(store: Store, user: Any, task: dict, today: date) -> dict:
    """The Task as it will be stored: status and statusReason set, focus when accepted."""
    values = inputs(task)
    birth = _date_input(values, "child-birth-date")
    role = str(values.get("applicant-role") or "")
    if role not in PARENT_ROLES | GUARDIAN_ROLES:
        raise _bad_request(
            "Task.input applicant-role must be parent, adoptive-parent, guardian or trustee.",
            "Укажите, кем вы приходитесь ребёнку: родитель, усыновитель, опекун или попечитель.",
        )
    if birth > today:
        raise _bad_request("The birth date is in the future.", "Дата рождения в будущем.")
    task = {**task, "status": "requested"}
    task.pop("focus", None)  # the portal, not the applicant, says whose card this is
    if age_on(birth, today) >= ADULT_AGE:
        return {**task, "status": "rejected", "statusReason": status_reason("age-15")}
    if role in GUARDIAN_ROLES:
        return {**task, "status": "rejected", "statusReason": status_reason("guardian")}
    issued = _date_input(values, "birth-certificate-issued")
    if issued > today or issued < birth:
        raise _bad_request(
            "The certificate issue date must be between the birth date and today.",
            "Дата выдачи свидетельства должна быть между датой рождения и сегодняшним днём.",
        )
    if issued >= REGISTRY_START or _issued_in_moscow(
        str(values.get("birth-certificate-place") or "")
    ):
        return _accept(store, user, task, values, today)
    return {**task, "status": "on-hold", "statusReason": status_reason("in-person-check")}


def _own(ctx: RuleContext, task: dict) -> None:
    if ctx.user is not None and ref_id(task.get("requester"), "Patient") != ctx.user.patient_id:
        raise FhirError(
            403,
            "An access request must be made by the signed-in account holder.",
            "Заявку на доступ может подать только владелец учётной записи.",
        )


@registry.before_create("Task")
def on_family_task_create(ctx: RuleContext, task: dict) -> dict:
    code = task_code(task)
    if code is None:
        return task
    today = ctx.now.date()
    end_access_at_15(ctx.store, today)  # the daily rule, caught up before deciding
    _own(ctx, task)
    if ctx.user is None:  # operator / data loading: stored as given
        return task
    if code == REQUEST_CODE:
        return decide(ctx.store, ctx.user, task, today)
    child_id = ref_id(task.get("focus"), "Patient")
    if child_id is None or not linked(ctx.store, ctx.user.email, child_id):
        raise FhirError(
            409,
            "You have no access to this child's card to give up.",
            "У вас нет доступа к карте этого ребёнка.",
        )
    end_access(ctx.store, ctx.user.email, child_id, "access-given-up", today)
    # Stored without the child's reference: see end_access (nothing left names the child).
    done = {k: v for k, v in task.items() if k != "focus"}
    return {**done, "status": "completed", "statusReason": status_reason("access-given-up")}


@registry.before_update("Task")
def on_family_task_update(ctx: RuleContext, task: dict) -> dict:
    previous = ctx.previous or {}
    if task_code(previous) is None and task_code(task) is None:
        return task
    end_access_at_15(ctx.store, ctx.now.date())
    if ctx.user is None:
        return task
    _own(ctx, previous)
    if task_code(previous) != REQUEST_CODE or task.get("status") != "cancelled":
        raise FhirError(
            403,
            "Only withdrawing a pending access request is allowed (status cancelled).",
            "Заявку на доступ можно только отозвать (статус «отменена»).",
        )
    if previous.get("status") not in PENDING:
        raise FhirError(
            409,
            "Only a pending request can be withdrawn; this one is already decided.",
            "Отозвать можно только заявку на рассмотрении; по этой уже принято решение.",
        )
    # Whatever else the client sent, only the status changes.
    return {**previous, "status": "cancelled", "statusReason": status_reason("withdrawn")}


# -- operator actions (demo_portal.operator) ---------------------------------------------


def _on_hold_task(store: Store, task_id: str) -> dict:
    task = store.get("Task", task_id)
    if task is None or task_code(task) != REQUEST_CODE:
        raise LookupError(f"no child-access request Task/{task_id}")
    if task.get("status") != "on-hold":
        raise ValueError(f"Task/{task_id} is {task.get('status')}, not on-hold")
    return task


def complete_check(store: Store, task_id: str, today: date) -> dict:
    """The parent's rights were confirmed in person: grant access."""
    with store.write_lock:
        task = _on_hold_task(store, task_id)
        requester = ref_id(task.get("requester"), "Patient")
        user = next((u for u in store.users() if u.patient_id == requester), None)
        if user is None:
            raise LookupError(f"no account for Patient/{requester}")
        return store.put(_accept(store, user, task, inputs(task), today, "check-passed"))


def reject_check(store: Store, task_id: str, reason: str) -> dict:
    """The check failed; `reason` is shown to the parent as given."""
    with store.write_lock:
        task = _on_hold_task(store, task_id)
        task = {
            **task,
            "status": "rejected",
            "statusReason": status_reason("check-failed", reason.strip() or None),
        }
        return store.put(task)


def turn_15(store: Store, patient_id: str, today: date) -> list[tuple[str, str]]:
    """Simulate the child's 15th birthday today, then run the daily rule."""
    with store.write_lock:
        child = store.get("Patient", patient_id)
        if child is None:
            raise LookupError(f"no Patient/{patient_id}")
        try:
            shifted = today.replace(year=today.year - ADULT_AGE)
        except ValueError:  # today is 29 February
            shifted = date(today.year - ADULT_AGE, 2, 28)
        store.put({**child, "birthDate": shifted.isoformat()})
        return end_access_at_15(store, today)
