"""Townspeople: synthetic patients with a policy and an attachment, for the registry desk
(issue 14). The demo always has `BASE_POPULATION` of them; `python -m demo_portal
--patients N` adds N more (a city's worth for the search benchmark).

Generated in chunks of `CHUNK` from a random stream per chunk, so any chunk is the same
for (seed, today) however many come before it, and a city never sits in memory at once.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from . import codes as c
from . import identifiers as ident
from .builder import Builder, instant, years_before
from .clinics import clinic_of_district
from .patients import Person

BASE_POPULATION = 30
CHUNK = 2000

# surname (male form), its female form
SURNAMES = [
    (m, m + "а")
    for m in (
        "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров "
        "Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев "
        "Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев "
        "Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв "
        "Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов "
        "Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров"
    ).split()
] + [(m, m[:-2] + "ая") for m in "Вишневский Ковальский Покровский Успенский Яновский".split()]
MALE = (
    "Александр Алексей Андрей Антон Артём Борис Вадим Валерий Виктор Владимир Дмитрий "
    "Евгений Иван Игорь Илья Кирилл Константин Максим Михаил Никита Николай Олег Павел "
    "Роман Сергей Станислав Степан Юрий Ярослав Матвей"
).split()
FEMALE = (
    "Анастасия Анна Валентина Вера Виктория Галина Дарья Екатерина Елена Елизавета Ирина "
    "Ксения Лариса Людмила Марина Мария Надежда Наталья Нина Ольга Полина Светлана София "
    "Татьяна Юлия Алиса Варвара Маргарита Любовь Зоя"
).split()
STREETS = {
    "Обручевский": ("ул. Новаторов", "ул. Обручева", "Ленинский пр-т", "ул. Архитектора Власова"),
    "Очаково-Матвеевское": ("ул. Волынская", "Мичуринский пр-т", "ул. Нежинская"),
    "Коньково": ("ул. Профсоюзная", "ул. Островитянова", "ул. Академика Волгина"),
    "Тёплый Стан": ("ул. Тёплый Стан", "ул. Генерала Тюленева", "ул. Академика Виноградова"),
}
DISTRICTS = tuple(STREETS)


_PATRONYMIC_EXCEPTIONS = {
    "Никита": ("Никитич", "Никитична"),
    "Илья": ("Ильич", "Ильинична"),
    "Павел": ("Павлович", "Павловна"),
}


def patronymic(father: str, male: bool) -> str:
    """Отчество from the father's name: Сергей → Сергеевич / Сергеевна, Юрий →
    Юрьевич, Игорь → Игоревич, Иван → Иванович."""
    if father in _PATRONYMIC_EXCEPTIONS:
        return _PATRONYMIC_EXCEPTIONS[father][0 if male else 1]
    if father.endswith("ий"):
        stem, suffix = father[:-2] + "ь", "евич" if male else "евна"
    elif father.endswith(("й", "ь")):
        stem, suffix = father[:-1], "евич" if male else "евна"
    else:
        stem, suffix = father, "ович" if male else "овна"
    return stem + suffix


@dataclass
class Townsperson:
    person: Person
    snils: str
    policy: str
    phone: str
    attached_since: date
    site: int  # участок


def _person(rng: random.Random, n: int, today: date) -> Townsperson:
    male = rng.random() < 0.47
    family = rng.choice(SURNAMES)[0 if male else 1]
    given = rng.choice(MALE if male else FEMALE)
    father = rng.choice(MALE)
    age = min(int(rng.expovariate(1 / 38)), 96)
    birth = years_before(today, age) - timedelta(days=rng.randint(1, 364))
    district = rng.choice(DISTRICTS)
    line = f"{rng.choice(STREETS[district])}, д. {rng.randint(1, 120)}, кв. {rng.randint(1, 300)}"
    child = years_before(today, 18) < birth
    clinic = clinic_of_district(district, child)
    person = Person(
        f"city-{n:06d}",
        family,
        given,
        patronymic(father, male),
        "male" if male else "female",
        birth,
        "Москва",
        line,
        district,
        clinic.district_doctor,
        clinic.org_id,
    )
    since = max(birth + timedelta(days=30), today - timedelta(days=rng.randint(200, 4000)))
    return Townsperson(
        person,
        ident.snils(rng),
        ident.oms_policy(rng),
        ident.mobile(rng),
        since,
        rng.randint(1, 24),
    )


def townspeople(seed: int, today: date, start: int, count: int) -> Iterator[list[Townsperson]]:
    """People number `start` .. `start + count - 1`, in chunks (lists)."""
    first_chunk, last = start // CHUNK, start + count
    for chunk in range(first_chunk, (last - 1) // CHUNK + 1 if count else first_chunk):
        rng = random.Random(f"{seed}/population/{chunk}")
        # drawn in order from the chunk's start, and no further than needed
        people = [
            _person(rng, n, today) for n in range(chunk * CHUNK, min((chunk + 1) * CHUNK, last))
        ]
        yield [t for t in people if start <= int(t.person.id[5:]) < last]


def resources_of(
    t: Townsperson, org_names: dict[str, str], doctor_names: dict[str, str], stamp: str
) -> list[dict]:
    """The Patient (attached to the clinic of its district) and its OMS Coverage."""
    p = t.person
    name = {
        "use": "official",
        "text": p.full_name,
        "family": p.family,
        "given": [p.given, p.patronymic],
    }
    patient = {
        "resourceType": "Patient",
        "id": p.id,
        "meta": {"versionId": "1", "lastUpdated": stamp},
        "active": True,
        "identifier": [
            {
                "use": "official",
                "system": c.SNILS_SYSTEM,
                "type": c.text_only("СНИЛС"),
                "value": t.snils,
            },
            {
                "use": "official",
                "system": c.OMS_SYSTEM,
                "type": c.text_only("Полис ОМС"),
                "value": t.policy,
            },
        ],
        "name": [name],
        "telecom": [{"system": "phone", "value": t.phone, "use": "mobile"}],
        "gender": p.gender,
        "birthDate": p.birth.isoformat(),
        "address": [
            {
                "use": "home",
                "type": "physical",
                "text": f"г. {p.city}, {p.line}",
                "line": [p.line],
                "city": p.city,
                "district": p.district,
                "country": "RU",
            }
        ],
        "generalPractitioner": [c.ref("Practitioner", p.gp, doctor_names[p.gp])],
        "managingOrganization": c.ref("Organization", p.org, org_names[p.org]),
        "extension": [
            attachment_extension(p.org, org_names[p.org], t.site, t.attached_since, "residence")
        ],
    }
    coverage = {
        "resourceType": "Coverage",
        "id": f"cov-oms-{p.id}",
        "meta": {"versionId": "1", "lastUpdated": stamp},
        "status": "active",
        "extension": [
            {
                "url": c.POLICY_FORM_EXT,
                "valueCoding": c.coding(
                    c.POLICY_FORM, "new-card", "Полис ОМС единого образца (пластиковая карта)"
                ),
            }
        ],
        "identifier": [{"system": c.OMS_SYSTEM, "value": t.policy}],
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
        "period": {"start": max(p.birth, date(2011, 5, 1)).isoformat()},
        "payor": [c.ref("Organization", "org-smo", org_names["org-smo"])],
    }
    return [patient, coverage]


def attachment_extension(org_id: str, org_name: str, site: int, since: date, reason: str) -> dict:
    """Patient's attachment: the clinic, the district (участок), since when and why."""
    return {
        "url": c.ATTACHMENT_EXT,
        "extension": [
            {"url": "organization", "valueReference": c.ref("Organization", org_id, org_name)},
            {"url": "site", "valueString": f"Участок № {site}"},
            {"url": "since", "valueDate": since.isoformat()},
            {"url": "reason", "valueCode": reason},
        ],
    }


def build_population(
    b: Builder, org_names: dict[str, str], doctor_names: dict[str, str]
) -> list[Person]:
    """The base townspeople, into the dataset; returns them (for today's appointments)."""
    stamp = instant(b.cutoff.replace(year=b.cutoff.year - 1))
    people = []
    for chunk in townspeople(b.seed, b.today, 0, BASE_POPULATION):
        for t in chunk:
            b.resources.extend(resources_of(t, org_names, doctor_names, stamp))
            people.append(t.person)
    return people
