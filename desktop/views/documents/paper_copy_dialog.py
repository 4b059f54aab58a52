"""A paper copy of chosen records (from the card) or of every visit in a period: the
clinic prints them the same day; the dialog then says where and when to pick them up."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.context import AppContext
from desktop.models.documents.orders import OrderSender
from desktop.services.documents.orders import COPY, COPYABLE, DocumentOrder
from desktop.views.documents.order_texts import order_summary


class PaperCopyDialog(QDialog):
    """`records`: (reference "Type/id", title) of the chosen records; empty = by period."""

    def __init__(
        self,
        ctx: AppContext,
        records: list[tuple[str, str]],
        parent: QWidget | None = None,
        sender: OrderSender | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paperCopyDialog")
        self.setWindowTitle(self.tr("Paper copy of records"))
        self.ctx = ctx
        self.patient_id = ctx.patient_id
        self.orders = sender or OrderSender(ctx, self)
        self.records = [(ref, title) for ref, title in records if ref.split("/")[0] in COPYABLE]
        skipped = len(records) - len(self.records)
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setText(
            self.tr(
                "The clinic prints copies of electronic records the same day. "
                "Pick them up at the registry with your passport."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        who = QLabel(self.tr("For: %1").replace("%1", ctx.patient_name), self)
        layout.addWidget(who)
        self.list = QListWidget(self)
        self.list.setObjectName("paperCopyRecords")
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-3), self)
        self.date_to = QDateEdit(QDate.currentDate(), self)
        if self.records:
            layout.addWidget(QLabel(self.tr("%n record(s) chosen:", "", len(self.records)), self))
            for _ref, title in self.records:
                self.list.addItem(title)
            layout.addWidget(self.list, 1)
            self.date_from.hide()
            self.date_to.hide()
        else:
            self.list.hide()
            layout.addWidget(QLabel(self.tr("Every visit record in the period:"), self))
            row = QHBoxLayout()
            date_format = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
            for edit in (self.date_from, self.date_to):
                edit.setCalendarPopup(True)
                edit.setDisplayFormat(date_format)
                edit.setMaximumDate(QDate.currentDate())
            row.addWidget(self.date_from)
            row.addWidget(QLabel("—", self))
            row.addWidget(self.date_to)
            row.addStretch(1)
            layout.addLayout(row)
        if skipped:
            note = QLabel(
                self.tr("%n chosen record(s) of other kinds are not copied on paper.", "", skipped),
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("paperCopyResult")
        self.outcome.setWordWrap(True)
        self.outcome.hide()
        layout.addWidget(self.outcome)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.send_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setObjectName("sendPaperCopy")
        self.send_button.setText(self.tr("Request paper copies"))
        self.send_button.clicked.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.orders.busyChanged.connect(self._on_busy)  # a bound slot: gone with the dialog
        self.orders.sent.connect(self._on_sent)
        self.orders.failed.connect(self._on_failed)
        self._update_button()
        self.resize(520, 380)

    def _on_busy(self, _busy: bool) -> None:
        self._update_button()

    def _update_button(self) -> None:
        reason = ""
        if not self.orders.can(COPY):
            reason = self.tr("This portal does not take requests for paper copies online.")
        elif not self.ctx.online:
            reason = self.tr("Requests are sent when the portal can be reached.")
        self.send_button.setEnabled(not reason and not self.orders.busy)
        self.send_button.setToolTip(reason)

    def period(self) -> tuple[dt.date, dt.date] | None:
        if self.records:
            return None
        start, end = self.date_from.date(), self.date_to.date()
        return (
            dt.date(start.year(), start.month(), start.day()),
            dt.date(end.year(), end.month(), end.day()),
        )

    def send(self) -> bool:
        period = self.period()
        if period is not None and period[1] < period[0]:
            self._show_result(self.tr("The period ends before it starts."), error=True)
            return False
        refs = [ref for ref, _title in self.records]
        return self.orders.paper_copy(self.patient_id, refs, period)

    def _on_sent(self, order: DocumentOrder | None) -> None:
        if order is None:
            return
        self._show_result(order_summary(order), error=False)
        self.send_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))

    def _on_failed(self, text: str) -> None:
        self._show_result(text, error=True)

    def _show_result(self, text: str, error: bool) -> None:
        self.outcome.setText(text)
        self.outcome.setStyleSheet(f"color: {'#b71c1c' if error else '#1b5e20'};")
        self.outcome.show()
