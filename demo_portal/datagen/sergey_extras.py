"""Sergey's specialists, acute illnesses, studies, prescriptions, vaccinations, allergy."""

from __future__ import annotations

from datetime import date, timedelta

from . import codes as c
from . import texts_specialists as tx
from .builder import Builder, local_dt, years_before
from .clinical import allergy, condition, immunization, medication_request, procedure
from .costs import ABDOMEN_US_ITEM, ECG_ITEMS, eob
from .directory import Directory
from .labs import DR_LAB_CATEGORY, LAB_CATEGORY
from .patients import Person
from .studies import abdomen_us_text, ecg_text, study_report
from .visits import record_visit

COVID_PCR = (
    "94500-6",
    "SARS-CoV-2 (COVID-19) RNA [Presence] in Respiratory specimen by NAA with probe detection",
    "ПЦР-тест на РНК SARS-CoV-2 (COVID-19)",
)
DETECTED = {
    True: ("260373001", "Detected", "Обнаружено"),
    False: ("260415000", "Not detected", "Не обнаружено"),
}


def weekday_on_or_after(day: date) -> date:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def covid_pcr(b: Builder, d: Directory, p: Person, day: date, detected: bool, lab_org: str) -> dict:
    """COVID-19 PCR: an Observation with a coded result inside a lab DiagnosticReport."""
    taken = b.at(day, 9, 30)
    issued = taken + timedelta(hours=20)
    code, display, text = DETECTED[detected]
    subject = c.ref("Patient", p.id, p.full_name)
    performer = [c.ref("Organization", lab_org, d.org_names[lab_org])]
    obs = b.add(
        {
            "resourceType": "Observation",
            "id": b.new_id(f"obs-{p.id}"),
            "status": "final",
            "category": LAB_CATEGORY,
            "code": c.concept(c.LOINC, *COVID_PCR),
            "subject": subject,
            "effectiveDateTime": local_dt(taken),
            "issued": local_dt(issued),
            "performer": performer,
            "valueCodeableConcept": c.concept(c.SNOMED, code, display, text),
            "interpretation": [
                {
                    "coding": [
                        c.coding(
                            "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
                            "POS" if detected else "NEG",
                            "Positive" if detected else "Negative",
                        )
                    ],
                    "text": "Положительный" if detected else "Отрицательный",
                }
            ],
            "note": [{"text": "Мазок из носо- и ротоглотки"}],
        },
        issued,
    )
    return b.add(
        {
            "resourceType": "DiagnosticReport",
            "id": b.new_id(f"dr-{p.id}"),
            "status": "final",
            "category": DR_LAB_CATEGORY,
            "code": c.concept(c.LOINC, *COVID_PCR),
            "subject": subject,
            "effectiveDateTime": local_dt(taken),
            "issued": local_dt(issued),
            "performer": performer,
            "result": [c.ref("Observation", obs["id"], COVID_PCR[2])],
            "conclusion": f"РНК SARS-CoV-2 {text.lower()}",
        },
        issued,
    )


def build_sergey_extras(b: Builder, d: Directory, p: Person) -> None:
    rng = b.rng("sergey-extras")
    t = b.today
    _specialists(b, d, p, rng)
    # acute illnesses
    for years_ago in (8, 6, 1):
        day = weekday_on_or_after(years_before(t, years_ago) + timedelta(days=rng.randint(20, 60)))
        temp = rng.choice(("37,8", "38,2", "38,0"))
        cond = condition(
            b,
            d,
            p,
            "J06.9",
            "Острая инфекция верхних дыхательных путей неуточнённая",
            day,
            "pr-sokolova",
            abatement=day + timedelta(days=7),
            chronic=False,
        )
        record_visit(
            b,
            d,
            p,
            "pr-sokolova",
            b.at(day, 10, 20),
            tx.cold(rng, temp),
            [("J06.9", "Острая респираторная вирусная инфекция")],
            [cond["id"]],
        )
    covid_day = weekday_on_or_after(
        date(2021, 10, 11) if t.year >= 2023 else t - timedelta(days=400)
    )
    covid_pcr(b, d, p, covid_day - timedelta(days=1), True, "org-kdc4")
    cond = condition(
        b,
        d,
        p,
        "U07.1",
        "COVID-19, вирус идентифицирован",
        covid_day,
        "pr-orlov",
        abatement=covid_day + timedelta(days=14),
        chronic=False,
    )
    record_visit(
        b,
        d,
        p,
        "pr-orlov",
        b.at(covid_day, 12),
        tx.covid(),
        [("U07.1", "COVID-19, вирус идентифицирован")],
        [cond["id"]],
        kind="home",
        minutes=30,
    )
    covid_pcr(b, d, p, covid_day + timedelta(days=12), False, "org-kdc4")
    # studies
    us_day = weekday_on_or_after(years_before(t, 3) + timedelta(days=33))
    findings, conclusion = abdomen_us_text(rng)
    study_report(b, d, p, "abdomen-us", b.at(us_day, 11, 30), "pr-zaitseva", findings, conclusion)
    eob(b, d, p, "org-gp12", b.at(us_day, 12), [ABDOMEN_US_ITEM], paid=False)
    condition(
        b,
        d,
        p,
        "K76.0",
        "Жировая дегенерация печени, не классифицированная в других рубриках",
        us_day,
        "pr-morozov",
    )
    allergy(
        b,
        d,
        p,
        "764146007",
        "Penicillin",
        "Пенициллины",
        "Крапивница, отёк Квинке после инъекции пенициллина (1998 г.)",
        years_before(t, 12) + timedelta(days=40),
        "pr-sokolova",
    )
    _prescriptions(b, d, p)
    _vaccinations(b, d, p, rng)


