"""The views' exports go through desktop.services.exports: owner-only files (issue 15)."""

from __future__ import annotations

import os
import stat

from desktop.views.card.detail_pane import DetailPane


def test_a_record_saved_as_pdf_is_owner_only(qtbot, tmp_path):
    pane = DetailPane()
    qtbot.addWidget(pane)
    pane.show_record("<h1>Общий анализ крови</h1><p>Гемоглобин 140 г/л</p>", "/../../a")
    target = tmp_path / "record.pdf"
    assert pane.write_pdf(str(target))
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_a_ticket_pdf_is_owner_only(qtbot, tmp_path):
    from datetime import UTC, datetime

    from desktop.services.booking.fhir import AppointmentInfo
    from desktop.services.booking.ticket import ticket_for
    from desktop.services.exports import private_file
    from desktop.views.appointments.ticket_print import save_ticket_pdf

    fields = AppointmentInfo.__dataclass_fields__
    values = {name: "" for name in fields}
    values.update(id="appt-1", start=datetime(2026, 12, 1, 9, tzinfo=UTC), end=None)
    info = AppointmentInfo(**{k: v for k, v in values.items() if k in fields})
    target = tmp_path / "ticket.pdf"
    private_file(target)
    save_ticket_pdf(ticket_for(info), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
