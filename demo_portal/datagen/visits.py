"""Visits: an Encounter with its protocol as a Composition or a text DocumentReference."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from . import codes as c
from .builder import Builder, local_dt
from .directory import SPECIALTIES, Directory, specialty_concept
from .patients import Person

# LOINC section codes of a visit protocol
SECTIONS = (
    ("complaints", "10154-3", "Chief complaint Narrative - Reported", "Жалобы"),
    ("history", "10164-2", "History of Present illness Narrative", "Анамнез"),
    ("exam", "29545-1", "Physical findings Narrative", "Объективно"),
    ("diagnosis", "29548-5", "Diagnosis Narrative", "Диагноз"),
    ("plan", "18776-5", "Plan of care note", "Рекомендации"),
)
CONSULT_NOTE = ("11488-4", "Consult note", "Протокол консультации")
AMB = c.coding(c.ACT_CODE, "AMB", "ambulatory")
HOME = c.coding(c.ACT_CODE, "HH", "home health")
VIRTUAL = c.coding(c.ACT_CODE, "VR", "virtual")


@dataclass
class VisitLog:
    """A finished visit, kept for the costs and the appointment history."""

    patient: Person
    encounter: dict
    doctor_id: str
    start: datetime
    minutes: int
    first: bool
    kind: str
    paid: bool


@dataclass
class Protocol:
    complaints: str
    history: str
    exam: str
    diagnosis: str
    plan: str
    first: bool = False  # первичный / повторный приём

    def sections(self) -> list[tuple[str, str, str, str]]:
        return [(code, disp, title, getattr(self, key)) for key, code, disp, title in SECTIONS]


def position_genitive(specialty: str) -> str:
    """'врача-эндокринолога' for the specialty's position."""
    return _genitive(SPECIALTIES[specialty][3].lower().replace(" участковый", ""))


def visit_title(specialty: str, first: bool) -> str:
    return f"Приём {position_genitive(specialty)} {'первичный' if first else 'повторный'}"


def _genitive(position: str) -> str:
    """'врач-терапевт' -> 'врача-терапевта' (enough for the positions we have)."""
    words = []
    for w in position.split(" "):
        parts = w.split("-")
        parts = [p + "а" if p.endswith(("ч", "т", "г", "л", "р")) else p for p in parts]
        words.append("-".join(parts))
    return " ".join(words)


def record_visit(
    b: Builder,
    d: Directory,
    p: Person,
    doctor_id: str,
    start: datetime,
    protocol: Protocol,
    reasons: list[tuple[str, str]],
    conditions: list[str] | None = None,
    as_document: bool = False,
    minutes: int = 20,
    kind: str = "in-person",
) -> dict:
    """Create the Encounter and its protocol; returns the Encounter."""
    doc = d.doctor(doctor_id)
    title = visit_title(doc.specialty, protocol.first)
    end = start + timedelta(minutes=minutes)
    enc_id = b.new_id(f"enc-{p.id}")
    cls = {"in-person": AMB, "home": HOME, "video": VIRTUAL}[kind]
    enc = {
        "resourceType": "Encounter",
        "id": enc_id,
        "status": "finished",
        "class": cls,
        "type": [c.text_only(title)],
        "serviceType": specialty_concept(doc.specialty),
        "subject": c.ref("Patient", p.id, p.full_name),
        "participant": [
            {
                "type": [
                    {
                        "coding": [
                            c.coding(
                                "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                "PPRF",
                                "primary performer",
                            )
                        ],
                        "text": "Врач",
                    }
                ],
                "individual": c.ref("Practitioner", doctor_id, doc.name),
            }
        ],
        "period": {"start": local_dt(start), "end": local_dt(end)},
        "reasonCode": [c.icd10(code, text) for code, text in reasons],
        "serviceProvider": c.ref("Organization", doc.org_id, d.org_names[doc.org_id]),
    }
    if kind == "in-person":
        enc["location"] = [{"location": doc.location_ref()}]
    if conditions:
        enc["diagnosis"] = [
            {"condition": c.ref("Condition", cid), "rank": i + 1}
            for i, cid in enumerate(conditions)
        ]
    b.add(enc, end)
    b.visit_log.append(
        VisitLog(
            p,
            enc,
            doctor_id,
            start,
            minutes,
            protocol.first,
            kind,
            paid=doc.org_id == "org-zdorovie",
        )
    )
    if as_document:
        document_reference(
            b,
            d,
            p,
            doctor_id,
            end,
            title,
            protocol_text(title, p, doc.name, start, protocol),
            CONSULT_NOTE,
            enc_id,
        )
    else:
        composition(b, d, p, doctor_id, end, title, protocol.sections(), CONSULT_NOTE, enc_id)
    return enc


