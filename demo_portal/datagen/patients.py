"""The demo people: patients, their accounts, family links and insurance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from . import codes as c
from . import identifiers as ident
from .builder import Builder, years_before
from .directory import Directory
from .model import DemoLink, DemoUser
from .policies import identifier_text, oms_coverage, policy_identifier

PASSWORD = "demo1234"


@dataclass
class Person:
    id: str
    family: str
    given: str
    patronymic: str
    gender: str
    birth: date
    city: str
    line: str
    district: str
    gp: str  # Practitioner id of the attached doctor
    org: str  # attached clinic
    region: str = "77"
    birthplace: str = "Москва"

    @property
    def full_name(self) -> str:
        return f"{self.family} {self.given} {self.patronymic}"


def _birth(b: Builder, age: int, days_after_birthday: int) -> date:
    """A birth date that makes the person exactly ``age`` on ``b.today``."""
    return years_before(b.today, age) - timedelta(days=days_after_birthday)


def people(b: Builder) -> dict[str, Person]:
    home = "ул. Новаторов, д. 36, корп. 1, кв. 57"
    return {
        p.id: p
        for p in (
            Person(
                "ivanov-sergey",
                "Иванов",
                "Сергей",
                "Александрович",
                "male",
                _birth(b, 45, 131),
                "Москва",
                home,
                "Обручевский",
                "pr-sokolova",
                "org-gp12",
            ),
            Person(
                "ivanova-masha",
                "Иванова",
                "Мария",
                "Сергеевна",
                "female",
                _birth(b, 8, 97),
                "Москва",
                home,
                "Обручевский",
                "pr-belova",
                "org-child94",
            ),
            Person(
                "petrova-anna",
                "Петрова",
                "Анна",
                "Михайловна",
                "female",
                _birth(b, 72, 204),
                "Москва",
                "ул. Волынская, д. 3, кв. 12",
                "Очаково-Матвеевское",
                "pr-orlov",
                "org-gp12",
            ),
            Person(
                "smirnova-olga",
                "Смирнова",
                "Ольга",
                "Владимировна",
                "female",
                _birth(b, 38, 45),
                "Москва",
                "ул. Островитянова, д. 9, кв. 140",
                "Коньково",
                "pr-orlov",
                "org-gp12",
            ),
            Person(
                "smirnov-artem",
                "Смирнов",
                "Артём",
                "Игоревич",
                "male",
                _birth(b, 10, 260),
                "Москва",
                "ул. Островитянова, д. 9, кв. 140",
                "Коньково",
                "pr-gusev",
                "org-child94",
            ),
            Person(
                "kuznetsov-dmitry",
                "Кузнецов",
                "Дмитрий",
                "Павлович",
                "male",
                _birth(b, 33, 12),
                "Москва",
                "ул. Обручева, д. 21, кв. 8",
                "Обручевский",
                "pr-orlov",
                "org-gp12",
            ),
            Person(
                "egorova-tatiana",
                "Егорова",
                "Татьяна",
                "Николаевна",
                "female",
                _birth(b, 51, 300),
                "Анадырь",
                "ул. Отке, д. 30, кв. 4",
                "Чукотский автономный округ",
                "pr-yakovleva",
                "org-chukotka",
                region="87",
            ),
            # Sergey's son from his first marriage, born in Tula: not linked to any account, so
            # the family tab can demo an access request that needs the in-person check.
            Person(
                "ivanov-petr",
                "Иванов",
                "Пётр",
                "Сергеевич",
                "male",
                _birth(b, 12, 180),
                "Москва",
                "ул. Профсоюзная, д. 93, кв. 211",
                "Коньково",
                "pr-gusev",
                "org-child94",
                birthplace="Тула",
            ),
            # Her temporary OMS certificate ended 20 days ago: the portal refuses her
            # bookings and says why (issue 13).
            Person(
                "lebedeva-ksenia",
                "Лебедева",
                "Ксения",
                "Андреевна",
                "female",
                _birth(b, 27, 64),
                "Москва",
                "ул. Обручева, д. 30, кв. 15",
                "Обручевский",
                "pr-orlov",
                "org-gp12",
            ),
        )
    }


USERS = [
    ("family@demo.medcard", "ivanov-sergey", True, True, "Москва"),
    ("elder@demo.medcard", "petrova-anna", True, True, "Москва"),
    ("unverified@demo.medcard", "kuznetsov-dmitry", False, True, "Москва"),
    ("region@demo.medcard", "egorova-tatiana", True, False, "Чукотский автономный округ"),
    ("other@demo.medcard", "smirnova-olga", True, True, "Москва"),
    ("nopolicy@demo.medcard", "lebedeva-ksenia", True, True, "Москва"),
]

LINKS = [
    DemoLink("family@demo.medcard", "ivanova-masha", "accepted", "parent"),
    DemoLink("other@demo.medcard", "smirnov-artem", "accepted", "parent"),
]

# child id -> (parent id, v3 RoleCode of the parent)
PARENTS = {
    "ivanova-masha": ("ivanov-sergey", "FTH", "father", "Отец"),
    "smirnov-artem": ("smirnova-olga", "MTH", "mother", "Мать"),
}


def users(persons: dict[str, Person]) -> list[DemoUser]:
    return [
        DemoUser(
            email,
            PASSWORD,
            pid,
            f"{persons[pid].given} {persons[pid].family}",
            snils_verified=verified,
            region_available=available,
            region=region,
        )
        for email, pid, verified, available, region in USERS
    ]


def build_people(b: Builder, d: Directory) -> dict[str, Person]:
    rng = b.rng("people")
    persons = people(b)
    emails = {pid: email for email, pid, *_ in USERS}
    phones: dict[str, str] = {}
    for p in persons.values():
        phones[p.id] = ident.mobile(rng)
        policy = ident.oms_policy(rng, p.region)
        # the kind of OMS document (policies.py) from its own stream: other values stay
        number = policy_identifier(p.id, policy, b.rng(f"policy/{p.id}"))
        identifiers = [
            {
                "use": "official",
                "system": c.SNILS_SYSTEM,
                "type": c.text_only("СНИЛС"),
                "value": ident.snils(rng),
            },
            {
                "use": "official",
                **number,
                "type": c.text_only(identifier_text(p.id)),
            },
        ]
        if years_before(b.today, 18) < p.birth:
            identifiers.append(_birth_certificate(rng, p))
        telecom = [{"system": "phone", "value": phones[p.id], "use": "mobile"}]
        if p.id in emails:
            telecom.append({"system": "email", "value": emails[p.id]})
        created = (
            b.at(p.birth + timedelta(days=30), 11)
            if p.birth.year >= b.today.year - 16
            else b.at(b.today - timedelta(days=16 * 365), 11)
        )
        b.add(
            {
                "resourceType": "Patient",
                "id": p.id,
                "active": True,
                "identifier": identifiers,
                "name": [
                    {
                        "use": "official",
                        "text": p.full_name,
                        "family": p.family,
                        "given": [p.given, p.patronymic],
                    }
                ],
                "telecom": telecom,
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
                "communication": [
                    {
                        "language": c.concept("urn:ietf:bcp:47", "ru", "Russian", "Русский"),
                        "preferred": True,
                    }
                ],
                "generalPractitioner": [c.ref("Practitioner", p.gp, d.doctor(p.gp).name)],
                "managingOrganization": c.ref("Organization", p.org, d.org_names[p.org]),
                "extension": [_attachment(b, d, p)],
            },
            created,
        )
        b.add(oms_coverage(b, d, p, number), created)
        b.add(
            {
                "resourceType": "Coverage",
                "id": f"cov-self-{p.id}",
                "status": "active",
                "type": c.concept(c.COVERAGE_SELFPAY, "pay", "Pay", "Платные медицинские услуги"),
                "beneficiary": c.ref("Patient", p.id, p.full_name),
                "payor": [c.ref("Patient", p.id, p.full_name)],
            },
            created,
        )
    for child_id, (parent_id, role, role_en, role_ru) in PARENTS.items():
        parent, child = persons[parent_id], persons[child_id]
        granted = child.birth + timedelta(days=30)
        b.add(
            {
                "resourceType": "RelatedPerson",
                "id": f"rp-{parent_id}-{child_id}",
                "active": True,
                # the account whose access this is: ending the access deactivates this record
                "identifier": [{"system": c.PORTAL_USER_SYSTEM, "value": emails[parent_id]}],
                "patient": c.ref("Patient", child_id, child.full_name),
                "relationship": [
                    {"coding": [c.coding(c.ROLE_CODE, role, role_en)], "text": role_ru},
                    {"coding": [c.coding(c.ROLE_CODE, "PRN", "parent")], "text": "Родитель"},
                ],
                "name": [
                    {
                        "use": "official",
                        "text": parent.full_name,
                        "family": parent.family,
                        "given": [parent.given, parent.patronymic],
                    }
                ],
                "telecom": [{"system": "phone", "value": phones[parent_id], "use": "mobile"}],
                "gender": parent.gender,
                "birthDate": parent.birth.isoformat(),
                "address": [
                    {
                        "use": "home",
                        "text": f"г. {parent.city}, {parent.line}",
                        "city": parent.city,
                        "line": [parent.line],
                        "country": "RU",
                    }
                ],
                "period": {"start": granted.isoformat()},
            },
            b.at(granted, 12),
        )
    return persons


# Olga moved her attachment to the clinic near her work by choice 120 days ago: a second
# change by choice within the year is refused (issue 13).
CHANGED_BY_CHOICE_DAYS_AGO = {"smirnova-olga": 120}


def _attachment(b: Builder, d: Directory, p: Person) -> dict:
    from .clinics import CLINICS
    from .population import attachment_extension

    clinic = CLINICS.get(p.org)
    by_choice = clinic is not None and p.district not in clinic.districts
    if p.id in CHANGED_BY_CHOICE_DAYS_AGO:
        since = b.today - timedelta(days=CHANGED_BY_CHOICE_DAYS_AGO[p.id])
    elif by_choice:
        since = max(p.birth + timedelta(days=30), b.today - timedelta(days=3 * 365 + 40))
    else:
        since = max(p.birth + timedelta(days=30), b.today - timedelta(days=16 * 365))
    site = b.rng(f"attachment/{p.id}").randint(1, 24)  # own stream: other values stay
    reason = "by-choice" if by_choice else "residence"
    return attachment_extension(p.org, d.org_names[p.org], site, since, reason)


# birthplace -> (series letters of the region, registry office)
REGISTRY_OFFICES = {
    "Москва": ("МЮ", "Органы ЗАГС Москвы № 2 по государственной регистрации рождения"),
    "Тула": ("БО", "Отдел ЗАГС по г. Туле комитета ЗАГС администрации Тульской области"),
}


def _birth_certificate(rng, p: Person) -> dict:
    """Свидетельство о рождении: series like ``IV-МЮ``, 6-digit number, the registry office."""
    issued = p.birth + timedelta(days=rng.randint(7, 25))
    letters, office = REGISTRY_OFFICES[p.birthplace]
    series = f"{rng.choice(['II', 'III', 'IV', 'V', 'VI'])}-{letters}"
    return {
        "use": "official",
        "system": c.BIRTH_CERT_SYSTEM,
        "type": c.text_only("Свидетельство о рождении"),
        "value": f"{series} {rng.randint(100000, 999999)}",
        "period": {"start": issued.isoformat()},
        "assigner": {"display": office},
    }
