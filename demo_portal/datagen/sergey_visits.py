"""Sergey's visits: endocrinologist and therapist follow-up of diabetes and hypertension."""

from __future__ import annotations

from datetime import timedelta

from . import codes as c
from .builder import Builder
from .directory import Directory
from .patients import Person
from .sergey_labs import vital_signs
from .texts import endocrinologist_protocol, therapist_protocol
from .visits import record_visit

E11 = ("E11.9", "Сахарный диабет 2 типа без осложнений")
I10 = ("I10", "Эссенциальная (первичная) гипертензия")
E78 = ("E78.5", "Гиперлипидемия неуточнённая")


def build_sergey_visits(
    b: Builder, d: Directory, p: Person, conditions: dict[str, str]
) -> list[dict]:
    """Endocrinologist every 3–6 months and a yearly check-up by the therapist."""
    rng = b.rng("sergey-visits")
    start = b.today - timedelta(days=int(11.4 * 365.25))
    total = (b.today - start).days
    day = start
    encounters: list[dict] = []
    n = 0
    while day < b.today - timedelta(days=10):
        while day.weekday() >= 5:
            day += timedelta(days=1)
        f = (day - start).days / total
        when = b.at(day, rng.choice((9, 10, 11, 14, 15)), rng.choice((0, 20, 40)))
        sys_bp = int(152 - 18 * f + rng.gauss(0, 5))
        dia_bp = int(96 - 10 * f + rng.gauss(0, 3))
        pulse = int(rng.gauss(74, 5))
        weight = 99 - 7 * f + rng.gauss(0, 0.8)
        hba1c = 8.6 - 1.7 * f + rng.gauss(0, 0.2)
        if n % 3 == 2:
            doctor, protocol = (
                "pr-sokolova",
                therapist_protocol(rng, n == 2, sys_bp, dia_bp, pulse, weight),
            )
            reasons = [I10, E11]
            conds = [conditions["I10"], conditions["E11.9"]]
        else:
            doctor = "pr-morozov"
            protocol = endocrinologist_protocol(rng, n == 0, f, hba1c, sys_bp, dia_bp, weight)
            reasons = [E11, E78] if f > 0.1 else [E11]
            conds = [conditions["E11.9"]] + ([conditions["E78.5"]] if f > 0.1 else [])
        enc = record_visit(
            b, d, p, doctor, when, protocol, reasons, conds, as_document=rng.random() < 0.25
        )
        vital_signs(
            b,
            p,
            when + timedelta(minutes=5),
            c.ref("Practitioner", doctor, d.doctor(doctor).name),
            enc["id"],
            sys_bp,
            dia_bp,
            pulse,
            weight,
        )
        encounters.append(enc)
        n += 1
        day = day + timedelta(days=rng.randint(95, 170))
    return encounters
