"""What leaves the tab: the browser for a video call, the printer, PDF and .ics files."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.models.appointments.list_model import kind_text, place_text, when_text
from desktop.services.booking.fhir import AppointmentInfo
from desktop.services.booking.ics import build_calendar, write_ics
from desktop.services.booking.ticket import ticket_for
from desktop.services.exports import make_private, private_file, safe_file_name
from desktop.views.appointments.ticket_print import print_ticket, save_ticket_pdf
from desktop.views.link_dialog import LinkDialog

log = logging.getLogger(__name__)


def join(info: AppointmentInfo | None, parent: QWidget | None = None) -> bool:
    if info is None or not info.join_url.startswith("https://"):
        return False  # only the portal's https links are opened
    opened = QDesktopServices.openUrl(QUrl(info.join_url))
    if not opened:  # no browser: the link to copy, rather than nothing at all
        LinkDialog.show_for(info.join_url, parent)
    return opened


def _documents_dir() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def _report(parent: QWidget, exc: OSError) -> None:
    log.warning("could not write a file: %s", type(exc).__name__)
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("medcard", "File not saved"),
        QCoreApplication.translate(
            "medcard", "The file could not be saved. Check the folder and free disk space."
        ),
    )


def print_ticket_of(info: AppointmentInfo | None, parent: QWidget) -> None:
    if info is not None:
        print_ticket(ticket_for(info), parent)


def save_pdf_of(info: AppointmentInfo | None, parent: QWidget) -> Path | None:
    if info is None:
        return None
    ticket = ticket_for(info)
    name = safe_file_name(f"ticket-{ticket.number}", default="ticket")  # portal text
    suggested = str(Path(_documents_dir()) / f"{name}.pdf")
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("medcard", "Save ticket as PDF"),
        suggested,
        QCoreApplication.translate("medcard", "PDF files (*.pdf)"),
    )
    if not path:
        return None
    try:
        private_file(path)  # owner-only before Qt writes the ticket into it
        save_ticket_pdf(ticket, path)
        make_private(path)
    except OSError as exc:
        _report(parent, exc)
        return None
    return Path(path)


def ics_title(info: AppointmentInfo) -> str:
    return f"{kind_text(info)}: {info.specialty}" if info.specialty else kind_text(info)


def ics_description(info: AppointmentInfo) -> str:
    doctor = QCoreApplication.translate("medcard", "Doctor")
    place = QCoreApplication.translate("medcard", "Place")
    ticket = QCoreApplication.translate("medcard", "Ticket")
    lines = [
        f"{doctor}: {info.doctor}" if info.doctor else "",
        f"{place}: {place_text(info)}" if place_text(info) else "",
        f"{ticket}: {info.ticket_number}" if info.ticket_number else "",
        info.join_url,
    ]
    return "\n".join(line for line in lines if line)


def write_ics_file(items: list[AppointmentInfo], path: str | Path, now: datetime) -> None:
    write_ics(Path(path), build_calendar(items, ics_title, ics_description, now=now))


def export_ics(items: list[AppointmentInfo], parent: QWidget, now: datetime) -> Path | None:
    name = "appointments.ics"
    if len(items) == 1:  # the id is the portal's text: cleaned before it names a file
        name = safe_file_name(f"appointment-{items[0].id[:8]}", "appointment") + ".ics"
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("medcard", "Export to calendar"),
        str(Path(_documents_dir()) / name),
        QCoreApplication.translate("medcard", "iCalendar files (*.ics)"),
    )
    if not path:
        return None
    try:
        write_ics_file(items, path, now)
    except OSError as exc:
        _report(parent, exc)
        return None
    return Path(path)


def confirm_cancel(info: AppointmentInfo, parent: QWidget) -> bool:
    box = QMessageBox(parent)
    box.setObjectName("confirmCancel")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("medcard", "Cancel the appointment?"))
    box.setText(
        QCoreApplication.translate("medcard", "Cancel the appointment on %1?").replace(
            "%1", when_text(info)
        )
        + "\n"
        + ", ".join(p for p in (info.specialty, info.doctor) if p)
    )
    yes = box.addButton(
        QCoreApplication.translate("medcard", "Cancel appointment"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.addButton(
        QCoreApplication.translate("medcard", "Keep it"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    return box.clickedButton() is yes
