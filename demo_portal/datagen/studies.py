"""Instrumental studies: ECG, ultrasound, echocardiography (DiagnosticReport, ImagingStudy)."""

from __future__ import annotations

from datetime import datetime, timedelta

from . import codes as c
from .builder import Builder, local_dt
from .directory import Directory
from .patients import Person

V2_0074 = c.DR_CATEGORY
# kind -> (v2-0074 category, category text, code system, code, display, Russian title, modality)
STUDIES = {
    "ecg": (
        "EC",
        "Электрофизиологические исследования",
        c.LOINC,
        "11524-6",
        "EKG study",
        "Электрокардиография (ЭКГ)",
        None,
    ),
    "abdomen-us": (
        "US",
        "Ультразвуковые исследования",
        c.SNOMED,
        "45036003",
        "Ultrasonography of abdomen",
        "УЗИ органов брюшной полости",
        "US",
    ),
    "echo": (
        "CUS",
        "Ультразвуковые исследования сердца",
        c.SNOMED,
        "40701008",
        "Echocardiography",
        "Эхокардиография (ЭхоКГ)",
        "US",
    ),
}


def study_report(
    b: Builder,
    d: Directory,
    p: Person,
    kind: str,
    when: datetime,
    doctor_id: str,
    findings: str,
    conclusion: str,
    encounter_id: str | None = None,
) -> dict:
    """A DiagnosticReport with the protocol as text; ultrasound also gets an ImagingStudy."""
    cat, cat_text, system, code, display, title, modality = STUDIES[kind]
    doc = d.doctor(doctor_id)
    issued = when + timedelta(minutes=40)
    report_id = b.new_id(f"dr-{p.id}")
    subject = c.ref("Patient", p.id, p.full_name)
    protocol = (
        f"{title.upper()}\nДата: {when.strftime('%d.%m.%Y %H:%M')}\n"
        f"Пациент: {p.full_name}, {p.birth.strftime('%d.%m.%Y')} г. р.\n\n"
        f"Описание: {findings}\n\nЗаключение: {conclusion}\n\nВрач: {doc.name}"
    )
    report = {
        "resourceType": "DiagnosticReport",
        "id": report_id,
        "status": "final",
        "category": [{"coding": [c.coding(V2_0074, cat, cat_text)], "text": cat_text}],
        "code": c.concept(system, code, display, title),
        "subject": subject,
        "effectiveDateTime": local_dt(when),
        "issued": local_dt(issued),
        "performer": [c.ref("Organization", doc.org_id, d.org_names[doc.org_id])],
        "resultsInterpreter": [c.ref("Practitioner", doctor_id, doc.name)],
        "conclusion": conclusion,
        "presentedForm": [c.text_attachment(protocol, title, local_dt(issued))],
    }
    if encounter_id:
        report["encounter"] = c.ref("Encounter", encounter_id)
    if modality:
        study = imaging_study(b, d, p, kind, when, doctor_id, encounter_id)
        report["imagingStudy"] = [c.ref("ImagingStudy", study["id"], title)]
    return b.add(report, issued)


def imaging_study(
    b: Builder,
    d: Directory,
    p: Person,
    kind: str,
    when: datetime,
    doctor_id: str,
    encounter_id: str | None,
) -> dict:
    _, _, system, code, display, title, modality = STUDIES[kind]
    rng = b.rng(f"uid/{p.id}/{when.isoformat()}")
    doc = d.doctor(doctor_id)
    images = rng.randint(6, 18)
    study = {
        "resourceType": "ImagingStudy",
        "id": b.new_id(f"img-{p.id}"),
        "identifier": [{"system": "urn:dicom:uid", "value": f"urn:oid:2.25.{rng.getrandbits(96)}"}],
        "status": "available",
        "modality": [c.coding(c.DICOM, modality or "OT", "Ultrasound")],
        "subject": c.ref("Patient", p.id, p.full_name),
        "started": local_dt(when),
        "interpreter": [c.ref("Practitioner", doctor_id, doc.name)],
        "numberOfSeries": 1,
        "numberOfInstances": images,
        "procedureCode": [c.concept(system, code, display, title)],
        "location": doc.location_ref(),
        "description": title,
        "series": [
            {
                "uid": f"2.25.{rng.getrandbits(96)}",
                "number": 1,
                "modality": c.coding(c.DICOM, modality or "OT", "Ultrasound"),
                "description": title,
                "numberOfInstances": images,
                "bodySite": c.coding(c.SNOMED, "818983003", "Abdomen")
                if kind == "abdomen-us"
                else c.coding(c.SNOMED, "80891009", "Heart structure"),
                "started": local_dt(when),
            }
        ],
    }
    if encounter_id:
        study["encounter"] = c.ref("Encounter", encounter_id)
    return b.add(study, when + timedelta(minutes=30))


def ecg_text(rng, rate: int, lvh: bool) -> tuple[str, str]:
    axis = rng.choice(("не отклонена", "отклонена влево"))
    findings = (
        f"Ритм синусовый, правильный. ЧСС {rate} в минуту. Электрическая ось сердца {axis}. "
        f"PQ 0,{rng.randint(14, 18)} с, QRS 0,0{rng.randint(8, 9)} с, "
        f"QT 0,{rng.randint(36, 40)} с. "
        + ("Индекс Соколова–Лайона 37 мм. " if lvh else "")
        + "Сегмент ST на изолинии."
    )
    conclusion = f"Синусовый ритм с ЧСС {rate} в минуту. " + (
        "Признаки гипертрофии миокарда левого желудочка."
        if lvh
        else "Нормальное положение ЭОС. Патологических изменений не выявлено."
    )
    return findings, conclusion


def abdomen_us_text(rng) -> tuple[str, str]:
    liver = rng.randint(156, 166)
    findings = (
        f"Печень: правая доля КВР {liver} мм (норма до 150 мм), левая доля 72 мм, контуры "
        "ровные, эхогенность паренхимы диффузно повышена, структура однородная, "
        "сосудистый рисунок обеднён. Воротная вена 11 мм. Желчный пузырь: 68×28 мм, стенка "
        "2 мм, содержимое однородное, конкрементов нет. Холедох 4 мм. Поджелудочная железа: "
        "головка 27 мм, тело 16 мм, хвост 24 мм, эхогенность повышена. Селезёнка: 104×42 мм, "
        "структура однородная. Свободной жидкости в брюшной полости нет."
    )
    conclusion = (
        "Эхографические признаки жирового гепатоза (стеатоза печени), гепатомегалии. "
        "Диффузные изменения поджелудочной железы."
    )
    return findings, conclusion


def echo_text(ef: int) -> tuple[str, str]:
    findings = (
        "Аорта: корень 35 мм, стенки уплотнены. Левое предсердие 42 мм. КДР ЛЖ 52 мм, "
        "КСР ЛЖ 37 мм. МЖП 13 мм, ЗСЛЖ 12 мм. Фракция выброса ЛЖ (Симпсон) "
        f"{ef} %. Гипокинезия нижней стенки ЛЖ в базальном сегменте. Диастолическая "
        "дисфункция ЛЖ по 1 типу. Митральная регургитация 1 степени, трикуспидальная "
        "регургитация 1 степени. СДЛА 30 мм рт. ст. Перикард без особенностей."
    )
    conclusion = (
        f"Концентрическая гипертрофия миокарда ЛЖ. Гипокинезия нижней стенки ЛЖ. "
        f"Систолическая функция ЛЖ сохранена (ФВ {ef} %). Диастолическая дисфункция "
        "ЛЖ 1 типа. Атеросклероз аорты."
    )
    return findings, conclusion
