""" "I did not receive this service": what will be sent, an optional comment, Send."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.models.formats import format_date
from desktop.models.services.texts import format_money
from desktop.services.costs.fhir import ServiceLine, ServiceVisit

MAX_COMMENT = 1000


class ReportDialog(QDialog):
    def __init__(self, visit: ServiceVisit, line: ServiceLine, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reportServiceDialog")
        self.setWindowTitle(self.tr("I did not receive this service"))
        locale = QLocale()
        day = line.date or visit.date
        what = QLabel(self)
        what.setWordWrap(True)
        what.setText(
            "<b>{}</b><br>{}<br>{}".format(
                f"{line.code} {line.name}".strip(),
                ", ".join(
                    p
                    for p in (
                        format_date(day, locale) if day else "",
                        visit.clinic,
                        format_money(line.cost, locale) if line.cost else "",
                    )
                    if p
                ),
                visit.insurer,
            )
        )
        explain = QLabel(
            self.tr(
                "Your insurer will check with the clinic whether this service was provided. "
                "The answer appears next to the service."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("reportComment")
        self.comment.setPlaceholderText(
            self.tr("Comment for the insurer (optional): e.g. I was not at the clinic that day")
        )
        self.comment.setMaximumHeight(90)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.send_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Send to the insurer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(explain)
        layout.addWidget(self.comment)
        layout.addWidget(buttons)
        self.resize(460, 260)

    def comment_text(self) -> str:
        return self.comment.toPlainText().strip()[:MAX_COMMENT]
