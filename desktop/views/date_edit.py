"""Date and time fields people can type into: the one kind of date input in the app.

QDateEdit splits a date into sections: typed digits land in the wrong section, Tab walks
between day, month and year instead of leaving the field, and an empty value needs a
sentinel date. `DateEdit` is a plain line edit instead: it takes the locale's format
(15.03.2015, 15/03/2015, 3/15/2015), digits only (15032015) or ISO 2015-03-15, shows the
date back in the one format of `models/formats.py` once the user leaves the field, Tab
leaves it like any text field, and a calendar pop-up (the button, Alt+Down or F4) opens at
the typed date or at a chosen starting point (a birth date opens years back).

`date()` is None when the field is empty or does not hold a date; `is_invalid()` tells the
two apart, so a form can say "not a date" rather than "missing". `TimeEdit` does the same
for a time of day (08:05, 805, 8.05). Use these for every new date field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPointF, QRectF, Qt, QTime, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.formats import date_format, date_placeholder, parse_date, qdate, time_format

_INVALID_STYLE = "QLineEdit { border: 1px solid #c62828; }"


def years_ago(years: int) -> Callable[[], dt.date]:
    """A pop-up start `years` back from today (a child's birth date is rarely this month)."""

    def start() -> dt.date:
        today = dt.date.today()
        try:
            return today.replace(year=today.year - years)
        except ValueError:  # 29 February
            return today.replace(year=today.year - years, day=28)

    return start


class DateEdit(QWidget):
    """A typed or picked date; empty means "no date" (a filter without a limit)."""

    dateChanged = Signal(object)  # dt.date | None, once the value is settled

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        popup_start: Callable[[], dt.date] | None = None,
        minimum: dt.date | None = None,
        maximum: dt.date | None = None,
        empty_text: str = "",
    ) -> None:
        super().__init__(parent)
        self._popup_start = popup_start
        self.minimum, self.maximum = minimum, maximum
        self._empty_text = empty_text
        self._value: dt.date | None = None
        self.line = QLineEdit(self)
        self.line.setObjectName("dateText")
        self.line.setClearButtonEnabled(False)
        self.button = QToolButton(self)
        self.button.setObjectName("datePopupButton")
        self.button.setIcon(_calendar_icon())
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the next field
        self.button.clicked.connect(self.show_popup)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.line.editingFinished.connect(self._settle)
        self.line.textEdited.connect(lambda _t: self._mark_invalid(False))
        self.line.installEventFilter(self)
        self.popup: _CalendarPopup | None = None
        self.retranslate()

    # -- value --------------------------------------------------------------------------
    def date(self) -> dt.date | None:
        """The date the field holds now (typed text included), None if empty or invalid."""
        try:
            value = parse_date(self.line.text(), QLocale())
        except ValueError:
            return None
        return value if value is not None and self._in_range(value) else None

    def is_invalid(self) -> bool:
        """Text that is not a date (or out of range): a form says so instead of "missing"."""
        return bool(self.line.text().strip()) and self.date() is None

    def setDate(self, value: dt.date | None) -> None:  # noqa: N802 - Qt naming
        self.line.setText(self._format(value))
        self._mark_invalid(False)
        self._settle()

    def clear(self) -> None:
        self.setDate(None)

    def text(self) -> str:
        return self.line.text()

    def setEmptyText(self, text: str) -> None:  # noqa: N802 - Qt naming
        self._empty_text = text
        self.retranslate()

    def _in_range(self, value: dt.date) -> bool:
        too_early = self.minimum is not None and value < self.minimum
        too_late = self.maximum is not None and value > self.maximum
        return not (too_early or too_late)

    def _format(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        return QLocale().toString(qdate(value), date_format(QLocale()))

    def _settle(self) -> None:
        """The user left the field: show the date in the one format, or mark the text."""
        value = self.date()
        if value is not None:
            shown = self._format(value)
            if shown != self.line.text():
                self.line.setText(shown)
        self._mark_invalid(self.is_invalid())
        if value != self._value:
            self._value = value
            self.dateChanged.emit(value)

    def _mark_invalid(self, invalid: bool) -> None:
        self.line.setProperty("invalid", invalid)
        self.line.setStyleSheet(_INVALID_STYLE if invalid else "")
        self.line.setToolTip(
            self.tr("Type a date as %1, or pick it in the calendar.").replace(
                "%1", date_placeholder(QLocale())
            )
        )

    # -- pop-up -------------------------------------------------------------------------
    def show_popup(self) -> None:
        start = self.date()
        if start is None:
            start = self._popup_start() if self._popup_start is not None else dt.date.today()
        popup = _CalendarPopup(self)
        popup.calendar.setLocale(QLocale())
        if self.minimum is not None:
            popup.calendar.setMinimumDate(qdate(self.minimum))
        if self.maximum is not None:
            popup.calendar.setMaximumDate(qdate(self.maximum))
        popup.calendar.setSelectedDate(qdate(start))
        popup.calendar.setCurrentPage(start.year, start.month)
        popup.picked.connect(self._on_picked)
        self.popup = popup
        popup.move(self.mapToGlobal(self.rect().bottomLeft()))
        popup.show()
        popup.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _on_picked(self, value: dt.date) -> None:
        self.setDate(value)
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = event.key() == Qt.Key.Key_Down and bool(
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.show_popup()
                return True
        return super().eventFilter(watched, event)

    # -- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        """Placeholder and the shown date follow the window's language (setLocale)."""
        self.line.setPlaceholderText(self._empty_text or date_placeholder(QLocale()))
        self._mark_invalid(self.is_invalid())
        self.button.setToolTip(self.tr("Choose in the calendar (Alt+Down)"))
        if self._value is not None:
            self.line.setText(self._format(self._value))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LocaleChange):
            self.retranslate()
        super().changeEvent(event)


class _CalendarPopup(QFrame):
    picked = Signal(object)  # dt.date

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("datePopupCalendar")
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.calendar)

    def _pick(self, day: QDate) -> None:
        self.picked.emit(dt.date(day.year(), day.month(), day.day()))
        self.close()


