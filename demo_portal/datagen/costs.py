"""Cost of services received (ExplanationOfBenefit): free under ОМС or paid by the patient."""

from __future__ import annotations

from datetime import datetime

from . import codes as c
from .builder import Builder, local_dt
from .directory import Directory
from .patients import Person
from .visits import position_genitive

# specialty -> code of the "Приём (осмотр, консультация)" service (номенклатура 804н)
VISIT_SERVICE = {
    "therapist": "B01.047",
    "endocrinologist": "B01.058",
    "cardiologist": "B01.015",
    "pediatrician": "B01.031",
    "ophthalmologist": "B01.029",
    "neurologist": "B01.023",
    "surgeon": "B01.057",
    "ent": "B01.028",
    "sonographer": "A04.16",
}
VISIT_PRICE_OMS = {
    "therapist": 920,
    "pediatrician": 980,
    "endocrinologist": 1240,
    "cardiologist": 1240,
    "ophthalmologist": 1080,
    "neurologist": 1180,
    "surgeon": 1050,
    "ent": 1010,
    "sonographer": 1350,
}
PAID_FACTOR = 2.6  # a paid clinic charges about this much of the ОМС tariff


def visit_item(specialty: str, first: bool, paid: bool = False) -> tuple[str, str, float, int]:
    code = f"{VISIT_SERVICE[specialty]}.00{1 if first else 2}"
    name = (
        f"Приём (осмотр, консультация) {position_genitive(specialty)} "
        f"{'первичный' if first else 'повторный'}"
    )
    price = VISIT_PRICE_OMS[specialty] * (PAID_FACTOR if paid else 1) * (1.0 if first else 0.8)
    return code, name, round(price, -1), 1


ECG_ITEMS = [
    ("A05.10.006", "Регистрация электрокардиограммы", 420, 1),
    ("A05.10.004", "Расшифровка, описание и интерпретация электрокардиографических данных", 380, 1),
]
ABDOMEN_US_ITEM = (
    "A04.16.001",
    "Ультразвуковое исследование органов брюшной полости (комплексное)",
    1650,
    1,
)
ECHO_ITEM = ("A04.10.002", "Эхокардиография", 2100, 1)


def eob(
    b: Builder,
    d: Directory,
    p: Person,
    provider_org: str,
    when: datetime,
    items: list[tuple[str, str, float, int]],
    paid: bool,
    encounter_id: str | None = None,
    institutional: bool = False,
) -> dict:
    """One ExplanationOfBenefit; under ОМС the patient pays nothing."""
    subject = c.ref("Patient", p.id, p.full_name)
    lines = []
    total = 0.0
    for seq, (code, name, price, qty) in enumerate(items, start=1):
        net = price * qty
        total += net
        line = {
            "sequence": seq,
            "productOrService": c.concept(c.SERVICE_NOMENCLATURE, code, None, name),
            "servicedDate": when.date().isoformat(),
            "quantity": {"value": qty},
            "unitPrice": c.money(price),
            "net": c.money(net),
            "adjudication": _adjudication(net, paid),
        }
        if encounter_id:
            line["encounter"] = [c.ref("Encounter", encounter_id)]
        lines.append(line)
    coverage = f"cov-self-{p.id}" if paid else f"cov-oms-{p.id}"
    insurer = provider_org if paid else "org-smo"
    kind = "institutional" if institutional else "professional"
    res = {
        "resourceType": "ExplanationOfBenefit",
        "id": b.new_id(f"eob-{p.id}"),
        "status": "active",
        "type": c.concept(
            c.CLAIM_TYPE,
            kind,
            kind.capitalize(),
            "Стационарная помощь" if institutional else "Амбулаторная помощь",
        ),
        "use": "claim",
        "patient": subject,
        "billablePeriod": {"start": when.date().isoformat(), "end": when.date().isoformat()},
        "created": local_dt(when),
        "insurer": c.ref("Organization", insurer, d.org_names[insurer]),
        "provider": c.ref("Organization", provider_org, d.org_names[provider_org]),
        "outcome": "complete",
        "disposition": (
            "Оплачено пациентом (платные медицинские услуги)"
            if paid
            else "Оплачено за счёт средств ОМС, для пациента бесплатно"
        ),
        "insurance": [
            {
                "focal": True,
                "coverage": c.ref("Coverage", coverage, "Платные услуги" if paid else "Полис ОМС"),
            }
        ],
        "item": lines,
        "total": _adjudication(total, paid, key="amount"),
        "payment": {
            "type": c.text_only("Оплата пациентом" if paid else "Оплата страховщиком (ОМС)"),
            "date": when.date().isoformat(),
            "amount": c.money(total),
        },
    }
    return b.add(res, when)


def _adjudication(amount: float, paid: bool, key: str = "amount") -> list[dict]:
    def entry(code: str, en: str, ru: str, value: float) -> dict:
        return {"category": c.concept(c.ADJUDICATION, code, en, ru), key: c.money(value)}

    return [
        entry("submitted", "Submitted Amount", "Стоимость", amount),
        entry("benefit", "Benefit Amount", "Оплачено по ОМС", 0 if paid else amount),
        entry("copay", "CoPay", "Оплачено пациентом", amount if paid else 0),
    ]
