"""Builders for diagnoses, prescriptions, allergies, vaccinations and procedures."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from . import codes as c
from .builder import Builder, local_dt
from .directory import Directory
from .patients import Person

ENCOUNTER_DIAGNOSIS = [
    {
        "coding": [c.coding(c.COND_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis")],
        "text": "Диагноз приёма",
    }
]
PROBLEM_LIST = [
    {
        "coding": [c.coding(c.COND_CATEGORY, "problem-list-item", "Problem List Item")],
        "text": "Хроническое заболевание",
    }
]


def condition(
    b: Builder,
    d: Directory,
    p: Person,
    code: str,
    text: str,
    onset: date,
    doctor_id: str,
    abatement: date | None = None,
    chronic: bool = True,
    note: str | None = None,
) -> dict:
    clinical = "resolved" if abatement else "active"
    res = {
        "resourceType": "Condition",
        "id": b.new_id(f"cond-{p.id}"),
        "clinicalStatus": c.concept(
            c.COND_CLINICAL,
            clinical,
            clinical.capitalize(),
            "Разрешилось" if abatement else "Активное",
        ),
        "verificationStatus": c.concept(
            c.COND_VERIFICATION, "confirmed", "Confirmed", "Подтверждён"
        ),
        "category": PROBLEM_LIST if chronic else ENCOUNTER_DIAGNOSIS,
        "code": c.icd10(code, text),
        "subject": c.ref("Patient", p.id, p.full_name),
        "onsetDateTime": onset.isoformat(),
        "recordedDate": onset.isoformat(),
        "recorder": c.ref("Practitioner", doctor_id, d.doctor(doctor_id).name),
    }
    if abatement:
        res["abatementDateTime"] = abatement.isoformat()
    if note:
        res["note"] = [{"text": note}]
    return b.add(res, b.at(onset, 12))


def medication_request(
    b: Builder,
    d: Directory,
    p: Person,
    atc: str,
    atc_name: str,
    text: str,
    dosage: str,
    per_day: int,
    dose: float,
    dose_unit: str,
    doctor_id: str,
    authored: datetime,
    status: str = "active",
    reason: dict | None = None,
    days: int = 90,
    encounter_id: str | None = None,
) -> dict:
    res = {
        "resourceType": "MedicationRequest",
        "id": b.new_id(f"rx-{p.id}"),
        "status": status,
        "intent": "order",
        "medicationCodeableConcept": c.concept(c.ATC, atc, atc_name, text),
        "subject": c.ref("Patient", p.id, p.full_name),
        "authoredOn": local_dt(authored),
        "requester": c.ref("Practitioner", doctor_id, d.doctor(doctor_id).name),
        "dosageInstruction": [
            {
                "text": dosage,
                "timing": {"repeat": {"frequency": per_day, "period": 1, "periodUnit": "d"}},
                "route": c.concept(c.SNOMED, "26643006", "Oral route", "Внутрь"),
                "doseAndRate": [{"doseQuantity": {"value": dose, "unit": dose_unit}}],
            }
        ],
        "dispenseRequest": {
            "expectedSupplyDuration": {"value": days, "unit": "сут", "system": c.UCUM, "code": "d"}
        },
    }
    if reason:
        res["reasonCode"] = [reason]
    if encounter_id:
        res["encounter"] = c.ref("Encounter", encounter_id)
    return b.add(res, authored)


def allergy(
    b: Builder,
    d: Directory,
    p: Person,
    snomed: str | None,
    snomed_display: str,
    text: str,
    reaction: str,
    onset: date,
    doctor_id: str,
    category: str = "medication",
    criticality: str = "high",
) -> dict:
    return b.add(
        {
            "resourceType": "AllergyIntolerance",
            "id": b.new_id(f"allergy-{p.id}"),
            "clinicalStatus": c.concept(c.ALLERGY_CLINICAL, "active", "Active", "Активная"),
            "verificationStatus": c.concept(
                c.ALLERGY_VERIFICATION, "confirmed", "Confirmed", "Подтверждена"
            ),
            "type": "allergy",
            "category": [category],
            "criticality": criticality,
            "code": c.concept(c.SNOMED, snomed, snomed_display, text)
            if snomed
            else c.text_only(text),
            "patient": c.ref("Patient", p.id, p.full_name),
            "onsetDateTime": onset.isoformat(),
            "recordedDate": onset.isoformat(),
            "recorder": c.ref("Practitioner", doctor_id, d.doctor(doctor_id).name),
            "reaction": [{"manifestation": [c.text_only(reaction)], "description": reaction}],
        },
        b.at(onset, 13),
    )


def immunization(
    b: Builder,
    d: Directory,
    p: Person,
    cvx: str,
    cvx_display: str,
    text: str,
    when: datetime,
    doctor_id: str | None,
    dose: str,
    lot: str,
    site: str = "Дельтовидная мышца",
    org_id: str | None = None,
) -> dict:
    """A vaccination; without ``doctor_id`` (maternity hospital) only ``org_id`` is named."""
    doc = d.doctor(doctor_id) if doctor_id else None
    org = org_id or (doc.org_id if doc else "org-gkb17")
    res = {
        "resourceType": "Immunization",
        "id": b.new_id(f"imm-{p.id}"),
        "status": "completed",
        "vaccineCode": c.concept(c.CVX, cvx, cvx_display, text),
        "patient": c.ref("Patient", p.id, p.full_name),
        "occurrenceDateTime": local_dt(when),
        "primarySource": True,
        "lotNumber": lot,
        "site": c.text_only(site),
        "performer": [{"actor": c.ref("Organization", org, d.org_names[org])}],
        "protocolApplied": [
            {
                "series": "Национальный календарь профилактических прививок",
                "doseNumberString": dose,
                "authority": c.ref("Organization", org, d.org_names[org]),
            }
        ],
    }
    if doc and doctor_id:
        res["performer"].insert(0, {"actor": c.ref("Practitioner", doctor_id, doc.name)})
        res["location"] = doc.location_ref()
    return b.add(res, when)


def procedure(
    b: Builder,
    d: Directory,
    p: Person,
    service_code: str,
    text: str,
    when: datetime,
    doctor_id: str,
    encounter_id: str | None = None,
    outcome: str | None = None,
    minutes: int = 20,
) -> dict:
    """A procedure coded with the Russian nomenclature of medical services (804н)."""
    doc = d.doctor(doctor_id)
    res = {
        "resourceType": "Procedure",
        "id": b.new_id(f"proc-{p.id}"),
        "status": "completed",
        "code": c.concept(c.SERVICE_NOMENCLATURE, service_code, None, text),
        "subject": c.ref("Patient", p.id, p.full_name),
        "performedPeriod": {
            "start": local_dt(when),
            "end": local_dt(when + timedelta(minutes=minutes)),
        },
        "performer": [
            {
                "actor": c.ref("Practitioner", doctor_id, doc.name),
                "onBehalfOf": c.ref("Organization", doc.org_id, d.org_names[doc.org_id]),
            }
        ],
        "location": doc.location_ref(),
    }
    if encounter_id:
        res["encounter"] = c.ref("Encounter", encounter_id)
    if outcome:
        res["outcome"] = c.text_only(outcome)
    return b.add(res, when)
