"""Clinics, rooms, doctors and their roles: the part of the portal every card points at."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import codes as c
from . import identifiers as ident
from .builder import Builder

# key: (SNOMED practice code, English display, Russian specialty, Russian position)
SPECIALTIES: dict[str, tuple[str, str, str, str]] = {
    "therapist": ("394814009", "General practice", "Терапия", "Врач-терапевт участковый"),
    "endocrinologist": ("394583002", "Endocrinology", "Эндокринология", "Врач-эндокринолог"),
    "cardiologist": ("394579002", "Cardiology", "Кардиология", "Врач-кардиолог"),
    "pediatrician": ("394537008", "Pediatric specialty", "Педиатрия", "Врач-педиатр участковый"),
    "ophthalmologist": ("394594003", "Ophthalmology", "Офтальмология", "Врач-офтальмолог"),
    "neurologist": ("394591006", "Neurology", "Неврология", "Врач-невролог"),
    "surgeon": ("394609007", "General surgery", "Хирургия", "Врач-хирург"),
    "ent": ("418960008", "Otolaryngology", "Оториноларингология", "Врач-оториноларинголог"),
    "sonographer": (
        "394914008",
        "Radiology",
        "Ультразвуковая диагностика",
        "Врач ультразвуковой диагностики",
    ),
}


def specialty_concept(key: str) -> dict:
    code, en, ru, _ = SPECIALTIES[key]
    return c.concept(c.SNOMED, code, en, ru)


# id, name, city, address line, city phone code, kind (prov|ins|lab), region code
ORGANIZATIONS: list[tuple[str, str, str, str, str, str, str]] = [
    (
        "org-gp12",
        "ГБУЗ «Городская поликлиника № 12 ДЗМ»",
        "Москва",
        "ул. Новаторов, д. 14, корп. 2",
        "495",
        "prov",
        "77",
    ),
    (
        "org-child94",
        "ГБУЗ «Детская городская поликлиника № 94 ДЗМ»",
        "Москва",
        "ул. Академика Волгина, д. 8",
        "495",
        "prov",
        "77",
    ),
    (
        "org-gkb17",
        "ГБУЗ «Городская клиническая больница № 17 ДЗМ»",
        "Москва",
        "ул. Волынская, д. 7",
        "495",
        "prov",
        "77",
    ),
    (
        "org-kdc4",
        "ГБУЗ «Консультативно-диагностический центр № 4 ДЗМ»",
        "Москва",
        "ул. Миклухо-Маклая, д. 29, корп. 2",
        "495",
        "lab",
        "77",
    ),
    ("org-medlab", "ООО «МедЛаб Экспресс»", "Москва", "Ленинский пр-т, д. 90", "499", "lab", "77"),
    (
        "org-zdorovie",
        "ООО «Клиника «Здоровье Плюс»",
        "Москва",
        "ул. Профсоюзная, д. 56",
        "499",
        "prov",
        "77",
    ),
    (
        "org-smo",
        "АО «Страховая медицинская компания «МедСтрах-М»",
        "Москва",
        "ул. Большая Ордынка, д. 40, стр. 1",
        "495",
        "ins",
        "77",
    ),
    (
        "org-chukotka",
        "ГБУЗ «Чукотская окружная больница»",
        "Анадырь",
        "ул. Горького, д. 1",
        "42722",
        "prov",
        "87",
    ),
]

ORG_TYPES = {
    "prov": ("prov", "Healthcare Provider", "Медицинская организация"),
    "ins": ("ins", "Insurance Company", "Страховая медицинская организация"),
    "lab": ("prov", "Healthcare Provider", "Клинико-диагностическая лаборатория"),
}

# id, family, given, patronymic, gender, specialty, org, room, room description
PRACTITIONERS: list[tuple[str, str, str, str, str, str, str, str, str]] = [
    (
        "pr-sokolova",
        "Соколова",
        "Елена",
        "Викторовна",
        "female",
        "therapist",
        "org-gp12",
        "214",
        "Кабинет врача-терапевта, 2 этаж",
    ),
    (
        "pr-orlov",
        "Орлов",
        "Максим",
        "Валерьевич",
        "male",
        "therapist",
        "org-gp12",
        "216",
        "Кабинет врача-терапевта, 2 этаж",
    ),
    (
        "pr-morozov",
        "Морозов",
        "Андрей",
        "Николаевич",
        "male",
        "endocrinologist",
        "org-gp12",
        "305",
        "Кабинет врача-эндокринолога, 3 этаж",
    ),
    (
        "pr-volkova",
        "Волкова",
        "Ирина",
        "Сергеевна",
        "female",
        "cardiologist",
        "org-gp12",
        "310",
        "Кабинет врача-кардиолога, 3 этаж",
    ),
    (
        "pr-lebedev",
        "Лебедев",
        "Павел",
        "Олегович",
        "male",
        "ophthalmologist",
        "org-gp12",
        "118",
        "Кабинет врача-офтальмолога, 1 этаж",
    ),
    (
        "pr-kozlova",
        "Козлова",
        "Наталья",
        "Андреевна",
        "female",
        "neurologist",
        "org-gp12",
        "221",
        "Кабинет врача-невролога, 2 этаж",
    ),
    (
        "pr-novikov",
        "Новиков",
        "Дмитрий",
        "Игоревич",
        "male",
        "surgeon",
        "org-gp12",
        "102",
        "Кабинет врача-хирурга, 1 этаж",
    ),
    (
        "pr-fedorova",
        "Фёдорова",
        "Светлана",
        "Юрьевна",
        "female",
        "ent",
        "org-gp12",
        "120",
        "Кабинет врача-оториноларинголога, 1 этаж",
    ),
    (
        "pr-zaitseva",
        "Зайцева",
        "Ольга",
        "Петровна",
        "female",
        "sonographer",
        "org-gp12",
        "012",
        "Кабинет ультразвуковой диагностики, цокольный этаж",
    ),
    (
        "pr-belova",
        "Белова",
        "Марина",
        "Александровна",
        "female",
        "pediatrician",
        "org-child94",
        "7",
        "Кабинет врача-педиатра участкового, 1 этаж",
    ),
    (
        "pr-gusev",
        "Гусев",
        "Роман",
        "Евгеньевич",
        "male",
        "pediatrician",
        "org-child94",
        "9",
        "Кабинет врача-педиатра участкового, 1 этаж",
    ),
    (
        "pr-romanov",
        "Романов",
        "Игорь",
        "Викторович",
        "male",
        "cardiologist",
        "org-gkb17",
        "412",
        "Кардиологическое отделение № 2, палата 412",
    ),
    (
        "pr-tkachenko",
        "Ткаченко",
        "Виктор",
        "Семёнович",
        "male",
        "cardiologist",
        "org-gkb17",
        "401",
        "Кардиологическое отделение № 2, ординаторская",
    ),
    (
        "pr-grigoriev",
        "Григорьев",
        "Алексей",
        "Борисович",
        "male",
        "ophthalmologist",
        "org-zdorovie",
        "5",
        "Кабинет офтальмолога",
    ),
    (
        "pr-yakovleva",
        "Яковлева",
        "Галина",
        "Ивановна",
        "female",
        "therapist",
        "org-chukotka",
        "23",
        "Кабинет врача-терапевта",
    ),
]


@dataclass
class Doctor:
    practitioner_id: str
    role_id: str
    location_id: str
    org_id: str
    specialty: str
    name: str  # "Фамилия Имя Отчество"
    short: str  # "Фамилия И. О."
    room: str = ""  # "каб. 214"

    def location_ref(self) -> dict:
        return c.ref("Location", self.location_id, self.room)


@dataclass
class Directory:
    doctors: dict[str, Doctor] = field(default_factory=dict)
    org_names: dict[str, str] = field(default_factory=dict)
    org_addresses: dict[str, dict] = field(default_factory=dict)

    def doctor(self, practitioner_id: str) -> Doctor:
        return self.doctors[practitioner_id]

    def of_specialty(self, specialty: str, org_id: str | None = None) -> list[Doctor]:
        return [
            d
            for d in self.doctors.values()
            if d.specialty == specialty and (org_id is None or d.org_id == org_id)
        ]


def address(city: str, line: str, postal: str | None = None, district: str | None = None) -> dict:
    text = ", ".join(x for x in (postal, f"г. {city}", line) if x)
    a = {
        "use": "work",
        "type": "physical",
        "text": text,
        "line": [line],
        "city": city,
        "country": "RU",
    }
    if postal:
        a["postalCode"] = postal
    if district:
        a["district"] = district
    return a


def build_directory(b: Builder) -> Directory:
    rng = b.rng("directory")
    d = Directory()
    founded = b.at(b.today.replace(year=b.today.year - 16), 10)
    for oid, name, city, line, phone_code, kind, region in ORGANIZATIONS:
        postal = f"{rng.randint(101, 129) if region == '77' else 689}{rng.randint(0, 999):03d}"
        addr = address(city, line, postal)
        d.org_names[oid] = name
        d.org_addresses[oid] = addr
        code, en, ru = ORG_TYPES[kind]
        idents = [
            {
                "system": c.OGRN_SYSTEM,
                "type": c.text_only("ОГРН"),
                "value": ident.ogrn(rng, region),
            },
            {
                "system": c.INN_SYSTEM,
                "type": c.text_only("ИНН"),
                "value": ident.inn_legal(rng, region),
            },
        ]
        if kind != "ins":
            idents.append(
                {
                    "system": c.LICENSE_SYSTEM,
                    "type": c.text_only("Лицензия на осуществление медицинской деятельности"),
                    "value": f"Л041-{rng.randint(10000, 99999):05d}-{region}/{rng.randint(10**7, 10**8 - 1)}",
                }
            )
        b.add(
            {
                "resourceType": "Organization",
                "id": oid,
                "active": True,
                "identifier": idents,
                "type": [
                    c.concept(
                        "http://terminology.hl7.org/CodeSystem/organization-type", code, en, ru
                    )
                ],
                "name": name,
                "alias": [_short_org(name)],
                "telecom": [
                    {"system": "phone", "value": ident.phone(rng, phone_code), "use": "work"},
                    {"system": "url", "value": f"https://{oid.removeprefix('org-')}.demo.medcard"},
                ],
                "address": [addr],
            },
            founded,
        )

    for pid, family, given, patronymic, gender, spec, org, room, room_desc in PRACTITIONERS:
        full = f"{family} {given} {patronymic}"
        short = f"{family} {given[0]}. {patronymic[0]}."
        loc_id = f"loc-{org.removeprefix('org-')}-{room}"
        role_id = f"role-{pid.removeprefix('pr-')}"
        position = SPECIALTIES[spec][3]
        room_name = f"палата {room}" if "отделение" in room_desc else f"каб. {room}"
        d.doctors[pid] = Doctor(pid, role_id, loc_id, org, spec, full, short, room_name)
        b.add(
            {
                "resourceType": "Location",
                "id": loc_id,
                "status": "active",
                "name": room_name,
                "description": room_desc,
                "mode": "instance",
                "physicalType": c.concept(
                    "http://terminology.hl7.org/CodeSystem/location-physical-type",
                    "ro",
                    "Room",
                    "Кабинет",
                ),
                "address": d.org_addresses[org],
                "managingOrganization": c.ref("Organization", org, d.org_names[org]),
            },
            founded,
        )
        b.add(
            {
                "resourceType": "Practitioner",
                "id": pid,
                "active": True,
                "name": [
                    {
                        "use": "official",
                        "text": full,
                        "family": family,
                        "given": [given, patronymic],
                    }
                ],
                "gender": gender,
                "qualification": [{"code": c.text_only(position)}],
            },
            founded,
        )
        b.add(
            {
                "resourceType": "PractitionerRole",
                "id": role_id,
                "active": True,
                "practitioner": c.ref("Practitioner", pid, full),
                "organization": c.ref("Organization", org, d.org_names[org]),
                "code": [c.text_only(position)],
                "specialty": [specialty_concept(spec)],
                "location": [c.ref("Location", loc_id, room_name)],
                "telecom": [{"system": "phone", "value": ident.phone(rng), "use": "work"}],
                "availableTime": [
                    {
                        "daysOfWeek": ["mon", "tue", "wed", "thu", "fri"],
                        "availableStartTime": "08:00:00",
                        "availableEndTime": "20:00:00",
                    }
                ],
            },
            founded,
        )
    _healthcare_services(b, d, founded)
    return d


def _healthcare_services(b: Builder, d: Directory, founded) -> None:
    for hs_id, code, name, comment in (
        (
            "hs-video",
            "video",
            "Телемедицинская консультация (видеосвязь)",
            "Консультация врача по видеосвязи. Ссылка на подключение приходит в записи на приём.",
        ),
        (
            "hs-home-visit",
            "home",
            "Вызов врача на дом",
            "Для пациентов, которые по состоянию здоровья не могут прийти в поликлинику.",
        ),
    ):
        b.add(
            {
                "resourceType": "HealthcareService",
                "id": hs_id,
                "active": True,
                "providedBy": c.ref("Organization", "org-gp12", d.org_names["org-gp12"]),
                "type": [c.concept(c.VISIT_KIND, code, None, name)],
                "specialty": [specialty_concept("therapist")],
                "name": name,
                "comment": comment,
                "availableTime": [
                    {
                        "daysOfWeek": ["mon", "tue", "wed", "thu", "fri"],
                        "availableStartTime": "08:00:00",
                        "availableEndTime": "20:00:00",
                    }
                ],
            },
            founded,
        )


def _short_org(name: str) -> str:
    return (
        name.replace("ГБУЗ ", "")
        .replace("ООО ", "")
        .replace("АО ", "")
        .replace(" ДЗМ", "")
        .strip("«»")
    )
