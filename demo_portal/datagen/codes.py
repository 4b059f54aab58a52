"""Code systems and small constructors for CodeableConcepts, Quantities and references.

Every CodeableConcept carries Russian ``text`` (what the screens show); ``coding.display``
keeps the code system's own (English) display.
"""

from __future__ import annotations

import base64
import hashlib

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
SNOMED = "http://snomed.info/sct"
ATC = "http://www.whocc.no/atc"
CVX = "http://hl7.org/fhir/sid/cvx"
DICOM = "http://dicom.nema.org/resources/ontology/DCM"
OBS_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
DR_CATEGORY = "http://terminology.hl7.org/CodeSystem/v2-0074"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
COND_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
COND_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
COND_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"
ALLERGY_VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
CLAIM_TYPE = "http://terminology.hl7.org/CodeSystem/claim-type"
ADJUDICATION = "http://terminology.hl7.org/CodeSystem/adjudication"
COVERAGE_SELFPAY = "http://terminology.hl7.org/CodeSystem/coverage-selfpay"
V2_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203"
DOC_CATEGORY_CLINICAL_NOTE = (
    "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category"
)

# Russian identifier systems (OIDs of the Russian registry of object identifiers).
SNILS_SYSTEM = "urn:oid:1.2.643.100.3"
OMS_SYSTEM = "urn:oid:1.2.643.5.1.13.2.1.1.635"
OGRN_SYSTEM = "urn:oid:1.2.643.100.1"
INN_SYSTEM = "urn:oid:1.2.643.100.4"
BIRTH_CERT_SYSTEM = "urn:oid:1.2.643.5.1.13.13.99.2.26"
LICENSE_SYSTEM = "urn:oid:1.2.643.5.1.13.13.99.2.41"
# The Russian nomenclature of medical services (приказ Минздрава № 804н).
SERVICE_NOMENCLATURE = "urn:oid:1.2.643.5.1.13.13.11.1070"

# Codes of this demo portal (documented in the datagen report / CONTRACTS.md).
DEMO = "http://demo.medcard/fhir"
TAGS = f"{DEMO}/CodeSystem/tags"  # self-measured (shared with the diary)
# Shared with desktop/services/booking/fhir.py and demo_portal/rules/appointments.py:
VISIT_KIND = "https://demo.medcard/fhir/CodeSystem/visit-kind"  # clinic | video | home
TICKET_SYSTEM = "https://demo.medcard/fhir/sid/ticket"
EXT_BASE = "https://demo.medcard/fhir/StructureDefinition/"
JOIN_URL_EXT = EXT_BASE + "telemed-join-url"
HOME_ADDRESS_EXT = EXT_BASE + "home-visit-address"
TELEMED_ROOM_BASE = "https://telemed.demo.medcard/room/"
REQUEST_TYPE = f"{DEMO}/CodeSystem/request-type"  # extract | certificate
DEMO_PATIENT_ID = f"{DEMO}/sid/patient"
# The portal account a RelatedPerson stands for (demo_portal/rules/family_access.py)
PORTAL_USER_SYSTEM = "urn:medcard:portal-user"

# Clinics, attachment, policies and the registry desk (issues 13 and 14; CONTRACTS.md).
HTTPS_DEMO = "https://demo.medcard/fhir"
CLINIC_KIND = f"{HTTPS_DEMO}/CodeSystem/clinic-kind"  # adult-polyclinic | children-polyclinic
STAFF_ROLE = f"{HTTPS_DEMO}/CodeSystem/staff-role"  # registrar
POLICY_FORM = f"{HTTPS_DEMO}/CodeSystem/oms-policy-form"
OMS_OLD_SYSTEM = f"{HTTPS_DEMO}/sid/oms-policy-old"  # "series number" of an old-form policy
OMS_TEMP_SYSTEM = f"{HTTPS_DEMO}/sid/oms-temporary-certificate"  # 9 digits
VHI_SYSTEM = f"{HTTPS_DEMO}/sid/vhi-policy"  # ДМС policy number
ATTACHMENT_EXT = EXT_BASE + "attachment"  # Patient: clinic, site, since, reason
ACCEPTS_ATTACHMENT_EXT = EXT_BASE + "accepts-attachment"  # Organization: valueBoolean
POLICY_FORM_EXT = EXT_BASE + "oms-policy-form"  # Coverage: valueCoding
BOOKED_BY_EXT = EXT_BASE + "booked-by"  # Appointment: valueReference PractitionerRole
# Costs (issue 12): who paid an ExplanationOfBenefit (oms | vhi | patient)
PAYER_KIND = f"{HTTPS_DEMO}/CodeSystem/payer-kind"
PAYER_KIND_EXT = EXT_BASE + "payer-kind"
# Клинико-статистические группы: how OMS pays a hospital stay (not a single service)
KSG_SYSTEM = f"{HTTPS_DEMO}/CodeSystem/ksg"


def text_attachment(text: str, title: str, creation: str) -> dict:
    """A text/plain Attachment with the bytes inline, their `size` and `hash` (base64
    SHA-1, as FHIR R4 defines it): a client can check what it got (issue 12)."""
    data = text.encode("utf-8")
    return {
        "contentType": "text/plain; charset=utf-8",
        "language": "ru",
        "data": base64.b64encode(data).decode("ascii"),
        "size": len(data),
        "hash": base64.b64encode(hashlib.sha1(data).digest()).decode("ascii"),
        "title": title,
        "creation": creation,
    }


def coding(system: str, code: str, display: str | None = None) -> dict:
    c = {"system": system, "code": code}
    if display:
        c["display"] = display
    return c


def concept(system: str, code: str, display: str | None, text: str) -> dict:
    return {"coding": [coding(system, code, display)], "text": text}


def text_only(text: str) -> dict:
    return {"text": text}


def quantity(value: float, unit: str, code: str | None = None) -> dict:
    """UCUM quantity; ``unit`` is the human form shown, ``code`` the UCUM code.

    FHIR strings may not be empty: a dimensionless result (pH, specific gravity) has no
    ``unit`` text, only its UCUM code.
    """
    q: dict = {"value": value}
    if unit:
        q["unit"] = unit
    q.update(system=UCUM, code=code or unit)
    return q


def money(value: float) -> dict:
    return {"value": round(value, 2), "currency": "RUB"}


def ref(resource_type: str, resource_id: str, display: str | None = None) -> dict:
    r = {"reference": f"{resource_type}/{resource_id}"}
    if display:
        r["display"] = display
    return r


def obs_category(code: str, display: str) -> list[dict]:
    return [{"coding": [coding(OBS_CATEGORY, code, display)]}]


LAB_CATEGORY = "laboratory"
VITAL_CATEGORY = "vital-signs"


def icd10(code: str, text: str) -> dict:
    return {"coding": [coding(ICD10, code, text)], "text": text}


def interpretation(flag: str) -> list[dict]:
    names = {"H": ("High", "Выше нормы"), "L": ("Low", "Ниже нормы"), "N": ("Normal", "Норма")}
    en, ru = names[flag]
    return [{"coding": [coding(INTERPRETATION, flag, en)], "text": ru}]


def narrative(paragraphs: list[str]) -> dict:
    """FHIR Narrative (xhtml div) from plain paragraphs, escaped."""
    body = "".join(f"<p>{_escape(p)}</p>" for p in paragraphs)
    return {"status": "generated", "div": f'<div xmlns="http://www.w3.org/1999/xhtml">{body}</div>'}


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
