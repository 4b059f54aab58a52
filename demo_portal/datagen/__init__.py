"""Deterministic synthetic FHIR R4 data in Russian for the demo portal.

``generate(seed, scale, today)`` returns the same resources for the same (seed, today):
each part draws from its own seeded random stream and dates are relative to ``today``.
"""

from __future__ import annotations

from datetime import date

from .billing import appointment_history, bill_labs, bill_visits, demo_appointments
from .builder import Builder
from .child import build_masha, build_petr
from .directory import build_directory
from .elder import build_anna
from .model import DemoDataset, DemoLink, DemoUser
from .others import build_others
from .patients import LINKS, build_people, users
from .requests import build_requests
from .scale import add_scale
from .schedule import Appointments, build_schedules
from .sergey import build_sergey

__all__ = ["DemoDataset", "DemoLink", "DemoUser", "generate"]

MAIN_PATIENT = "ivanov-sergey"
CHILD_PATIENT = "ivanova-masha"
ELDER_PATIENT = "petrova-anna"


def generate(seed: int = 42, scale: int = 0, today: date | None = None) -> DemoDataset:
    b = Builder(seed, today or date.today())
    directory = build_directory(b)
    persons = build_people(b, directory)
    slots = build_schedules(b, directory)
    sergey_labs = build_sergey(b, directory, persons[MAIN_PATIENT])
    build_masha(b, directory, persons[CHILD_PATIENT])
    build_petr(b, directory, persons["ivanov-petr"])
    build_anna(b, directory, persons[ELDER_PATIENT])
    build_others(b, directory, persons)
    build_requests(b, directory, persons[MAIN_PATIENT], persons[CHILD_PATIENT])
    bill_visits(b, directory)
    bill_labs(b, directory, persons[MAIN_PATIENT], sergey_labs)
    appts = Appointments(b, directory)
    appointment_history(b, directory, appts)
    demo_appointments(b, directory, persons, slots, appts)
    add_scale(b, scale)
    return DemoDataset(resources=b.resources, users=users(persons), links=list(LINKS))
