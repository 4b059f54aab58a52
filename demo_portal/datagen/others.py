"""The other accounts' cards: a few records each, enough for access-control tests."""

from __future__ import annotations

from datetime import timedelta

from . import texts_specialists as tx
from .builder import Builder, years_before
from .clinical import condition, immunization
from .directory import Directory
from .labs import LabContext, lab_report
from .patients import Person
from .sergey_extras import weekday_on_or_after
from .texts import therapist_protocol
from .visits import record_visit


def build_others(b: Builder, d: Directory, persons: dict[str, Person]) -> None:
    rng = b.rng("others")
    t = b.today
    olga, artem = persons["smirnova-olga"], persons["smirnov-artem"]
    dmitry, tatiana = persons["kuznetsov-dmitry"], persons["egorova-tatiana"]

    day = weekday_on_or_after(t - timedelta(days=210))
    cond = condition(b, d, olga, "E03.9", "Гипотиреоз неуточнённый", years_before(t, 4), "pr-orlov")
    lab_report(
        b,
        LabContext(olga, "org-kdc4", d.org_names["org-kdc4"]),
        "tsh",
        {"3016-3": 5.6},
        b.at(day - timedelta(days=5), 8, 10),
    )
    record_visit(
        b,
        d,
        olga,
        "pr-orlov",
        b.at(day, 11),
        therapist_protocol(rng, False, 118, 76, 70, 64.0),
        [("E03.9", "Гипотиреоз неуточнённый")],
        [cond["id"]],
    )

    day = weekday_on_or_after(t - timedelta(days=70))
    record_visit(
        b,
        d,
        artem,
        "pr-gusev",
        b.at(day, 9, 20),
        tx.cold(rng, "38,1"),
        [("J06.9", "Острая респираторная вирусная инфекция")],
    )
    immunization(
        b,
        d,
        artem,
        "03",
        "MMR",
        "Корь, краснуха, паротит (КПК, Вактривир)",
        b.at(weekday_on_or_after(artem.birth + timedelta(days=6 * 365 + 30)), 10),
        "pr-gusev",
        "RV",
        f"{rng.randint(100, 999)}К",
    )

    day = weekday_on_or_after(t - timedelta(days=33))
    record_visit(
        b,
        d,
        dmitry,
        "pr-orlov",
        b.at(day, 17),
        tx.cold(rng, "37,9"),
        [("J06.9", "Острая респираторная вирусная инфекция")],
    )

    day = weekday_on_or_after(t - timedelta(days=120))
    ctx = LabContext(tatiana, "org-chukotka", d.org_names["org-chukotka"])
    lab_report(
        b,
        ctx,
        "chemistry",
        {"2345-7": 5.4, "2160-0": 71, "62238-1": 86, "1742-6": 22, "1920-8": 24, "2823-3": 4.2},
        b.at(day, 9),
    )
    cond = condition(
        b,
        d,
        tatiana,
        "I10",
        "Эссенциальная (первичная) гипертензия",
        years_before(t, 3),
        "pr-yakovleva",
    )
    record_visit(
        b,
        d,
        tatiana,
        "pr-yakovleva",
        b.at(day + timedelta(days=3), 10),
        therapist_protocol(rng, False, 146, 88, 72, 74.0),
        [("I10", "Эссенциальная (первичная) гипертензия")],
        [cond["id"]],
    )
