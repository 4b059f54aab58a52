"""Order a document: the kinds the portal offers, for oneself or a child, a purpose, the
delivery (a PDF in the app or paper at the clinic), a period where the kind needs one."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.context import AppContext
from desktop.models.documents.orders import OrderSender
from desktop.services.documents.kinds import DocumentKind
from desktop.services.documents.orders import ELECTRONIC, ORDER, PAPER, DocumentOrder
from desktop.views.documents.order_texts import kind_name, order_summary

MAX_PURPOSE = 200


class OrderDialog(QDialog):
    def __init__(self, ctx: AppContext, sender: OrderSender, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("orderDocumentDialog")
        self.setWindowTitle(self.tr("Order a document"))
        self.ctx = ctx
        self.orders = sender
        self.person = QComboBox(self)
        self.person.setObjectName("orderPerson")
        for person in ctx.patients:
            self.person.addItem(person.display_name, person.patient_id)
        self.person.setCurrentIndex(max(self.person.findData(ctx.patient_id), 0))
        self.kind = QComboBox(self)
        self.kind.setObjectName("orderKind")
        self.kind.setMinimumContentsLength(30)
        self.kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.kind_note = QLabel(self)
        self.kind_note.setWordWrap(True)
        self.kind_note.setObjectName("orderKindNote")
        self.purpose = QLineEdit(self)
        self.purpose.setObjectName("orderPurpose")
        self.purpose.setMaxLength(MAX_PURPOSE)
        self.purpose.setPlaceholderText(self.tr("e.g. for the employer, for a sports club"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addYears(-1), self)
        self.date_to = QDateEdit(today, self)
        date_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format)
            edit.setMaximumDate(today)
        self.period = QWidget(self)
        period_row = QHBoxLayout(self.period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.date_from)
        period_row.addWidget(QLabel("—", self.period))
        period_row.addWidget(self.date_to)
        period_row.addStretch(1)
        self.electronic = QRadioButton(self.tr("Electronic: a signed PDF in this app"), self)
        self.paper = QRadioButton(self.tr("Paper: pick it up at the clinic"), self)
        self.delivery = QButtonGroup(self)
        self.delivery.addButton(self.electronic)
        self.delivery.addButton(self.paper)
        self.electronic.setChecked(True)
        delivery_box = QVBoxLayout()
        delivery_box.addWidget(self.electronic)
        delivery_box.addWidget(self.paper)

        form = QFormLayout()
        form.addRow(self.tr("For"), self.person)
        form.addRow(self.tr("Document"), self.kind)
        form.addRow("", self.kind_note)
        form.addRow(self.tr("Period"), self.period)
        self.period_label = form.labelForField(self.period)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Delivery"), delivery_box)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("orderResult")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.order_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.order_button.setObjectName("sendOrder")
        self.order_button.setText(self.tr("Order"))
        self.order_button.clicked.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)

        self.person.currentIndexChanged.connect(lambda _i: self._fill_kinds())
        self.kind.currentIndexChanged.connect(lambda _i: self._on_kind())
        sender.kindsChanged.connect(self._fill_kinds)
        sender.busyChanged.connect(self._on_busy)  # a bound slot: gone with the dialog
        sender.sent.connect(self._on_sent)
        sender.failed.connect(self._on_failed)
        self._fill_kinds()
        self.resize(560, 380)

    # -- choices ----------------------------------------------------------------------------
    def _person_age(self) -> int | None:
        pid = self.person.currentData()
        person = next((p for p in self.ctx.patients if p.patient_id == pid), None)
        return person.age() if person else None

    def _fill_kinds(self) -> None:
        current = self.kind.currentData()
        age = self._person_age()
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind in self.orders.kinds:
            if kind.allowed_for(age):
                self.kind.addItem(kind_name(kind), kind.code)
        found = self.kind.findData(current)
        self.kind.setCurrentIndex(max(found, 0))
        self.kind.blockSignals(False)
        self._on_kind()

    def chosen_kind(self) -> DocumentKind | None:
        code = self.kind.currentData()
        return next((k for k in self.orders.kinds if k.code == code), None)

    def _on_kind(self) -> None:
        kind = self.chosen_kind()
        if kind is None:
            self.kind_note.setText(
                self.tr("The portal has not listed the documents it issues yet.")
                if not self.orders.kinds
                else self.tr("No document can be ordered online for this person.")
            )
        elif kind.immediate:
            self.kind_note.setText(self.tr("Issued at once."))
        else:
            self.kind_note.setText(self.tr("A doctor writes it: usually by the next working day."))
        needs_period = kind is not None and kind.needs_period
        self.period.setVisible(needs_period)
        if self.period_label is not None:
            self.period_label.setVisible(needs_period)
        deliveries = kind.deliveries if kind else (ELECTRONIC, PAPER)
        self.electronic.setEnabled(ELECTRONIC in deliveries)
        self.paper.setEnabled(PAPER in deliveries)
        if not self.electronic.isEnabled():
            self.paper.setChecked(True)
        self._update_button()

    def _on_busy(self, _busy: bool) -> None:
        self._update_button()

    def _update_button(self) -> None:
        reason = ""
        if not self.orders.can(ORDER):
            reason = self.tr("This portal does not take document orders online.")
        elif not self.ctx.online:
            reason = self.tr("Orders are sent when the portal can be reached.")
        self.order_button.setEnabled(
            not reason and self.chosen_kind() is not None and not self.orders.busy
        )
        self.order_button.setToolTip(reason)

    # -- sending ----------------------------------------------------------------------------
    def chosen_period(self) -> tuple[dt.date, dt.date] | None:
        kind = self.chosen_kind()
        if kind is None or not kind.needs_period:
            return None
        start, end = self.date_from.date(), self.date_to.date()
        return (
            dt.date(start.year(), start.month(), start.day()),
            dt.date(end.year(), end.month(), end.day()),
        )

    def send(self) -> bool:
        kind = self.chosen_kind()
        if kind is None:
            return False
        period = self.chosen_period()
        if period is not None and period[1] < period[0]:
            self._show_result(self.tr("The period ends before it starts."), error=True)
            return False
        delivery = PAPER if self.paper.isChecked() else ELECTRONIC
        return self.orders.order(
            kind, str(self.person.currentData()), self.purpose.text(), delivery, period
        )

    def _on_sent(self, order: DocumentOrder | None) -> None:
        if order is None:
            return
        self._show_result(order_summary(order), error=False)
        self.order_button.hide()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close.setText(self.tr("Close"))

    def _on_failed(self, text: str) -> None:
        self._show_result(text, error=True)

    def _show_result(self, text: str, error: bool) -> None:
        self.outcome.setText(text)
        color = "#b71c1c" if error else "#1b5e20"
        self.outcome.setStyleSheet(f"color: {color};")
        self.outcome.show()