def composition(
    b: Builder,
    d: Directory,
    p: Person,
    doctor_id: str,
    when: datetime,
    title: str,
    sections: list[tuple[str, str, str, str]],
    doc_type: tuple[str, str, str],
    encounter_id: str | None,
) -> dict:
    doc = d.doctor(doctor_id)
    comp = {
        "resourceType": "Composition",
        "id": b.new_id(f"comp-{p.id}"),
        "status": "final",
        "type": c.concept(c.LOINC, *doc_type),
        "subject": c.ref("Patient", p.id, p.full_name),
        "date": local_dt(when),
        "author": [c.ref("Practitioner", doctor_id, doc.name)],
        "title": title,
        "custodian": c.ref("Organization", doc.org_id, d.org_names[doc.org_id]),
        "section": [
            {
                "title": s_title,
                "code": c.concept(c.LOINC, code, disp, s_title),
                "text": c.narrative(text.split("\n")),
            }
            for code, disp, s_title, text in sections
        ],
    }
    if encounter_id:
        comp["encounter"] = c.ref("Encounter", encounter_id)
    return b.add(comp, when)


def document_reference(
    b: Builder,
    d: Directory,
    p: Person,
    doctor_id: str,
    when: datetime,
    title: str,
    text: str,
    doc_type: tuple[str, str, str],
    encounter_id: str | None,
    doc_id: str | None = None,
    same_as: dict | None = None,
) -> dict:
    """A text/plain document; ``same_as`` names a Composition with the same content."""
    doc = d.doctor(doctor_id)
    ref = {
        "resourceType": "DocumentReference",
        "id": doc_id or b.new_id(f"doc-{p.id}"),
        "status": "current",
        "docStatus": "final",
        "type": c.concept(c.LOINC, *doc_type),
        "category": [
            c.concept(
                c.DOC_CATEGORY_CLINICAL_NOTE,
                "clinical-note",
                "Clinical Note",
                "Медицинский документ",
            )
        ],
        "subject": c.ref("Patient", p.id, p.full_name),
        "date": local_dt(when),
        "author": [c.ref("Practitioner", doctor_id, doc.name)],
        "custodian": c.ref("Organization", doc.org_id, d.org_names[doc.org_id]),
        "description": title,
        "content": [{"attachment": c.text_attachment(text, title, local_dt(when))}],
    }
    if encounter_id:
        ref["context"] = {"encounter": [c.ref("Encounter", encounter_id)]}
    if same_as is not None:
        # lets a timeline show the document once, not as two records
        ref.setdefault("context", {})["related"] = [c.ref("Composition", same_as["id"])]
    return b.add(ref, when)


def protocol_text(title: str, p: Person, doctor: str, when: datetime, protocol: Protocol) -> str:
    lines = [
        title.upper(),
        f"Дата и время: {when.strftime('%d.%m.%Y %H:%M')}",
        f"Пациент: {p.full_name}, {p.birth.strftime('%d.%m.%Y')} г. р.",
        "",
    ]
    for _, _, s_title, text in protocol.sections():
        lines.append(f"{s_title}: {text}")
    lines += ["", f"Врач: {doctor}"]
    return "\n".join(lines)
