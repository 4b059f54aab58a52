"""Masha Ivanova, 8: paediatric check-ups, the national vaccination calendar, colds, tests."""

from __future__ import annotations

from datetime import date, timedelta

from .builder import Builder
from .clinical import allergy, condition, immunization
from .directory import Directory
from .labs import LabContext, lab_report
from .patients import Person
from .sergey_extras import covid_pcr, weekday_on_or_after
from .visits import Protocol, record_visit

# Национальный календарь профилактических прививок (приказ № 1122н):
# (age in days, CVX, CVX display, Russian vaccine, dose, at the maternity hospital)
CALENDAR = [
    (0, "08", "Hep B, adolescent or pediatric", "Гепатит B (Регевак B)", "V1", True),
    (4, "19", "BCG", "БЦЖ-М (туберкулёз)", "V", True),
    (30, "08", "Hep B, adolescent or pediatric", "Гепатит B (Регевак B)", "V2", False),
    (
        61,
        "133",
        "Pneumococcal conjugate PCV 13",
        "Пневмококковая инфекция (Превенар 13)",
        "V1",
        False,
    ),
    (91, "01", "DTP", "АКДС (дифтерия, коклюш, столбняк)", "V1", False),
    (91, "10", "IPV", "Полиомиелит (ИПВ, Полимилекс)", "V1", False),
    (137, "01", "DTP", "АКДС (дифтерия, коклюш, столбняк)", "V2", False),
    (137, "10", "IPV", "Полиомиелит (ИПВ, Полимилекс)", "V2", False),
    (
        137,
        "133",
        "Pneumococcal conjugate PCV 13",
        "Пневмококковая инфекция (Превенар 13)",
        "V2",
        False,
    ),
    (183, "01", "DTP", "АКДС (дифтерия, коклюш, столбняк)", "V3", False),
    (183, "02", "OPV", "Полиомиелит (ОПВ, Бивак полио)", "V3", False),
    (183, "08", "Hep B, adolescent or pediatric", "Гепатит B (Регевак B)", "V3", False),
    (366, "03", "MMR", "Корь, краснуха, паротит (КПК, Вактривир)", "V1", False),
    (
        457,
        "133",
        "Pneumococcal conjugate PCV 13",
        "Пневмококковая инфекция (Превенар 13)",
        "RV",
        False,
    ),
    (548, "01", "DTP", "АКДС (дифтерия, коклюш, столбняк)", "RV1", False),
    (548, "02", "OPV", "Полиомиелит (ОПВ, Бивак полио)", "RV1", False),
    (609, "02", "OPV", "Полиомиелит (ОПВ, Бивак полио)", "RV2", False),
    (6 * 365 + 20, "03", "MMR", "Корь, краснуха, паротит (КПК, Вактривир)", "RV", False),
    (6 * 365 + 60, "09", "Td (adult)", "АДС-М (дифтерия, столбняк)", "RV2", False),
    (7 * 365 + 30, "19", "BCG", "БЦЖ (ревакцинация)", "RV", False),
]
CHECKUP_MONTHS = [1, 2, 3, 4, 5, 6, 9, 12, 24, 36, 48, 60, 72, 84, 96]


def growth(months: int) -> tuple[float, float]:
    """(weight kg, height cm) of a girl growing along the median."""
    if months <= 12:
        return 3.3 + 0.7 * min(months, 6) + 0.35 * max(months - 6, 0), 50 + 2.5 * min(
            months, 6
        ) + 1.3 * max(months - 6, 0)
    years = months / 12
    return 9.5 + 2.1 * (years - 1), 74 + 7.5 * min(years - 1, 3) + 6 * max(years - 4, 0)


