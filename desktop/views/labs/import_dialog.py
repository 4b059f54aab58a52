"""CSV import preview: the readings a file gives, and its bad lines with their numbers."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.formats import datetime_format
from desktop.models.labs.diary import entry_value_text
from desktop.services.diary import csv_import as diary_import
from desktop.services.diary import entries as diary
from desktop.services.diary.entries import DiaryEntry
from desktop.views.labs.chart import system_zone
from desktop.views.language import tr_service as _t


class DiaryImportDialog(QDialog):
    """Reads and parses the file (small: ≤ 5 MB) and shows the preview; OK imports."""

    def __init__(
        self, parent: QWidget | None, path: Path, patient_id: str, zone: tzinfo | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import readings from %1").replace("%1", path.name))
        self.resize(720, 520)
        self.entries: list[DiaryEntry] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Line"),
                self.tr("Date and time"),
                self.tr("Measurement"),
                self.tr("Value"),
                self.tr("Note"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems_title = QLabel(self.tr("Lines that will not be imported:"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.problems_title)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        try:
            data = path.read_bytes()[: diary_import.MAX_BYTES + 1]
        except OSError as exc:
            self._show_file_problem(
                self.tr("The file cannot be read: %1").replace(
                    "%1", exc.strerror or type(exc).__name__
                )
            )
            return
        preview = diary_import.parse(data, patient_id, zone or system_zone())
        self.show_preview(preview)

    def _show_file_problem(self, text: str) -> None:
        self.summary.setText(text)
        self.table.hide()
        self.problems.hide()
        self.problems_title.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def show_preview(self, preview: diary_import.ImportPreview) -> None:
        if preview.file_problem is not None:
            self._show_file_problem(preview.file_problem.text(_t))
            return
        self.entries = [entry for _, entry in preview.entries]
        locale = QLocale()
        self.table.setRowCount(len(preview.entries))
        for row, (line, entry) in enumerate(preview.entries):
            moment = QDateTime.fromSecsSinceEpoch(int(entry.measured_at.timestamp()))
            cells = [
                str(line),
                locale.toString(moment, datetime_format(locale)),
                _t(diary.KIND_LABELS[entry.kind]),
                entry_value_text(entry),
                entry.note,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        for problem in preview.problems:
            self.problems.addItem(
                self.tr("Line %1: %2")
                .replace("%1", str(problem.line))
                .replace("%2", problem.problem.text(_t))
            )
        bad_lines = len({p.line for p in preview.problems})
        self.problems.setVisible(bad_lines > 0)
        self.problems_title.setVisible(bad_lines > 0)
        self.summary.setText(
            self.tr("%n reading(s) to import.", "", len(self.entries))
            + " "
            + self.tr("%n line(s) with errors.", "", bad_lines)
            + " "
            + self.tr("Readings imported before are not added again.")
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.entries))
