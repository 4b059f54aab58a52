"""What an issued document says, from the patient's card on the portal: the clinic's
requisites, the patient, and per kind the body (diagnoses and visits for an extract,
vaccinations, a conclusion for certificates, the chosen records for a paper copy)."""

from __future__ import annotations

import base64
import zlib
from datetime import date, datetime
from typing import Any

from demo_portal.documents.kinds import KINDS
from demo_portal.documents.pdf import Clinic, Content, SignatureStamp

OGRN = "urn:oid:1.2.643.100.1"
LICENCE = "urn:oid:1.2.643.5.1.13.13.99.2.41"
POLICY_TEXTS = ("Полис ОМС", "Полис ОМС старого образца", "Временное свидетельство ОМС")

CONCLUSIONS = {
    "sanatorium-070u": (
        "Санаторно-курортное лечение показано. Противопоказаний к санаторно-курортному "
        "лечению не выявлено.",
        "Рекомендуемый профиль: болезни системы кровообращения, эндокринной системы. "
        "Справка действительна 12 месяцев; путёвку предъявить вместе с ней.",
    ),
    "school-086u": (
        "Состояние здоровья удовлетворительное. Медицинских противопоказаний для обучения "
        "по выбранной специальности не выявлено.",
        "Профилактические прививки — по национальному календарю.",
    ),
    "camp-079u": (
        "Контакта с инфекционными больными по месту жительства и в образовательной "
        "организации в течение 21 дня не было. Педикулёза и заразных кожных заболеваний нет.",
        "Может находиться в организации отдыха детей и их оздоровления. Группа здоровья II.",
    ),
    "pool": (
        "Кожные покровы чистые, заразных кожных заболеваний и педикулёза нет. Энтеробиоз не "
        "выявлен.",
        "Может посещать бассейн. Справка действительна 3 месяца.",
    ),
}


def _text(concept: Any) -> str:
    if not isinstance(concept, dict):
        return ""
    if concept.get("text"):
        return str(concept["text"])
    return next((str(c.get("display") or c.get("code")) for c in concept.get("coding") or []), "")


def _day(value: Any) -> str:
    text = str(value or "")[:10]
    try:
        return date.fromisoformat(text).strftime("%d.%m.%Y")
    except ValueError:
        return text


def clinic_of(org: dict[str, Any]) -> Clinic:
    idents = {i.get("system"): i.get("value") for i in org.get("identifier") or []}
    phone = next((t["value"] for t in org.get("telecom") or [] if t.get("system") == "phone"), "")
    address = next((a.get("text") for a in org.get("address") or [] if a.get("text")), "")
    return Clinic(
        org.get("name", ""), address, phone, idents.get(OGRN, ""), idents.get(LICENCE, "")
    )


def patient_lines(patient: dict[str, Any]) -> tuple[str, ...]:
    name = next((n.get("text") for n in patient.get("name") or [] if n.get("text")), "")
    lines = [f"Пациент: {name}, {_day(patient.get('birthDate'))} г. р."]
    home = next((a.get("text") for a in patient.get("address") or [] if a.get("text")), "")
    if home:
        lines.append(f"Адрес: {home}")
    for ident in patient.get("identifier") or []:
        if (ident.get("type") or {}).get("text") in POLICY_TEXTS:
            lines.append(f"{ident['type']['text']}: {ident['value']}")
    return tuple(lines)


def number_of(task_id: str) -> str:
    return f"{zlib.crc32(task_id.encode()) % 1_000_000:06d}"


def _in(period: tuple[str, str] | None, value: Any) -> bool:
    day = str(value or "")[:10]
    return period is None or (period[0] <= day <= period[1])


