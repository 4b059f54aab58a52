"""The patient on the desk's screen: their page read fresh from the portal, held in memory
for as long as they are on screen — "Next patient", the lock and the end of the shift
clear it. Their visits as two table models (upcoming, past)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.models.desk.door import DeskDoor
from desktop.models.desk.table import DeskTable
from desktop.models.formats import format_datetime
from desktop.models.tasks import user_message_for
from desktop.services.booking.fhir import KIND_HOME, KIND_VIDEO, wall_time
from desktop.services.desk.patient_file import PatientFile, Visit, load_patient_file
from desktop.services.desk.staff import StaffMember

Index = QModelIndex | QPersistentModelIndex

STATUS_NAMES = {
    "proposed": QT_TRANSLATE_NOOP("medcard", "requested"),
    "pending": QT_TRANSLATE_NOOP("medcard", "doctor assigned"),
    "booked": QT_TRANSLATE_NOOP("medcard", "booked"),
    "arrived": QT_TRANSLATE_NOOP("medcard", "arrived"),
    "checked-in": QT_TRANSLATE_NOOP("medcard", "arrived"),
    "fulfilled": QT_TRANSLATE_NOOP("medcard", "done"),
    "cancelled": QT_TRANSLATE_NOOP("medcard", "cancelled"),
    "noshow": QT_TRANSLATE_NOOP("medcard", "no-show"),
    "entered-in-error": QT_TRANSLATE_NOOP("medcard", "cancelled"),
}


def status_name(status: str) -> str:
    key = STATUS_NAMES.get(status)
    return QCoreApplication.translate("medcard", str(key)) if key else status


def visit_place(visit: Visit) -> str:
    info = visit.info
    if info.kind == KIND_HOME:
        return QCoreApplication.translate("medcard", "at home: %1").replace("%1", info.address)
    if info.kind == KIND_VIDEO:
        return QCoreApplication.translate("medcard", "video consultation")
    return ", ".join(p for p in (info.room, info.clinic) if p)


class VisitsModel(DeskTable):
    WHEN, WHO, PLACE, STATUS, TICKET = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("medcard", "When"),
        QT_TRANSLATE_NOOP("medcard", "Doctor"),
        QT_TRANSLATE_NOOP("medcard", "Where"),
        QT_TRANSLATE_NOOP("medcard", "Status"),
        QT_TRANSLATE_NOOP("medcard", "Ticket"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.visits: list[Visit] = []

    def set_visits(self, visits: list[Visit]) -> None:
        self.beginResetModel()
        self.visits = list(visits)
        self.endResetModel()

    def visit(self, row: int) -> Visit | None:
        return self.visits[row] if 0 <= row < len(self.visits) else None

    def items(self) -> list[Any]:
        return self.visits

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        visit = self.visits[index.row()]
        info = visit.info
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == self.WHEN:
                if info.start is None:
                    return QCoreApplication.translate("medcard", "time not set yet")
                return format_datetime(wall_time(info.start))  # the window's locale
            if column == self.WHO:
                return " — ".join(p for p in (info.specialty, info.doctor) if p)
            if column == self.PLACE:
                return visit_place(visit)
            if column == self.STATUS:
                return status_name(info.status)
            return info.ticket_number
        if role == Qt.ItemDataRole.ToolTipRole:
            text = str(self.data(index, Qt.ItemDataRole.DisplayRole) or "")
            if visit.booked_by:
                booked = QCoreApplication.translate("medcard", "Booked by %1")
                text += "\n" + booked.replace("%1", visit.booked_by)
            return text or None
        return None


class CurrentPatient(QObject):
    """`open(id)` reads the page; `reload()` again; `clear()` forgets it."""

    changed = Signal()  # a page arrived, or the patient left the screen
    loadingChanged = Signal(bool)
    failed = Signal(str)

    def __init__(self, door: DeskDoor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.door = door
        self.staff: StaffMember | None = None
        self.patient_id = ""
        self.file: PatientFile | None = None
        self.loading = False
        self.upcoming = VisitsModel(self)
        self.past = VisitsModel(self)
        self._asked = 0

    def open(self, patient_id: str) -> None:
        if patient_id != self.patient_id:
            self._forget()
            self.patient_id = patient_id
            self.changed.emit()
        self.reload()

    def reload(self) -> None:
        if not self.patient_id or self.staff is None:
            return
        self._asked += 1
        asked = self._asked
        started = self.door.fetch(
            load_patient_file,
            self.patient_id,
            self.staff,
            datetime.now().astimezone(),
            on_done=lambda page: self._loaded(asked, page),
            on_error=lambda exc: self._failed(asked, exc),
            owner=self,
        )
        self._set_loading(started)

    def _loaded(self, asked: int, page: PatientFile) -> None:
        if asked != self._asked or page.summary.id != self.patient_id:
            return
        self._set_loading(False)
        self.file = page
        self.upcoming.set_visits(page.upcoming)
        self.past.set_visits(page.past)
        self.changed.emit()

    def _failed(self, asked: int, exc: BaseException) -> None:
        if asked == self._asked:
            self._set_loading(False)
            self.failed.emit(user_message_for(exc))

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loadingChanged.emit(loading)

    def _forget(self) -> None:
        self._asked += 1
        self.file = None
        self.upcoming.set_visits([])
        self.past.set_visits([])
        self._set_loading(False)

    def clear(self) -> None:
        """Next patient / lock: nothing of this patient stays on screen or in memory."""
        self._forget()
        self.patient_id = ""
        self.changed.emit()

    def traces(self) -> list[str]:
        """What of this patient could sit in the clipboard (names, ids, numbers)."""
        if self.file is None:
            return [self.patient_id] if self.patient_id else []
        s = self.file.summary
        return [t for t in (s.id, s.name, s.phone, s.policy.number, s.address) if t]
