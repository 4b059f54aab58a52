"""The desk's visit actions: book, move, cancel, print or save the ticket, call a doctor
home, and on the day board arrived / no-show / back to booked and the walk-in.

Each starts from what is selected (the patient's visit, or the board's row when the
board is in front), goes to the portal through `DeskBooking`, and ends with the page and
the board read again — and, for a booking, the ticket straight to the printer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from desktop.services.booking.fhir import KIND_CLINIC, AppointmentInfo
from desktop.services.desk.board import ARRIVED, BOOKED, NOSHOW
from desktop.views.appointments.home_visit_dialog import HomeVisitDialog
from desktop.views.desk.booking_dialog import DeskBookingDialog
from desktop.views.desk.printing import save_ticket_as_pdf

if TYPE_CHECKING:
    from desktop.views.desk.controller import DeskController

MOVABLE = ("booked", "pending", "proposed")


class VisitFlows(QObject):
    def __init__(self, desk: DeskController) -> None:
        super().__init__(desk)
        self.desk = desk
        self._print_walk_in = True

    def wire(self) -> None:
        a, booking = self.desk.window.desk_actions, self.desk.booking
        a.book.triggered.connect(lambda: self.book())
        a.move.triggered.connect(self.move)
        a.cancel.triggered.connect(self.cancel)
        a.print_ticket.triggered.connect(self.print_ticket)
        a.save_ticket.triggered.connect(self.save_ticket)
        a.home_visit.triggered.connect(self.home_visit)
        a.arrived.triggered.connect(lambda: self.set_status(ARRIVED))
        a.noshow.triggered.connect(lambda: self.set_status(NOSHOW))
        a.undo_status.triggered.connect(lambda: self.set_status(BOOKED))
        a.walk_in.triggered.connect(self.walk_in)
        booking.statusChanged.connect(self._on_status_changed)
        booking.walkedIn.connect(self._on_walked_in)
        booking.homeVisitRequested.connect(self._on_home_visit)
        booking.failed.connect(self._say)

    # -- helpers -----------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.desk.window.set_status(text)

    def _patient(self) -> tuple[str, str] | None:
        """(id, name) of the patient on screen; else the desk says to open one first."""
        file = self.desk.patient.file
        if file is None:
            self._say(self.tr("Open a patient first: find them by surname, policy or phone."))
            self.desk.window.focus_search()
            return None
        return file.summary.id, file.summary.name

    def _visit(self, active_only: bool = True) -> AppointmentInfo | None:
        info = self.desk.window.patient_panel.selected_visit()
        if info is None or (active_only and info.status not in MOVABLE):
            self._say(self.tr("Choose an upcoming visit first."))
            return None
        return info

    def _refresh(self) -> None:
        self.desk.patient.reload()
        self.desk.board.load()

    # -- booking -----------------------------------------------------------------------
    def book(self, moving: AppointmentInfo | None = None) -> None:
        patient = self._patient()
        if patient is None:
            return
        dialog = DeskBookingDialog(
            self.desk.booking, patient[0], patient[1], moving, self.desk.window
        )
        dialog.bookedVisit.connect(self._on_booked)
        _open(dialog)

    def move(self) -> None:
        info = self._visit()
        if info is not None and self._patient() is not None:
            if info.kind != KIND_CLINIC:
                self._say(self.tr("Only a visit at the clinic can be moved here."))
                return
            self.book(moving=info)

    def _on_booked(self, info: AppointmentInfo, print_ticket: bool) -> None:
        when = info.ticket_number or info.id
        printed = print_ticket and self.desk.printer.print_ticket(info, self.desk.window)
        self._say(
            (
                self.tr("Booked, ticket %1 printed.") if printed else self.tr("Booked: ticket %1.")
            ).replace("%1", when)
        )
        self._refresh()

    def cancel(self) -> None:
        info = self._visit()
        if info is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Cancel the visit"),
            self.tr("Cancel the visit of %1 to %2? The time becomes free for others.")
            .replace("%1", info.patient_name or self.tr("the patient"))
            .replace("%2", info.doctor or info.specialty),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.desk.window,
        )
        box.setObjectName("deskCancelQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(
            lambda answer: (
                self.desk.booking.set_status(info.id, info.version_id, "cancelled")
                if answer == QMessageBox.StandardButton.Yes
                else None
            )
        )
        _open(box)

    def print_ticket(self) -> None:
        info = self._visit()
        if info is not None and self.desk.printer.print_ticket(info, self.desk.window):
            self._say(self.tr("Ticket %1 printed.").replace("%1", info.ticket_number or info.id))

    def save_ticket(self) -> None:
        info = self._visit()
        if info is not None and save_ticket_as_pdf(info, self.desk.window) is not None:
            self._say(self.tr("The ticket was saved as PDF."))

    def home_visit(self) -> None:
        patient = self._patient()
        file = self.desk.patient.file
        if patient is None or file is None:
            return
        # The dialog needs only `request_home_visit` and the `homeVisitRequested`,
        # `failed` and `busyChanged` signals, which the desk's booking has too.
        dialog = HomeVisitDialog(
            cast(Any, self.desk.booking),
            patient[0],
            patient[1],
            file.summary.address,
            self.desk.window,
        )
        dialog.phone.setText(file.summary.phone)
        _open(dialog)

    def _on_home_visit(self, _info: AppointmentInfo) -> None:
        self._say(self.tr("The home visit request was sent to the clinic."))
        self.desk.patient.reload()

    # -- the day -----------------------------------------------------------------------
    def set_status(self, status: str) -> None:
        """Arrived / no-show / back to booked: the board's row when the board is in
        front, else the patient's chosen visit."""
        window = self.desk.window
        if window.on_board():
            row = window.board_page.selected_row()
            if row is None or not row.appointment_id:
                self._say(self.tr("Choose a booked time on the board first."))
                return
            self.desk.booking.set_status(row.appointment_id, row.version_id, status)
            return
        info = self._visit(active_only=False)
        if info is not None:
            self.desk.booking.set_status(info.id, info.version_id, status)

    def _on_status_changed(self, info: AppointmentInfo) -> None:
        texts = {
            "arrived": self.tr("Marked arrived."),
            "noshow": self.tr("Marked as a no-show."),
            "booked": self.tr("Back to booked."),
            "cancelled": self.tr("The visit was cancelled."),
        }
        self._say(texts.get(info.status, ""))
        self._refresh()

    def walk_in(self) -> None:
        """A patient here without an appointment: the next free time today of the chosen
        specialty, booked and marked arrived, the ticket printed."""
        patient = self._patient()
        board = self.desk.board.board
        if patient is None:
            return
        specialties = board.specialties() if board else []
        if not specialties:
            self._say(self.tr("Today's schedule is not read yet: press F4, then try again."))
            return
        dialog = QInputDialog(self.desk.window)
        dialog.setObjectName("deskWalkInDialog")
        dialog.setWindowTitle(self.tr("Walk-in"))
        dialog.setLabelText(self.tr("The next free time today, for %1:").replace("%1", patient[1]))
        dialog.setComboBoxItems([name for _code, name in specialties])
        dialog.setComboBoxEditable(False)
        codes = {name: code for code, name in specialties}
        dialog.textValueSelected.connect(lambda name: self._walk_in(patient[0], codes.get(name)))
        _open(dialog)

    def _walk_in(self, patient_id: str, code: str | None) -> None:
        if not code:
            return
        booking = self.desk.booking
        if booking.catalog is None:  # the catalog the walk-in books from, read once
            booking.catalogReady.connect(
                lambda _c: booking.walk_in(patient_id, code),
                type=Qt.ConnectionType.SingleShotConnection,
            )
            booking.load_catalog()
        else:
            booking.walk_in(patient_id, code)

    def _on_walked_in(self, info: AppointmentInfo) -> None:
        self._on_booked(info, True)


def _open(dialog: QDialog) -> None:
    """Window-modal and not blocking: the desk's event loop (and its tests) go on."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
