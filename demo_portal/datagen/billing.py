"""Costs of every visit and blood draw, and the appointments behind past and coming visits."""

from __future__ import annotations

from datetime import datetime, timedelta

from . import codes as c
from .builder import Builder
from .costs import eob, visit_item
from .directory import Directory
from .labs_catalog import PANEL_SERVICES
from .patients import Person
from .schedule import Appointments, SlotBook
from .sergey_labs import LabVisit

HISTORY_DAYS = 2 * 365  # the portal keeps appointment records for two years


def bill_visits(b: Builder, d: Directory) -> None:
    for v in b.visit_log:
        doc = d.doctor(v.doctor_id)
        items = [visit_item(doc.specialty, v.first, v.paid)]
        items += b.extra_items.get(v.encounter["id"], [])
        eob(
            b,
            d,
            v.patient,
            doc.org_id,
            v.start + timedelta(minutes=v.minutes),
            items,
            paid=v.paid,
            encounter_id=v.encounter["id"],
            doctor_id=v.doctor_id,
        )


def bill_labs(b: Builder, d: Directory, p: Person, visits: list[LabVisit]) -> None:
    for v in visits:
        factor = 1.0 if v.paid else 0.45  # ОМС tariffs are below the private lab's prices
        items = [
            (code, name, round(price * factor, -1), 1)
            for code, name, price in (PANEL_SERVICES[x] for x in v.panels)
        ]
        items.append(
            ("A11.12.009", "Взятие крови из периферической вены", round(250 * factor, -1), 1)
        )
        eob(b, d, p, v.org, b.at(v.day, 9), items, paid=v.paid)


def appointment_history(b: Builder, d: Directory, appts: Appointments) -> None:
    """A fulfilled Appointment behind each recent visit, booked one to three weeks ahead."""
    rng = b.rng("appointment-history")
    for v in b.visit_log:
        if (b.today - v.start.date()).days > HISTORY_DAYS:
            continue
        created = v.start - timedelta(days=rng.randint(7, 21), hours=rng.randint(0, 8))
        extensions = None
        if v.kind == "home":
            extensions = [
                {
                    "url": c.HOME_ADDRESS_EXT,
                    "valueAddress": {"text": f"г. {v.patient.city}, {v.patient.line}"},
                }
            ]
            created = v.start - timedelta(hours=rng.randint(2, 5))
        appts.add(
            v.patient,
            v.doctor_id,
            v.start,
            v.minutes,
            "fulfilled",
            created,
            kind={"in-person": "clinic"}.get(v.kind, v.kind),
            extensions=extensions,
            description="Температура, кашель, слабость" if v.kind == "home" else None,
        )


def demo_appointments(
    b: Builder, d: Directory, persons: dict[str, Person], book: SlotBook, appts: Appointments
) -> None:
    """Cancelled and missed ones in the past; booked ones in the coming weeks."""
    rng = b.rng("appointments")
    sergey, masha, anna = (persons[x] for x in ("ivanov-sergey", "ivanova-masha", "petrova-anna"))
    for days_ago, pid, status, reason in (
        (200, "pr-volkova", "cancelled", "Отменено пациентом: командировка"),
        (95, "pr-lebedev", "noshow", None),
        (40, "pr-sokolova", "cancelled", "Отменено пациентом: самочувствие улучшилось"),
    ):
        start = b.days_ago(days_ago, 10, 20)
        while start.weekday() >= 5:
            start += timedelta(days=1)
        appts.add(
            sergey,
            pid,
            start,
            20,
            status,
            start - timedelta(days=rng.randint(6, 14)),
            cancel_reason=reason if status == "cancelled" else None,
        )
    soon = b.at(b.today + timedelta(days=2), 0)
    booked_at = b.days_ago(3, 19, 5)
    for person, pid, kind, after_days, reason in (
        (sergey, "pr-morozov", "clinic", 8, "Плановый контроль сахарного диабета"),
        (sergey, "pr-orlov", "video", 2, "Обсуждение результатов анализов"),
        (masha, "pr-belova", "clinic", 5, "Профилактический осмотр"),
        (anna, "pr-volkova", "clinic", 13, "Контроль после выписки из стационара"),
    ):
        slot = book.take(pid, kind, soon + timedelta(days=after_days - 2))
        begin, end = datetime.fromisoformat(slot["start"]), datetime.fromisoformat(slot["end"])
        extensions = None
        if kind == "video":
            extensions = [
                {
                    "url": c.JOIN_URL_EXT,
                    "valueUrl": f"{c.TELEMED_ROOM_BASE}{rng.getrandbits(64):016x}",
                }
            ]
        appts.add(
            person,
            pid,
            begin,
            int((end - begin).total_seconds() // 60),
            "booked",
            booked_at,
            kind=kind,
            slot=slot,
            reason=reason,
            extensions=extensions,
        )
