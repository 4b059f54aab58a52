"""How Medcard reads and writes appointments in FHIR R4 (Qt-free, pure functions).

The vocabulary here is shared with the demo portal's rules (demo_portal/rules/
appointments.py keeps the same URLs; the two packages may not import each other):

- visit kind: ``Appointment.serviceCategory`` coding with system `VISIT_KIND_SYSTEM` and code
  ``clinic`` | ``video`` | ``home``;
- the client-generated booking identifier (system `BOOKING_ID_SYSTEM`) that makes a booking
  idempotent through ``If-None-Exist``;
- the ticket number the portal assigns (identifier system `TICKET_SYSTEM`);
- the video consultation link (extension `JOIN_URL_EXT`, valueUrl);
- home-visit details (extensions for address, temperature, contact phone; symptoms in
  ``Appointment.description``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from desktop.services.fhir_time import parse_instant as parse_instant  # re-exported
from desktop.services.names import short_org_name, short_person_name, short_person_text

VISIT_KIND_SYSTEM = "https://demo.medcard/fhir/CodeSystem/visit-kind"
BOOKING_ID_SYSTEM = "urn:medcard:booking"
TICKET_SYSTEM = "https://demo.medcard/fhir/sid/ticket"
EXT_BASE = "https://demo.medcard/fhir/StructureDefinition/"
JOIN_URL_EXT = EXT_BASE + "telemed-join-url"
HOME_ADDRESS_EXT = EXT_BASE + "home-visit-address"
TEMPERATURE_EXT = EXT_BASE + "home-visit-temperature"
PHONE_EXT = EXT_BASE + "home-visit-phone"

KIND_CLINIC, KIND_VIDEO, KIND_HOME = "clinic", "video", "home"

# FHIR Appointment.status -> the status the lists show. Home-visit requests start as
# "proposed" (received), become "pending" (doctor assigned), "booked" (time set), then
# "fulfilled" or "cancelled".
DISPLAY_STATUS = {
    "proposed": "requested",
    "pending": "pending",
    "waitlist": "pending",
    "booked": "booked",
    "arrived": "booked",
    "checked-in": "booked",
    "fulfilled": "fulfilled",
    "cancelled": "cancelled",
    "noshow": "missed",
    "entered-in-error": "cancelled",
}
ACTIVE_STATUSES = frozenset({"proposed", "pending", "waitlist", "booked", "arrived", "checked-in"})

Lookup = Callable[[str], dict[str, Any] | None]


@dataclass(frozen=True)
class AppointmentInfo:
    """Everything a list row, a ticket or a calendar entry shows about one appointment."""

    id: str
    patient_id: str
    status: str  # FHIR status
    kind: str  # clinic | video | home
    start: datetime | None  # aware
    end: datetime | None
    doctor: str = ""
    specialty: str = ""
    room: str = ""
    clinic: str = ""
    address: str = ""
    slot_id: str = ""
    ticket_number: str = ""
    join_url: str = ""
    version_id: str = ""
    patient_name: str = ""
    symptoms: str = ""
    temperature: float | None = None
    phone: str = ""
    created: datetime | None = None
    doctor_short: str = ""  # for lists: "Соколова Е. В." (services/names.py)
    clinic_short: str = ""  # for lists: "Городская поликлиника № 12"

    @property
    def doctor_in_list(self) -> str:
        return self.doctor_short or self.doctor

    @property
    def clinic_in_list(self) -> str:
        return self.clinic_short or self.clinic

    @property
    def display_status(self) -> str:
        return DISPLAY_STATUS.get(self.status, self.status)

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def local_day(self) -> date | None:
        return wall_time(self.start).date() if self.start else None

    def is_upcoming(self, now: datetime) -> bool:
        """Active and not over yet; a home-visit request without a time stays upcoming."""
        if not self.is_active:
            return False
        return self.start is None or (self.end or self.start) >= now

    def is_ahead(self, now: datetime) -> bool:
        """Its time has not come yet, whatever its status: a cancelled visit next week
        belongs with the upcoming ones (shown as cancelled), not with the past."""
        if self.start is None:
            return self.is_active
        return (self.end or self.start) >= now


def wall_time(moment: datetime) -> datetime:
    """The clock time to show: the clinic's own (the offset the portal wrote, e.g. +03:00),
    so a visit at 09:00 in Moscow reads 09:00 wherever the laptop is; a time the portal gave
    in UTC is shown in the computer's zone instead."""
    offset = moment.utcoffset()
    return moment.astimezone() if offset is None or not offset else moment


