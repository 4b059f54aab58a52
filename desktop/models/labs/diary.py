"""Qt side of the health diary: the own-entries table and the write operations.

Every operation goes through the account session's write helper in its three phases
(`services/diary/store.py`): the outbox on the writer queue, the portal on the network
pool, the answer stored on the writer queue. So saving an entry never waits behind a
sync, and a sign-out in the middle stores nothing into another account. Results come
back as plain dataclasses; the view only sees signals with translated text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.models.context import AppContext
from desktop.models.formats import datetime_format
from desktop.models.labs.analytes import format_number
from desktop.models.labs.series import LabPoint
from desktop.models.tasks import user_message_for
from desktop.services.cache import Cache
from desktop.services.diary import entries as diary
from desktop.services.diary import store
from desktop.services.diary.entries import DiaryEntry, DiaryKind
from desktop.services.diary.store import FAILED, PENDING, DiaryRecord, FlushResult
from desktop.services.i18n import CONTEXT

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 10
_Index = QModelIndex | QPersistentModelIndex


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def entry_value_text(entry: DiaryEntry) -> str:
    """ "142/91 mmHg", "6,4 mmol/L"."""
    keys = diary.KIND_MEASURES[entry.kind]
    values = [format_number(entry.values[k]) for k in keys if k in entry.values]
    unit = diary.MEASURES[keys[0]].unit_label
    return f"{'/'.join(values)} {translate(unit)}"


class DiaryRecordsModel(QAbstractTableModel):
    """Own diary entries, newest first: when, what, value, note, state."""

    HEADERS = (
        QT_TRANSLATE_NOOP("labs", "Date and time"),
        QT_TRANSLATE_NOOP("labs", "Measurement"),
        QT_TRANSLATE_NOOP("labs", "Value"),
        QT_TRANSLATE_NOOP("labs", "Note"),
        QT_TRANSLATE_NOOP("labs", "Status"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.records: list[DiaryRecord] = []

    def set_records(self, records: Sequence[DiaryRecord]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("labs", str(self.HEADERS[section]))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.records):
            return None
        record = self.records[index.row()]
        entry = record.entry
        column = index.column()
        if role == ENTRY_ROLE:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                moment = QDateTime.fromSecsSinceEpoch(int(entry.measured_at.timestamp()))
                return QLocale().toString(moment, datetime_format())
            if column == 1:
                return translate(diary.KIND_LABELS[entry.kind])
            if column == 2:
                return entry_value_text(entry)
            if column == 3:
                return entry.note.replace("\n", " ")
            if column == 4:
                return self._state_text(record)
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and record.state != "sent":
            return QBrush(QColor(198, 40, 40) if record.state == FAILED else QColor(180, 95, 6))
        if role == Qt.ItemDataRole.ToolTipRole and record.state == FAILED and record.error:
            return translate(record.error)
        return None

    @staticmethod
    def _state_text(record: DiaryRecord) -> str:
        if record.state == PENDING:
            return QCoreApplication.translate("labs", "Not sent yet")
        if record.state == FAILED:
            return QCoreApplication.translate("labs", "Not accepted")
        return QCoreApplication.translate("labs", "Sent")


class DiaryController(QObject):
    """Runs diary operations in the background and reports what happened."""

    recordsChanged = Signal()  # the list (and the charts' diary points) must be re-read
    saved = Signal(bool)  # True: on the portal; False: kept as "not sent yet"
    failed = Signal(str)  # translated message
    flushed = Signal(int)  # how many waiting entries were uploaded
    imported = Signal(int, int)  # new readings sent, readings the diary already had

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.model = DiaryRecordsModel(self)
        self._busy = False

    def read_only_reason(self) -> str:
        """Why entries cannot be added or changed here ("" when they can)."""
        if self._ctx.session is not None and not self._ctx.capabilities.diary_writable:
            return QCoreApplication.translate(
                "labs",
                "This portal does not accept diary entries: your entries are shown, but new "
                "ones cannot be saved to it.",
            )
        return ""

    def current_patient(self) -> str:
        return str(self._ctx.patient_id or "")

    @property
    def busy(self) -> bool:
        return self._busy

    def _run(
        self,
        call: Callable[..., Any],
        *,
        prepare: Callable[[Cache], Any],
        store: Callable[[Cache, Any], Any],
        on_done: Callable[[Any], None],
    ) -> bool:
        session = self._ctx.session
        if session is None or self._busy or self.read_only_reason():
            return False  # signed out, a double click while the first save runs, read-only
        self._busy = True

        def done(result: Any) -> None:
            self._busy = False
            on_done(result)
            self.refresh()

        def error(exc: BaseException) -> None:
            self._busy = False
            self.failed.emit(_message(exc))
            self.refresh()

        started = session.write(
            call, prepare=prepare, store=store, on_done=done, on_error=error, owner=self
        )
        self._busy = started
        return started

    # -- operations -------------------------------------------------------------------
    def refresh(self) -> None:
        session, patient = self._ctx.session, self._ctx.patient_id
        if session is None or not patient:
            self.model.set_records([])
            self.recordsChanged.emit()
            return

        def done(records: list[DiaryRecord]) -> None:
            if patient == self._ctx.patient_id:
                self.model.set_records(records)
                self.recordsChanged.emit()

        session.read(
            store.records,
            patient,
            on_done=done,
            on_error=lambda exc: self.failed.emit(_message(exc)),
            owner=self,
        )

    def save(self, entry: DiaryEntry) -> bool:
        patient = self._ctx.patient_id
        return self._run(
            store.send,
            prepare=lambda cache: store.queue_new(cache, entry, patient),
            store=store.settle,
            on_done=lambda outcome: self.saved.emit(outcome.sent),
        )

    def update(self, entry: DiaryEntry) -> bool:
        patient = self._ctx.patient_id
        in_outbox: list[bool] = []

        def prepare(cache: Cache) -> store.Edit:
            edit = store.queue_edit(cache, entry, patient)
            in_outbox.append(edit.in_outbox)
            return edit

        return self._run(
            store.send_edit,
            prepare=prepare,
            store=lambda cache, sent: store.settle_edit(cache, sent, in_outbox[0]),
            on_done=lambda outcome: self.saved.emit(outcome.sent),
        )

    def delete(self, entry: DiaryEntry) -> bool:
        patient = self._ctx.patient_id
        return self._run(
            store.send_delete,
            prepare=lambda cache: store.queue_delete(cache, entry, patient),
            store=store.settle_delete,
            on_done=lambda _r: None,
        )

    def import_entries(self, entries: Sequence[DiaryEntry]) -> bool:
        patient, wanted = self._ctx.patient_id, list(entries)
        return self._run(
            store.send_batch,
            prepare=lambda cache: store.queue_import(cache, wanted, patient),
            store=store.settle_batch,
            on_done=lambda r: self.imported.emit(r.sent, r.already_there),
        )

    def flush(self) -> bool:
        """Upload what waits in the outbox (called when the portal is back)."""

        def done(result: FlushResult) -> None:
            if result.sent:
                self.flushed.emit(result.sent)

        return self._run(
            store.send_batch,
            prepare=store.queue_pending,
            store=store.settle_batch,
            on_done=done,
        )

    # -- for the charts ---------------------------------------------------------------
    def pending_points(self) -> tuple[list[LabPoint], list[str]]:
        """Unsent entries as chart points (with their LOINC codes)."""
        points: list[LabPoint] = []
        codes: list[str] = []
        for record in self.model.records:
            if record.state == "sent":
                continue
            for key, value in record.entry.values.items():
                measure = diary.MEASURES[key]
                points.append(
                    LabPoint(
                        record.entry.measured_at.timestamp(),
                        value,
                        measure.unit,
                        self_measured=True,
                        pending=True,
                    )
                )
                codes.append(measure.code)
        return points, codes


def _message(exc: BaseException) -> str:
    if isinstance(exc, diary.DiaryValidationError):
        return "\n".join(p.text(translate) for p in exc.problems)
    return user_message_for(exc)


def new_entry(kind: DiaryKind, when: datetime, values: dict[str, float], note: str) -> DiaryEntry:
    return DiaryEntry(kind=kind, measured_at=when, values=values, note=note)
