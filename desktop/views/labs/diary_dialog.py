"""The diary entry dialog: what was measured, when, the value(s) and a note.

Validation runs on OK (and when the kind changes nothing is lost): implausible values are
refused with the services' messages next to the field, so the patient sees what to fix.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.formats import format_datetime
from desktop.services.diary import entries as diary
from desktop.services.diary.entries import DiaryEntry, DiaryKind, Problem
from desktop.services.i18n import N_
from desktop.views.date_edit import DateEdit, TimeEdit
from desktop.views.labs.chart import system_zone
from desktop.views.language import tr_service as _t

_TYPED_WHEN = N_("Type the date and the time of the measurement, as in {example}.")


class DiaryEntryDialog(QDialog):
    """New entry (``entry`` None) or edit of an own entry (kind fixed). ``draft``: a new
    entry whose save failed, shown again as typed (and saved under the same identifier,
    so a save that did reach the portal is not doubled)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        entry: DiaryEntry | None = None,
        now: datetime | None = None,
        draft: DiaryEntry | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = entry
        self._draft = draft if entry is None else None
        self._now = now
        self.result_entry: DiaryEntry | None = None
        self.setWindowTitle(self.tr("Edit diary entry") if entry else self.tr("New diary entry"))
        self.kind = QComboBox()
        for kind in DiaryKind:
            self.kind.addItem(_t(diary.KIND_LABELS[kind]), kind.value)
        now = datetime.now(system_zone())
        self.day = DateEdit(self)
        self.day.setObjectName("diaryDay")
        self.day.setDate(now.date())
        self.time = TimeEdit(self)
        self.time.setObjectName("diaryTime")
        self.time.setTime(now.time())
        self.when = QHBoxLayout()
        self.when.addWidget(self.day, 3)
        self.when.addWidget(self.time, 2)
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.addRow(self.tr("Measurement"), self.kind)
        form.addRow(self.tr("Date and time"), self.when)
        when_label = form.labelForField(self.when)
        if isinstance(when_label, QLabel):
            when_label.setBuddy(self.day)
        self.errors["measured_at"] = self._error_label()
        form.addRow("", self.errors["measured_at"])
        self._rows: dict[str, tuple[QLabel, QLineEdit, QLabel]] = {}
        for key, measure in diary.MEASURES.items():
            edit = QLineEdit()
            unit = _t(measure.unit_label)
            edit.setPlaceholderText(f"{measure.low:g}–{measure.high:g} {unit}")
            label = QLabel(f"{_t(measure.label)}, {unit}")
            error = self._error_label()
            form.addRow(label, edit)
            form.addRow("", error)
            self.fields[key], self.errors[key] = edit, error
            self._rows[key] = (label, edit, error)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("For example: after a walk, before breakfast"))
        self.note.setFixedHeight(60)
        form.addRow(self.tr("Note"), self.note)
        self.errors["note"] = self._error_label()
        form.addRow("", self.errors["note"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.setMinimumWidth(480)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        # A message goes as soon as what it was about is put right (not at the next Save).
        for edit in self.fields.values():
            edit.textChanged.connect(self._recheck)
        self.time.textChanged.connect(self._recheck)
        self.day.line.textChanged.connect(self._recheck)
        self.note.textChanged.connect(self._recheck)
        if entry is not None:
            self._load(entry)
        elif self._draft is not None:
            self._load(self._draft, edit=False)
        self._on_kind_changed()

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setStyleSheet("color: #c62828;")
        label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what was typed
        label.setWordWrap(True)
        label.hide()
        return label

    def _load(self, entry: DiaryEntry, *, edit: bool = True) -> None:
        self.kind.setCurrentIndex(self.kind.findData(entry.kind.value))
        self.kind.setEnabled(not edit)  # an edit changes values, not what was measured
        local = entry.measured_at.astimezone(system_zone())
        self.day.setDate(local.date())
        self.time.setTime(local.time())
        for key, value in entry.values.items():
            self.fields[key].setText(f"{value:g}")
        self.note.setPlainText(entry.note)

    def current_kind(self) -> DiaryKind:
        return DiaryKind(self.kind.currentData())

    def _on_kind_changed(self) -> None:
        visible = set(diary.KIND_MEASURES[self.current_kind()])
        for key, (label, edit, error) in self._rows.items():
            label.setVisible(key in visible)
            edit.setVisible(key in visible)
            if key not in visible:
                error.hide()
        self._fit()

    def _fit(self) -> None:
        """Grow with wrapped messages: top-level windows do not follow heightForWidth."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        height = max(self.heightForWidth(self.width()), layout.minimumSize().height())
        if height > self.height():
            self.resize(self.width(), height)

    def build_entry(self) -> tuple[DiaryEntry | None, list[Problem]]:
        kind = self.current_kind()
        values: dict[str, float] = {}
        problems: list[Problem] = []
        for key in diary.KIND_MEASURES[kind]:
            text = self.fields[key].text()
            number = diary.parse_number(text)
            if number is None and text.strip():
                problems.append(
                    Problem(key, N_("{name}: not a number."), {"name": diary.MEASURES[key].label})
                )
            elif number is not None:
                values[key] = number
        # Written with the local offset (+03:00), as the clinic would read the time.
        day, time = self.day.date(), self.time.time()
        if day is None or time is None:
            example = format_datetime(datetime.now(), QLocale())
            problems.append(Problem("measured_at", _TYPED_WHEN, {"example": example}))
            day, time = day or datetime.now().date(), time or datetime.now().time()
        moment = datetime.combine(day, time.replace(second=0, microsecond=0), system_zone())
        note = self.note.toPlainText()
        if self._original is not None:
            entry = replace(self._original, measured_at=moment, values=values, note=note)
        elif self._draft is not None and self._draft.kind == kind:
            entry = replace(self._draft, measured_at=moment, values=values, note=note)
        else:
            entry = DiaryEntry(kind=kind, measured_at=moment, values=values, note=note)
        problems += [
            p
            for p in diary.validate(entry, self._now)
            if p.field not in {q.field for q in problems}
        ]
        return (None if problems else entry), problems

    def show_problems(self, problems: list[Problem]) -> None:
        for label in self.errors.values():
            label.hide()
        for problem in problems:
            shown = self.errors.get(problem.field)
            if shown is None:
                continue
            shown.setText(problem.text(_t))
            shown.show()
        if problems and problems[0].field in self.fields:
            self.fields[problems[0].field].setFocus()
        self._fit()

    def _recheck(self, *_: object) -> None:
        """Hide the messages whose field is now fine; keep the others up to date."""
        shown = {field for field, label in self.errors.items() if not label.isHidden()}
        if not shown:
            return
        problems = self.build_entry()[1]
        still = {p.field: p for p in problems if p.field in shown}
        for field in shown:
            if field in still:
                self.errors[field].setText(still[field].text(_t))
            else:
                self.errors[field].hide()

    def _on_save(self) -> None:
        entry, problems = self.build_entry()
        self.show_problems(problems)
        if entry is not None:
            self.result_entry = entry
            self.accept()
