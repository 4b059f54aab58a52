"""Reading the attached clinic from FHIR (Qt-free, pure): the person's attachment on the
Patient, the clinic (Organization), its registry (the Location with opening hours) and
the district doctor (Practitioner + PractitionerRole).

Shapes are those of docs/CONTRACTS.md "My clinic and the OMS policy": the attachment is
`Patient.managingOrganization` + `generalPractitioner` + the `attachment` extension (site,
since, reason); a clinic's kind is `Organization.type` in the clinic-kind system and
`accepts-attachment` says whether it takes new patients. Anything malformed reads as
absent, never as an exception.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.services.cache.projections.common import (
    address_text,
    dicts,
    human_name,
    obj,
    ref_id,
    ref_type,
)
from desktop.services.names import short_org_name, short_person_name

JSON = dict[str, Any]
CLINIC_KIND = "https://demo.medcard/fhir/CodeSystem/clinic-kind"
ADULT, CHILDREN = "adult-polyclinic", "children-polyclinic"
ACCEPTS_EXT = "https://demo.medcard/fhir/StructureDefinition/accepts-attachment"
ATTACHMENT_EXT = "https://demo.medcard/fhir/StructureDefinition/attachment"
BY_CHOICE, RESIDENCE = "by-choice", "residence"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Attachment:
    """Where a person is attached: the clinic, the district (site), since when and why."""

    clinic_id: str
    clinic_display: str = ""
    site: str = ""  # «Участок № 7»
    since: date | None = None
    reason: str = ""  # by-choice | residence | "" (not said)
    doctor_id: str = ""  # the district doctor's Practitioner id
    doctor_display: str = ""


@dataclass(frozen=True)
class OpeningHours:
    days: tuple[str, ...]  # FHIR day codes, mon..sun, in week order
    opens: str = ""  # "07:30"
    closes: str = ""
    all_day: bool = False


@dataclass(frozen=True)
class Clinic:
    id: str
    name: str
    short_name: str
    address: str = ""
    district: str = ""
    phone: str = ""  # the registry's, else the clinic's
    website: str = ""
    kind: str = ""  # adult-polyclinic | children-polyclinic | "" (not said)
    accepts_new: bool = True
    hours: tuple[OpeningHours, ...] = ()
    registry_note: str = ""  # the registry Location's description (floor, windows)
    registry_address: str = ""


@dataclass(frozen=True)
class DistrictDoctor:
    id: str
    name: str
    short_name: str
    position: str = ""  # «врач-терапевт участковый»
    room: str = ""  # «каб. 214»
    phone: str = ""


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def _extension(resource: JSON, url: str) -> JSON:
    return next((e for e in dicts(resource.get("extension")) if e.get("url") == url), {})


def _value(extension: JSON) -> Any:
    return next((v for k, v in extension.items() if k.startswith("value")), None)


def _phone(resource: JSON) -> str:
    for telecom in dicts(resource.get("telecom")):
        if telecom.get("system") == "phone" and isinstance(telecom.get("value"), str):
            return str(telecom["value"])
    return ""


def attachment_of(patient: JSON | None) -> Attachment | None:
    """The person's attachment, or None when the portal names no clinic."""
    if not isinstance(patient, dict):
        return None
    parts = {
        str(e.get("url")): _value(e)
        for e in dicts(_extension(patient, ATTACHMENT_EXT).get("extension"))
    }
    clinic_ref = obj(patient.get("managingOrganization")) or obj(parts.get("organization"))
    clinic_id = ref_id(clinic_ref) if ref_type(clinic_ref) in (None, "Organization") else None
    if not clinic_id:
        return None
    doctor = next(
        (g for g in dicts(patient.get("generalPractitioner")) if ref_type(g) == "Practitioner"),
        {},
    )
    site, reason = parts.get("site"), parts.get("reason")
    return Attachment(
        clinic_id=clinic_id,
        clinic_display=str(clinic_ref.get("display") or ""),
        site=site if isinstance(site, str) else "",
        since=_date(parts.get("since")),
        reason=reason if reason in (BY_CHOICE, RESIDENCE) else "",
        doctor_id=ref_id(doctor) or "",
        doctor_display=str(doctor.get("display") or ""),
    )


