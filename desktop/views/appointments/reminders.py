"""Tray reminders a day and two hours before each appointment, while the app runs.

The decisions (what is due, when to look again) are `ReminderPlanner`'s, plain Python with
an injected clock; this class only owns the timer and the tray icon.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal

from desktop.models.appointments.list_model import kind_text
from desktop.models.appointments.reminders import DAY_BEFORE, Reminder, ReminderPlanner, utc_now
from desktop.models.formats import format_datetime
from desktop.services.booking.fhir import AppointmentInfo, wall_time
from desktop.views.tray import TrayMessenger

SETTINGS_KEY = "reminders_enabled"
MAX_SLEEP_MS = 5 * 60 * 1000  # look again at least this often (sleep, clock changes)


def reminder_text(reminder: Reminder) -> tuple[str, str]:
    info = reminder.appointment
    title = (
        QCoreApplication.translate("medcard", "Tomorrow: %1")
        if reminder.kind == DAY_BEFORE
        else QCoreApplication.translate("medcard", "In two hours: %1")
    )
    title = title.replace("%1", info.specialty or kind_text(info))
    when = ""
    if info.start is not None:
        when = format_datetime(wall_time(info.start), QLocale(), "d MMMM, HH:mm")
    place = info.room or info.clinic or kind_text(info)
    text = ", ".join(p for p in (when, info.doctor, place) if p)
    return title, text


class ReminderNotifier(QObject):
    reminded = Signal(str, str)  # title, text (also shown in the tray)

    def __init__(
        self,
        parent: QObject | None = None,
        clock: Callable[[], datetime] = utc_now,
        enabled: bool = True,
        setting: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.planner = ReminderPlanner(clock)
        self._clock = clock
        self._items: list[AppointmentInfo] = []
        self._enabled = enabled
        self._setting = setting  # read at every check, so the settings switch applies live
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._tray = TrayMessenger(self)

    @property
    def enabled(self) -> bool:
        return self._enabled and (self._setting() if self._setting is not None else True)

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled
        if enabled:
            self.check()
        else:
            self._timer.stop()
            self._tray.hide()

    def set_items(self, items: list[AppointmentInfo]) -> None:
        self._items = list(items)
        self.check()

    def check(self) -> None:
        """Show what is due, then sleep until the next reminder (or MAX_SLEEP_MS)."""
        if not self.enabled:
            if self._enabled:  # only the settings switch is off: look again later
                self._timer.start(MAX_SLEEP_MS)
            else:
                self._timer.stop()
            return
        for reminder in self.planner.take_due(self._items):
            title, text = reminder_text(reminder)
            self._show(title, text)
            self.reminded.emit(title, text)
        nxt = self.planner.next_check(self._items)
        if nxt is None:
            self._timer.stop()
            return
        wait_ms = int((nxt - self._clock()).total_seconds() * 1000) + 1000
        self._timer.start(max(1000, min(wait_ms, MAX_SLEEP_MS)))

    def _show(self, title: str, text: str) -> None:
        self._tray.show(title, text)
