"""The selected appointment: its details and what can be done with it."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop.models.appointments.list_model import kind_text, place_text, status_text, when_text
from desktop.services.booking.fhir import KIND_HOME, KIND_VIDEO, AppointmentInfo
from desktop.services.booking.ticket import ticket_number
from desktop.views.flow_layout import FlowLayout

JOIN_EARLY = timedelta(minutes=10)


def can_join(info: AppointmentInfo | None, now: datetime) -> bool:
    """A booked video consultation can be joined from 10 minutes before its start to its end."""
    if info is None or info.kind != KIND_VIDEO or info.status != "booked" or not info.join_url:
        return False
    if info.start is None:
        return False
    end = info.end or info.start + timedelta(hours=1)
    return info.start - JOIN_EARLY <= now < end


class AppointmentDetails(QFrame):
    joinRequested = Signal()
    printRequested = Signal()
    pdfRequested = Signal()
    icsRequested = Signal()
    cancelRequested = Signal()

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appointmentDetails")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.clock = clock
        self.info: AppointmentInfo | None = None
        self.writes_allowed = True
        self.text = QLabel(self)
        self.text.setObjectName("detailsText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.join = QPushButton(self)
        self.join.setObjectName("joinButton")
        self.print = QPushButton(self)
        self.print.setObjectName("printTicket")
        self.pdf = QPushButton(self)
        self.pdf.setObjectName("saveTicketPdf")
        self.ics = QPushButton(self)
        self.ics.setObjectName("exportIcs")
        self.cancel = QPushButton(self)
        self.cancel.setObjectName("cancelAppointment")
        self.join.clicked.connect(self.joinRequested)
        self.print.clicked.connect(self.printRequested)
        self.pdf.clicked.connect(self.pdfRequested)
        self.ics.clicked.connect(self.icsRequested)
        self.cancel.clicked.connect(self.cancelRequested)
        # The buttons wrap onto a second line when the window is narrow (1024 px).
        buttons = QWidget(self)
        flow = FlowLayout(buttons, spacing=6)
        for button in (self.join, self.print, self.pdf, self.ics, self.cancel):
            flow.addWidget(button)
        # On a small screen the text scrolls; the buttons stay in view below it.
        scroll = QScrollArea(self)
        scroll.setObjectName("detailsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.text)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.retranslate()
        self.show_info(None)

    def retranslate(self) -> None:
        self.join.setText(self.tr("Join video call"))
        self.print.setText(self.tr("Print ticket…"))
        self.pdf.setText(self.tr("Save ticket as PDF…"))
        self.ics.setText(self.tr("Add to calendar (.ics)…"))
        self.cancel.setText(self.tr("Cancel appointment…"))
        self.show_info(self.info)

    def show_info(self, info: AppointmentInfo | None) -> None:
        self.info = info
        if info is None:
            self.text.setText(
                "<span style='color:#777'>"
                + html.escape(self.tr("Select an appointment to see its details."))
                + "</span>"
            )
        else:
            self.text.setText(self._describe(info))
        self.refresh_actions()

    def _describe(self, info: AppointmentInfo) -> str:
        rows = [
            (self.tr("When"), when_text(info)),
            (self.tr("Type"), kind_text(info)),
            (self.tr("Status"), status_text(info)),
            (self.tr("Specialty"), info.specialty),
            (self.tr("Doctor"), info.doctor),
            (self.tr("Place"), place_text(info)),
        ]
        if info.kind == KIND_HOME:
            rows += [(self.tr("Symptoms"), info.symptoms), (self.tr("Phone"), info.phone)]
            if info.temperature is not None:
                rows.append((self.tr("Temperature"), f"{info.temperature:.1f} °C"))
        elif info.is_active:
            rows.append((self.tr("Ticket"), ticket_number(info)))
        cells = "".join(
            f"<tr><td style='color:#666;padding-right:12px'>{html.escape(k)}</td>"
            f"<td>{html.escape(v)}</td></tr>"
            for k, v in rows
            if v
        )
        return f"<table>{cells}</table>"

    def refresh_actions(self) -> None:
        """Enable what applies now (the Join window moves with the clock)."""
        info = self.info
        active = info is not None and info.is_active
        self.join.setVisible(info is not None and info.kind == KIND_VIDEO)
        self.join.setEnabled(can_join(info, self.clock()))
        if info is not None and info.kind == KIND_VIDEO and not self.join.isEnabled() and active:
            self.join.setToolTip(self.tr("Available from 10 minutes before the start"))
        else:
            self.join.setToolTip("")
        has_ticket = active and info is not None and info.kind != KIND_HOME
        self.print.setEnabled(has_ticket)
        self.pdf.setEnabled(has_ticket)
        self.ics.setEnabled(active and info is not None and info.start is not None)
        self.cancel.setEnabled(active and self.writes_allowed)