def checkup_protocol(rng, months: int, weight: float, height: float, girl: bool = True) -> Protocol:
    age = (
        f"{months} мес."
        if months < 12
        else f"{months // 12} г."
        if months < 60
        else f"{months // 12} лет"
    )
    development = (
        "Держит голову, следит за игрушкой, гулит."
        if months <= 3
        else "Сидит, переворачивается, лепечет."
        if months <= 9
        else "Ходит самостоятельно, говорит отдельные слова."
        if months <= 24
        else "Развитие соответствует возрасту, речь фразовая."
        if months <= 60
        else "Посещает школу, успеваемость хорошая, занимается плаванием."
    )
    return Protocol(
        complaints="Жалоб нет. Профилактический осмотр.",
        history=(
            f"Ребёнок от I беременности, роды в срок. Возраст {age}. "
            + ("Грудное вскармливание." if months <= 6 else "Питание по возрасту.")
            + " Прививки по национальному календарю."
        ),
        exam=(
            f"Состояние удовлетворительное. Масса тела {weight:.1f} кг, рост {height:.0f} см. "
            "Кожа чистая, розовая. Лимфоузлы не увеличены. Зев спокоен. В лёгких дыхание "
            f"пуэрильное, хрипов нет. Тоны сердца ясные, ЧСС {rng.randint(90, 130) if months < 24 else rng.randint(80, 100)} "
            f"в минуту. Живот мягкий. {development}"
        ),
        diagnosis=(
            f"{'Здорова' if girl else 'Здоров'} (Z00.1). Группа здоровья "
            + ("I." if months < 60 or not girl else "II (аллергический ринит).")
        ),
        plan=(
            "1. Режим и питание по возрасту.\n2. Прививки по национальному календарю.\n"
            "3. Следующий профилактический осмотр по плану."
        ),
        first=months == 1,
    )


def child_cold(rng, temp: str, otitis: bool = False) -> Protocol:
    return Protocol(
        complaints=f"Со слов мамы: насморк, кашель, температура до {temp} °C"
        + (", боль в правом ухе." if otitis else "."),
        history=f"Болеет {rng.choice(('1', '2'))} день. В классе болеют ОРВИ.",
        exam=(
            "Состояние средней тяжести. Зев гиперемирован. Носовое дыхание затруднено, "
            "слизистое отделяемое. В лёгких дыхание жёсткое, хрипов нет. "
            + ("Отоскопия: барабанная перепонка справа гиперемирована, выбухает." if otitis else "")
        ),
        diagnosis=(
            "Острый средний отит справа (H66.9). ОРВИ (J06.9)."
            if otitis
            else "Острая респираторная вирусная инфекция (J06.9)."
        ),
        plan=(
            "1. Обильное питьё, домашний режим.\n"
            "2. Ибупрофен (суспензия) 7,5 мл при температуре выше 38,5 °C.\n"
            "3. Промывание носа солевым раствором.\n"
            + (
                "4. Осмотр ЛОР-врача.\n5. Повторный осмотр через 3 дня."
                if otitis
                else "4. Справка для школы при выздоровлении. Повторный осмотр через 5 дней."
            )
        ),
        first=True,
    )


def build_masha(b: Builder, d: Directory, p: Person) -> None:
    rng = b.rng("masha")
    for months in CHECKUP_MONTHS:
        day = weekday_on_or_after(p.birth + timedelta(days=int(months * 30.44)))
        if day >= b.today:
            continue
        weight, height = growth(months)
        doctor = "pr-belova" if months % 24 else "pr-gusev"
        record_visit(
            b,
            d,
            p,
            doctor,
            b.at(day, 10, 40),
            checkup_protocol(rng, months, weight + rng.gauss(0, 0.3), height),
            [("Z00.1", "Рутинное обследование состояния здоровья ребёнка")],
        )
    for age_days, cvx, display, text, dose, maternity in CALENDAR:
        day = (
            p.birth + timedelta(days=age_days)
            if maternity
            else weekday_on_or_after(p.birth + timedelta(days=age_days))
        )
        if day >= b.today:
            continue
        immunization(
            b,
            d,
            p,
            cvx,
            display,
            f"{text}",
            b.at(day, 11, 0 if maternity else 20),
            None if maternity else "pr-belova",
            dose,
            f"{rng.randint(10, 99)}{rng.choice('АБВКМ')}{rng.randint(100, 999)}",
            site="Бедро" if age_days < 700 else "Плечо",
            org_id="org-gkb17" if maternity else None,
        )
    for year in range(p.birth.year + 1, b.today.year + 1):
        day = weekday_on_or_after(date(year, 10, 14))
        if p.birth + timedelta(days=183) < day < b.today and year % 2 == 0:
            immunization(
                b,
                d,
                p,
                "88",
                "influenza virus vaccine, unspecified formulation",
                "Грипп (Ультрикс Квадри)",
                b.at(day, 15),
                "pr-belova",
                "Ежегодная",
                f"{rng.randint(100, 999)}{rng.choice('АБВ')}",
            )
    _illnesses(b, d, p, rng)