def _specialists(b: Builder, d: Directory, p: Person, rng) -> None:
    t = b.today
    for years_ago in range(10, 0, -1):  # cardiologist yearly, with an ECG
        day = weekday_on_or_after(years_before(t, years_ago) + timedelta(days=rng.randint(60, 120)))
        sys_bp, dia_bp, pulse = rng.randint(128, 148), rng.randint(80, 92), rng.randint(64, 80)
        enc = record_visit(
            b,
            d,
            p,
            "pr-volkova",
            b.at(day, 15, 30),
            tx.cardiologist(rng, sys_bp, dia_bp, pulse, years_ago == 10),
            [("I10", "Эссенциальная (первичная) гипертензия")],
            minutes=30,
        )
        findings, conclusion = ecg_text(rng, pulse, lvh=years_ago <= 6)
        study_report(
            b, d, p, "ecg", b.at(day, 15, 10), "pr-volkova", findings, conclusion, enc["id"]
        )
        b.extra_items[enc["id"]] = list(ECG_ITEMS)
    for years_ago in range(11, 0, -1):  # the fundus every year; one year at a paid clinic
        day = weekday_on_or_after(
            years_before(t, years_ago) + timedelta(days=rng.randint(150, 200))
        )
        doctor = "pr-grigoriev" if years_ago == 4 else "pr-lebedev"
        record_visit(
            b,
            d,
            p,
            doctor,
            b.at(day, 9, 40),
            tx.ophthalmologist(rng, years_ago in (11, 4), False),
            [("H35.0", "Фоновая ретинопатия и ретинальные сосудистые изменения")],
            minutes=30,
            as_document=doctor == "pr-grigoriev",
        )
    day = weekday_on_or_after(years_before(t, 5) + timedelta(days=75))
    cond = condition(
        b,
        d,
        p,
        "M54.5",
        "Боль внизу спины",
        day,
        "pr-kozlova",
        abatement=day + timedelta(days=21),
        chronic=False,
    )
    record_visit(
        b,
        d,
        p,
        "pr-kozlova",
        b.at(day, 16),
        tx.neurologist(),
        [("M54.5", "Боль внизу спины")],
        [cond["id"]],
        minutes=30,
    )
    day = weekday_on_or_after(years_before(t, 4) + timedelta(days=200))
    cond = condition(
        b,
        d,
        p,
        "L60.0",
        "Вросший ноготь",
        day,
        "pr-novikov",
        abatement=day + timedelta(days=14),
        chronic=False,
    )
    enc = record_visit(
        b,
        d,
        p,
        "pr-novikov",
        b.at(day, 11),
        tx.surgeon(),
        [("L60.0", "Вросший ноготь")],
        [cond["id"]],
        minutes=40,
    )
    b.extra_items[enc["id"]] = [
        ("A16.01.027", "Удаление ногтевой пластинки с клиновидной резекцией матрикса", 1900, 1)
    ]
    procedure(
        b,
        d,
        p,
        "A16.01.027",
        "Удаление ногтевой пластинки с клиновидной резекцией матрикса",
        b.at(day, 11, 15),
        "pr-novikov",
        enc["id"],
        "Без осложнений",
        minutes=25,
    )
    day = weekday_on_or_after(years_before(t, 2) + timedelta(days=30))
    cond = condition(
        b,
        d,
        p,
        "J01.0",
        "Острый верхнечелюстной синусит",
        day,
        "pr-fedorova",
        abatement=day + timedelta(days=12),
        chronic=False,
    )
    enc = record_visit(
        b,
        d,
        p,
        "pr-fedorova",
        b.at(day, 10),
        tx.ent(rng),
        [("J01.0", "Острый верхнечелюстной синусит")],
        [cond["id"]],
    )
    medication_request(
        b,
        d,
        p,
        "J01FA09",
        "clarithromycin",
        "Кларитромицин 500 мг, таблетки",
        "По 1 таблетке 2 раза в день 7 дней",
        2,
        1,
        "таб.",
        "pr-fedorova",
        b.at(day, 10, 15),
        status="completed",
        days=7,
        encounter_id=enc["id"],
        reason=c.icd10("J01.0", "Острый верхнечелюстной синусит"),
    )


