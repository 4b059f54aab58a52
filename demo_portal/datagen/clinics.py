"""Polyclinics a person can be attached to (issue 13): each with its registry (a Location
with address, district, phone and opening hours), its district doctors and whether it
takes new patients; the registry staff who work there (issue 14) live in `staff.py`.

Three clinics join the two of the directory: one of them (№ 22) is full, so a change of
clinic to it is refused. Drawn from their own random stream: the directory's values
stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import codes as c
from . import identifiers as ident
from .builder import Builder
from .directory import SPECIALTIES, Directory, Doctor, address, specialty_concept


@dataclass(frozen=True)
class Clinic:
    org_id: str
    kind: str  # adult | children
    districts: tuple[str, ...]  # the districts it serves by residence
    accepts: bool  # takes new patients by choice
    district_doctor: str  # Practitioner id of the doctor of most of its patients

    @property
    def short(self) -> str:
        return self.org_id.removeprefix("org-")

    @property
    def registry_id(self) -> str:
        return f"loc-{self.short}-main"


CLINICS: dict[str, Clinic] = {
    c_.org_id: c_
    for c_ in (
        Clinic("org-gp12", "adult", ("Обручевский", "Очаково-Матвеевское"), True, "pr-sokolova"),
        Clinic(
            "org-child94", "children", ("Обручевский", "Очаково-Матвеевское"), True, "pr-belova"
        ),
        Clinic("org-gp134", "adult", ("Коньково",), True, "pr-ershova"),
        Clinic("org-gp22", "adult", ("Тёплый Стан",), False, "pr-nikitin"),
        Clinic("org-child118", "children", ("Коньково", "Тёплый Стан"), True, "pr-sorokina"),
    )
}

# the clinics the directory does not have yet: id, name, address line, postal code
_NEW = (
    ("org-gp134", "ГБУЗ «Городская поликлиника № 134 ДЗМ»", "ул. Профсоюзная, д. 111", "117647"),
    ("org-gp22", "ГБУЗ «Городская поликлиника № 22 ДЗМ»", "ул. Тёплый Стан, д. 8", "117465"),
    (
        "org-child118",
        "ГБУЗ «Детская городская поликлиника № 118 ДЗМ»",
        "ул. Островитянова, д. 12",
        "117437",
    ),
)
# their district doctors: id, family, given, patronymic, gender, specialty, org, room
_DOCTORS = (
    ("pr-ershova", "Ершова", "Людмила", "Павловна", "female", "therapist", "org-gp134", "207"),
    ("pr-nikitin", "Никитин", "Олег", "Станиславович", "male", "therapist", "org-gp22", "311"),
    (
        "pr-sorokina",
        "Сорокина",
        "Вера",
        "Алексеевна",
        "female",
        "pediatrician",
        "org-child118",
        "4",
    ),
)
KIND_NAMES = {
    "adult": ("adult-polyclinic", "Поликлиника для взрослых"),
    "children": ("children-polyclinic", "Детская поликлиника"),
}
HOURS = [
    {
        "daysOfWeek": ["mon", "tue", "wed", "thu", "fri"],
        "openingTime": "07:30:00",
        "closingTime": "20:00:00",
    },
    {"daysOfWeek": ["sat"], "openingTime": "09:00:00", "closingTime": "15:00:00"},
]
REGISTRY_DESCRIPTION = (
    "Регистратура: 1 этаж, окна 1–6. Справки, выписки и копии медицинских документов — окно 5."
)


def clinic_of_district(district: str, child: bool) -> Clinic:
    """The clinic that serves a district by residence (adults' or children's)."""
    kind = "children" if child else "adult"
    for clinic in CLINICS.values():
        if clinic.kind == kind and district in clinic.districts:
            return clinic
    return CLINICS["org-child94" if child else "org-gp12"]


def build_clinics(b: Builder, d: Directory) -> None:
    rng = b.rng("clinics")
    founded = b.cutoff.replace(year=b.cutoff.year - 12)
    for oid, name, line, postal in _NEW:
        clinic = CLINICS[oid]
        d.org_names[oid] = name
        d.org_addresses[oid] = address("Москва", line, postal, clinic.districts[0])
        b.add(
            {
                "resourceType": "Organization",
                "id": oid,
                "active": True,
                "identifier": [
                    {
                        "system": c.OGRN_SYSTEM,
                        "type": c.text_only("ОГРН"),
                        "value": ident.ogrn(rng),
                    },
                    {
                        "system": c.INN_SYSTEM,
                        "type": c.text_only("ИНН"),
                        "value": ident.inn_legal(rng),
                    },
                    {
                        "system": c.LICENSE_SYSTEM,
                        "type": c.text_only("Лицензия на осуществление медицинской деятельности"),
                        "value": f"Л041-{rng.randint(10000, 99999):05d}-77/{rng.randint(10**7, 10**8 - 1)}",
                    },
                ],
                "type": [
                    c.concept(
                        "http://terminology.hl7.org/CodeSystem/organization-type",
                        "prov",
                        "Healthcare Provider",
                        "Медицинская организация",
                    )
                ],
                "name": name,
                "alias": [name.replace("ГБУЗ ", "").replace(" ДЗМ", "").strip("«»")],
                "telecom": [
                    {"system": "phone", "value": ident.phone(rng), "use": "work"},
                    {"system": "url", "value": f"https://{oid.removeprefix('org-')}.demo.medcard"},
                ],
                "address": [d.org_addresses[oid]],
            },
            founded,
        )
    for pid, family, given, patronymic, gender, spec, org, room in _DOCTORS:
        _district_doctor(
            b, d, rng, founded, pid, (family, given, patronymic), gender, spec, org, room
        )
    for clinic in CLINICS.values():
        _mark_clinic(b, d, clinic)
        _registry(b, d, rng, clinic, founded)


def _district_doctor(b, d, rng, founded, pid, names, gender, spec, org, room) -> None:  # noqa: ANN001
    family, given, patronymic = names
    full = f"{family} {given} {patronymic}"
    loc_id = f"loc-{org.removeprefix('org-')}-{room}"
    role_id = f"role-{pid.removeprefix('pr-')}"
    d.doctors[pid] = Doctor(
        pid,
        role_id,
        loc_id,
        org,
        spec,
        full,
        f"{family} {given[0]}. {patronymic[0]}.",
        f"каб. {room}",
    )
    position = SPECIALTIES[spec][3]
    b.add(
        {
            "resourceType": "Location",
            "id": loc_id,
            "status": "active",
            "name": f"каб. {room}",
            "description": f"Кабинет: {position.lower()}",
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
                {"use": "official", "text": full, "family": family, "given": [given, patronymic]}
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
            "location": [c.ref("Location", loc_id, f"каб. {room}")],
            "telecom": [{"system": "phone", "value": ident.phone(rng), "use": "work"}],
        },
        founded,
    )


def _find(b: Builder, rtype: str, rid: str) -> dict:
    return next(r for r in b.resources if r["resourceType"] == rtype and r["id"] == rid)


def _mark_clinic(b: Builder, d: Directory, clinic: Clinic) -> None:
    """Kind of clinic and whether it takes new patients, on the Organization; the
    districts it serves on its address (shared with its rooms' Locations)."""
    org = _find(b, "Organization", clinic.org_id)
    code, text = KIND_NAMES[clinic.kind]
    if not any(c.CLINIC_KIND in str(t) for t in org["type"]):
        org["type"] = [*org["type"], c.concept(c.CLINIC_KIND, code, None, text)]
    org["extension"] = [{"url": c.ACCEPTS_ATTACHMENT_EXT, "valueBoolean": clinic.accepts}]
    d.org_addresses[clinic.org_id]["district"] = clinic.districts[0]


def _registry(b: Builder, d: Directory, rng, clinic: Clinic, founded) -> None:  # noqa: ANN001
    """The clinic's registry: where patients call, come and pick up paper documents."""
    org = _find(b, "Organization", clinic.org_id)
    phone = next(t["value"] for t in org["telecom"] if t["system"] == "phone")
    b.add(
        {
            "resourceType": "Location",
            "id": clinic.registry_id,
            "status": "active",
            "name": "Регистратура",
            "alias": [f"Регистратура, {org['alias'][0]}"],
            "description": REGISTRY_DESCRIPTION,
            "mode": "instance",
            "type": [
                c.concept(
                    "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                    "GIM" if clinic.kind == "adult" else "PEDC",
                    "General internal medicine clinic"
                    if clinic.kind == "adult"
                    else "Pediatrics clinic",
                    KIND_NAMES[clinic.kind][1],
                )
            ],
            "telecom": [{"system": "phone", "value": phone, "use": "work"}],
            "address": d.org_addresses[clinic.org_id],
            "physicalType": c.concept(
                "http://terminology.hl7.org/CodeSystem/location-physical-type",
                "bu",
                "Building",
                "Здание",
            ),
            "managingOrganization": c.ref(
                "Organization", clinic.org_id, d.org_names[clinic.org_id]
            ),
            "hoursOfOperation": HOURS,
        },
        founded,
    )
