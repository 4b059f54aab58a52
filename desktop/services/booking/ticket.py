"""The appointment ticket: what it carries and its QR code (Qt-free).

The view lays the ticket out (translated labels) in a QTextDocument for printing and PDF;
this module decides the content, so the printed and the saved ticket always agree.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

import segno

from desktop.services.booking.fhir import AppointmentInfo


@dataclass(frozen=True)
class Ticket:
    appointment_id: str
    number: str
    patient: str
    doctor: str
    specialty: str
    room: str
    clinic: str
    address: str
    start: datetime | None
    end: datetime | None
    kind: str
    join_url: str

    @property
    def qr_payload(self) -> str:
        """What the QR code encodes: the FHIR reference of the appointment."""
        return f"Appointment/{self.appointment_id}"


def ticket_number(info: AppointmentInfo) -> str:
    """The portal's ticket number; a stable short form of the id when a portal gives none."""
    if info.ticket_number:
        return info.ticket_number
    compact = "".join(ch for ch in info.id if ch.isalnum()).upper()
    return compact[-8:] or "—"


def ticket_for(info: AppointmentInfo) -> Ticket:
    return Ticket(
        appointment_id=info.id,
        number=ticket_number(info),
        patient=info.patient_name,
        doctor=info.doctor,
        specialty=info.specialty,
        room=info.room,
        clinic=info.clinic,
        address=info.address,
        start=info.start,
        end=info.end,
        kind=info.kind,
        join_url=info.join_url,
    )


def qr_png(ticket: Ticket, scale: int = 4) -> bytes:
    """PNG bytes of the QR code (kept in memory: it never touches a temp file)."""
    buffer = io.BytesIO()
    segno.make(ticket.qr_payload, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
