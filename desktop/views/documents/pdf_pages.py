"""PDF pages as images, from bytes in memory (PDFium through pypdfium2).

PySide6-Essentials has no QtPdf, so the pages are rendered by PDFium, which reads the
document from memory: opening an original writes nothing to disk. PDFium is not
thread-safe; every call here runs on the GUI thread, one page at a time.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter


class PdfUnreadable(Exception):
    """The bytes are not a PDF PDFium can open."""


class PdfPages:
    def __init__(self, data: bytes) -> None:
        try:
            self._pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise PdfUnreadable(str(exc)) from exc
        self._data = data  # PDFium reads from this buffer: keep it alive with the document

    def __len__(self) -> int:
        return len(self._pdf)

    def size(self, index: int) -> QSizeF:
        """The page's size in points (1/72 inch)."""
        width, height = self._pdf[index].get_size()
        return QSizeF(width, height)

    def image(self, index: int, scale: float) -> QImage:
        """The page rendered at `scale` pixels per point, on white."""
        page = self._pdf[index]
        bitmap = page.render(scale=scale, prefer_bgrx=True, may_draw_forms=False)
        image = QImage(
            bytes(bitmap.buffer),
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB32,
        )
        return image.copy()  # own the pixels: the bitmap's memory goes with it

    def close(self) -> None:
        self._pdf.close()


def print_pages(pages: PdfPages, printer: QPrinter) -> bool:
    """Each page rendered at the printer's resolution, fitted to its page."""
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        dpi = max(printer.resolution(), 72)
        for index in range(len(pages)):
            if index:
                printer.newPage()
            image = pages.image(index, dpi / 72.0)
            target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            fitted = QSizeF(image.size()).scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(target.topLeft(), fitted), image)
    finally:
        painter.end()
    return True