def fhir_instant(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ref_id(reference: Any, resource_type: str | None = None) -> str:
    """``"Practitioner/abc"`` -> ``"abc"``; '' when the reference is of another type."""
    if isinstance(reference, dict):
        reference = reference.get("reference")
    if not isinstance(reference, str) or "/" not in reference:
        return ""
    kind, _, rest = reference.rstrip("/").rpartition("/")
    kind = kind.rsplit("/", 1)[-1]
    if resource_type and kind != resource_type:
        return ""
    return rest


def concept_text(concept: Any) -> str:
    """Human text of a CodeableConcept (text, else the first coding's display)."""
    if not isinstance(concept, dict):
        return ""
    if concept.get("text"):
        return str(concept["text"])
    for coding in concept.get("coding") or []:
        if isinstance(coding, dict) and coding.get("display"):
            return str(coding["display"])
    return ""


def concept_code(concept: Any) -> str:
    if isinstance(concept, dict):
        for coding in concept.get("coding") or []:
            if isinstance(coding, dict) and coding.get("code"):
                return str(coding["code"])
    return ""


def human_name(resource: dict[str, Any] | None) -> str:
    """'Фамилия Имя Отчество' from the first usable HumanName."""
    if not resource:
        return ""
    for name in resource.get("name") or []:
        if not isinstance(name, dict):
            continue
        if name.get("text"):
            return str(name["text"])
        parts = [str(name.get("family") or "")] + [str(g) for g in name.get("given") or []]
        text = " ".join(p for p in parts if p)
        if text:
            return text
    return ""


def address_text(address: Any) -> str:
    if isinstance(address, list):
        address = address[0] if address else None
    if not isinstance(address, dict):
        return ""
    if address.get("text"):
        return str(address["text"])
    parts = [str(x) for x in address.get("line") or []]
    parts += [str(address[k]) for k in ("city", "postalCode") if address.get(k)]
    return ", ".join(parts)


def extension_value(resource: dict[str, Any], url: str) -> Any:
    for ext in resource.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == url:
            for key, value in ext.items():
                if key.startswith("value"):
                    return value
    return None


def identifier_value(resource: dict[str, Any], system: str) -> str:
    for ident in resource.get("identifier") or []:
        if isinstance(ident, dict) and ident.get("system") == system:
            return str(ident.get("value") or "")
    return ""


def visit_kind(resource: dict[str, Any]) -> str:
    """clinic | video | home from an Appointment's (or Schedule's, Slot's) serviceCategory."""
    appointment = resource
    for concept in appointment.get("serviceCategory") or []:
        for coding in (concept or {}).get("coding") or []:
            if coding.get("system") == VISIT_KIND_SYSTEM and coding.get("code") in (
                KIND_CLINIC,
                KIND_VIDEO,
                KIND_HOME,
            ):
                return str(coding["code"])
    if extension_value(appointment, JOIN_URL_EXT):
        return KIND_VIDEO
    return KIND_CLINIC


def kind_concept(kind: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": VISIT_KIND_SYSTEM, "code": kind, "display": display}]}


def _participant(appointment: dict[str, Any], resource_type: str) -> str:
    for part in appointment.get("participant") or []:
        ident = ref_id((part or {}).get("actor"), resource_type)
        if ident:
            return ident
    return ""


def _participant_display(appointment: dict[str, Any], resource_type: str) -> str:
    for part in appointment.get("participant") or []:
        actor = (part or {}).get("actor") or {}
        if ref_id(actor, resource_type) and actor.get("display"):
            return str(actor["display"])
    return ""


def _place(location: dict[str, Any] | None, lookup: Lookup) -> tuple[str, str, str, str]:
    """(room, clinic, address, the clinic's short name) from a Location, walking partOf
    and managingOrganization."""
    if not location:
        return "", "", "", ""
    room = clinic = address = short = ""
    node: dict[str, Any] | None = location
    for _ in range(4):  # rooms sit inside buildings; stop at a small depth
        if node is None:
            break
        physical = concept_code(node.get("physicalType"))
        if not room and physical in ("ro", "bd", "wa"):
            room = str(node.get("name") or "")
        address = address or address_text(node.get("address"))
        org_id = ref_id(node.get("managingOrganization"), "Organization")
        if org_id and not clinic:
            org = lookup(f"Organization/{org_id}") or {}
            clinic = str(
                org.get("name") or (node.get("managingOrganization") or {}).get("display") or ""
            )
            aliases = org.get("alias")
            short = short_org_name(clinic, aliases if isinstance(aliases, list) else ())
            address = address or address_text(org.get("address"))
        parent = ref_id(node.get("partOf"), "Location")
        node = lookup(f"Location/{parent}") if parent else None
    if not room and not clinic:
        clinic = str(location.get("name") or "")
    elif not room and location.get("name") and location.get("name") != clinic:
        room = str(location["name"])
    return room, clinic, address, short


def describe(appointment: dict[str, Any], lookup: Lookup) -> AppointmentInfo:
    """Flatten an Appointment plus the resources it references into `AppointmentInfo`.

    `lookup("Type/id")` returns a referenced resource or None (cache or portal); a missing
    one only leaves its fields empty (or falls back to the reference's display).
    """
    practitioner_id = _participant(appointment, "Practitioner")
    practitioner = lookup(f"Practitioner/{practitioner_id}") if practitioner_id else None
    location_id = _participant(appointment, "Location")
    location = lookup(f"Location/{location_id}") if location_id else None
    patient_id = _participant(appointment, "Patient")
    patient = lookup(f"Patient/{patient_id}") if patient_id else None
    room, clinic, address, clinic_short = _place(location, lookup)
    slot_id = ""
    for slot_ref in appointment.get("slot") or []:
        slot_id = ref_id(slot_ref, "Slot") or slot_id
    specialty = ""
    for concept in (appointment.get("specialty") or []) + (appointment.get("serviceType") or []):
        specialty = specialty or concept_text(concept)
    kind = visit_kind(appointment)
    temperature = extension_value(appointment, TEMPERATURE_EXT)
    if isinstance(temperature, dict):
        temperature = temperature.get("value")
    home_address = extension_value(appointment, HOME_ADDRESS_EXT)
    if kind == KIND_HOME and home_address:
        address = address_text(home_address) or address
    return AppointmentInfo(
        id=str(appointment.get("id") or ""),
        patient_id=patient_id,
        status=str(appointment.get("status") or ""),
        kind=kind,
        start=parse_instant(appointment.get("start")),
        end=parse_instant(appointment.get("end")),
        doctor=human_name(practitioner) or _participant_display(appointment, "Practitioner"),
        specialty=specialty,
        room=room,
        clinic=clinic,
        address=address,
        slot_id=slot_id,
        ticket_number=identifier_value(appointment, TICKET_SYSTEM),
        join_url=str(extension_value(appointment, JOIN_URL_EXT) or ""),
        version_id=str((appointment.get("meta") or {}).get("versionId") or ""),
        patient_name=human_name(patient) or _participant_display(appointment, "Patient"),
        symptoms=str(appointment.get("description") or "") if kind == KIND_HOME else "",
        temperature=float(temperature) if isinstance(temperature, int | float) else None,
        phone=str(extension_value(appointment, PHONE_EXT) or ""),
        created=parse_instant(appointment.get("created")),
        doctor_short=short_doctor(practitioner)
        or short_person_text(_participant_display(appointment, "Practitioner")),
        clinic_short=clinic_short,
    )


def short_doctor(practitioner: dict[str, Any] | None) -> str:
    """ "Соколова Е. В." from the Practitioner's structured name, if it has one."""
    for name in (practitioner or {}).get("name") or []:
        if isinstance(name, dict) and isinstance(name.get("family"), str):
            given = [g for g in name.get("given") or [] if isinstance(g, str)]
            return short_person_name(name["family"], given)
    return short_person_text(human_name(practitioner)) if practitioner else ""
