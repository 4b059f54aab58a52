"""Registry staff (issue 14): the people at the desks of two demo clinics, each a
Practitioner with a PractitionerRole "Медицинский регистратор" at the clinic's registry,
and the portal accounts they sign in with (role "registry", `user/` scopes)."""

from __future__ import annotations

from . import codes as c
from . import identifiers as ident
from .builder import Builder
from .clinics import CLINICS
from .directory import Directory
from .model import DemoUser

PASSWORD = "demo1234"
POSITION = "Медицинский регистратор"

# email, practitioner id, family, given, patronymic, gender, clinic
DESKS = (
    (
        "desk@demo.medcard",
        "pr-desk-smirnova",
        "Смирнова",
        "Татьяна",
        "Викторовна",
        "female",
        "org-gp12",
    ),
    (
        "desk2@demo.medcard",
        "pr-desk-kravchenko",
        "Кравченко",
        "Ольга",
        "Николаевна",
        "female",
        "org-child94",
    ),
)


def role_id(practitioner_id: str) -> str:
    return "role-" + practitioner_id.removeprefix("pr-")


def build_staff(b: Builder, d: Directory) -> list[DemoUser]:
    rng = b.rng("staff")
    hired = b.cutoff.replace(year=b.cutoff.year - 3)
    accounts = []
    for email, pid, family, given, patronymic, gender, org in DESKS:
        full = f"{family} {given} {patronymic}"
        registry = CLINICS[org].registry_id
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
                "telecom": [{"system": "email", "value": email, "use": "work"}],
                "qualification": [{"code": c.text_only(POSITION)}],
            },
            hired,
        )
        b.add(
            {
                "resourceType": "PractitionerRole",
                "id": role_id(pid),
                "active": True,
                "practitioner": c.ref("Practitioner", pid, full),
                "organization": c.ref("Organization", org, d.org_names[org]),
                "code": [c.concept(c.STAFF_ROLE, "registrar", "Registrar", POSITION)],
                "location": [c.ref("Location", registry, "Регистратура")],
                "telecom": [{"system": "phone", "value": ident.phone(rng), "use": "work"}],
            },
            hired,
        )
        accounts.append(
            DemoUser(
                email,
                PASSWORD,
                "",
                f"{given} {family}",
                role="registry",
                organization_id=org,
                practitioner_role_id=role_id(pid),
            )
        )
    return accounts
