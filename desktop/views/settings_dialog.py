"""Settings: language (applied live), reminders on/off. The theme follows the system."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

LANGUAGE_CHOICES = ("system", "ru", "en")


class SettingsDialog(QDialog):
    """Non-blocking: changes apply at once through `languageChosen`/`remindersToggled`."""

    languageChosen = Signal(str)  # "system", "ru" or "en"
    remindersToggled = Signal(bool)

    def __init__(self, language: str, reminders: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageChoice")
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language_combo)
        self.reminders = QCheckBox(self)
        self.reminders.setObjectName("remindersEnabled")
        self.reminders.setChecked(reminders)
        self.theme_note = QLabel(self)
        self.theme_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.close)
        form = QFormLayout()
        form.addRow(self.language_label, self.language_combo)
        form.addRow("", self.reminders)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.theme_note)
        layout.addWidget(self.buttons)
        self._language = language if language in LANGUAGE_CHOICES else "system"
        self.retranslate()
        self.language_combo.currentIndexChanged.connect(self._on_language)
        self.reminders.toggled.connect(self.remindersToggled)

    def _on_language(self, index: int) -> None:
        if 0 <= index < len(LANGUAGE_CHOICES):
            self._language = LANGUAGE_CHOICES[index]
            self.languageChosen.emit(self._language)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language"))
        self.language_combo.blockSignals(True)
        self.language_combo.clear()
        # Language names are shown in their own language, so anyone can find theirs.
        self.language_combo.addItems([self.tr("As in the system"), "Русский", "English"])
        self.language_combo.setCurrentIndex(LANGUAGE_CHOICES.index(self._language))
        self.language_combo.blockSignals(False)
        self.reminders.setText(self.tr("Remind me about appointments"))
        self.theme_note.setText(self.tr("Light or dark appearance follows the system settings."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
