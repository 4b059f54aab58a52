"""What the desk hands the patient: the ticket and the issued documents, on paper.

Printing goes straight to the clinic's default printer (no dialog between a booking and
its ticket); only a PC without a default printer asks which one. Nothing is spooled
through a file of ours. Saving as PDF is the exception: the desk asks first and warns
that the file holds the patient's data and stays on this computer.
Tests (and a PC without printers) print to PDF files in a folder: `pdf_folder`.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QStandardPaths
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.services.booking.fhir import AppointmentInfo
from desktop.services.booking.ticket import ticket_for
from desktop.services.desk.documents import PageImage
from desktop.services.exports import make_private, safe_file_name, write_private
from desktop.views.appointments.ticket_print import save_ticket_pdf, ticket_document

log = logging.getLogger(__name__)
_numbers = itertools.count(1)


class DeskPrinter:
    def __init__(self, pdf_folder: str | Path | None = None) -> None:
        self.pdf_folder = Path(pdf_folder) if pdf_folder else None
        self.printed: list[str] = []  # what went out this shift: "ticket MC-…" (no names)

    def _printer(self, parent: QWidget | None, title: str) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        if self.pdf_folder is not None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(self.pdf_folder / f"printed-{next(_numbers)}.pdf"))
            return printer
        default = QPrinterInfo.defaultPrinter()
        if not default.isNull():
            printer.setPrinterName(default.printerName())
            return printer
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(title)
        return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None

    def print_ticket(self, info: AppointmentInfo, parent: QWidget | None = None) -> bool:
        ticket = ticket_for(info)
        title = QCoreApplication.translate("medcard", "Appointment ticket") + " " + ticket.number
        printer = self._printer(parent, title)
        if printer is None:
            return False
        ticket_document(ticket).print_(printer)
        self.printed.append(f"ticket {ticket.number}")
        return True

    def print_pages(
        self, pages: list[PageImage], title: str, parent: QWidget | None = None
    ) -> bool:
        """Pages rendered from a PDF, each scaled to the printer's page (aspect kept)."""
        printer = self._printer(parent, title)
        if printer is None or not pages:
            return False
        painter = QPainter()
        if not painter.begin(printer):
            log.warning("the printer could not start")
            return False
        try:
            for number, page in enumerate(pages):
                if number:
                    printer.newPage()
                image = QImage(
                    page.pixels, page.width, page.height, page.stride, QImage.Format.Format_RGBX8888
                )
                area = QRectF(painter.viewport())
                scale = min(area.width() / page.width, area.height() / page.height)
                target = QRectF(0, 0, page.width * scale, page.height * scale)
                painter.drawImage(target, image)
        finally:
            painter.end()
        self.printed.append("document")
        return True


def confirm_saving(parent: QWidget | None) -> bool:
    """The warning before a patient's data is written to a file at the desk."""
    box = QMessageBox(parent)
    box.setObjectName("deskSaveWarning")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("medcard", "Save as a file?"))
    box.setText(
        QCoreApplication.translate(
            "medcard",
            "The file will hold the patient's personal data and stay where you save it. "
            "At the desk, print instead; save only onto the patient's own USB stick, and "
            "never into a shared folder of this computer.",
        )
    )
    save = box.addButton(
        QCoreApplication.translate("medcard", "Save anyway…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is save


def _ask_path(parent: QWidget | None, name: str) -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("medcard", "Save as PDF"),
        str(Path(folder) / f"{safe_file_name(name, default='document')}.pdf"),
        QCoreApplication.translate("medcard", "PDF files (*.pdf)"),
    )
    return path


def save_ticket_as_pdf(info: AppointmentInfo, parent: QWidget | None) -> Path | None:
    if not confirm_saving(parent):
        return None
    ticket = ticket_for(info)
    path = _ask_path(parent, f"ticket-{ticket.number}")
    if not path:
        return None
    save_ticket_pdf(ticket, path)
    make_private(path)
    return Path(path)


def save_document_as_pdf(data: bytes, name: str, parent: QWidget | None) -> Path | None:
    if not confirm_saving(parent):
        return None
    path = _ask_path(parent, name)
    return write_private(path, data) if path else None
