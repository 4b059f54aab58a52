"""When no web browser opens a link: say so, show the address and offer to copy it.

`webbrowser.open` answers False when no browser could be started (a server, a bare
window manager, a misconfigured BROWSER); without this, a click on "Change password /
manage account…" did nothing visible. Use `LinkDialog.show_for(url, parent)` wherever the
app hands a link to the browser.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LinkDialog(QDialog):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.url = url
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.address = QLineEdit(url, self)
        self.address.setObjectName("linkAddress")
        self.address.setReadOnly(True)
        self.address.setCursorPosition(0)
        self.copied = QLabel(self)
        self.copied.setObjectName("linkCopied")
        self.copied.hide()
        self.buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyLink")
        self.copy_button.setDefault(True)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.address)
        layout.addWidget(self.copied)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.url)
        self.copied.show()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Open in a browser"))
        self.message.setText(
            self.tr(
                "No web browser opened on this computer. Open this address in a browser "
                "yourself, for example on your phone:"
            )
        )
        self.copy_button.setText(self.tr("Copy address"))
        self.copied.setText(self.tr("Copied. Paste it into the address bar of a browser."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @classmethod
    def show_for(cls, url: str, parent: QWidget | None = None) -> LinkDialog:
        dialog = cls(url, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
