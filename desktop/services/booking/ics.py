"""Export appointments as an iCalendar (.ics) file with the `icalendar` library.

Qt-free: the caller passes the already-translated title and description of each event,
so this module holds no user-visible strings. UIDs are stable per appointment, so a
calendar application that imports the file twice updates the event instead of doubling it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar

from desktop.services.booking.fhir import AppointmentInfo

PRODID = "-//Medcard//Appointments//RU"
UID_DOMAIN = "medcard.appointments"
# A home-visit request without a time gets no event; a timed one without an end lasts this.
DEFAULT_LENGTH = timedelta(minutes=30)

TextFor = Callable[[AppointmentInfo], str]


def build_calendar(
    items: Iterable[AppointmentInfo],
    title_for: TextFor,
    description_for: TextFor,
    now: datetime | None = None,
) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    for info in items:
        if info.start is None:
            continue
        event = icalendar.Event()
        event.add("uid", f"{info.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", info.start.astimezone(UTC))
        event.add("dtend", (info.end or info.start + DEFAULT_LENGTH).astimezone(UTC))
        event.add("summary", title_for(info))
        event.add("description", description_for(info))
        where = ", ".join(p for p in (info.clinic, info.address, info.room) if p)
        if info.join_url:
            event.add("url", info.join_url)
            where = where or info.join_url
        if where:
            event.add("location", where)
        event.add("status", "CANCELLED" if info.status == "cancelled" else "CONFIRMED")
        cal.add_component(event)
    return cal


def write_ics(path: Path, calendar: icalendar.Calendar) -> None:
    """Write atomically: a full disk or a crash never leaves half a file behind."""
    path = Path(path)
    data = calendar.to_ical()
    fd, tmp = tempfile.mkstemp(prefix=".medcard-", suffix=".ics", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
