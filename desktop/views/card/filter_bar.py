"""Search box, date range and record-kind chips above the timeline.

Emits `changed` once the user pauses typing (~150 ms debounce) or at once for chips and
dates, so a fast typist triggers one SQL query, not one per key.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.card.timeline import RECORD_KINDS, kind_label
from desktop.views.date_edit import DateEdit
from desktop.views.flow_layout import FlowLayout

SEARCH_DEBOUNCE_MS = 150


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, icons: dict[str, QIcon], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.changed)

        self.search = QLineEdit(self)
        self.search.setObjectName("cardSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self._flush)

        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.from_label = QLabel(self)
        self.from_label.setBuddy(self.date_from)
        self.to_label = QLabel(self)
        self.to_label.setBuddy(self.date_to)
        self.reset_button = QPushButton(self)
        self.reset_button.clicked.connect(self.reset)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("matchCount")
        self._count = 0

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 3)
        row.addSpacing(8)
        row.addWidget(self.from_label)
        row.addWidget(self.date_from)
        row.addSpacing(6)
        row.addWidget(self.to_label)
        row.addWidget(self.date_to)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        row.addWidget(self.count_label)

        chips = QWidget(self)
        flow = FlowLayout(chips, spacing=6)
        self.chips: dict[str, QPushButton] = {}
        for kind in RECORD_KINDS:
            chip = QPushButton(chips)
            chip.setObjectName("chip")
            chip.setCheckable(True)
            chip.setIcon(icons[kind])
            chip.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            chip.toggled.connect(self._flush)
            flow.addWidget(chip)
            self.chips[kind] = chip

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(chips)
        self.retranslate()

    def _date_edit(self) -> DateEdit:
        edit = DateEdit(self)  # empty: no limit
        edit.dateChanged.connect(self._flush)
        return edit

    # -- values -----------------------------------------------------------------------
    def kinds(self) -> frozenset[str] | None:
        chosen = frozenset(k for k, chip in self.chips.items() if chip.isChecked())
        return chosen or None  # no chip = every kind

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        return self.date_from.date(), self.date_to.date()

    def text(self) -> str:
        return self.search.text().strip()

    def set_count(self, count: int) -> None:
        self._count = count
        self.count_label.setText(self.tr("Records found: %n", "", count))

    def reset(self) -> None:
        """Clear every filter with a single `changed`."""
        widgets = [self.search, self.date_from, self.date_to, *self.chips.values()]
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        self.date_from.clear()
        self.date_to.clear()
        for chip in self.chips.values():
            chip.setChecked(False)
        for w in widgets:
            w.blockSignals(False)
        self._flush()

    def _flush(self) -> None:
        self._debounce.stop()
        self.changed.emit()

    # -- language ---------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search the whole card (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.from_label.setText(self.tr("&From"))
        self.to_label.setText(self.tr("&To"))
        for label in (self.from_label, self.to_label):
            # The size hint of a mnemonic label ignores kerning ("&To" measured as "T", "o"
            # apart) and the last glyph got cut ("Tc"): give it a few pixels of air.
            label.setMinimumWidth(label.sizeHint().width() + label.fontMetrics().averageCharWidth())
        for edit in (self.date_from, self.date_to):
            edit.setEmptyText(self.tr("any date"))
        self.reset_button.setText(self.tr("Reset filters"))
        for kind, chip in self.chips.items():
            chip.setText(kind_label(kind))
            chip.setToolTip(self.tr("Show only this kind of record (combine several)"))
        self.set_count(self._count)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
