"""The day board as a table: today's slots of the clinic's doctors, with who holds each
and their state (free, booked, arrived, no-show); one doctor or all."""

from __future__ import annotations

from datetime import date
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
from PySide6.QtGui import QColor

from desktop.models.desk.door import DeskDoor
from desktop.models.desk.table import DeskTable
from desktop.models.formats import format_datetime
from desktop.models.tasks import user_message_for
from desktop.services.booking.fhir import wall_time
from desktop.services.desk.board import (
    ARRIVED,
    BOOKED,
    BUSY,
    FREE,
    FULFILLED,
    NOSHOW,
    BoardRow,
    DayBoard,
    load_board,
)

Index = QModelIndex | QPersistentModelIndex
STATE_NAMES = {
    FREE: QT_TRANSLATE_NOOP("medcard", "free"),
    BOOKED: QT_TRANSLATE_NOOP("medcard", "booked"),
    ARRIVED: QT_TRANSLATE_NOOP("medcard", "arrived"),
    NOSHOW: QT_TRANSLATE_NOOP("medcard", "no-show"),
    FULFILLED: QT_TRANSLATE_NOOP("medcard", "done"),
    BUSY: QT_TRANSLATE_NOOP("medcard", "not available"),
}
STATE_COLORS = {
    FREE: QColor("#1b5e20"),
    ARRIVED: QColor("#0d47a1"),
    NOSHOW: QColor("#b3261e"),
    BUSY: QColor("#757575"),
}


def state_name(state: str) -> str:
    key = STATE_NAMES.get(state)
    return QCoreApplication.translate("medcard", str(key)) if key else state


class DayBoardModel(DeskTable):
    TIME, DOCTOR, STATE, PATIENT, TICKET = range(5)
    HEADERS = (
        QT_TRANSLATE_NOOP("medcard", "Time"),
        QT_TRANSLATE_NOOP("medcard", "Doctor"),
        QT_TRANSLATE_NOOP("medcard", "State"),
        QT_TRANSLATE_NOOP("medcard", "Patient"),
        QT_TRANSLATE_NOOP("medcard", "Ticket"),
    )
    loadingChanged = Signal(bool)
    failed = Signal(str)
    loaded = Signal()

    def __init__(self, door: DeskDoor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.door = door
        self.organization_id = ""
        self.board: DayBoard | None = None
        self.doctor_id = ""  # "" = every doctor
        self.rows: list[BoardRow] = []
        self.loading = False
        self._asked = 0

    def load(self) -> None:
        if not self.organization_id:
            return
        self._asked += 1
        asked = self._asked
        started = self.door.fetch(
            load_board,
            self.organization_id,
            date.today(),
            on_done=lambda board: self._loaded(asked, board),
            on_error=lambda exc: self._failed(asked, exc),
            owner=self,
        )
        self._set_loading(started)

    def _loaded(self, asked: int, board: DayBoard) -> None:
        if asked != self._asked:
            return
        self._set_loading(False)
        self.board = board
        self._fill()
        self.loaded.emit()

    def _failed(self, asked: int, exc: BaseException) -> None:
        if asked == self._asked:
            self._set_loading(False)
            self.failed.emit(user_message_for(exc))

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loadingChanged.emit(loading)

    def show_doctor(self, doctor_id: str) -> None:
        self.doctor_id = doctor_id
        self._fill()

    def _fill(self) -> None:
        self.beginResetModel()
        rows = self.board.rows if self.board else []
        if self.doctor_id:
            rows = [r for r in rows if r.doctor_id == self.doctor_id]
        self.rows = sorted(rows, key=lambda r: (r.start, r.doctor_id))
        self.endResetModel()

    def clear(self) -> None:
        """Locked or shift over: the board's patient names leave the screen."""
        self._asked += 1
        self._set_loading(False)
        self.board = None
        self._fill()

    def row(self, index: int) -> BoardRow | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def items(self) -> list[Any]:
        return self.rows

    def data(self, index: Index, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                return format_datetime(wall_time(row.start), None, "HH:mm")
            if column == self.DOCTOR:
                doctor = self.board.doctor(row.doctor_id) if self.board else None
                return f"{doctor.name} ({doctor.specialty})" if doctor else row.doctor_id
            if column == self.STATE:
                return state_name(row.state)
            if column == self.PATIENT:
                return row.patient_name
            return row.ticket
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return STATE_COLORS.get(row.state)
        return None
