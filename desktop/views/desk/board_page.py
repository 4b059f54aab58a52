"""The day board page: today's slots of the clinic's doctors — one doctor or all — with
the counts on top and the day's actions (arrived, no-show, back to booked, walk-in) in
its tool bar. Enter on a row opens that patient."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.models.desk.board import DayBoardModel, state_name
from desktop.services.desk.board import ARRIVED, BOOKED, FREE, NOSHOW, BoardRow
from desktop.views.desk.actions import DeskActions


class BoardPage(QWidget):
    openPatient = Signal(str)

    def __init__(
        self, model: DayBoardModel, actions: DeskActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskBoard")
        self.model = model
        self.doctor = QComboBox(self)
        self.doctor.setObjectName("deskBoardDoctor")
        self.doctor.activated.connect(lambda _i: model.show_doctor(str(self.doctor.currentData())))
        self.summary = QLabel(self)
        self.summary.setObjectName("deskBoardSummary")
        self.tools = QToolBar(self)
        self.tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (actions.arrived, actions.noshow, actions.undo_status, actions.walk_in):
            self.tools.addAction(action)
        self.tools.addSeparator()
        self.tools.addAction(actions.reload)
        self.table = QTableView(self)
        self.table.setObjectName("deskBoardTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DayBoardModel.PATIENT, QHeaderView.ResizeMode.Stretch)
        header.setMaximumSectionSize(360)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 8)  # many rows a screen
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self._open_selected())
        top = QHBoxLayout()
        self.doctor_label = QLabel(self)
        self.doctor_label.setBuddy(self.doctor)
        top.addWidget(self.doctor_label)
        top.addWidget(self.doctor, 1)
        top.addWidget(self.summary, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.tools)
        layout.addWidget(self.table, 1)
        self._selected_key: tuple[str, str] | None = None
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        model.loaded.connect(self._on_loaded)
        model.loadingChanged.connect(lambda _l: self._update_summary())
        model.failed.connect(self.summary.setText)
        self.retranslate()

    def selected_row(self) -> BoardRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _open_selected(self) -> None:
        row = self.selected_row()
        if row is not None and row.patient_id:
            self.openPatient.emit(row.patient_id)

    def _remember_selection(self) -> None:
        row = self.selected_row()
        self._selected_key = (row.doctor_id, row.slot_id) if row else None

    def _restore_selection(self) -> None:
        for index, row in enumerate(self.model.rows):
            if self._selected_key == (row.doctor_id, row.slot_id):
                self.table.selectRow(index)
                return

    def _on_loaded(self) -> None:
        board = self.model.board
        current = self.doctor.currentData()
        self.doctor.clear()
        self.doctor.addItem(self.tr("All doctors"), "")
        for doctor in board.doctors if board else []:
            self.doctor.addItem(f"{doctor.name} — {doctor.specialty}", doctor.id)
        found = self.doctor.findData(current) if current else 0
        self.doctor.setCurrentIndex(max(found, 0))
        self._update_summary()
        if self.selected_row() is None:  # the day so far scrolled away: from now on
            now = datetime.now().astimezone()
            upcoming = next((i for i, r in enumerate(self.model.rows) if r.end > now), None)
            if upcoming is not None:
                self.table.selectRow(upcoming)
                self.table.scrollTo(
                    self.model.index(upcoming, 0), QAbstractItemView.ScrollHint.PositionAtTop
                )

    def _update_summary(self) -> None:
        board = self.model.board
        if self.model.loading and board is None:
            self.summary.setText(self.tr("Reading today's schedule…"))
            return
        if board is None:
            self.summary.clear()
            return
        counts = board.counts()
        self.summary.setText(
            " · ".join(
                f"{state_name(state)}: {counts.get(state, 0)}"
                for state in (FREE, BOOKED, ARRIVED, NOSHOW)
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._open_selected()
            return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.doctor_label.setText(self.tr("D&octor"))
        if self.doctor.count():
            self.doctor.setItemText(0, self.tr("All doctors"))
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
