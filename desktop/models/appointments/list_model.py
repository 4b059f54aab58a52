"""The appointments tab's table model and the texts its rows show (GUI thread).

Rows are `AppointmentInfo` values read off the GUI thread by
`desktop.services.booking.cached.cached_appointments`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from desktop.models.formats import format_datetime
from desktop.services.booking.fhir import (
    KIND_HOME,
    KIND_VIDEO,
    AppointmentInfo,
    wall_time,
)

InfoRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("medcard", text)


def status_text(info: AppointmentInfo) -> str:
    return {
        "requested": QCoreApplication.translate("medcard", "Requested"),
        "pending": QCoreApplication.translate("medcard", "Doctor assigned"),
        "booked": QCoreApplication.translate("medcard", "Booked"),
        "fulfilled": QCoreApplication.translate("medcard", "Visited"),
        "cancelled": QCoreApplication.translate("medcard", "Cancelled"),
        "missed": QCoreApplication.translate("medcard", "Missed"),
    }.get(info.display_status, info.display_status)


def kind_text(info: AppointmentInfo) -> str:
    return {
        KIND_VIDEO: QCoreApplication.translate("medcard", "Video consultation"),
        KIND_HOME: QCoreApplication.translate("medcard", "Doctor at home"),
    }.get(info.kind, QCoreApplication.translate("medcard", "Visit to the clinic"))


def place_text(info: AppointmentInfo, short: bool = False) -> str:
    """Clinic, address, room; `short`: the clinic's short name (lists)."""
    if info.kind == KIND_VIDEO:
        return QCoreApplication.translate("medcard", "Online")
    parts = [info.clinic_in_list if short else info.clinic, info.address]
    if info.room:
        parts.append(info.room)
    return ", ".join(p for p in parts if p)


def when_text(info: AppointmentInfo, locale: QLocale | None = None) -> str:
    """The date and time in the one format of the app (models/formats.py)."""
    if info.start is None:
        return QCoreApplication.translate("medcard", "Time not set yet")
    return format_datetime(wall_time(info.start), locale or QLocale())


class AppointmentListModel(QAbstractTableModel):
    """A short list (a person has tens of appointments), filtered by a predicate."""

    COL_WHEN, COL_KIND, COL_SPECIALTY, COL_DOCTOR, COL_PLACE, COL_STATUS = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("medcard", "Date and time"),
        QT_TRANSLATE_NOOP("medcard", "Type"),
        QT_TRANSLATE_NOOP("medcard", "Specialty"),
        QT_TRANSLATE_NOOP("medcard", "Doctor"),
        QT_TRANSLATE_NOOP("medcard", "Place"),
        QT_TRANSLATE_NOOP("medcard", "Status"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AppointmentInfo] = []

    def set_items(
        self, items: list[AppointmentInfo], keep: Callable[[AppointmentInfo], bool] = bool
    ) -> None:
        self.beginResetModel()
        self._rows = [i for i in items if keep(i)]
        self.endResetModel()

    def items(self) -> list[AppointmentInfo]:
        return list(self._rows)

    def info(self, row: int) -> AppointmentInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, appointment_id: str) -> int:
        return next((n for n, i in enumerate(self._rows) if i.id == appointment_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.HEADERS):
                return _tr(str(self.HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        col = index.column()
        if role == InfoRole:
            return info
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            full = role == Qt.ItemDataRole.ToolTipRole  # short names in the list
            return (
                when_text(info),
                kind_text(info),
                info.specialty,
                info.doctor if full else info.doctor_in_list,
                place_text(info, short=not full),
                status_text(info),
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole:
            if info.display_status == "cancelled":
                return QColor("#9e9e9e")  # the whole row: it will not take place
            if col == self.COL_STATUS:
                colors = {"missed": "#c62828", "fulfilled": "#2e7d32"}
                color = colors.get(info.display_status)
                return QColor(color) if color else None
        if role == Qt.ItemDataRole.FontRole and info.display_status == "cancelled":
            font = QFont()
            font.setStrikeOut(col == self.COL_WHEN)
            return font
        return None


def days_with_appointments(items: list[AppointmentInfo]) -> dict[date, list[AppointmentInfo]]:
    days: dict[date, list[AppointmentInfo]] = {}
    for info in items:
        if info.local_day is not None:
            days.setdefault(info.local_day, []).append(info)
    return days
