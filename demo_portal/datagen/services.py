"""A few years of services for everyone (issue 12): yearly check-ups (диспансеризация,
профилактический осмотр) for the people whose cards hold few visits, one paid service
for each person who has none, and Sergey's voluntary insurance (ДМС) with two visits it
paid for. Codes and names from the Russian nomenclature of medical services (приказ
Минздрава России № 804н); prices in roubles. Drawn from their own random stream."""

from __future__ import annotations

from datetime import date, timedelta

from . import codes as c
from . import identifiers as ident
from .builder import Builder, years_before
from .costs import eob
from .directory import Directory
from .patients import Person

VHI_INSURER = "org-vhi"
BLOOD = ("B03.016.003", "Общий (клинический) анализ крови развернутый", 450, 1)
URINE = ("B03.016.006", "Общий (клинический) анализ мочи", 320, 1)
ADULT_CHECKUP = [
    ("B04.047.001", "Диспансерный прием (осмотр, консультация) врача-терапевта", 1150, 1),
    BLOOD,
    ("A06.09.006", "Флюорография легких", 520, 1),
]
ECG = ("A05.10.006", "Регистрация электрокардиограммы", 420, 1)
CHILD_CHECKUP = [
    ("B04.031.001", "Диспансерный прием (осмотр, консультация) врача-педиатра", 1180, 1),
    BLOOD,
    URINE,
]
PAID = {
    "female": (
        "A04.20.001",
        "Ультразвуковое исследование матки и придатков трансабдоминальное",
        2400,
        1,
    ),
    "male": ("A04.21.001", "Ультразвуковое исследование предстательной железы", 2200, 1),
    "child": (
        "B01.064.003",
        "Прием (осмотр, консультация) врача-стоматолога детского первичный",
        1800,
        1,
    ),
}
VHI_VISIT = [
    ("B01.029.001", "Прием (осмотр, консультация) врача-офтальмолога первичный", 2900, 1),
    ("A02.26.015", "Офтальмотонометрия", 650, 1),
]


def _weekday(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def build_services(b: Builder, d: Directory, persons: dict[str, Person]) -> None:
    rng = b.rng("services")
    counts: dict[str, int] = {}
    paid: set[str] = set()
    for r in b.resources:
        if r["resourceType"] == "ExplanationOfBenefit":
            pid = r["patient"]["reference"].removeprefix("Patient/")
            counts[pid] = counts.get(pid, 0) + 1
            if "cov-self" in r["insurance"][0]["coverage"]["reference"]:
                paid.add(pid)
    for p in persons.values():
        child = years_before(b.today, 18) < p.birth
        if counts.get(p.id, 0) < 6:
            for years_ago in (3, 2, 1):
                day = _weekday(b.today - timedelta(days=365 * years_ago - rng.randint(0, 60)))
                if day <= p.birth:
                    continue
                items = list(CHILD_CHECKUP if child else ADULT_CHECKUP)
                if not child and (day - p.birth).days > 35 * 365:
                    items.append(ECG)
                eob(b, d, p, p.org, b.at(day, rng.randint(8, 11), 20), items, False, doctor_id=p.gp)
        if p.id not in paid:
            day = _weekday(b.today - timedelta(days=rng.randint(40, 500)))
            item = PAID["child" if child else p.gender]
            eob(b, d, p, "org-zdorovie", b.at(day, 17, 30), [item], True)
    _voluntary_insurance(b, d, persons["ivanov-sergey"], rng)


def _voluntary_insurance(b: Builder, d: Directory, p: Person, rng) -> None:  # noqa: ANN001
    name = "АО «Страховая компания «Гарантия здоровья»"
    d.org_names[VHI_INSURER] = name
    founded = b.cutoff.replace(year=b.cutoff.year - 10)
    b.add(
        {
            "resourceType": "Organization",
            "id": VHI_INSURER,
            "active": True,
            "identifier": [
                {"system": c.OGRN_SYSTEM, "type": c.text_only("ОГРН"), "value": ident.ogrn(rng)},
                {"system": c.INN_SYSTEM, "type": c.text_only("ИНН"), "value": ident.inn_legal(rng)},
            ],
            "type": [
                c.concept(
                    "http://terminology.hl7.org/CodeSystem/organization-type",
                    "ins",
                    "Insurance Company",
                    "Страховая компания (ДМС)",
                )
            ],
            "name": name,
            "alias": ["Гарантия здоровья"],
            "telecom": [{"system": "phone", "value": "+7 (800) 555-35-35", "use": "work"}],
            "address": [
                {
                    "use": "work",
                    "text": "г. Москва, ул. Валовая, д. 26",
                    "city": "Москва",
                    "country": "RU",
                }
            ],
        },
        founded,
    )
    start = b.today - timedelta(days=420)
    b.add(
        {
            "resourceType": "Coverage",
            "id": f"cov-dms-{p.id}",
            "status": "active",
            "identifier": [
                {"system": c.VHI_SYSTEM, "value": f"ДМС-77-{rng.randint(100000, 999999)}"}
            ],
            "type": c.concept(
                c.ACT_CODE,
                "EHCPOL",
                "extended healthcare",
                "Добровольное медицинское страхование (ДМС)",
            ),
            "subscriber": c.ref("Patient", p.id, p.full_name),
            "beneficiary": c.ref("Patient", p.id, p.full_name),
            "period": {
                "start": start.isoformat(),
                "end": (start + timedelta(days=730)).isoformat(),
            },
            "payor": [c.ref("Organization", VHI_INSURER, name)],
        },
        b.at(start, 10),
    )
    for days in (300, 95):
        day = _weekday(b.today - timedelta(days=days))
        eob(
            b,
            d,
            p,
            "org-zdorovie",
            b.at(day, 18, 10),
            VHI_VISIT,
            False,
            doctor_id="pr-grigoriev",
            payer="vhi",
        )
