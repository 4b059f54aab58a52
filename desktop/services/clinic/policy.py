"""The OMS policy as the portal keeps it (Coverage, type PUBLICPOL) and the warnings it
calls for (Qt-free, pure).

A policy is one of three kinds (desktop/services/oms_policy.py); its form (paper, card,
electronic, old, temporary) is the `oms-policy-form` extension, the territory the
`oms-territory` one, the insurer `payor[0]` (an Organization with a phone). A temporary
certificate is valid until `period.end`; a policy may end too. The app warns ahead:
`policy_notice` says when the person's policy ends within `WARN_DAYS` or has ended.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.services.cache.projections.common import concept_text, dicts, obj, ref_id
from desktop.services.i18n import N_
from desktop.services.oms_policy import PolicyKind, kind_of_system

JSON = dict[str, Any]
Lookup = Callable[[str], JSON | None]
PUBLIC_POLICY = "PUBLICPOL"
FORM_EXT = "https://demo.medcard/fhir/StructureDefinition/oms-policy-form"
TERRITORY_EXT = "https://demo.medcard/fhir/StructureDefinition/oms-territory"
WARN_DAYS = 30  # how far ahead the app warns that a policy or certificate ends

# Coverage form code -> (kind, N_ name of the document)
FORMS: dict[str, tuple[PolicyKind, str]] = {
    "new-paper": (PolicyKind.NEW, N_("New-form policy, paper")),
    "new-card": (PolicyKind.NEW, N_("New-form policy, plastic card")),
    "new-electronic": (PolicyKind.NEW, N_("New-form policy, electronic")),
    "old": (PolicyKind.OLD, N_("Old-form policy")),
    "temporary": (PolicyKind.TEMPORARY, N_("Temporary certificate")),
}
KIND_NAMES: dict[PolicyKind, str] = {
    PolicyKind.NEW: N_("New-form policy"),
    PolicyKind.OLD: N_("Old-form policy"),
    PolicyKind.TEMPORARY: N_("Temporary certificate"),
}


@dataclass(frozen=True)
class OmsPolicy:
    coverage_id: str
    patient_id: str
    kind: PolicyKind | None
    form_name: str  # N_-marked name of the document, or the portal's own text
    number: str
    insurer_id: str = ""
    insurer: str = ""
    insurer_phone: str = ""
    territory: str = ""
    start: date | None = None
    end: date | None = None
    status: str = ""

    def valid_on(self, day: date) -> bool:
        if self.status not in ("active", ""):
            return False
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def days_left(self, day: date) -> int | None:
        """Days until the end (0 = ends today, negative = ended); None: no end date."""
        return (self.end - day).days if self.end is not None else None


@dataclass(frozen=True)
class PolicyNotice:
    """What to warn about: `ending` (valid, ends within WARN_DAYS) or `ended` (no valid
    policy any more)."""

    state: str  # ending | ended
    policy: OmsPolicy
    days: int  # days left (ending) or days since the end (ended)


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def is_oms(coverage: JSON) -> bool:
    return any(
        c.get("code") == PUBLIC_POLICY for c in dicts(obj(coverage.get("type")).get("coding"))
    )


def parse_policy(coverage: JSON, lookup: Lookup) -> OmsPolicy | None:
    """An OmsPolicy from an OMS Coverage; None for any other coverage (ДМС, paid)."""
    if coverage.get("resourceType") != "Coverage" or not is_oms(coverage):
        return None
    extensions = {str(e.get("url")): e for e in dicts(coverage.get("extension"))}
    form = obj(extensions.get(FORM_EXT, {}).get("valueCoding"))
    identifier = next(iter(dicts(coverage.get("identifier"))), {})
    kind, form_name = FORMS.get(str(form.get("code")), (None, ""))
    if kind is None:
        kind = kind_of_system(identifier.get("system"))
        form_name = KIND_NAMES[kind] if kind is not None else ""
    form_name = form_name or concept_text(identifier.get("type"))
    insurer_ref = next(iter(dicts(coverage.get("payor"))), {})
    insurer = lookup(f"Organization/{ref_id(insurer_ref)}") if ref_id(insurer_ref) else None
    insurer = insurer or {}
    phone = next(
        (
            str(t["value"])
            for t in dicts(insurer.get("telecom"))
            if t.get("system") == "phone" and isinstance(t.get("value"), str)
        ),
        "",
    )
    period = obj(coverage.get("period"))
    territory = obj(extensions.get(TERRITORY_EXT, {}).get("valueCodeableConcept"))
    return OmsPolicy(
        coverage_id=str(coverage.get("id") or ""),
        patient_id=ref_id(coverage.get("beneficiary")) or "",
        kind=kind,
        form_name=form_name,
        number=str(identifier.get("value") or ""),
        insurer_id=ref_id(insurer_ref) or "",
        insurer=str(insurer.get("name") or insurer_ref.get("display") or ""),
        insurer_phone=phone,
        territory=concept_text(territory),
        start=_date(period.get("start")),
        end=_date(period.get("end")),
        status=str(coverage.get("status") or ""),
    )


def current_first(policies: Iterable[OmsPolicy], today: date) -> list[OmsPolicy]:
    """Valid ones first, then by the latest end (open-ended counts as the latest)."""
    far = date.max
    return sorted(policies, key=lambda p: (not p.valid_on(today), -(p.end or far).toordinal()))


def policy_notice(
    policies: Iterable[OmsPolicy], today: date, within: int = WARN_DAYS
) -> PolicyNotice | None:
    """A warning for the person's OMS policies, or None when all is well (or the portal
    keeps no OMS policy for them: nothing to judge)."""
    ordered = current_first(policies, today)
    if not ordered:
        return None
    best = ordered[0]
    if not best.valid_on(today):
        ended = best.days_left(today)
        return PolicyNotice("ended", best, -ended if ended is not None and ended < 0 else 0)
    left = best.days_left(today)
    if left is not None and left <= within:
        return PolicyNotice("ending", best, left)
    return None
