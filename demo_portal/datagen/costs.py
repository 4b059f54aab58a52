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


# who pays: (coverage id prefix, its display, disposition, payment type, benefit text)
PAYERS = {
    "oms": (
        "cov-oms",
        "Полис ОМС",
        "Оплачено за счёт средств ОМС, для пациента бесплатно",
        "Оплата страховщиком (ОМС)",
        "Оплачено по ОМС",
    ),
    "vhi": (
        "cov-dms",
        "Полис ДМС",
        "Оплачено страховой компанией по полису ДМС",
        "Оплата страховщиком (ДМС)",
        "Оплачено по ДМС",
    ),
    "patient": (
        "cov-self",
        "Платные услуги",
        "Оплачено пациентом (платные медицинские услуги)",
        "Оплата пациентом",
        "Оплачено страховщиком",
    ),
}
PAYER_NAMES = {"oms": "ОМС", "vhi": "ДМС", "patient": "Пациент"}


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
    doctor_id: str | None = None,
    payer: str | None = None,
) -> dict:
    """One ExplanationOfBenefit; `payer` oms (free for the patient), vhi (the voluntary
    insurer pays) or patient (paid services); default by `paid`."""
    payer = payer or ("patient" if paid else "oms")
    coverage_prefix, coverage_name, disposition, payment, benefit = PAYERS[payer]
    subject = c.ref("Patient", p.id, p.full_name)
    lines = []
    total = 0.0
    for seq, (code, name, price, qty) in enumerate(items, start=1):
        net = price * qty
        total += net
        system = c.KSG_SYSTEM if code[:2] in ("st", "ds") else c.SERVICE_NOMENCLATURE
        line = {
            "sequence": seq,
            "productOrService": c.concept(system, code, None, name),
            "servicedDate": when.date().isoformat(),
            "quantity": {"value": qty},
            "unitPrice": c.money(price),
            "net": c.money(net),
            "adjudication": _adjudication(net, payer, benefit),
        }
        if doctor_id:
            line["careTeamSequence"] = [1]
        if encounter_id:
            line["encounter"] = [c.ref("Encounter", encounter_id)]
        lines.append(line)
    insurer = {"oms": "org-smo", "vhi": "org-vhi", "patient": provider_org}[payer]
    kind = "institutional" if institutional else "professional"
    res = {
        "resourceType": "ExplanationOfBenefit",
        "id": b.new_id(f"eob-{p.id}"),
        "extension": [
            {
                "url": c.PAYER_KIND_EXT,
                "valueCoding": c.coding(c.PAYER_KIND, payer, PAYER_NAMES[payer]),
            }
        ],
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
        "disposition": disposition,
        "insurance": [
            {
                "focal": True,
                "coverage": c.ref("Coverage", f"{coverage_prefix}-{p.id}", coverage_name),
            }
        ],
        "item": lines,
        "total": _adjudication(total, payer, benefit, key="amount"),
        "payment": {
            "type": c.text_only(payment),
            "date": when.date().isoformat(),
            "amount": c.money(total),
        },
    }
    if doctor_id:
        doctor = d.doctor(doctor_id)
        res["careTeam"] = [
            {
                "sequence": 1,
                "provider": c.ref("Practitioner", doctor_id, doctor.name),
                "role": c.concept(
                    "http://terminology.hl7.org/CodeSystem/claimcareteamrole",
                    "primary",
                    "Primary provider",
                    "Лечащий врач",
                ),
            }
        ]
    return b.add(res, when)


def _adjudication(amount: float, payer: str, benefit: str, key: str = "amount") -> list[dict]:
    def entry(code: str, en: str, ru: str, value: float) -> dict:
        return {"category": c.concept(c.ADJUDICATION, code, en, ru), key: c.money(value)}

    by_patient = payer == "patient"
    return [
        entry("submitted", "Submitted Amount", "Стоимость", amount),
        entry("benefit", "Benefit Amount", benefit, 0 if by_patient else amount),
        entry("copay", "CoPay", "Оплачено пациентом", amount if by_patient else 0),
    ]