def _illnesses(b: Builder, d: Directory, p: Person, rng) -> None:
    episodes = [(2 * 365 + 40, False), (4 * 365 + 100, True), (6 * 365 + 10, False)]
    recent = (b.today - p.birth).days - 95  # a cold three months ago
    episodes.append((recent, False))
    for age_days, otitis in episodes:
        day = weekday_on_or_after(p.birth + timedelta(days=age_days))
        code, text = (
            ("H66.9", "Средний отит неуточнённый")
            if otitis
            else ("J06.9", "Острая инфекция верхних дыхательных путей неуточнённая")
        )
        cond = condition(
            b, d, p, code, text, day, "pr-belova", abatement=day + timedelta(days=8), chronic=False
        )
        enc = record_visit(
            b,
            d,
            p,
            "pr-belova",
            b.at(day, 12, 30),
            child_cold(rng, rng.choice(("38,3", "38,7", "37,9")), otitis),
            [(code, text)],
            [cond["id"]],
        )
        if age_days == recent:
            ctx = LabContext(p, "org-kdc4", d.org_names["org-kdc4"], child=True)
            lab_report(
                b,
                ctx,
                "cbc",
                {
                    "718-7": 124,
                    "6690-2": 14.2,
                    "789-8": 4.6,
                    "777-3": 310,
                    "4544-3": 37.5,
                    "30341-2": 16,
                },
                b.at(day + timedelta(days=1), 8, 30),
                encounter_id=enc["id"],
                conclusion="Лейкоцитоз, ускорение СОЭ — характерно для острой инфекции.",
            )
    covid_day = weekday_on_or_after(p.birth + timedelta(days=4 * 365 + 200))
    covid_pcr(b, d, p, covid_day, False, "org-kdc4")
    onset = p.birth + timedelta(days=5 * 365 + 120)
    condition(
        b,
        d,
        p,
        "J30.1",
        "Аллергический ринит, вызванный пыльцой растений",
        onset,
        "pr-belova",
        note="Обострения в апреле–мае (цветение берёзы)",
    )
    allergy(
        b,
        d,
        p,
        None,
        "",
        "Пыльца берёзы",
        "Ринит, конъюнктивит, чихание в период цветения",
        onset,
        "pr-belova",
        category="environment",
        criticality="low",
    )


def build_petr(b: Builder, d: Directory, p: Person) -> None:
    """A few records, so the card is not empty once a parent's access is granted."""
    rng = b.rng("petr")
    for months in (108, 120, 132, 144):
        day = weekday_on_or_after(p.birth + timedelta(days=int(months * 30.44) + 20))
        if day >= b.today:
            continue
        weight, height = 28 + 3.2 * (months / 12 - 9), 133 + 6 * (months / 12 - 9)
        record_visit(
            b,
            d,
            p,
            "pr-gusev",
            b.at(day, 15, 20),
            checkup_protocol(rng, months, weight, height, girl=False),
            [("Z00.1", "Рутинное обследование состояния здоровья ребёнка")],
        )
    day = weekday_on_or_after(b.today - timedelta(days=160))
    record_visit(
        b,
        d,
        p,
        "pr-gusev",
        b.at(day, 13),
        child_cold(rng, "38,4"),
        [("J06.9", "Острая респираторная вирусная инфекция")],
    )
    immunization(
        b,
        d,
        p,
        "19",
        "BCG",
        "БЦЖ (ревакцинация)",
        b.at(weekday_on_or_after(p.birth + timedelta(days=7 * 365 + 40)), 11),
        "pr-gusev",
        "RV",
        f"{rng.randint(100, 999)}Б",
    )
