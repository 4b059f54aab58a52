"""The locked desk: no patient data, only who holds the desk and how to unlock it (the
staff member's password, asked by the portal again)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class LockPage(QWidget):
    unlockRequested = Signal()
    finishRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskLock")
        self.title = QLabel(self)
        self.title.setObjectName("deskLockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who = QLabel(self)
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("deskLockStatus")
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setWordWrap(True)
        self.unlock = QPushButton(self)
        self.unlock.setObjectName("deskUnlock")
        self.unlock.setDefault(True)
        self.unlock.clicked.connect(self.unlockRequested)
        self.finish = QPushButton(self)
        self.finish.setObjectName("deskLockFinish")
        self.finish.clicked.connect(self.finishRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.finish)
        buttons.addWidget(self.unlock)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addStretch(2)
        self._staff = ""
        self.retranslate()

    def show_for(self, staff: str) -> None:
        self._staff = staff
        self.status.clear()
        self.unlock.setEnabled(True)
        self.retranslate()
        self.unlock.setFocus()

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.unlock.setEnabled(not busy)
        self.status.setText(message)

    def retranslate(self) -> None:
        self.title.setText(self.tr("The desk is locked"))
        self.who.setText(
            self.tr("%1 holds this desk. Unlocking asks for the password at the portal.").replace(
                "%1", self._staff
            )
            if self._staff
            else ""
        )
        self.unlock.setText(self.tr("&Unlock…"))
        self.finish.setText(self.tr("&Finish the shift"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
