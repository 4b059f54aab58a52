"""OMS policies (issue 13): each demo person's Coverage in one of the three kinds the
regions issue, with the insurer, the territory and the dates, and the number on the
Patient as its own identifier.

- new form (since 2011), one 16-digit number (ЕНП, Luhn check digit), on paper, a plastic
  card or electronic (an extract from the register);
- old form: series and number (`OMS_OLD_SYSTEM`, value "series number");
- a temporary certificate while the policy is made: 9 digits, valid until a date
  (`period.end`). Artem's ends in five days; Ksenia's ended 20 days ago (her bookings
  are refused: demo_portal/rules/policy.py).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from . import codes as c
from .builder import Builder
from .directory import Directory

if TYPE_CHECKING:  # patients.py uses this module
    from .patients import Person

FORMS = {
    "new-paper": "Полис ОМС единого образца (бумажный бланк)",
    "new-card": "Полис ОМС единого образца (пластиковая карта)",
    "new-electronic": "Полис ОМС в электронной форме (выписка из реестра)",
    "old": "Полис ОМС старого образца",
    "temporary": "Временное свидетельство, подтверждающее оформление полиса ОМС",
}
# person -> (form, days until the end: negative = ended; None = open-ended)
POLICIES: dict[str, tuple[str, int | None]] = {
    "ivanov-sergey": ("new-card", None),
    "ivanova-masha": ("new-electronic", None),
    "petrova-anna": ("old", None),
    "smirnova-olga": ("new-paper", None),
    "smirnov-artem": ("temporary", 5),
    "kuznetsov-dmitry": ("new-paper", None),
    "egorova-tatiana": ("new-card", None),
    "ivanov-petr": ("new-paper", None),
    "lebedeva-ksenia": ("temporary", -20),
}
TERRITORIES = {"77": ("45", "г. Москва"), "87": ("77", "Чукотский автономный округ")}
TERRITORY_SYSTEM = f"{c.HTTPS_DEMO}/CodeSystem/okato-region"  # ОКАТО region code
TERRITORY_EXT = c.EXT_BASE + "oms-territory"
IDENTIFIER_TEXT = {
    "old": "Полис ОМС старого образца",
    "temporary": "Временное свидетельство ОМС",
}
TEMPORARY_DAYS = 45  # a temporary certificate is valid for 45 working days or so


def policy_identifier(person_id: str, enp: str, rng: random.Random) -> dict:
    """The number on the person's OMS document, as a Patient/Coverage identifier."""
    form = POLICIES.get(person_id, ("new-paper", None))[0]
    if form == "old":
        series = f"{rng.randint(10, 99)}{rng.randint(10, 99)}"
        return {"system": c.OMS_OLD_SYSTEM, "value": f"{series} {rng.randint(10**9, 10**10 - 1)}"}
    if form == "temporary":
        return {"system": c.OMS_TEMP_SYSTEM, "value": f"{rng.randint(10**8, 10**9 - 1)}"}
    return {"system": c.OMS_SYSTEM, "value": enp}


def identifier_text(person_id: str) -> str:
    return IDENTIFIER_TEXT.get(POLICIES.get(person_id, ("new-paper", None))[0], "Полис ОМС")


def oms_coverage(b: Builder, d: Directory, p: Person, number: dict) -> dict:
    form, ends_in = POLICIES.get(p.id, ("new-paper", None))
    start = max(p.birth, date(2011, 5, 1))
    if form == "old":
        start = max(p.birth, date(2006, 3, 1))
    period = {"start": start.isoformat()}
    if ends_in is not None:
        end = b.today + timedelta(days=ends_in)
        period = {
            "start": (end - timedelta(days=TEMPORARY_DAYS)).isoformat(),
            "end": end.isoformat(),
        }
    okato, territory = TERRITORIES[p.region]
    return {
        "resourceType": "Coverage",
        "id": f"cov-oms-{p.id}",
        "extension": [
            {"url": c.POLICY_FORM_EXT, "valueCoding": c.coding(c.POLICY_FORM, form, FORMS[form])},
            {
                "url": TERRITORY_EXT,
                "valueCodeableConcept": c.concept(TERRITORY_SYSTEM, okato, None, territory),
            },
        ],
        "status": "active" if ends_in is None or ends_in >= 0 else "cancelled",
        "identifier": [{**number, "type": c.text_only(FORMS[form])}],
        "type": c.concept(
            c.ACT_CODE,
            "PUBLICPOL",
            "public healthcare",
            "Обязательное медицинское страхование (ОМС)",
        ),
        "subscriber": c.ref("Patient", p.id, p.full_name),
        "beneficiary": c.ref("Patient", p.id, p.full_name),
        "relationship": c.concept(
            "http://terminology.hl7.org/CodeSystem/subscriber-relationship",
            "self",
            "Self",
            "Застрахованное лицо",
        ),
        "period": period,
        "payor": [c.ref("Organization", "org-smo", d.org_names["org-smo"])],
    }
