"""Requests to the clinic already done: a certificate and an extract, issued as documents."""

from __future__ import annotations

from datetime import date, timedelta

from . import codes as c
from .builder import Builder, local_dt
from .directory import Directory
from .patients import Person
from .visits import document_reference

CERTIFICATE = ("11488-4", "Consult note", "Медицинская справка")
EXTRACT = ("34133-9", "Summary of episode note", "Выписка из медицинской карты (форма 027/у)")


def issued_request(
    b: Builder,
    d: Directory,
    p: Person,
    requester: Person,
    kind: str,
    title: str,
    asked: date,
    doctor_id: str,
    text: str,
    doc_type: tuple[str, str, str],
) -> None:
    """A completed Task whose output is the issued DocumentReference."""
    done = b.at(asked + timedelta(days=2), 14, 10)
    doc = document_reference(b, d, p, doctor_id, done, title, text, doc_type, None)
    org = d.doctor(doctor_id).org_id
    b.add(
        {
            "resourceType": "Task",
            "id": b.new_id(f"task-{p.id}"),
            "status": "completed",
            "intent": "order",
            "code": c.concept(c.REQUEST_TYPE, kind, None, title),
            "description": title,
            "for": c.ref("Patient", p.id, p.full_name),
            "authoredOn": local_dt(b.at(asked, 20, 15)),
            "lastModified": local_dt(done),
            "requester": c.ref("Patient", requester.id, requester.full_name),
            "owner": c.ref("Organization", org, d.org_names[org]),
            "businessStatus": c.text_only("Документ готов"),
            "output": [
                {
                    "type": c.text_only("Выданный документ"),
                    "valueReference": c.ref("DocumentReference", doc["id"], title),
                }
            ],
        },
        done,
    )


def build_requests(b: Builder, d: Directory, sergey: Person, masha: Person) -> None:
    day = b.today - timedelta(days=58)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    issued_request(
        b,
        d,
        masha,
        sergey,
        "certificate",
        "Справка для посещения бассейна",
        day,
        "pr-belova",
        f"СПРАВКА\nДана {masha.full_name}, {masha.birth.strftime('%d.%m.%Y')} г. р., в том, что "
        f"она осмотрена врачом-педиатром {(day + timedelta(days=2)).strftime('%d.%m.%Y')}. "
        "Кожные покровы чистые, заразных кожных заболеваний и педикулёза нет. Энтеробиоз не "
        "выявлен.\nМожет посещать бассейн.\nСправка действительна 3 месяца.",
        CERTIFICATE,
    )
    day = b.today - timedelta(days=150)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    issued_request(
        b,
        d,
        sergey,
        sergey,
        "extract",
        EXTRACT[2],
        day,
        "pr-sokolova",
        f"ВЫПИСКА ИЗ МЕДИЦИНСКОЙ КАРТЫ ПАЦИЕНТА, ПОЛУЧАЮЩЕГО МЕДИЦИНСКУЮ ПОМОЩЬ В АМБУЛАТОРНЫХ "
        f"УСЛОВИЯХ (форма 027/у)\nПациент: {sergey.full_name}, {sergey.birth.strftime('%d.%m.%Y')} г. р.\n"
        "Диагнозы: Сахарный диабет 2 типа (E11.9), целевой HbA1c < 7,0 %. Гипертоническая болезнь "
        "II стадии, риск 3 (I10). Гиперлипидемия (E78.5). Жировой гепатоз (K76.0).\n"
        "Постоянная терапия: метформин 1000 мг 2 раза в день, лизиноприл 10 мг утром, "
        "аторвастатин 20 мг вечером.\nАллергологический анамнез: пенициллины (крапивница, отёк "
        "Квинке).\nПоследний HbA1c 7,0 %. Диспансерное наблюдение у эндокринолога и терапевта.\n"
        "Выписка выдана для предъявления по месту требования.",
        EXTRACT,
    )
