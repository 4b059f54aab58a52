"""The OMS policy: its kind, number, insurer with phone, territory and dates, with a
warning on top when it ends soon or has ended."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.models.formats import format_date
from desktop.services.clinic.policy import OmsPolicy, PolicyNotice
from desktop.services.oms_policy import PolicyKind
from desktop.views.clinic.rows import LabelledRows, value_label
from desktop.views.language import tr_service
from desktop.views.style import set_style_state


def grouped_number(policy: OmsPolicy) -> str:
    """A 16-digit number in fours, as it is printed on the policy; others as given."""
    number = policy.number
    if policy.kind == PolicyKind.NEW and len(number) == 16 and number.isdigit():
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))
    return number


class PolicyCard(QFrame):
    ROWS = ("kind", "number", "insurer", "insurer_phone", "territory", "valid")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyCard")
        self.heading = QLabel(self)
        self.heading.setObjectName("cardHeading")
        self.warning = value_label(self, "policyWarning")
        self.warning.hide()
        self.empty = value_label(self, "policyEmpty")
        self.rows = LabelledRows(self, "policy", self.ROWS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.warning)
        layout.addWidget(self.empty)
        layout.addLayout(self.rows.form)
        self._shown: tuple[OmsPolicy | None, PolicyNotice | None, str, dt.date] | None = None
        self.retranslate()

    def show_policy(
        self,
        policy: OmsPolicy | None,
        notice: PolicyNotice | None,
        warning: str,
        today: dt.date,
    ) -> None:
        """`warning`: the notice's translated text (ClinicModel.notice_text)."""
        self._shown = (policy, notice, warning, today)
        if notice is not None:
            self.warning.setText(warning)
            set_style_state(self.warning, "ended", notice.state == "ended")
        self.warning.setVisible(notice is not None)
        self.empty.setVisible(policy is None)
        self.empty.setText(self.tr("The portal keeps no OMS policy for this person."))
        if policy is None:
            self.rows.show({})
            return
        self.rows.show(
            {
                "kind": tr_service(policy.form_name),
                "number": grouped_number(policy),
                "insurer": policy.insurer,
                "insurer_phone": policy.insurer_phone,
                "territory": policy.territory,
                "valid": self._validity(policy, today),
            }
        )

    def _validity(self, policy: OmsPolicy, today: dt.date) -> str:
        start = format_date(policy.start) if policy.start else ""
        end = format_date(policy.end) if policy.end else ""
        if policy.end and policy.start:
            span = f"{start} – {end}"
        elif policy.end:
            span = self.tr("until %1").replace("%1", end)
        elif policy.start:
            span = self.tr("from %1, with no end date").replace("%1", start)
        else:
            span = ""
        state = self.tr("valid") if policy.valid_on(today) else self.tr("not valid")
        return f"{span} ({state})" if span else state

    def value(self, row: str) -> str:
        return self.rows.value(row)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("OMS insurance policy"))
        self.rows.set_labels(
            {
                "kind": self.tr("Document"),
                "number": self.tr("Number"),
                "insurer": self.tr("Insurer"),
                "insurer_phone": self.tr("Insurer's phone"),
                "territory": self.tr("Territory"),
                "valid": self.tr("Valid"),
            }
        )
        if self._shown is not None:
            self.show_policy(*self._shown)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
