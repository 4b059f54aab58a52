"""How the change of clinic works, in a few lines beside the policy (the rules the portal
applies, so nobody learns them only from a rejection)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class RulesBox(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clinicRules")
        self.heading = QLabel(self)
        self.heading.setObjectName("cardHeading")
        self.text = QLabel(self)
        self.text.setObjectName("clinicRulesText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("How to change the clinic"))
        items = [
            self.tr(
                "By choice: once a year. After moving house: at any time, with the new address."
            ),
            self.tr(
                "Adults and children are attached to separate polyclinics; a parent applies for a child."
            ),
            self.tr("The portal checks the rules at once; then the new clinic accepts or refuses."),
            self.tr(
                "The new clinic's registry asks to see the passport (a child's birth certificate), the OMS policy and SNILS."
            ),
        ]
        self.text.setText(
            "<ul style='margin-left:-20px'>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
