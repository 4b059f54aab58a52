"""The right-hand pane: the open record as formatted text, with Copy, Print, Save as PDF."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QStandardPaths, Signal
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.services.exports import make_private, private_file, safe_file_name


class DetailPane(QWidget):
    # A translated message for the window's banner (e.g. the PDF could not be written).
    errorOccurred = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("recordDetail")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.copy_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.copy_button.clicked.connect(self.copy_record)
        self.print_button.clicked.connect(self.print_record)
        self.pdf_button.clicked.connect(self.save_pdf)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addStretch(1)
        for b in (self.copy_button, self.print_button, self.pdf_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self._title = ""
        self._has_record = False
        self.retranslate()
        self.show_record(None, "")

    def show_record(self, html: str | None, title: str) -> None:
        """Show a rendered record (None = nothing selected)."""
        self._has_record = html is not None
        self._title = title
        if html is None:
            self.browser.setHtml(
                "<p style='color:#757575; margin-top:40px' align='center'>"
                + self.tr("Select a record to see it in full.")
                + "</p>"
            )
        else:
            self.browser.setHtml(html)
        for b in (self.copy_button, self.print_button, self.pdf_button):
            b.setEnabled(self._has_record)

    def plain_text(self) -> str:
        return self.browser.toPlainText() if self._has_record else ""

    # -- actions ----------------------------------------------------------------------
    def copy_record(self) -> None:
        if not self._has_record:
            return
        mime = self.browser.createMimeDataFromSelection()  # empty: build from the document
        mime.setHtml(self.browser.toHtml())
        mime.setText(self.browser.toPlainText())
        QGuiApplication.clipboard().setMimeData(mime)

    def _document(self) -> QTextDocument:
        doc = self.browser.document().clone(self)
        doc.setDocumentMargin(0)
        return doc

    def print_record(self) -> None:
        if not self._has_record:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print record"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self._document().print_(printer)

    def save_pdf(self) -> None:
        if not self._has_record:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = f"{folder}/{safe_file_name(self._title, default='record')}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save record as PDF"), suggested, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.write_pdf(path)

    def write_pdf(self, path: str) -> bool:
        """Write the open record to `path`; a failure goes to the banner, nothing lost."""
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(path)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setDocName(self._title)
        try:
            private_file(path)  # owner-only before Qt writes the record into it
        except OSError:
            pass  # Qt reports the unwritable path below
        self._document().print_(printer)
        make_private(path)
        ok = printer.printerState() != QPrinter.PrinterState.Error
        if not ok:
            self.errorOccurred.emit(
                self.tr(
                    "The PDF could not be written to %1. Check the folder and free space."
                ).replace("%1", path)
            )
        return ok

    # -- language ---------------------------------------------------------------------
    def retranslate(self) -> None:
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the record to the clipboard"))
        self.print_button.setText(self.tr("Print…"))
        self.pdf_button.setText(self.tr("Save as PDF…"))
        if not self._has_record:
            self.show_record(None, "")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
