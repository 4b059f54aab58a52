"""One person on the family tab: name, age, state of access, and what can be done.

A family has a handful of people, so one small widget per person is fine here (the
long lists of the app use models and delegates instead).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.models import formats
from desktop.services.family import service as svc
from desktop.views.language import tr_service


def fifteenth_birthday(birth: dt.date) -> dt.date:
    try:
        return birth.replace(year=birth.year + 15)
    except ValueError:  # 29 February: the birthday counts from 1 March
        return dt.date(birth.year + 15, 3, 1)


def format_date(value: dt.date | dt.datetime | None) -> str:
    """The app's one date format (models/formats.py); a moment as this computer's day."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.astimezone().date()
    return formats.format_date(value, QLocale())


class MemberCard(QFrame):
    """Signals carry ids: the tab decides (and confirms) what happens."""

    openRequested = Signal(str)  # patient id
    withdrawRequested = Signal(str)  # task id
    giveUpRequested = Signal(str, str)  # patient id, name

    def __init__(self, entry: svc.FamilyEntry, current: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("familyMember")
        self.setProperty("state", entry.state)
        self.setProperty("current", current)
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.name_label = QLabel(self)
        self.name_label.setObjectName("memberName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.name_label.setFont(font)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("memberState")
        self.state_label.setProperty("state", entry.state)
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.born_label = QLabel(self)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("memberDetail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openCard")
        self.open_button.clicked.connect(lambda: self.openRequested.emit(entry.patient_id or ""))
        self.withdraw_button = QPushButton(self)
        self.withdraw_button.setObjectName("withdraw")
        self.withdraw_button.clicked.connect(
            lambda: self.withdrawRequested.emit(entry.task_id or "")
        )
        self.give_up_button = QPushButton(self)
        self.give_up_button.setObjectName("giveUp")
        self.give_up_button.clicked.connect(
            lambda: self.giveUpRequested.emit(entry.patient_id or "", entry.name)
        )
        self.open_button.setVisible(entry.can_open)
        self.withdraw_button.setVisible(entry.state in svc.PENDING and bool(entry.task_id))
        self.give_up_button.setVisible(entry.state == svc.ACTIVE)

        top = QHBoxLayout()
        top.addWidget(self.name_label, 1)
        top.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        buttons.addWidget(self.give_up_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.born_label)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)
        self.retranslate()

    def state_text(self) -> str:
        return {
            "holder": self.tr("Account holder"),
            svc.ACTIVE: self.tr("Access active"),
            svc.REQUESTED: self.tr("Requested"),
            svc.ON_HOLD: self.tr("On hold"),
            svc.REJECTED: self.tr("Rejected"),
            svc.ACCEPTED: self.tr("Accepted"),
        }.get(self.entry.state, self.entry.state)

    def detail_text(self) -> str:
        entry = self.entry
        requested = self.tr("Requested on %1.").replace("%1", format_date(entry.requested_at))
        if entry.state == "holder":
            return self.tr("Your own medical card.")
        if entry.state == svc.ACTIVE:
            if entry.birth_date is None:
                return self.tr("You can open this card until the child turns 15.")
            until = format_date(fifteenth_birthday(entry.birth_date))
            return self.tr("You can open this card until the child turns 15 (%1).").replace(
                "%1", until
            )
        if entry.state == svc.REQUESTED:
            return f"{requested} {tr_service(svc.CHECK_TAKES)}"
        if entry.state == svc.ON_HOLD:
            reason = tr_service(entry.reason)
            return f"{requested} {reason}\n{tr_service(svc.BRING_IN_PERSON)}".strip()
        if entry.state == svc.REJECTED:
            return f"{requested} {tr_service(entry.reason)}".strip()
        if entry.state == svc.ACCEPTED:
            return self.tr("Accepted. The card is being opened for you…")
        return tr_service(entry.reason)

    def retranslate(self) -> None:
        entry = self.entry
        self.name_label.setText(entry.name or self.tr("(no name)"))
        self.state_label.setText(self.state_text())
        born = ""
        if entry.birth_date is not None:
            born = self.tr("Born %1").replace("%1", format_date(entry.birth_date))
        self.born_label.setText(born)
        self.born_label.setVisible(bool(born))
        self.detail_label.setText(self.detail_text())
        current = bool(self.property("current"))
        self.open_button.setText(self.tr("Card is open") if current else self.tr("Open card"))
        self.open_button.setEnabled(not current)
        self.withdraw_button.setText(self.tr("Withdraw request"))
        self.give_up_button.setText(self.tr("Give up access…"))
