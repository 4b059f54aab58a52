"""The open document: what the checks found, the pages (or the text), Print and Save.

Pages are rendered from the bytes in memory, the first at once and the rest one per event
loop turn, so a long document shows its first page without waiting for the others. Only
Save writes the original to disk, owner-only, where the user chose.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.models.documents.library import document_title
from desktop.models.formats import format_datetime
from desktop.services.documents.originals import Original
from desktop.services.documents.signature import (
    FILE_HASH_MISMATCH,
    FILE_SIZE_MISMATCH,
    FILE_TEXT,
    INTACT,
    SIGNATURE_TEXT,
    UNCHECKED,
    UNSIGNED,
)
from desktop.services.exports import safe_file_name, write_private
from desktop.views.documents.pdf_pages import PdfPages, PdfUnreadable, print_pages
from desktop.views.language import tr_service
from desktop.views.style import set_style_state

PAGE_GAP = 10
_STYLE = """
#documentVerdict { padding: 6px 10px; border-radius: 6px; }
#documentVerdict[state="intact"] { background: #e8f5e9; color: #1b5e20; }
#documentVerdict[state="warning"] { background: #ffebee; color: #b71c1c; font-weight: 600; }
#documentVerdict[state="info"] { background: #eceff1; color: #37474f; }
#documentPages { background: #9e9e9e; }
"""


class DocumentViewer(QWidget):
    errorOccurred = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentViewer")
        self.setStyleSheet(_STYLE)
        self.original: Original | None = None
        self.pages: PdfPages | None = None
        self.page_labels: list[QLabel] = []
        self._next_page = 0
        self._scale = 1.0
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._render_next)
        self._fit_width = 0  # the width the pages were laid out for
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self._relayout)

        self.title = QLabel(self)
        self.title.setObjectName("documentTitle")
        self.title.setWordWrap(True)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("documentVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.hide()

        self.page_host = QWidget()
        self.page_host.setObjectName("documentPages")
        self.page_layout = QVBoxLayout(self.page_host)
        self.page_layout.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.page_layout.setSpacing(PAGE_GAP)
        self.page_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.page_host)
        self.scroll_area.viewport().installEventFilter(self)
        self.text = QTextBrowser(self)
        self.text.setObjectName("documentText")
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setObjectName("documentPlaceholder")
        self.stack = QStackedWidget(self)
        for widget in (self.placeholder, self.scroll_area, self.text):
            self.stack.addWidget(widget)

        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printDocument")
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveDocument")
        self.save_button.clicked.connect(self.save_document)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.verdict)
        layout.addWidget(self.stack, 1)
        self.retranslate()
        self.clear()

    # -- showing ----------------------------------------------------------------------------
    def clear(self, text: str = "") -> None:
        self._close_pages()
        self.original = None
        self.title.setText("")
        self.verdict.hide()
        self.placeholder.setText(text or self.tr("Select a document to open it."))
        self.stack.setCurrentWidget(self.placeholder)
        self._update_buttons()

    def show_loading(self, title: str) -> None:
        self.clear(self.tr("Opening…"))
        self.title.setText(title)

    def show_original(self, original: Original) -> None:
        """Show the checks and the pages (or the text when there is no PDF)."""
        same = (
            self.original is not None
            and self.original.document.key == original.document.key
            and self.original.data == original.data
            and self.pages is not None
        )
        self.original = original
        self.title.setText(document_title(original.document))
        self._show_verdict(original)
        if same:
            self._update_buttons()
            return  # only the checks changed (the signature arrived): keep the pages
        self._close_pages()
        if original.data is not None:
            try:
                self.pages = PdfPages(original.data)
            except PdfUnreadable:
                self.pages = None
                self.placeholder.setText(self.tr("This file cannot be shown: it is not a PDF."))
                self.stack.setCurrentWidget(self.placeholder)
            else:
                self._start_pages()
        elif original.document.text:
            self.text.setPlainText(original.document.text)
            self.stack.setCurrentWidget(self.text)
        else:
            self.placeholder.setText(
                self.tr(
                    "The original is not on this computer yet. Connect to the portal to open it."
                )
                if original.document.pdf is not None
                else self.tr("This document has no file to show.")
            )
            self.stack.setCurrentWidget(self.placeholder)
        self._update_buttons()

    def verdict_text(self, original: Original) -> tuple[str, str]:
        """(text, state) of the banner: intact | warning | info."""
        lines: list[str] = []
        warning = False
        if original.file_state in (FILE_HASH_MISMATCH, FILE_SIZE_MISMATCH):
            lines.append(tr_service(FILE_TEXT[original.file_state]))
            warning = True
        check = original.signature
        if check.state == INTACT:
            when = format_datetime(original.signed_at, QLocale()) if original.signed_at else ""
            lines.append(
                self.tr("Signed by %1 on %2: intact.")
                .replace("%1", original.signed_by or check.signer)
                .replace("%2", when)
            )
        elif original.data is not None:
            lines.append(tr_service(SIGNATURE_TEXT.get(check.state, SIGNATURE_TEXT[UNCHECKED])))
            if check.signer and check.state not in (UNSIGNED, UNCHECKED):
                lines.append(self.tr("Signature names: %1").replace("%1", check.signer))
            warning = warning or check.state not in (UNSIGNED, UNCHECKED)
        state = "warning" if warning else ("intact" if check.state == INTACT else "info")
        return "\n".join(lines), state

    def _show_verdict(self, original: Original) -> None:
        text, state = self.verdict_text(original)
        self.verdict.setText(text)
        set_style_state(self.verdict, "state", state)
        self.verdict.setVisible(bool(text))

    # -- pages ------------------------------------------------------------------------------
    def _start_pages(self) -> None:
        assert self.pages is not None
        ratio = self.devicePixelRatioF()
        for index in range(len(self.pages)):
            label = QLabel(self.page_host)
            label.setObjectName("documentPage")
            label.setStyleSheet("background: white;")
            label.setProperty("pixelRatio", ratio)
            self.page_layout.insertWidget(index, label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.stack.setCurrentWidget(self.scroll_area)
        self._layout_pages()

    def _available_width(self) -> int:
        return max(self.scroll_area.viewport().width() - 2 * PAGE_GAP, 200)

    def _layout_pages(self) -> None:
        """Fit the pages to the width and render them again, the first one now."""
        if self.pages is None or not len(self.pages):
            return
        self._fit_width = self._available_width()
        first = self.pages.size(0)
        self._scale = self._fit_width / first.width() if first.width() > 0 else 1.0
        for index, label in enumerate(self.page_labels):
            size = self.pages.size(index)
            label.setFixedSize(int(size.width() * self._scale), int(size.height() * self._scale))
        self._next_page = 0
        self._render_next()  # the first page now: it is what the user looks at

    def _relayout(self) -> None:
        if self.pages is not None and abs(self._available_width() - self._fit_width) > 8:
            self._layout_pages()

    def eventFilter(self, watched: object, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self.pages is not None:
            self._relayout_timer.start()  # once the resizing settles into one event loop turn
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _render_next(self) -> None:
        if self.pages is None or self._next_page >= len(self.page_labels):
            return
        label = self.page_labels[self._next_page]
        ratio = float(label.property("pixelRatio") or 1.0)
        pixmap = QPixmap.fromImage(self.pages.image(self._next_page, self._scale * ratio))
        pixmap.setDevicePixelRatio(ratio)
        label.setPixmap(pixmap)
        self._next_page += 1
        if self._next_page < len(self.page_labels):
            self._render_timer.start()

    def rendered_pages(self) -> int:
        return self._next_page

    def _close_pages(self) -> None:
        self._render_timer.stop()
        self._relayout_timer.stop()
        for label in self.page_labels:
            self.page_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        if self.pages is not None:
            self.pages.close()
            self.pages = None

    # -- print and save ---------------------------------------------------------------------
    def _update_buttons(self) -> None:
        has_file = self.original is not None and self.original.data is not None
        has_text = self.original is not None and bool(self.original.document.text)
        self.print_button.setEnabled(has_file and self.pages is not None or has_text)
        self.save_button.setEnabled(has_file)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print document"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        if self.pages is not None:
            print_pages(self.pages, printer)
        else:
            self.text.document().print_(printer)

    def save_document(self) -> None:
        if self.original is None or self.original.data is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = safe_file_name(document_title(self.original.document), default="document")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save document"), f"{folder}/{name}.pdf", self.tr("PDF files (*.pdf)")
        )
        if path:
            self.write_file(path)

    def write_file(self, path: str) -> bool:
        """The original's bytes as they are (the signature still verifies), owner-only."""
        if self.original is None or self.original.data is None:
            return False
        try:
            write_private(path, self.original.data)
        except OSError as exc:
            self.errorOccurred.emit(
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or "")
            )
            return False
        return True

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save…"))
        self.save_button.setToolTip(self.tr("Save the original file (PDF) to a folder you choose"))
        if self.original is not None:
            self._show_verdict(self.original)
        elif self.stack.currentWidget() is self.placeholder and not self.title.text():
            self.placeholder.setText(self.tr("Select a document to open it."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
