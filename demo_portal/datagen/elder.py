"""Anna Petrova, 72: coronary heart disease, a ten-day hospital stay and its discharge summary."""

from __future__ import annotations

from datetime import timedelta

from . import codes as c
from . import texts_specialists as tx
from .builder import Builder, local_dt, years_before
from .clinical import condition, immunization, medication_request, procedure
from .costs import ECG_ITEMS, ECHO_ITEM, eob
from .directory import Directory
from .discharge import discharge_sections, discharge_text
from .labs import LabContext, lab_report
from .patients import Person
from .sergey_extras import weekday_on_or_after
from .studies import ecg_text, echo_text, study_report
from .visits import Protocol, composition, document_reference, record_visit

DISCHARGE = ("18842-5", "Discharge summary", "Выписной эпикриз")
STAY_DAYS = 10
INP = c.coding(c.ACT_CODE, "IMP", "inpatient encounter")

# (ATC, INN, Russian product, dosage, times/day)
DISCHARGE_MEDS = [
    ("C07AB07", "bisoprolol", "Бисопролол 5 мг, таблетки", "По 1 таблетке утром", 1),
    (
        "B01AC06",
        "acetylsalicylic acid",
        "Ацетилсалициловая кислота 75 мг, таблетки",
        "По 1 таблетке после ужина, длительно",
        1,
    ),
    ("C10AA05", "atorvastatin", "Аторвастатин 40 мг, таблетки", "По 1 таблетке вечером", 1),
    ("C09AA04", "perindopril", "Периндоприл 5 мг, таблетки", "По 1 таблетке утром", 1),
    (
        "C01DA02",
        "glyceryl trinitrate",
        "Нитроглицерин, спрей подъязычный 0,4 мг/доза",
        "1 доза под язык при болях за грудиной, не более 3 доз за 15 минут",
        1,
    ),
]


def build_anna(b: Builder, d: Directory, p: Person) -> None:
    rng = b.rng("anna")
    t = b.today
    conds = {
        "I11.9": condition(
            b,
            d,
            p,
            "I11.9",
            "Гипертензивная болезнь сердца без сердечной недостаточности",
            years_before(t, 20),
            "pr-orlov",
        ),
        "I25.1": condition(
            b, d, p, "I25.1", "Атеросклеротическая болезнь сердца", years_before(t, 8), "pr-volkova"
        ),
        "E78.0": condition(
            b, d, p, "E78.0", "Чистая гиперхолестеринемия", years_before(t, 8), "pr-volkova"
        ),
        "M17.0": condition(
            b, d, p, "M17.0", "Первичный гонартроз двусторонний", years_before(t, 6), "pr-novikov"
        ),
    }
    ctx = LabContext(p, "org-kdc4", d.org_names["org-kdc4"])
    for years_ago in range(5, 0, -1):
        day = weekday_on_or_after(years_before(t, years_ago) + timedelta(days=rng.randint(30, 60)))
        sys_bp, dia_bp, pulse = rng.randint(138, 158), rng.randint(78, 90), rng.randint(62, 76)
        enc = record_visit(
            b,
            d,
            p,
            "pr-volkova",
            b.at(day, 14, 30),
            tx.cardiologist(rng, sys_bp, dia_bp, pulse, years_ago == 5),
            [("I25.1", "Атеросклеротическая болезнь сердца")],
            [conds["I25.1"]["id"], conds["I11.9"]["id"]],
            minutes=30,
        )
        findings, conclusion = ecg_text(rng, pulse, lvh=True)
        study_report(
            b, d, p, "ecg", b.at(day, 14, 10), "pr-volkova", findings, conclusion, enc["id"]
        )
        b.extra_items[enc["id"]] = list(ECG_ITEMS)
        taken = b.at(day - timedelta(days=7), 8, 20)
        lab_report(
            b,
            ctx,
            "lipids",
            {
                "2093-3": 5.6 + 0.15 * years_ago + rng.gauss(0, 0.3),
                "13457-7": 3.6 + rng.gauss(0, 0.3),
                "2085-9": 1.3,
                "2571-8": 1.6 + rng.gauss(0, 0.2),
            },
            taken,
        )
        lab_report(
            b,
            ctx,
            "cbc",
            {
                "718-7": 128 + rng.gauss(0, 5),
                "6690-2": 6.1,
                "789-8": 4.3,
                "777-3": 228,
                "4544-3": 39,
                "30341-2": 18 + rng.randint(0, 6),
            },
            taken,
        )
    for year in range(t.year - 5, t.year + 1):
        day = weekday_on_or_after(years_before(t, t.year - year).replace(month=10, day=9))
        if day < t:
            immunization(
                b,
                d,
                p,
                "88",
                "influenza virus vaccine, unspecified formulation",
                "Вакцина для профилактики гриппа (Совигрипп)",
                b.at(day, 11),
                "pr-orlov",
                "Ежегодная",
                f"{rng.randint(100, 999)}В{rng.randint(10, 99)}",
            )
    day = weekday_on_or_after(years_before(t, 3) + timedelta(days=50))
    immunization(
        b,
        d,
        p,
        "33",
        "pneumococcal polysaccharide vaccine, 23 valent",
        "Пневмококковая полисахаридная вакцина (Пневмовакс 23)",
        b.at(day, 11, 30),
        "pr-orlov",
        "V1",
        f"X{rng.randint(1000, 9999)}",
    )
    _hospital_stay(b, d, p, rng, conds)
    _home_visit(b, d, p)


