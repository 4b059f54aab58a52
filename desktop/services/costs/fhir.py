"""The one reader of ExplanationOfBenefit and Claim: a visit (one EOB) and its lines.

What the services tab shows of each: date, clinic, the service (code + name), doctor,
quantity, cost, who paid and the insurer. The demo portal's EOBs say who paid in the
`payer-kind` extension (ОМС, ДМС, the patient); other servers (Synthea) say it through
the adjudication totals (benefit / copay) or not at all. A Claim is an unadjudicated bill:
shown only where no EOB explains it (a server without EOBs), with nobody marked as payer.

Amounts are kept as Decimal with their currency (RUB for the demo, USD for Synthea) and
never added across currencies. Pure functions; `lookup` finds referenced resources in the
cache (clinic and doctor names), see `cache.resources.parse_all`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any

from desktop.services.cache.projections.common import (
    concept_text,
    dicts,
    obj,
    organization_alias,
    ref_id,
    ref_type,
    referenced_name,
    text_or_none,
)

JSON = dict[str, Any]
Lookup = Callable[[str], JSON | None]

PAYER_KIND_EXT = "https://demo.medcard/fhir/StructureDefinition/payer-kind"
SERVICE_NOMENCLATURE = "urn:oid:1.2.643.5.1.13.13.11.1070"  # номенклатура услуг (804н)
ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication"

# Who paid (the demo's payer-kind codes, plus what other servers let us tell).
OMS, VHI, PATIENT, INSURANCE, UNKNOWN = "oms", "vhi", "patient", "insurance", ""
PAYERS = (OMS, VHI, PATIENT, INSURANCE, UNKNOWN)


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str  # ISO 4217 ("RUB", "USD"); "" when the server does not say


@dataclass(frozen=True)
class ServiceLine:
    sequence: int
    date: date | None
    code: str
    name: str
    quantity: Decimal
    cost: Money | None  # None: the server gives no amount for this line


@dataclass(frozen=True, eq=False)
class ServiceVisit:
    """One ExplanationOfBenefit (or Claim): a visit, a blood draw, a study, a stay.

    Its lines are read from the raw items when first asked for: the list, its filters and
    totals need only the visits (ten years are over a thousand visits and 5 000 lines)."""

    resource_type: str
    resource_id: str
    date: date | None
    clinic: str
    clinic_id: str
    doctor: str
    insurer: str
    payer: str  # one of PAYERS
    payer_text: str  # the portal's own words for the payer, when it has any
    institutional: bool
    total: Money | None
    items: tuple[JSON, ...]  # the raw items, read into `lines` on first use
    claim_id: str = ""  # the Claim an ExplanationOfBenefit answers (that Claim is not shown)
    clinic_short: str = ""  # the clinic's alias (a narrow column), else its name
    insurer_short: str = ""

    @property
    def key(self) -> str:
        return f"{self.resource_type}/{self.resource_id}"

    @property
    def currency(self) -> str:
        return self.total.currency if self.total else ""

    @property
    def line_count(self) -> int:
        return len(self.items)

    @cached_property
    def lines(self) -> tuple[ServiceLine, ...]:
        return tuple(parse_line(item, position) for position, item in enumerate(self.items, 1))


def money(value: Any) -> Money | None:
    """A FHIR Money ({value, currency}); None when it has no number."""
    if not isinstance(value, dict):
        return None
    raw = value.get("value")
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return None
    try:
        amount = Decimal(str(raw))
    except InvalidOperation:
        return None
    if not amount.is_finite():
        return None
    currency = value.get("currency")
    return Money(amount, currency if isinstance(currency, str) else "")


def _date(value: Any) -> date | None:
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _quantity(item: JSON) -> Decimal:
    value = obj(item.get("quantity")).get("value")
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            found = Decimal(str(value))
        except InvalidOperation:
            return Decimal(1)
        return found if found.is_finite() and found > 0 else Decimal(1)
    return Decimal(1)


def _adjudicated(entries: Any, code: str) -> Money | None:
    """The amount of an adjudication (or total) entry of a category code."""
    for entry in dicts(entries):
        for coding in dicts(obj(entry.get("category")).get("coding")):
            if coding.get("code") == code:
                return money(entry.get("amount"))
    return None


def _line_cost(item: JSON, quantity: Decimal) -> Money | None:
    found = money(item.get("net"))
    if found is not None:
        return found
    unit = money(item.get("unitPrice"))
    if unit is not None:
        return Money(unit.amount * quantity, unit.currency)
    return _adjudicated(item.get("adjudication"), "submitted")


def _service(item: JSON) -> tuple[str, str]:
    concept = obj(item.get("productOrService"))
    codings = dicts(concept.get("coding"))
    chosen = next((c for c in codings if c.get("system") == SERVICE_NOMENCLATURE), None)
    chosen = chosen or (codings[0] if codings else {})
    code = text_or_none(chosen.get("code")) or ""
    name = text_or_none(concept.get("text")) or text_or_none(chosen.get("display")) or ""
    return code, name or concept_text(concept)


def _doctor(resource: JSON, lookup: Lookup) -> str:
    for member in dicts(resource.get("careTeam")):
        provider = member.get("provider")
        if ref_type(provider) in (None, "Practitioner", "PractitionerRole"):
            name = referenced_name(provider, lookup)
            if name:
                return name
    return ""


def _clinic(resource: JSON, lookup: Lookup) -> tuple[str, str]:
    provider = resource.get("provider")
    if ref_type(provider) == "Organization":
        return referenced_name(provider, lookup), ref_id(provider) or ""
    # Synthea names a practitioner as the provider; the facility then is unknown.
    name = referenced_name(provider, lookup) if provider else ""
    return name, ref_id(provider) or name


def _payer(resource: JSON, total: Money | None) -> tuple[str, str]:
    """(payer kind, the portal's words for it)."""
    for ext in dicts(resource.get("extension")):
        if ext.get("url") == PAYER_KIND_EXT:
            coding = obj(ext.get("valueCoding"))
            code = coding.get("code")
            text = text_or_none(coding.get("display")) or ""
            if code in (OMS, VHI, PATIENT):
                return str(code), text
    if resource.get("resourceType") == "Claim":
        return UNKNOWN, ""
    totals = resource.get("total")
    benefit = _adjudicated(totals, "benefit")
    copay = _adjudicated(totals, "copay")
    paid = money(obj(resource.get("payment")).get("amount"))
    insurer_paid = (benefit and benefit.amount > 0) or (paid and paid.amount > 0)
    if copay is not None and copay.amount > 0 and not insurer_paid:
        return PATIENT, ""
    if insurer_paid or resource.get("insurer"):
        return INSURANCE, ""
    return UNKNOWN, ""


def parse_line(item: JSON, position: int) -> ServiceLine:
    sequence = item.get("sequence")
    quantity = _quantity(item)
    code, name = _service(item)
    return ServiceLine(
        sequence=sequence if isinstance(sequence, int) else position,
        date=_date(item.get("servicedDate")) or _date(obj(item.get("servicedPeriod")).get("start")),
        code=code,
        name=name,
        quantity=quantity,
        cost=_line_cost(item, quantity),
    )


def _first_date(items: list[JSON]) -> date | None:
    for item in items:
        found = _date(item.get("servicedDate")) or _date(
            obj(item.get("servicedPeriod")).get("start")
        )
        if found is not None:
            return found
    return None


def parse_visit(resource: JSON, lookup: Lookup) -> ServiceVisit:
    """An ExplanationOfBenefit or a Claim as the services tab shows it."""
    rtype = str(resource.get("resourceType"))
    items = dicts(resource.get("item"))
    period = obj(resource.get("billablePeriod"))
    when = _first_date(items) or _date(period.get("start")) or _date(resource.get("created"))
    total = _total(resource, items)
    payer, payer_text = _payer(resource, total)
    clinic, clinic_id = _clinic(resource, lookup)
    kind = {c.get("code") for c in dicts(obj(resource.get("type")).get("coding"))}
    insurer = referenced_name(resource.get("insurer"), lookup) if resource.get("insurer") else ""
    return ServiceVisit(
        resource_type=rtype,
        resource_id=str(resource.get("id")),
        date=when,
        clinic=clinic,
        clinic_id=clinic_id,
        doctor=_doctor(resource, lookup),
        insurer=insurer,
        payer=payer,
        payer_text=payer_text,
        institutional="institutional" in kind,
        total=total,
        items=tuple(items),
        claim_id=ref_id(resource.get("claim")) or "" if rtype == "ExplanationOfBenefit" else "",
        clinic_short=organization_alias(resource.get("provider"), lookup) or clinic,
        insurer_short=organization_alias(resource.get("insurer"), lookup) or insurer,
    )


def _total(resource: JSON, items: list[JSON]) -> Money | None:
    """What the visit cost: the submitted total (EOB), the Claim's total, else its lines."""
    if resource.get("resourceType") == "Claim":
        found = money(resource.get("total"))
    else:
        found = _adjudicated(resource.get("total"), "submitted")
    if found is not None:
        return found
    lines = [parse_line(item, position) for position, item in enumerate(items, 1)]
    costs = [line.cost for line in lines if line.cost is not None]
    if costs and len({c.currency for c in costs}) == 1:
        return Money(sum((c.amount for c in costs), Decimal(0)), costs[0].currency)
    return None


def claims_explained_by(visits: list[ServiceVisit]) -> set[str]:
    """Ids of the Claims these ExplanationOfBenefits answer (not shown a second time)."""
    return {v.claim_id for v in visits if v.claim_id}
