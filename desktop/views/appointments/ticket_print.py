"""The appointment ticket as a QTextDocument: printed with QPrintDialog or saved as PDF.

The QR image is added to the document as an in-memory resource (no temp file).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from desktop.models.formats import format_date, format_datetime
from desktop.services.booking.fhir import KIND_HOME, KIND_VIDEO, wall_time
from desktop.services.booking.ticket import Ticket, qr_png

QR_URL = QUrl("medcard-ticket://qr.png")


def ticket_html(ticket: Ticket, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    when = ""
    if ticket.start is not None:
        local = wall_time(ticket.start)
        when = format_datetime(local, locale, "d MMMM yyyy, HH:mm")
        when += " (" + format_date(local, locale, "dddd") + ")"
    rows: list[tuple[str, str]] = [
        (QCoreApplication.translate("medcard", "Patient"), ticket.patient),
        (QCoreApplication.translate("medcard", "Doctor"), ticket.doctor),
        (QCoreApplication.translate("medcard", "Specialty"), ticket.specialty),
        (
            QCoreApplication.translate("medcard", "Date and time"),
            when or QCoreApplication.translate("medcard", "Time not set yet"),
        ),
    ]
    if ticket.kind == KIND_VIDEO:
        rows.append(
            (
                QCoreApplication.translate("medcard", "Where"),
                QCoreApplication.translate("medcard", "Video consultation")
                + ": "
                + ticket.join_url,
            )
        )
    elif ticket.kind == KIND_HOME:
        rows.append((QCoreApplication.translate("medcard", "Address"), ticket.address))
    else:
        rows += [
            (QCoreApplication.translate("medcard", "Clinic"), ticket.clinic),
            (QCoreApplication.translate("medcard", "Address"), ticket.address),
            (QCoreApplication.translate("medcard", "Room"), ticket.room),
        ]
    title = QCoreApplication.translate("medcard", "Appointment ticket")
    id_label = QCoreApplication.translate("medcard", "Appointment ID")
    come_early = QCoreApplication.translate("medcard", "Please come 10 minutes early.")
    body = "".join(
        f"<tr><td style='color:#555;padding:4px 16px 4px 0'>{html.escape(label)}</td>"
        f"<td style='padding:4px 0'><b>{html.escape(value or '—')}</b></td></tr>"
        for label, value in rows
    )
    return (
        "<html><body style='font-family:sans-serif'>"
        f"<h2>{html.escape(title)} № {html.escape(ticket.number)}</h2>"
        f"<table cellspacing='0'>{body}</table>"
        f"<p><img src='{QR_URL.toString()}' width='140' height='140'></p>"
        f"<p style='color:#555'>{html.escape(id_label)}: "
        f"{html.escape(ticket.appointment_id)}</p>"
        f"<p style='color:#555'>{html.escape(come_early)}</p>"
        "</body></html>"
    )


def ticket_document(ticket: Ticket) -> QTextDocument:
    doc = QTextDocument()
    image = QImage.fromData(qr_png(ticket, scale=6), "PNG")  # type: ignore[arg-type]  # PySide takes a str format
    doc.addResource(QTextDocument.ResourceType.ImageResource, QR_URL, image)
    doc.setHtml(ticket_html(ticket))
    return doc


def save_ticket_pdf(ticket: Ticket, path: str | Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setTitle(
        QCoreApplication.translate("medcard", "Appointment ticket") + " " + ticket.number
    )
    writer.setCreator("Medcard")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A5),
            QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
        )
    )
    doc = ticket_document(ticket)
    doc.setPageSize(writer.pageLayout().paintRectPoints().size())
    doc.print_(writer)


def print_ticket(ticket: Ticket, parent: QWidget | None = None) -> bool:
    """Show the system print dialog; True when the ticket was sent to a printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("medcard", "Print the ticket"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    ticket_document(ticket).print_(printer)
    return True
