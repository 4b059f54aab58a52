"""When to remind about an appointment — plain Python with an injected clock.

Two reminders per appointment: a day before and two hours before. Only the latest one
that applies is shown (an app started 20 hours before a visit shows the day-before
reminder once; started 90 minutes before, only the two-hour one). Each reminder is keyed
by appointment id, start time and kind, so a rescheduled appointment is reminded again and
nothing is shown twice while the app runs. The Qt timer and tray icon live in the view.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from desktop.services.booking.fhir import AppointmentInfo

DAY_BEFORE = "day"
HOURS_BEFORE = "hours"
OFFSETS: tuple[tuple[str, timedelta], ...] = (
    (DAY_BEFORE, timedelta(days=1)),
    (HOURS_BEFORE, timedelta(hours=2)),
)
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Reminder:
    kind: str  # DAY_BEFORE | HOURS_BEFORE
    due: datetime
    appointment: AppointmentInfo


class ReminderPlanner:
    """Decides which reminders are due now and when to look again."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self._clock = clock
        self._shown: set[tuple[str, str, str]] = set()

    @staticmethod
    def _key(reminder: Reminder) -> tuple[str, str, str]:
        start = reminder.appointment.start
        return (reminder.appointment.id, start.isoformat() if start else "", reminder.kind)

    def _applicable(self, info: AppointmentInfo, now: datetime) -> Reminder | None:
        """The latest reminder whose time has come and whose appointment has not started."""
        if info.start is None or not info.is_active or info.start <= now:
            return None
        latest: Reminder | None = None
        for kind, offset in OFFSETS:
            due = info.start - offset
            if due <= now:
                latest = Reminder(kind, due, info)
        return latest

    def take_due(self, appointments: Iterable[AppointmentInfo]) -> list[Reminder]:
        """Reminders to show now; each is returned once for the planner's lifetime."""
        now = self._clock()
        due: list[Reminder] = []
        for info in appointments:
            reminder = self._applicable(info, now)
            if reminder is None:
                continue
            key = self._key(reminder)
            # Showing the two-hour one also settles the day-before one (never show it late).
            if key in self._shown or (
                reminder.kind == DAY_BEFORE and (info.id, key[1], HOURS_BEFORE) in self._shown
            ):
                continue
            self._shown.add(key)
            if reminder.kind == HOURS_BEFORE:
                self._shown.add((info.id, key[1], DAY_BEFORE))
            due.append(reminder)
        return sorted(due, key=lambda r: r.due)

    def next_check(self, appointments: Iterable[AppointmentInfo]) -> datetime | None:
        """The earliest future moment at which a reminder becomes due (for the timer)."""
        now = self._clock()
        upcoming = [
            info.start - offset
            for info in appointments
            if info.start is not None and info.is_active and info.start > now
            for _, offset in OFFSETS
            if info.start - offset > now
        ]
        return min(upcoming) if upcoming else None