# (ATC, INN, Russian product, dosage text, times/day, dose, start years ago, stop years ago)
CHRONIC_MEDS = [
    (
        "A10BA02",
        "metformin",
        "Метформин 500 мг, таблетки",
        "По 1 таблетке 2 раза в день во время еды",
        2,
        1,
        11.0,
        10.9,
    ),
    (
        "A10BA02",
        "metformin",
        "Метформин 1000 мг, таблетки",
        "По 1 таблетке (1000 мг) 2 раза в день во время еды",
        2,
        1,
        10.9,
        None,
    ),
    (
        "C09AA03",
        "lisinopril",
        "Лизиноприл 10 мг, таблетки",
        "По 1 таблетке утром, ежедневно, длительно",
        1,
        1,
        12.0,
        None,
    ),
    (
        "C10AA05",
        "atorvastatin",
        "Аторвастатин 20 мг, таблетки",
        "По 1 таблетке вечером, ежедневно, длительно",
        1,
        1,
        9.8,
        None,
    ),
]
REASONS = {
    "A10BA02": ("E11.9", "Сахарный диабет 2 типа без осложнений"),
    "C09AA03": ("I10", "Эссенциальная (первичная) гипертензия"),
    "C10AA05": ("E78.5", "Гиперлипидемия неуточнённая"),
}


def _prescriptions(b: Builder, d: Directory, p: Person) -> None:
    """A yearly prescription per chronic drug; the latest one active, older ones completed."""
    t = b.today
    for atc, inn, product, dosage, per_day, dose, start, stop in CHRONIC_MEDS:
        doctor = "pr-sokolova" if atc == "C09AA03" else "pr-morozov"
        code, text = REASONS[atc]
        when = t - timedelta(days=int(start * 365.25))
        end = t - timedelta(days=int(stop * 365.25)) if stop else t - timedelta(days=20)
        while when <= end:
            last = when + timedelta(days=365) > end
            status = "active" if last and stop is None else "stopped" if last else "completed"
            medication_request(
                b,
                d,
                p,
                atc,
                inn,
                product,
                dosage,
                per_day,
                dose,
                "таб.",
                doctor,
                b.at(weekday_on_or_after(when), 10, 30),
                status=status,
                reason=c.icd10(code, text),
                days=90,
            )
            when += timedelta(days=365)


def _vaccinations(b: Builder, d: Directory, p: Person, rng) -> None:
    t = b.today
    for year in range(t.year - 10, t.year + 1):
        day = weekday_on_or_after(date(year, 10, rng.randint(2, 25)))
        if day >= t:
            continue
        immunization(
            b,
            d,
            p,
            "88",
            "influenza virus vaccine, unspecified formulation",
            "Вакцина для профилактики гриппа (Совигрипп)",
            b.at(day, 12),
            "pr-sokolova",
            "Ежегодная",
            f"{rng.randint(100, 999)}{rng.choice('АБВГ')}{rng.randint(10, 99)}",
        )
    day = weekday_on_or_after(years_before(t, 7) + timedelta(days=90))
    immunization(
        b,
        d,
        p,
        "09",
        "tetanus and diphtheria toxoids, adsorbed, for adult use",
        "АДС-М (ревакцинация против дифтерии и столбняка)",
        b.at(day, 11),
        "pr-sokolova",
        "Ревакцинация",
        f"Д{rng.randint(1000, 9999)}",
    )
    if t.year >= 2022:
        for dose, day in (("1", date(2021, 6, 7)), ("2", date(2021, 6, 28))):
            immunization(
                b,
                d,
                p,
                "213",
                "SARS-COV-2 (COVID-19) vaccine, UNSPECIFIED FORMULATION",
                f"Гам-КОВИД-Вак (Спутник V), компонент {dose}",
                b.at(day, 14),
                "pr-orlov",
                dose,
                f"I-{rng.randint(100000, 999999)}",
            )