def clinic_kind(organization: JSON) -> str:
    for concept in dicts(organization.get("type")):
        for coding in dicts(concept.get("coding")):
            if coding.get("system") == CLINIC_KIND and coding.get("code") in (ADULT, CHILDREN):
                return str(coding["code"])
    return ""


def hours_of(location: JSON) -> tuple[OpeningHours, ...]:
    found = []
    for item in dicts(location.get("hoursOfOperation")):
        days = [d for d in item.get("daysOfWeek") or [] if d in DAYS]
        if not days:
            continue
        opens, closes = item.get("openingTime"), item.get("closingTime")
        found.append(
            OpeningHours(
                days=tuple(sorted(set(days), key=DAYS.index)),
                opens=opens[:5] if isinstance(opens, str) else "",
                closes=closes[:5] if isinstance(closes, str) else "",
                all_day=item.get("allDay") is True,
            )
        )
    return tuple(found)


def registry_of(clinic_id: str, locations: Iterable[JSON]) -> JSON | None:
    """The clinic's registry among Locations: one it manages, with opening hours first,
    then a whole building, then one called a registry."""
    own = [
        loc
        for loc in locations
        if ref_id(loc.get("managingOrganization")) == clinic_id and loc.get("status") != "inactive"
    ]

    def rank(location: JSON) -> tuple[bool, bool, bool]:
        building = any(
            c.get("code") == "bu" for c in dicts(obj(location.get("physicalType")).get("coding"))
        )
        named = "регистрат" in str(location.get("name") or "").lower()
        return (not location.get("hoursOfOperation"), not building, not named)

    own.sort(key=rank)
    return own[0] if own and rank(own[0]) != (True, True, True) else None


def clinic_from(organization: JSON, registry: JSON | None = None) -> Clinic:
    name = str(organization.get("name") or organization.get("id") or "")
    aliases = organization.get("alias")
    address = dicts(organization.get("address"))
    registry = registry or {}
    website = next(
        (
            str(t["value"])
            for t in dicts(organization.get("telecom"))
            if t.get("system") == "url" and isinstance(t.get("value"), str)
        ),
        "",
    )
    accepts = _value(_extension(organization, ACCEPTS_EXT))
    return Clinic(
        id=str(organization.get("id") or ""),
        name=name,
        short_name=short_org_name(name, aliases if isinstance(aliases, list) else ()),
        address=address_text(address),
        district=str(address[0].get("district") or "") if address else "",
        phone=_phone(registry) or _phone(organization),
        website=website,
        kind=clinic_kind(organization),
        accepts_new=accepts is not False,
        hours=hours_of(registry),
        registry_note=str(registry.get("description") or ""),
        registry_address=address_text(registry.get("address")),
    )


def district_doctor(
    practitioner: JSON | None,
    roles: Iterable[JSON],
    rooms: dict[str, JSON],
    fallback_name: str = "",
) -> DistrictDoctor | None:
    """The doctor with their position and room at the clinic (from a PractitionerRole)."""
    if not isinstance(practitioner, dict) and not fallback_name:
        return None
    practitioner = practitioner or {}
    doctor_id = str(practitioner.get("id") or "")
    name = human_name(practitioner.get("name")) or fallback_name
    short = name
    for human in dicts(practitioner.get("name")):
        family = human.get("family")
        given = [g for g in human.get("given") or [] if isinstance(g, str)]
        if isinstance(family, str) and family:
            short = short_person_name(family, given)
            break
    role = next((r for r in roles if ref_id(r.get("practitioner")) == doctor_id), {})
    position = next(
        (str(c["text"]) for c in dicts(role.get("code")) if isinstance(c.get("text"), str)), ""
    )
    room_ref = next(iter(dicts(role.get("location"))), {})
    room = rooms.get(ref_id(room_ref) or "", {})
    return DistrictDoctor(
        id=doctor_id,
        name=name,
        short_name=short,
        position=position,
        room=str(room.get("name") or room_ref.get("display") or ""),
        phone=_phone(role),
    )
