"""The search column: one field for a surname, first name, birth date, policy or phone
number, the results below. Typing searches; Enter opens the selected (or first) patient
— also when pressed before the answer came: it opens once the answer is there. Up and
Down move through the results without leaving the field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.desk.search import PatientSearch


class SearchPanel(QWidget):
    openRequested = Signal(str)  # patient id

    def __init__(self, search: PatientSearch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskSearch")
        self.search = search
        self.field = QLineEdit(self)
        self.field.setObjectName("deskSearchField")
        self.field.setClearButtonEnabled(True)
        self.field.textEdited.connect(search.set_text)
        self.field.returnPressed.connect(self.open_chosen)
        self.field.installEventFilter(self)
        self.hint = QLabel(self)
        self.hint.setObjectName("deskSearchHint")
        self.hint.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("deskResults")
        self.table.setModel(search.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # The name takes what is left; the clinic column is narrow and elided (the full
        # name is in its tooltip): on a 1024-pixel screen the name must stay readable.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.resizeSection(2, 130)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.activated.connect(self._open_index)
        self.table.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 4, 8)
        layout.addWidget(self.field)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self._open_when_answered = False
        search.resultsChanged.connect(self._on_results)
        search.searchingChanged.connect(lambda _s: self._update_hint())
        search.failed.connect(self.hint.setText)
        self.retranslate()

    # -- opening ---------------------------------------------------------------------
    def open_chosen(self) -> None:
        if not self.search.up_to_date:
            self._open_when_answered = True
            self.search.set_text(self.field.text())
            self.search.submit()
            return
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else 0
        if 0 <= row < len(self.search.model.rows):
            self.openRequested.emit(self.search.model.rows[row].id)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRequested.emit(self.search.model.rows[index.row()].id)

    def _on_results(self) -> None:
        if self.search.model.rows:
            self.table.selectRow(0)
        self._update_hint()
        if self._open_when_answered and self.search.up_to_date:
            self._open_when_answered = False
            if self.search.model.rows:
                self.open_chosen()

    def clear(self) -> None:
        self._open_when_answered = False
        self.field.clear()
        self.search.clear()
        self._update_hint()

    # -- keys in the field move the selection ------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.field and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_index(self.table.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        count = self.search.model.rowCount()
        if not count:
            return
        rows = self.table.selectionModel().selectedRows()
        current = rows[0].row() if rows else -1
        self.table.selectRow(max(0, min(count - 1, current + step)))

    # -- texts -----------------------------------------------------------------------
    def _update_hint(self) -> None:
        search, result = self.search, self.search.result
        if search.searching:
            self.hint.setText(self.tr("Searching…"))
        elif not search.text.strip():
            self.hint.setText(
                self.tr("Surname (the first letters), first name, birth date, policy or phone.")
            )
        elif result is None:
            self.hint.setText(self.tr("Type a little more: at least a letter or six digits."))
        elif not result.patients:
            self.hint.setText(self.tr("Nobody found. Check the spelling or search by policy."))
        elif result.more:
            self.hint.setText(
                self.tr("Showing %1 of %2: add the first name or the birth date.")
                .replace("%1", str(len(result.patients)))
                .replace("%2", str(result.total))
            )
        else:
            self.hint.setText(self.tr("Found: %n. Enter opens the patient.", "", result.total))

    def retranslate(self) -> None:
        self.field.setPlaceholderText(self.tr("Find a patient: Ivanov Sergey 17.07.1981"))
        self.field.setToolTip(self.tr("Find a patient (F3)"))
        self._update_hint()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
