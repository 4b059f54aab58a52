"""The applications to change the clinic: where to, why, when, and the portal's decision
(with the rule it applied, or the clinic's own words); one still in review can be
withdrawn."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.models.formats import format_date
from desktop.services.clinic.change import ClinicChange, decision_message
from desktop.services.names import short_org_name
from desktop.views.clinic.hours import application_reason_text
from desktop.views.clinic.rows import value_label
from desktop.views.language import tr_service

# Task.status -> the badge's state (the style colours it)
STATES = {
    "requested": "review",
    "received": "review",
    "completed": "accepted",
    "rejected": "rejected",
    "cancelled": "withdrawn",
}


class ApplicationRow(QFrame):
    withdrawRequested = Signal(str)  # task id

    def __init__(
        self, change: ClinicChange, next_by_choice: dt.date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clinicApplication")
        self.change = change
        self.badge = QLabel(self)
        self.badge.setObjectName("applicationState")
        self.badge.setProperty("state", STATES.get(change.status, "review"))
        self.title = value_label(self, "applicationTitle")
        self.when = value_label(self, "applicationWhen")
        self.decision = value_label(self, "applicationDecision")
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.setObjectName("withdrawApplication")
        self.withdraw_button.setVisible(change.in_review)
        self.withdraw_button.clicked.connect(lambda: self.withdrawRequested.emit(change.task_id))
        self._next_by_choice = next_by_choice
        top = QHBoxLayout()
        top.addWidget(self.badge)
        top.addWidget(self.title, 1)
        top.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.when)
        layout.addWidget(self.decision)
        self.retranslate()

    def decision_text(self) -> str:
        change = self.change
        ours = tr_service(decision_message(change))
        if change.reason_code == "once-a-year" and self._next_by_choice is not None:
            ours += " " + self.tr("By choice again from %1.").replace(
                "%1", format_date(self._next_by_choice)
            )
        elif change.reason_text and (
            change.reason_code in ("rejected-by-clinic", None) or not ours
        ):
            # The clinic's own words (or a rule we do not know): the portal's text.
            ours = f"{ours} {change.reason_text}".strip()
        return ours

    def retranslate(self) -> None:
        change = self.change
        states = {
            "review": self.tr("In review"),
            "accepted": self.tr("Accepted"),
            "rejected": self.tr("Rejected"),
            "withdrawn": self.tr("Withdrawn"),
        }
        self.badge.setText(states[STATES.get(change.status, "review")])
        where = short_org_name(change.clinic_name) if change.clinic_name else change.clinic_id
        reason = application_reason_text(change.reason)
        self.title.setText(where + (f" · {reason}" if reason else ""))
        self.title.setToolTip(change.clinic_name)
        when = []
        if change.authored_on:
            when.append(self.tr("sent %1").replace("%1", format_date(change.authored_on)))
        if change.decided_on and not change.in_review:
            when.append(self.tr("decided %1").replace("%1", format_date(change.decided_on)))
        if change.new_address:
            when.append(self.tr("new address: %1").replace("%1", change.new_address))
        self.when.setText(" · ".join(when))
        self.when.setVisible(bool(when))
        text = self.decision_text()
        self.decision.setText(text)
        self.decision.setVisible(bool(text))
        self.withdraw_button.setText(self.tr("Withdraw"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ApplicationList(QWidget):
    withdrawRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionTitle")
        self.hint = value_label(self, "applicationsHint")
        self.rows: list[ApplicationRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.hint)
        self.retranslate()

    def show_changes(
        self, changes: tuple[ClinicChange, ...], next_by_choice: dt.date | None
    ) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for change in changes:
            row = ApplicationRow(change, next_by_choice, self)
            row.withdrawRequested.connect(self.withdrawRequested)
            self._layout.addWidget(row)
            self.rows.append(row)
        self.hint.setVisible(not changes)

    def set_enabled_rows(self, enabled: bool) -> None:
        for row in self.rows:
            row.withdraw_button.setEnabled(enabled)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Applications to change the clinic"))
        self.hint.setText(self.tr("No applications."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
