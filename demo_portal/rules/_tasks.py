"""Small helpers shared by the request Tasks of the portal's services: change of clinic,
document orders and paper copies, service reports (not a rule module itself: the `_`
keeps `load_rule_modules` from importing it as one)."""

from __future__ import annotations

from datetime import date
from typing import Any

from demo_portal.errors import FhirError

TASK_CODE_SYSTEM = "https://medcard.app/fhir/CodeSystem/task-code"
CLIENT_REQUEST_SYSTEM = "urn:medcard:client-request"


def code_of(task: dict[str, Any]) -> str | None:
    """The Task's code in TASK_CODE_SYSTEM (the portal matches on the code only)."""
    for coding in (task.get("code") or {}).get("coding") or []:
        if isinstance(coding, dict) and coding.get("code"):
            return str(coding["code"])
    return None


def inputs(task: dict[str, Any]) -> dict[str, list[Any]]:
    """input code -> every value given for it (value[x], whatever the type)."""
    found: dict[str, list[Any]] = {}
    for item in task.get("input") or []:
        if not isinstance(item, dict):
            continue
        value = next((v for k, v in item.items() if k.startswith("value")), None)
        for coding in (item.get("type") or {}).get("coding") or []:
            if isinstance(coding, dict) and coding.get("code"):
                found.setdefault(str(coding["code"]), []).append(value)
    return found


def first(values: dict[str, list[Any]], code: str) -> Any:
    return (values.get(code) or [None])[0]


def ref_id(value: Any, rtype: str) -> str | None:
    if isinstance(value, dict):
        ref = str(value.get("reference") or "")
        if ref.startswith(f"{rtype}/"):
            return ref[len(rtype) + 1 :]
    return None


def reason(system: str, code: str, en: str, ru: str) -> dict[str, Any]:
    """Task.statusReason: the code with its English display, Russian text."""
    return {"coding": [{"system": system, "code": code, "display": en}], "text": ru}


def unprocessable(en: str, ru: str) -> FhirError:
    return FhirError(422, en, ru)


def age_on(birth: str | None, day: date) -> int | None:
    if not birth:
        return None
    born = date.fromisoformat(birth[:10])
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def require_requester(ctx: Any, task: dict[str, Any]) -> None:
    """A request is made by the signed-in account holder (for themself or a child)."""
    if ctx.user is not None and ref_id(task.get("requester"), "Patient") != ctx.user.patient_id:
        raise FhirError(
            403,
            "A request must be made by the signed-in account holder (requester).",
            "Заявку может подать только владелец учётной записи.",
        )


def input_entry(system: str, code: str, key: str, value: Any) -> dict[str, Any]:
    return {"type": {"coding": [{"system": system, "code": code}]}, key: value}


def output_entry(system: str, code: str, key: str, value: Any) -> dict[str, Any]:
    return {"type": {"coding": [{"system": system, "code": code}]}, key: value}
