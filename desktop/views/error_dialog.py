"""What the user sees when the app meets an error nobody foresaw: a plain explanation, the
details to copy for a bug report (scrubbed, as in the log file), and the choice to go on.
The app never closes silently."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.logs import format_error

log = logging.getLogger("medcard.uncaught")
QUIT = 2  # the dialog's result when the user chose to quit


class ErrorDialog(QDialog):
    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Medcard: something went wrong"))
        text = self.tr(
            "Medcard ran into a problem it did not expect. Your card and your entries are "
            "safe; you can go on working. If it happens again, please send us the details."
        )
        if log_file is not None:
            text += "\n" + self.tr("The details are also in the log: %1").replace(
                "%1", str(log_file)
            )
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setObjectName("errorDetails")
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Escape and closing the window mean "go on"; quitting is an explicit choice.
        self.continue_button = buttons.addButton(
            self.tr("Continue"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button = buttons.addButton(
            self.tr("Quit Medcard"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.quit_button.clicked.connect(lambda: self.done(QUIT))
        buttons.rejected.connect(self.reject)
        self.continue_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 400)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class UncaughtErrors:
    """sys.excepthook for the GUI: log with the traceback, then show the dialog (one at a
    time; errors while it is open are only logged)."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self.dialog: ErrorDialog | None = None

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("uncaught error", exc_info=(exc_type, exc, tb))
        app = QApplication.instance()
        on_gui_thread = app is not None and QThread.currentThread() is app.thread()
        if not on_gui_thread or self.dialog is not None:
            return
        self.dialog = ErrorDialog(format_error(exc_type, exc, tb), self.log_file)
        self.dialog.finished.connect(self._on_finished)
        self.dialog.open()

    def _on_finished(self, result: int) -> None:
        self.dialog = None
        if result == QUIT:
            app = QApplication.instance()
            if app is not None:
                app.quit()


def install(log_file: Path | None) -> UncaughtErrors:
    hook = UncaughtErrors(log_file)
    sys.excepthook = hook
    return hook
