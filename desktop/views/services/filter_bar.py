"""Period, clinic and payer above the services list; one `changed` per user change."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.models.services.texts import payer_long_text
from desktop.services.costs.totals import ServiceFilter

_NO_LIMIT = QDate(1900, 1, 1)  # the QDateEdit minimum doubles as "no limit"
_ALL = "\x00all"  # combo data of "every clinic / anyone"


class ServicesFilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.from_label = QLabel(self)
        self.to_label = QLabel(self)
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.from_label.setBuddy(self.date_from)
        self.to_label.setBuddy(self.date_to)
        self.clinic_label = QLabel(self)
        self.clinic = QComboBox(self)
        self.clinic.setObjectName("servicesClinic")
        self.clinic.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.clinic.setMinimumContentsLength(18)
        self.clinic_label.setBuddy(self.clinic)
        self.payer_label = QLabel(self)
        self.payer = QComboBox(self)
        self.payer.setObjectName("servicesPayer")
        self.payer_label.setBuddy(self.payer)
        self.reset_button = QPushButton(self)
        self.reset_button.clicked.connect(self.reset)
        self._clinics: list[tuple[str, str]] = []
        self._payers: list[str] = []
        self.clinic.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.payer.currentIndexChanged.connect(lambda _i: self.changed.emit())

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.from_label, self.date_from, self.to_label, self.date_to):
            row.addWidget(widget)
        row.addSpacing(10)
        row.addWidget(self.clinic_label)
        row.addWidget(self.clinic, 1)
        row.addSpacing(10)
        row.addWidget(self.payer_label)
        row.addWidget(self.payer)
        row.addWidget(self.reset_button)
        self.retranslate()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(_NO_LIMIT)
        edit.setDate(_NO_LIMIT)
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    # -- values -----------------------------------------------------------------------------
    def value(self) -> ServiceFilter:
        def day(edit: QDateEdit) -> dt.date | None:
            d = edit.date()
            return None if d == _NO_LIMIT else dt.date(d.year(), d.month(), d.day())

        clinic = self.clinic.currentData()
        payer = self.payer.currentData()
        return ServiceFilter(
            date_from=day(self.date_from),
            date_to=day(self.date_to),
            clinic_id=None if clinic in (None, _ALL) else str(clinic),
            payer=None if payer in (None, _ALL) else str(payer),
        )

    def set_period(self, start: dt.date | None, end: dt.date | None) -> None:
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day) if day else _NO_LIMIT)
            edit.blockSignals(False)
        self.changed.emit()

    def set_choices(self, clinics: list[tuple[str, str]], payers: list[str]) -> None:
        """The clinics and payers present in the person's list (keeps the current choice)."""
        self._clinics, self._payers = clinics, payers
        self._fill()

    def _fill(self) -> None:
        for combo, items, everyone in (
            (self.clinic, self._clinics, self.tr("Every clinic")),
            (self.payer, [(p, payer_long_text(p)) for p in self._payers], self.tr("Anyone")),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everyone, _ALL)
            for key, text in items:
                combo.addItem(text, key)
            found = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def reset(self) -> None:
        for widget in (self.date_from, self.date_to, self.clinic, self.payer):
            widget.blockSignals(True)
        self.date_from.setDate(_NO_LIMIT)
        self.date_to.setDate(_NO_LIMIT)
        self.clinic.setCurrentIndex(0)
        self.payer.setCurrentIndex(0)
        for widget in (self.date_from, self.date_to, self.clinic, self.payer):
            widget.blockSignals(False)
        self.changed.emit()

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.from_label.setText(self.tr("&From"))
        self.to_label.setText(self.tr("&To"))
        self.clinic_label.setText(self.tr("C&linic"))
        self.payer_label.setText(self.tr("&Paid by"))
        for label in (self.from_label, self.to_label, self.clinic_label, self.payer_label):
            # a mnemonic label's size hint ignores kerning: a few pixels of air
            label.setMinimumWidth(label.sizeHint().width() + label.fontMetrics().averageCharWidth())
        date_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any date"))
            edit.setDisplayFormat(date_format)
        self.reset_button.setText(self.tr("Reset filters"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