def extract_body(
    store: Any, patient_id: str, period: tuple[str, str] | None
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    conditions = store.search("Condition", patient=patient_id, limit=1000)
    diagnoses = sorted(
        {
            f"{_text(c.get('code'))} ({next((x.get('code') for x in (c.get('code') or {}).get('coding') or []), '')})"
            for c in conditions
        }
    )
    paragraphs = []
    if period:
        paragraphs.append(f"Период: с {_day(period[0])} по {_day(period[1])}.")
    paragraphs.append("Диагнозы: " + ("; ".join(diagnoses) if diagnoses else "нет") + ".")
    medicines = [
        _text(m.get("medicationCodeableConcept"))
        for m in store.search("MedicationRequest", patient=patient_id, status="active", limit=100)
    ]
    if medicines:
        paragraphs.append("Постоянная терапия: " + "; ".join(sorted(set(medicines))) + ".")
    allergies = [
        _text(a.get("code")) for a in store.search("AllergyIntolerance", patient=patient_id)
    ]
    paragraphs.append("Аллергологический анамнез: " + ("; ".join(allergies) or "не отягощён") + ".")
    visits = [
        ((e.get("period") or {}).get("start", ""), _text((e.get("type") or [{}])[0]))
        for e in store.search("Encounter", patient=patient_id, limit=10000)
        if _in(period, (e.get("period") or {}).get("start"))
    ]
    rows = tuple((_day(when), text or "Посещение") for when, text in sorted(visits))
    return tuple(paragraphs), rows


def vaccination_rows(store: Any, patient_id: str) -> tuple[tuple[str, str], ...]:
    shots = store.search("Immunization", patient=patient_id, limit=1000)
    rows = []
    for shot in sorted(shots, key=lambda s: str(s.get("occurrenceDateTime"))):
        lot = f", серия {shot['lotNumber']}" if shot.get("lotNumber") else ""
        rows.append((_day(shot.get("occurrenceDateTime")), _text(shot.get("vaccineCode")) + lot))
    return tuple(rows)


def record_rows(store: Any, refs: list[str]) -> tuple[tuple[str, str], ...]:
    """A paper copy: each chosen record with its date, title and text."""
    rows = []
    for ref in refs:
        rtype, _, rid = ref.partition("/")
        record = store.get(rtype, rid) or {}
        when = (
            record.get("date")
            or record.get("effectiveDateTime")
            or record.get("issued")
            or (record.get("period") or {}).get("start")
        )
        title = (
            record.get("title")
            or record.get("description")
            or _text(record.get("code"))
            or _text(
                (record.get("type") or [{}])[0]
                if isinstance(record.get("type"), list)
                else record.get("type")
            )
        )
        body = []
        for section in record.get("section") or []:
            body.append(f"{section.get('title', '')}: {_narrative(section.get('text'))}")
        if record.get("conclusion"):
            body.append(str(record["conclusion"]))
        for content in record.get("content") or []:
            data = (content.get("attachment") or {}).get("data")
            if data and "text/plain" in str(content["attachment"].get("contentType")):
                body.append(base64.b64decode(data).decode("utf-8", "replace"))
        rows.append((_day(when), f"{title}. {' '.join(body)}".strip()))
    return tuple(rows)


def _narrative(text: Any) -> str:
    div = str((text or {}).get("div", "")) if isinstance(text, dict) else ""
    out, inside = [], False
    for ch in div:
        if ch == "<":
            inside = True
        elif ch == ">":
            inside = False
            out.append(" ")
        elif not inside:
            out.append(ch)
    return (
        " ".join("".join(out).split())
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
    )


def build_content(
    store: Any,
    kind_code: str,
    task: dict[str, Any],
    patient: dict[str, Any],
    org: dict[str, Any],
    doctor: str,
    issued: datetime,
    stamp: SignatureStamp,
    period: tuple[str, str] | None = None,
    records: list[str] | None = None,
    purpose: str = "",
) -> Content:
    paragraphs: tuple[str, ...] = ()
    rows: tuple[tuple[str, str], ...] = ()
    rows_title = ""
    if kind_code == "paper-copy":
        title, form = "Копии медицинских документов", ""
        rows, rows_title = record_rows(store, records or []), "Копируемые записи"
        paragraphs = ("Копии записей медицинской документации выданы по заявлению пациента.",)
    else:
        kind = KINDS[kind_code]
        title, form = kind.name, kind.form
        if kind_code == "extract-027u":
            paragraphs, rows = extract_body(store, patient["id"], period)
            rows_title = "Обращения за медицинской помощью"
        elif kind_code == "vaccinations-063u":
            rows, rows_title = vaccination_rows(store, patient["id"]), "Профилактические прививки"
        else:
            paragraphs = CONCLUSIONS.get(kind_code, ())
    notes = (
        (f"Выдана для предъявления: {purpose}.",)
        if purpose
        else ("Выдана для предъявления по месту требования.",)
    )
    return Content(
        clinic=clinic_of(org),
        title=title,
        form=form,
        number=number_of(task["id"]),
        issued=issued,
        patient=patient_lines(patient),
        paragraphs=paragraphs,
        rows=rows,
        rows_title=rows_title,
        doctor=doctor,
        stamp=stamp,
        notes=notes,
    )
