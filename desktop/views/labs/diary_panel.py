"""The diary panel under the charts: own entries with add / edit / delete / import."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.labs.diary import ENTRY_ROLE, DiaryController
from desktop.services.diary.entries import DiaryEntry
from desktop.services.diary.store import PENDING, DiaryRecord
from desktop.views.labs.chart import system_zone
from desktop.views.labs.diary_dialog import DiaryEntryDialog
from desktop.views.labs.import_dialog import DiaryImportDialog

VISIBLE_ROWS = 3.5


class DiaryPanel(QWidget):
    message = Signal(str)  # a status line for the tab

    def __init__(self, controller: DiaryController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        # New entries whose save failed, per patient: offered again by "Add entry…".
        self._drafts: dict[str, DiaryEntry] = {}
        self._saving_new: str | None = None  # the patient of a new entry being saved
        # Edits whose save failed, by entry identifier: "Edit…" on that entry shows them.
        self._edits: dict[str, DiaryEntry] = {}
        self._saving_edit: str | None = None
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.delete_button = QPushButton()
        self.import_button = QPushButton()
        self.send_button = QPushButton()  # shown while entries wait in the outbox
        self.send_button.hide()
        self.table = QTableView()
        self.table.setModel(controller.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # At least three entries stay in view, however small the window.
        self.table.setMinimumHeight(
            header.sizeHint().height() + int(VISIBLE_ROWS * rows.defaultSectionSize()) + 4
        )
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        for button in (
            self.send_button,
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.import_button,
        ):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.add_button.clicked.connect(self._on_add)
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button.clicked.connect(self._on_delete)
        self.import_button.clicked.connect(self._on_import)
        self.send_button.clicked.connect(self._on_send)
        QShortcut(
            QKeySequence.StandardKey.Delete,
            self.table,
            self._on_delete,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        self.table.doubleClicked.connect(self._on_edit)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        controller.model.modelReset.connect(self._update_buttons)
        controller.saved.connect(self._on_saved)
        controller.failed.connect(self._on_failed)
        controller.flushed.connect(self._on_flushed)
        controller.imported.connect(self._on_imported)
        self.retranslate()
        self._update_buttons()

    def retranslate(self) -> None:
        self.title.setText(self.tr("My health diary"))
        self.add_button.setText(self.tr("Add entry…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.import_button.setText(self.tr("Import CSV…"))
        self.send_button.setToolTip(self.tr("Send the entries that wait on this computer"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            model = self.controller.model
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
            self.table.viewport().update()  # measurement names and statuses are translated
        super().changeEvent(event)

    def selected(self) -> DiaryRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ENTRY_ROLE) if rows else None

    def _update_buttons(self, *_: object) -> None:
        has = self.selected() is not None
        read_only = self.controller.read_only_reason()
        for button in (self.add_button, self.import_button):
            button.setEnabled(not read_only)
            button.setToolTip(read_only)
        self.edit_button.setEnabled(has and not read_only)
        self.delete_button.setEnabled(has and not read_only)
        if read_only:
            self._show_status(read_only)
        waiting = sum(r.state == PENDING for r in self.controller.model.records)
        self.send_button.setVisible(waiting > 0)
        self.send_button.setText(self.tr("Send now (%n waiting)", "", waiting))

    def refresh_state(self) -> None:
        """What the portal offers changed (another account, its statement read)."""
        self._update_buttons()

    def _on_send(self) -> None:
        self.controller.flush()

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)

    @property
    def draft(self) -> DiaryEntry | None:
        return self._drafts.get(self.controller.current_patient())

    def _on_failed(self, text: str) -> None:
        if self._saving_new is not None:
            # Nothing typed is lost: the entry comes back in the next "Add entry" dialog.
            self._saving_new = None
            text += " " + self.tr("Your entry is kept: choose “Add entry…” to try again.")
        elif self._saving_edit is not None:
            self._saving_edit = None
            text += " " + self.tr("Your changes are kept: choose “Edit…” on the entry again.")
        self._show_status(text)

    # -- actions ----------------------------------------------------------------------
    def _on_add(self) -> None:
        dialog = DiaryEntryDialog(self, draft=self.draft)
        if dialog.exec() and dialog.result_entry is not None:
            self.save_new(dialog.result_entry)

    def save_new(self, entry: DiaryEntry) -> None:
        """Save a new entry, keeping it as the draft until the save succeeds."""
        patient = self.controller.current_patient()
        self._drafts[patient] = entry
        if self.controller.save(entry):
            self._saving_new = patient

    def _on_edit(self, *_: object) -> None:
        record = self.selected()
        if record is None:
            return
        kept = self._edits.get(record.entry.identifier)
        # The kept values, on the entry's current version (a sync may have brought a newer
        # one, e.g. when the failed save did reach the portal).
        shown = (
            replace(kept, resource_id=record.entry.resource_id, version_id=record.entry.version_id)
            if kept is not None
            else record.entry
        )
        dialog = DiaryEntryDialog(self, shown)
        if dialog.exec() and dialog.result_entry is not None:
            self.save_edit(dialog.result_entry)

    def save_edit(self, entry: DiaryEntry) -> None:
        """Save changed values, keeping them for the next "Edit…" until the save succeeds."""
        self._edits[entry.identifier] = entry
        if self.controller.update(entry):
            self._saving_edit = entry.identifier

    def _on_delete(self) -> None:
        record = self.selected()
        if record is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete entry"),
            self.tr("Delete this diary entry? This cannot be undone."),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.controller.delete(record.entry)

    def _on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import readings"),
            str(Path.home()),
            self.tr("CSV files (*.csv *.txt);;All files (*)"),
        )
        if not path:
            return
        dialog = DiaryImportDialog(
            self, Path(path), self.controller.current_patient(), system_zone()
        )
        if dialog.exec() and dialog.entries:
            self.controller.import_entries(dialog.entries)

    def _on_saved(self, sent: bool) -> None:
        if self._saving_new is not None:
            self._drafts.pop(self._saving_new, None)
            self._saving_new = None
        if self._saving_edit is not None:
            self._edits.pop(self._saving_edit, None)
            self._saving_edit = None
        if sent:
            self._show_status(self.tr("Saved to the portal."))
        else:
            self._show_status(
                self.tr(
                    "The portal cannot be reached: the entry is kept on this computer and will "
                    "be sent when the portal is available."
                )
            )

    def _on_imported(self, sent: int, already_there: int) -> None:
        text = self.tr("Imported: %n new reading(s).", "", sent)
        if already_there:
            text += " " + self.tr("%n were already in the diary.", "", already_there)
        self._show_status(text)

    def _on_flushed(self, count: int) -> None:
        self._show_status(self.tr("Sent to the portal: %n entries.", "", count))