def _hospital_stay(b: Builder, d: Directory, p: Person, rng, conds: dict[str, dict]) -> None:
    admit_day = b.today - timedelta(days=123)
    admitted = b.at(admit_day, 22, 40)
    discharged = b.at(admit_day + timedelta(days=STAY_DAYS), 12)
    acute = condition(
        b,
        d,
        p,
        "I20.0",
        "Нестабильная стенокардия",
        admit_day,
        "pr-romanov",
        abatement=admit_day + timedelta(days=STAY_DAYS),
        chronic=False,
    )
    enc_id = b.new_id(f"enc-{p.id}")
    ctx = LabContext(p, "org-gkb17", d.org_names["org-gkb17"])
    day1 = admitted + timedelta(hours=1)
    lab_report(
        b,
        ctx,
        "cardiac",
        {"89579-7": 14.2, "33762-6": 410},
        day1,
        enc_id,
        conclusion="Тропонин в пределах нормы; NT-proBNP повышен.",
    )
    lab_report(
        b, ctx, "cardiac", {"89579-7": 11.8, "33762-6": 380}, day1 + timedelta(hours=6), enc_id
    )
    morning = b.at(admit_day + timedelta(days=1), 7, 30)
    lab_report(
        b,
        ctx,
        "cbc",
        {"718-7": 121, "6690-2": 7.8, "789-8": 4.1, "777-3": 214, "4544-3": 37, "30341-2": 22},
        morning,
        enc_id,
    )
    lab_report(
        b,
        ctx,
        "chemistry",
        {"2345-7": 6.3, "2160-0": 92, "62238-1": 54, "1742-6": 24, "1920-8": 29, "2823-3": 4.6},
        morning,
        enc_id,
    )
    lab_report(
        b,
        ctx,
        "lipids",
        {"2093-3": 6.4, "13457-7": 4.1, "2085-9": 1.2, "2571-8": 2.0},
        morning,
        enc_id,
    )
    lab_report(
        b,
        ctx,
        "chemistry",
        {"2345-7": 5.6, "2160-0": 84, "62238-1": 60, "1742-6": 31, "1920-8": 27, "2823-3": 4.4},
        morning + timedelta(days=7),
        enc_id,
    )
    ecg_admit = ecg_text(rng, 88, lvh=True)
    study_report(
        b,
        d,
        p,
        "ecg",
        admitted + timedelta(minutes=20),
        "pr-romanov",
        ecg_admit[0] + " Депрессия сегмента ST до 1 мм в отведениях II, III, aVF.",
        ecg_admit[1] + " Ишемические изменения нижней стенки ЛЖ.",
        enc_id,
    )
    echo = echo_text(52)
    study_report(
        b,
        d,
        p,
        "echo",
        b.at(admit_day + timedelta(days=2), 11),
        "pr-tkachenko",
        echo[0],
        echo[1],
        enc_id,
    )
    procedure(
        b,
        d,
        p,
        "A06.10.006",
        "Коронарография",
        b.at(admit_day + timedelta(days=3), 10),
        "pr-tkachenko",
        enc_id,
        "Стеноз правой коронарной артерии 60 %, огибающей ветви — "
        "40 %. Показаний к реваскуляризации нет, рекомендована медикаментозная терапия.",
        minutes=45,
    )
    ecg_out = ecg_text(rng, 64, lvh=True)
    study_report(
        b, d, p, "ecg", b.at(admit_day + timedelta(days=9), 9), "pr-romanov", *ecg_out, enc_id
    )
    diagnoses = [acute["id"], conds["I25.1"]["id"], conds["I11.9"]["id"], conds["E78.0"]["id"]]
    b.add(
        {
            "resourceType": "Encounter",
            "id": enc_id,
            "status": "finished",
            "class": INP,
            "type": [c.text_only("Госпитализация в кардиологическое отделение")],
            "serviceType": c.concept(c.SNOMED, "394579002", "Cardiology", "Кардиология"),
            "priority": c.concept(c.ACT_CODE, "EM", "emergency", "Экстренная"),
            "subject": c.ref("Patient", p.id, p.full_name),
            "participant": [
                {
                    "type": [
                        c.concept(
                            "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                            "ATND",
                            "attender",
                            "Лечащий врач",
                        )
                    ],
                    "individual": c.ref("Practitioner", "pr-romanov", d.doctor("pr-romanov").name),
                }
            ],
            "period": {"start": local_dt(admitted), "end": local_dt(discharged)},
            "length": {"value": STAY_DAYS, "unit": "сут", "system": c.UCUM, "code": "d"},
            "reasonCode": [c.icd10("I20.0", "Нестабильная стенокардия")],
            "diagnosis": [
                {
                    "condition": c.ref("Condition", cid),
                    "rank": i + 1,
                    "use": c.concept(
                        "http://terminology.hl7.org/CodeSystem/diagnosis-role",
                        "DD" if i == 0 else "CM",
                        "Discharge diagnosis" if i == 0 else "Comorbidity diagnosis",
                        "Основной" if i == 0 else "Сопутствующий",
                    ),
                }
                for i, cid in enumerate(diagnoses)
            ],
            "hospitalization": {
                "admitSource": c.concept(
                    "http://terminology.hl7.org/CodeSystem/admit-source",
                    "emd",
                    "From accident/emergency department",
                    "Доставлена бригадой скорой медицинской помощи",
                ),
                "dischargeDisposition": c.concept(
                    "http://terminology.hl7.org/CodeSystem/discharge-disposition",
                    "home",
                    "Home",
                    "Выписана домой под наблюдение участкового терапевта и кардиолога",
                ),
            },
            "location": [
                {
                    "location": c.ref("Location", "loc-gkb17-412", "палата 412"),
                    "status": "completed",
                    "period": {"start": local_dt(admitted), "end": local_dt(discharged)},
                }
            ],
            "serviceProvider": c.ref("Organization", "org-gkb17", d.org_names["org-gkb17"]),
        },
        discharged,
    )
    for atc, inn, product, dosage, per_day in DISCHARGE_MEDS:
        medication_request(
            b,
            d,
            p,
            atc,
            inn,
            product,
            dosage,
            per_day,
            1,
            "доза" if "спрей" in product else "таб.",
            "pr-romanov",
            discharged,
            reason=c.icd10("I25.1", "Атеросклеротическая болезнь сердца"),
            encounter_id=enc_id,
            days=30,
        )
    sections = discharge_sections(p, admitted, discharged)
    comp = composition(
        b, d, p, "pr-romanov", discharged, "Выписной эпикриз", sections, DISCHARGE, enc_id
    )
    document_reference(
        b,
        d,
        p,
        "pr-romanov",
        discharged,
        "Выписной эпикриз",
        discharge_text(p, d, admitted, discharged, sections),
        DISCHARGE,
        enc_id,
        same_as=comp,
    )
    eob(
        b,
        d,
        p,
        "org-gkb17",
        discharged,
        [
            (
                "st13.001",
                "Стационарное лечение по КСГ: нестабильная стенокардия, инфаркт миокарда без "
                "реваскуляризации",
                74500,
                1,
            ),
            (
                "B01.015.005",
                "Ежедневный осмотр врачом-кардиологом с наблюдением и уходом среднего и "
                "младшего медицинского персонала в отделении стационара",
                2850,
                STAY_DAYS,
            ),
            ("A06.10.006", "Коронарография", 38900, 1),
            ECHO_ITEM,
            *ECG_ITEMS,
        ],
        paid=False,
        encounter_id=enc_id,
        institutional=True,
        doctor_id="pr-romanov",
    )


def _home_visit(b: Builder, d: Directory, p: Person) -> None:
    day = weekday_on_or_after(b.today - timedelta(days=48))
    protocol = Protocol(
        complaints="Слабость, головокружение, АД до 170/95 мм рт. ст. утром.",
        history="Выписана из кардиологического отделения 2 месяца назад. Принимает бисопролол, "
        "периндоприл, аторвастатин, ацетилсалициловую кислоту.",
        exam="Осмотр на дому. Состояние удовлетворительное. АД 164/92 мм рт. ст., ЧСС 66 в минуту, "
        "ритм правильный. Отёков нет. SpO2 97 %.",
        diagnosis="ИБС: стабильная стенокардия напряжения II ФК (I25.1). Гипертензивная болезнь "
        "сердца (I11.9), неконтролируемое течение.",
        plan="1. Периндоприл увеличить до 10 мг утром.\n2. Дневник АД утром и вечером.\n"
        "3. Приём кардиолога по записи в течение 2 недель.",
        first=False,
    )
    record_visit(
        b,
        d,
        p,
        "pr-orlov",
        b.at(day, 15, 30),
        protocol,
        [("I11.9", "Гипертензивная болезнь сердца без сердечной недостаточности")],
        kind="home",
        minutes=40,
    )
