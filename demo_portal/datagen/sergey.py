"""The main demo patient: Sergey Ivanov, 45, type 2 diabetes and hypertension."""

from __future__ import annotations

from datetime import timedelta

from .builder import Builder, years_before
from .clinical import condition
from .directory import Directory
from .patients import Person
from .sergey_extras import build_sergey_extras
from .sergey_labs import LabVisit, build_diary, build_sergey_labs
from .sergey_visits import build_sergey_visits


def build_sergey(b: Builder, d: Directory, p: Person) -> list[LabVisit]:
    """Everything on Sergey's card; returns his blood draws for the costs."""
    t = b.today
    conds = {
        "I10": condition(
            b,
            d,
            p,
            "I10",
            "Эссенциальная (первичная) гипертензия",
            years_before(t, 12) + timedelta(days=40),
            "pr-sokolova",
        ),
        "E11.9": condition(
            b,
            d,
            p,
            "E11.9",
            "Сахарный диабет 2 типа без осложнений",
            years_before(t, 11) - timedelta(days=150),
            "pr-morozov",
            note="Целевой уровень HbA1c < 7,0 %",
        ),
        "E78.5": condition(
            b,
            d,
            p,
            "E78.5",
            "Гиперлипидемия неуточнённая",
            years_before(t, 10) - timedelta(days=120),
            "pr-morozov",
        ),
    }
    ids = {k: v["id"] for k, v in conds.items()}
    labs = build_sergey_labs(b, d, p)
    build_sergey_visits(b, d, p, ids)
    build_sergey_extras(b, d, p)
    build_diary(b, p)
    return labs
