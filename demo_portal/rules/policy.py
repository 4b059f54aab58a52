"""No OMS-funded visit without a valid OMS policy (issue 13).

Booking (an Appointment in the clinic, by video or at home, by the patient or the desk)
is refused with 422 when the patient has OMS Coverages but none is valid today: the
OperationOutcome says which and until when, with `details.coding` =
`https://demo.medcard/fhir/CodeSystem/refusal-reason|oms-policy-invalid`, so the app can
explain what to do (get the policy at the insurer or the МФЦ). A patient with no OMS
Coverage on this portal at all (e.g. loaded from elsewhere) is not checked.
Called by the booking rule before it takes the slot (demo_portal/rules/appointments.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from demo_portal.errors import FhirError

PUBLIC_POLICY = "PUBLICPOL"


def _is_oms(coverage: dict[str, Any]) -> bool:
    codings = ((coverage.get("type") or {}).get("coding")) or []
    return any(c.get("code") == PUBLIC_POLICY for c in codings)


def _valid_on(coverage: dict[str, Any], day: date) -> bool:
    if coverage.get("status") != "active":
        return False
    period = coverage.get("period") or {}
    start, end = period.get("start"), period.get("end")
    return (not start or start[:10] <= day.isoformat()) and (not end or day.isoformat() <= end[:10])


def check_policy(store: Any, patient_id: str, today: date) -> None:
    policies = [c for c in store.search("Coverage", patient=patient_id, limit=100) if _is_oms(c)]
    if not policies or any(_valid_on(c, today) for c in policies):
        return
    ended = max(((c.get("period") or {}).get("end") or "" for c in policies), default="")
    when_en = f" on {ended[:10]}" if ended else ""
    when_ru = f" {ended[8:10]}.{ended[5:7]}.{ended[:4]}" if ended else ""
    raise FhirError(
        422,
        f"No valid OMS policy: it ended{when_en}. Visits under OMS cannot be booked until "
        "the policy is renewed (at the insurer or a МФЦ)",
        f"Нет действующего полиса ОМС: срок его действия истёк{when_ru}. Запись на приём "
        "по ОМС невозможна, пока полис не оформлен заново (в страховой компании или МФЦ).",
        reason="oms-policy-invalid",
    )