class TimeEdit(QLineEdit):
    """A typed time of day: 08:05, 8:05, 805, 8.05 (and 8:05 PM); shown as the locale
    writes it. `time()` is None while the text is not a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeText")
        self.editingFinished.connect(self._settle)
        self.setMaxLength(12)
        self.retranslate()

    def time(self) -> dt.time | None:
        return parse_time(self.text())

    def setTime(self, value: dt.time) -> None:  # noqa: N802 - Qt naming
        self.setText(self._format(value))

    def _format(self, value: dt.time) -> str:
        return QLocale().toString(QTime(value.hour, value.minute), time_format(QLocale()))

    def _settle(self) -> None:
        value = self.time()
        if value is not None:
            self.setText(self._format(value))
        invalid = value is None and bool(self.text().strip())
        self.setProperty("invalid", invalid)
        self.setStyleSheet(_INVALID_STYLE if invalid else "")

    def retranslate(self) -> None:
        self.setPlaceholderText(self.tr("HH:MM"))
        value = self.time()
        if value is not None:
            self.setText(self._format(value))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.LocaleChange):
            self.retranslate()
        super().changeEvent(event)


_TIME = re.compile(r"^(\d{1,2})(?:[:.\s]?(\d{2}))?\s*([AaPp]\.?\s*[Mm]\.?)?$")


def parse_time(text: str) -> dt.time | None:
    """08:05, 8:05, 0805, 805, 8.05, 8 PM -> a time; None when it is not one."""
    compact = text.strip()
    if re.fullmatch(r"\d{3,4}", compact):
        compact = f"{compact[:-2]}:{compact[-2:]}"
    match = _TIME.match(compact)
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group(3)[0] in "Pp" else 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def _calendar_icon() -> QIcon:
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor("#546e7a")
    painter.setPen(QPen(ink, 2.4))
    painter.drawRoundedRect(QRectF(4, 7, 24, 21), 3, 3)
    painter.fillRect(QRectF(4, 7, 24, 6), ink)
    painter.setPen(QPen(ink, 3))
    for x in (11, 21):
        painter.drawLine(QPointF(x, 3), QPointF(x, 9))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    for row in range(2):
        for col in range(3):
            painter.drawRect(QRectF(9 + col * 6, 16 + row * 6, 3, 3))
    painter.end()
    return QIcon(pixmap)
