"""The desk's settings: when the idle desk locks, when a locked desk signs out, language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

LANGUAGES = ("system", "ru", "en")


class DeskSettingsDialog(QDialog):
    changed = Signal(int, int, str)  # lock minutes, sign-out minutes, language choice

    def __init__(
        self, lock_minutes: int, sign_out_minutes: int, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskSettings")
        self.lock_minutes = QSpinBox(self)
        self.lock_minutes.setObjectName("deskLockMinutes")
        self.lock_minutes.setRange(1, 60)
        self.lock_minutes.setValue(lock_minutes)
        self.sign_out_minutes = QSpinBox(self)
        self.sign_out_minutes.setObjectName("deskSignOutMinutes")
        self.sign_out_minutes.setRange(5, 480)
        self.sign_out_minutes.setValue(sign_out_minutes)
        self.language = QComboBox(self)
        self._language = language if language in LANGUAGES else "system"
        self.lock_label, self.sign_out_label, self.language_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self.lock_label.setBuddy(self.lock_minutes)
        self.sign_out_label.setBuddy(self.sign_out_minutes)
        self.language_label.setBuddy(self.language)
        form = QFormLayout()
        form.addRow(self.lock_label, self.lock_minutes)
        form.addRow(self.sign_out_label, self.sign_out_minutes)
        form.addRow(self.language_label, self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.retranslate()

    def _save(self) -> None:
        index = self.language.currentIndex()
        self._language = LANGUAGES[index] if 0 <= index < len(LANGUAGES) else "system"
        self.changed.emit(self.lock_minutes.value(), self.sign_out_minutes.value(), self._language)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Desk settings"))
        self.lock_label.setText(self.tr("&Lock the idle desk after"))
        self.sign_out_label.setText(self.tr("&Sign out a locked desk after"))
        self.language_label.setText(self.tr("Lang&uage"))
        for box in (self.lock_minutes, self.sign_out_minutes):
            box.setSuffix(" " + self.tr("min"))
        self.language.clear()
        self.language.addItems([self.tr("As in the system"), "Русский", "English"])
        self.language.setCurrentIndex(LANGUAGES.index(self._language))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
