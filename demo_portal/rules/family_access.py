"""Granting and ending a parent's access to a child's card (demo portal side).

Used by the Task rules in `family.py` and by the operator commands. Access is three
things kept in step: the account's access link (what the token's `medcard_patients`
lists), an active RelatedPerson in the child's compartment, and the request Task.
When access ends the parent's Tasks that name the child are redacted, so nothing the
parent can still read identifies the child (see "Family access Task" in CONTRACTS.md).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from demo_portal.datagen.codes import BIRTH_CERT_SYSTEM, OMS_OLD_SYSTEM, OMS_SYSTEM, OMS_TEMP_SYSTEM
from demo_portal.rules.registry import registry
from demo_portal.store import Store

TASK_CODE_SYSTEM = "https://medcard.app/fhir/CodeSystem/task-code"
INPUT_SYSTEM = "https://medcard.app/fhir/CodeSystem/child-access-input"
REASON_SYSTEM = "https://medcard.app/fhir/CodeSystem/child-access-reason"
USER_SYSTEM = "urn:medcard:portal-user"
REQUEST_CODE = "child-access-request"
REVOKE_CODE = "child-access-revoke"
ADULT_AGE = 15
# input `insurance-policy-kind` (new | old | temporary; absent = new) -> identifier system
POLICY_SYSTEMS = {"new": OMS_SYSTEM, "old": OMS_OLD_SYSTEM, "temporary": OMS_TEMP_SYSTEM}

# reason code -> (English display, Russian text shown to the user)
REASONS: dict[str, tuple[str, str]] = {
    "age-15": (
        "From the age of 15 a person holds their own access to their medical card.",
        "С 15 лет человек сам получает доступ к своей медицинской карте.",
    ),
    "guardian": (
        "Guardians and trustees cannot get online access to a child's card.",
        "Опекуны и попечители не могут получить доступ к карте ребёнка онлайн.",
    ),
    "already-linked": (
        "You already have access to this child's card.",
        "У вас уже есть доступ к карте этого ребёнка.",
    ),
    "in-person-check": (
        "The parent's rights are to be checked in person. Bring your passport, the child's "
        "insurance policy and birth certificate to the clinic.",
        "Права родителя нужно подтвердить лично. Возьмите в поликлинику паспорт, полис ОМС "
        "и свидетельство о рождении ребёнка.",
    ),
    "check-passed": ("The clinic confirmed your rights.", "Поликлиника подтвердила ваши права."),
    "check-failed": (
        "The clinic could not confirm your rights.",
        "Поликлиника не подтвердила ваши права.",
    ),
    "withdrawn": ("Withdrawn by the applicant.", "Заявка отозвана заявителем."),
    "access-ended-15": (
        "The child has turned 15 and now holds their own access.",
        "Ребёнку исполнилось 15 лет, теперь он сам получает доступ к карте.",
    ),
    "access-given-up": (
        "The parent gave up access.",
        "Родитель отказался от доступа к карте ребёнка.",
    ),
}
# Link relationships the 15-year rule applies to (other links, e.g. to an elderly
# relative's card, are not a parent's access and stay).
PARENT_RELATIONSHIPS = frozenset({"parent", "adoptive-parent", "mother", "father", "PRN"})
ROLE_RELATIONSHIP = {"parent": ("PRN", "parent"), "adoptive-parent": ("ADOPTP", "adoptive parent")}


def status_reason(code: str, text: str | None = None) -> dict[str, Any]:
    en, ru = REASONS[code]
    return {"coding": [{"system": REASON_SYSTEM, "code": code, "display": en}], "text": text or ru}


def task_code(task: dict) -> str | None:
    for coding in (task.get("code") or {}).get("coding") or []:
        if isinstance(coding, dict) and coding.get("code") in (REQUEST_CODE, REVOKE_CODE):
            return str(coding["code"])
    return None


def inputs(task: dict) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in task.get("input") or []:
        if not isinstance(item, dict):
            continue
        for coding in (item.get("type") or {}).get("coding") or []:
            if isinstance(coding, dict) and coding.get("code"):
                value = next((v for k, v in item.items() if k.startswith("value")), None)
                found[str(coding["code"])] = value
    return found


def ref_id(value: Any, rtype: str) -> str | None:
    if isinstance(value, dict):
        ref = str(value.get("reference") or "")
        if ref.startswith(f"{rtype}/"):
            return ref.split("/", 1)[1] or None
    return None


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def fifteenth_birthday(birth: date) -> date:
    try:
        return birth.replace(year=birth.year + ADULT_AGE)
    except ValueError:  # born on 29 February: the birthday counts from 1 March
        return date(birth.year + ADULT_AGE, 3, 1)


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def _name_parts(patient: dict) -> tuple[str, str]:
    for name in patient.get("name") or []:
        if isinstance(name, dict):
            given = name.get("given") or [""]
            return _fold(str(name.get("family") or "")), _fold(str(given[0]))
    return "", ""


def find_child(store: Store, full_name: str, birth: date, policy: str) -> dict | None:
    """A Patient the portal already knows: same birth date and same policy or same name."""
    birth_text = birth.isoformat()
    for patient in store.search("Patient", where={"identifier": policy}, limit=5):
        if patient.get("birthDate") == birth_text:
            return patient
    words = _fold(full_name).split(" ")
    wanted = (words[0], words[1] if len(words) > 1 else "")
    for patient in store.query("Patient", [("birthdate", birth_text)], limit=10000):
        if _name_parts(patient) == wanted:
            return patient
    return None


def create_child(store: Store, values: dict[str, Any]) -> dict:
    words = str(values.get("child-name") or "").split()
    patient = {
        "resourceType": "Patient",
        "id": f"child-{uuid.uuid4().hex[:12]}",
        "active": True,
        "name": [
            {
                "use": "official",
                "family": words[0] if words else "",
                "given": words[1:],
                "text": " ".join(words),
            }
        ],
        "birthDate": str(values.get("child-birth-date")),
        "identifier": [
            {
                "system": POLICY_SYSTEMS.get(
                    str(values.get("insurance-policy-kind") or "new"), OMS_SYSTEM
                ),
                "value": str(values.get("insurance-policy") or ""),
            },
            {
                "system": BIRTH_CERT_SYSTEM,
                "value": f"{values.get('birth-certificate-series')} "
                f"{values.get('birth-certificate-number')}",
            },
        ],
    }
    return store.create(patient)


def grant(store: Store, user: Any, child_id: str, role: str, today: date) -> None:
    """Give `user` access to the child: link + active RelatedPerson."""
    code, display = ROLE_RELATIONSHIP.get(role, ("PRN", "parent"))
    store.grant_access(user.email, child_id, relationship=role)
    store.create(
        {
            "resourceType": "RelatedPerson",
            "id": f"rp-{uuid.uuid4().hex[:12]}",
            "active": True,
            "patient": {"reference": f"Patient/{child_id}"},
            "identifier": [{"system": USER_SYSTEM, "value": user.email}],
            "relationship": [
                {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                            "code": code,
                            "display": display,
                        }
                    ]
                }
            ],
            "name": [{"text": user.display_name}],
            "period": {"start": today.isoformat()},
        }
    )


def linked(store: Store, user_email: str, child_id: str) -> bool:
    return any(p == child_id and s == "accepted" for p, s, _ in store.links(user_email))


def end_access(store: Store, user_email: str, child_id: str, reason: str, today: date) -> None:
    """Remove the link, deactivate RelatedPersons and redact the parent's Tasks on the child."""
    with store.write_lock:
        store.revoke_access(user_email, child_id)
        for person in store.search("RelatedPerson", patient=child_id):
            idents = {i.get("value") for i in person.get("identifier") or [] if isinstance(i, dict)}
            if user_email.lower() in idents and person.get("active", True):
                period = {**(person.get("period") or {}), "end": today.isoformat()}
                store.put({**person, "active": False, "period": period})
        parent = store.user(user_email)
        if parent is None:
            return
        for task in store.search(
            "Task", patient=parent.patient_id, where={"focus": f"Patient/{child_id}"}
        ):
            if task_code(task) is None:
                continue
            redacted = {k: v for k, v in task.items() if k not in ("focus", "input", "output")}
            if task_code(task) == REQUEST_CODE:
                redacted.update(status="completed", statusReason=status_reason(reason))
            store.put(redacted)


@registry.daily
def end_access_at_15(store: Store, today: date) -> list[tuple[str, str]]:
    """The daily rule: end every parent link to a child who is 15 or older today.

    Returns (user email, child id) of each link ended.
    """
    ended: list[tuple[str, str]] = []
    for user in store.users():
        for child_id, status, relationship in store.links(user.email):
            if status != "accepted" or relationship not in PARENT_RELATIONSHIPS:
                continue
            child = store.get("Patient", child_id) or {}
            try:
                birth = date.fromisoformat(str(child.get("birthDate"))[:10])
            except ValueError:
                continue
            if age_on(birth, today) >= ADULT_AGE:
                end_access(store, user.email, child_id, "access-ended-15", today)
                ended.append((user.email, child_id))
    return ended
