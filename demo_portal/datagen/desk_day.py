"""Today at the registry desk's clinic (issue 14): townspeople booked into today's slots
of its doctors, so the day board has booked, free and (once the desk marks them) arrived
visits. All were booked days ago: nothing generated is newer than the start of today."""

from __future__ import annotations

from datetime import datetime, timedelta

from .builder import Builder
from .directory import Directory
from .patients import Person
from .schedule import DESK_CLINIC, Appointments, SlotBook


def book_today(
    b: Builder, d: Directory, book: SlotBook, appts: Appointments, people: list[Person]
) -> None:
    rng = b.rng("desk-day")
    adults = [p for p in people if p.org == DESK_CLINIC]
    if not adults:
        return
    booked_at = b.days_ago(6, 18, 40)
    n = 0
    for key, schedule_id in sorted(book.schedule_of.items()):
        pid, kind = key.split(":")
        if kind != "clinic" or d.doctor(pid).org_id != DESK_CLINIC:
            continue
        for slot in book.slots[schedule_id]:
            start = datetime.fromisoformat(slot["start"])
            if start.date() != b.today or slot["status"] != "free" or rng.random() > 0.4:
                continue
            slot["status"] = "busy"
            end = datetime.fromisoformat(slot["end"])
            person = adults[n % len(adults)]
            n += 1
            appts.add(
                person,
                pid,
                start,
                int((end - start).total_seconds() // 60),
                "booked",
                booked_at - timedelta(minutes=n),
                slot=slot,
            )
