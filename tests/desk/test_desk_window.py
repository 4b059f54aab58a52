"""The desk's window over a real demo portal, driven from the keyboard like a
receptionist would: find, open, book and print; the day board; next patient."""

from __future__ import annotations

from pathlib import Path

from desk_helpers import DESK, OLGA, SERGEY, settle, type_text
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from desktop.services.desk.board import ARRIVED, BOOKED
from desktop.views.desk.booking_dialog import DeskBookingDialog


def _open_patient(qtbot, desk, text: str, patient_id: str) -> None:
    field = desk.window.search_panel.field
    type_text(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # Enter even before the answer came
    qtbot.waitUntil(lambda: desk.patient.file is not None, timeout=20_000)
    assert desk.patient.file.summary.id == patient_id


def _key(qtbot, desk, sequence: str) -> None:
    """Press a menu shortcut (as the user does: wherever the focus is in the window)."""
    for act in desk.window.actions():
        if any(k.toString() == sequence for k in act.shortcuts()):
            assert act.isEnabled(), f"{sequence} is disabled"
            act.trigger()
            return
    raise AssertionError(f"no action on {sequence}")


def _dialog(qtbot, desk, kind: type) -> QDialog:
    found: list[QDialog] = []

    def shown() -> bool:
        found[:] = [w for w in desk.window.findChildren(kind) if w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=20_000)
    return found[0]


def _closed(dialog: QDialog) -> bool:
    import shiboken6

    return not shiboken6.isValid(dialog) or not dialog.isVisible()


def _pdf_text(folder: Path) -> str:
    text = " ".join(
        page.extract_text() for pdf in sorted(folder.glob("*.pdf")) for page in PdfReader(pdf).pages
    )
    return " ".join(text.split())


def test_the_search_field_has_the_focus_when_the_desk_is_idle(qtbot, desk):
    assert desk.window.focusWidget() is desk.window.search_panel.field
    _open_patient(qtbot, desk, "смирнова ольга", OLGA)
    _key(qtbot, desk, "F2")  # next patient
    assert desk.patient.file is None and desk.search.model.rowCount() == 0
    assert desk.window.search_panel.field.text() == ""
    assert desk.window.focusWidget() is desk.window.search_panel.field


def test_search_shows_age_policy_and_clinic(qtbot, desk):
    type_text(desk.window.search_panel.field, "смирн")
    model = desk.search.model
    qtbot.waitUntil(
        lambda: model.rowCount() >= 2 and model.index(0, 1).data() != "checking…",
        timeout=20_000,
    )
    rows = {
        model.rows[r].id: [model.index(r, c).data() for c in range(3)]
        for r in range(model.rowCount())
    }
    name, born = rows[OLGA][0].split("\n")
    assert name == "Смирнова Ольга Владимировна"
    assert "1988" in born and born.endswith(" y.)")
    assert rows[OLGA][1:] == ["valid", "this clinic"]


def test_from_an_open_patient_to_a_printed_ticket_in_five_keys(qtbot, desk, desk_portal, tmp_path):
    _open_patient(qtbot, desk, "смирнова", OLGA)  # 1: Enter
    presses = 1
    _key(qtbot, desk, "Ctrl+B")  # 2: book
    presses += 1
    dialog = _dialog(qtbot, desk, DeskBookingDialog)
    qtbot.waitUntil(lambda: dialog.specialties.count() > 0, timeout=20_000)
    therapy = dialog.specialties.findItems("Терапия", Qt.MatchFlag.MatchExactly)[0]
    dialog.specialties.setCurrentItem(therapy)  # the arrow keys' work, part of choosing
    qtbot.keyClick(dialog.specialties, Qt.Key.Key_Return)  # 3: the first free times
    presses += 1
    qtbot.waitUntil(lambda: dialog.slots.count() > 0, timeout=20_000)
    slot = dialog.chosen_slot()
    qtbot.keyClick(dialog.slots, Qt.Key.Key_Return)  # 4: book and print
    presses += 1
    qtbot.waitUntil(lambda: _closed(dialog), timeout=20_000)
    assert presses <= 5
    settle(qtbot, desk)
    appointment = next(
        a
        for a in desk_portal.store.search("Appointment", patient=OLGA, limit=1000)
        if (a.get("slot") or [{}])[0].get("reference") == f"Slot/{slot.id}"
    )
    booked_by = next(e for e in appointment["extension"] if e["url"].endswith("/booked-by"))
    assert booked_by["valueReference"]["reference"] == "PractitionerRole/role-desk-smirnova"
    ticket = next(i["value"] for i in appointment["identifier"] if i["system"].endswith("ticket"))
    printed = _pdf_text(tmp_path / "printed")
    assert ticket in printed and "Смирнова Ольга" in printed
    assert ticket in desk.window.status_label.text()
    audit = desk_portal.store.search(
        "AuditEvent", where={"patient": f"Patient/{OLGA}"}, limit=10000
    )
    assert any(
        e["subtype"][0]["code"] == "create" and e["agent"][0]["altId"] == DESK for e in audit
    )
    # the page shows the new visit among the upcoming ones
    qtbot.waitUntil(
        lambda: any(v.info.id == appointment["id"] for v in desk.patient.upcoming.visits),
        timeout=20_000,
    )


def test_cancel_asks_and_lands_with_if_match(qtbot, desk, desk_portal):
    _open_patient(qtbot, desk, "смирнова ольга", OLGA)
    visit = desk.window.patient_panel.selected_visit()
    assert visit is not None and visit.status == "booked"
    _key(qtbot, desk, "Ctrl+Del")
    box = _dialog(qtbot, desk, QMessageBox)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(
        lambda: desk_portal.store.get("Appointment", visit.id)["status"] == "cancelled",
        timeout=20_000,
    )
    settle(qtbot, desk)
    assert all(v.info.id != visit.id for v in desk.patient.upcoming.visits)
    events = desk_portal.store.search(
        "AuditEvent", where={"patient": f"Patient/{OLGA}"}, limit=10000
    )
    assert any(
        e["subtype"][0]["code"] == "update"
        and e["agent"][0]["altId"] == DESK
        and any(
            x.get("what", {}).get("reference") == f"Appointment/{visit.id}" for x in e["entity"]
        )
        for e in events
    )


def test_day_board_marks_arrived(qtbot, desk, desk_portal):
    from desk_helpers import local_now

    _key(qtbot, desk, "F4")
    qtbot.waitUntil(lambda: desk.board.rowCount() > 0, timeout=20_000)
    table = desk.window.board_page.table
    index = next(
        i
        for i, row in enumerate(desk.board.rows)
        if row.state == BOOKED and row.start > local_now()
    )
    table.selectRow(index)
    row = desk.board.rows[index]
    _key(qtbot, desk, "F7")
    qtbot.waitUntil(
        lambda: desk_portal.store.get("Appointment", row.appointment_id)["status"] == "arrived",
        timeout=20_000,
    )
    qtbot.waitUntil(
        lambda: any(
            r.appointment_id == row.appointment_id and r.state == ARRIVED for r in desk.board.rows
        ),
        timeout=20_000,
    )
    events = desk_portal.store.search(
        "AuditEvent", where={"patient": f"Patient/{row.patient_id}"}, limit=10000
    )
    assert any(
        e["subtype"][0]["code"] == "update" and e["agent"][0]["altId"] == DESK for e in events
    )


def test_documents_ready_go_to_the_printer(qtbot, desk, tmp_path):
    _open_patient(qtbot, desk, "иванов сергей", SERGEY)
    assert desk.patient.file.documents
    _key(qtbot, desk, "Ctrl+Shift+P")
    qtbot.waitUntil(lambda: bool(list((tmp_path / "printed").glob("*.pdf"))), timeout=30_000)
    settle(qtbot, desk)
    pdf = next((tmp_path / "printed").glob("*.pdf"))
    assert len(PdfReader(pdf).pages) >= 1


def test_saving_a_ticket_as_pdf_asks_first(qtbot, desk, tmp_path):
    from PySide6.QtCore import QTimer

    _open_patient(qtbot, desk, "иванов сергей", SERGEY)
    seen: list[str] = []

    def decline() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.objectName())
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            QTimer.singleShot(50, decline)

    QTimer.singleShot(50, decline)
    _key(qtbot, desk, "Ctrl+Shift+S")
    assert seen == ["deskSaveWarning"]
    assert not list(tmp_path.rglob("ticket-*.pdf"))


def test_walk_in_books_the_next_free_time_today_and_marks_arrived(qtbot, desk, desk_portal):
    from PySide6.QtWidgets import QInputDialog

    _open_patient(qtbot, desk, "смирнова ольга", OLGA)
    qtbot.waitUntil(lambda: desk.board.board is not None, timeout=20_000)
    specialties = dict((n, c) for c, n in desk.board.board.specialties())
    name = next(
        n for n, c in specialties.items() if desk.board.board.next_free(c, _now()) is not None
    )
    _key(qtbot, desk, "F9")
    dialog = _dialog(qtbot, desk, QInputDialog)
    dialog.setTextValue(name)
    dialog.accept()
    qtbot.waitUntil(
        lambda: any(
            a["status"] == "arrived"
            for a in desk_portal.store.search("Appointment", patient=OLGA, limit=1000)
        ),
        timeout=30_000,
    )


def _now():
    from desk_helpers import local_now

    return local_now()


def test_the_idle_time_is_a_setting(qtbot, desk):
    from desktop.views.desk.settings_dialog import DeskSettingsDialog

    assert desk.idle.lock_after_ms == 3 * 60_000  # the default: three minutes
    _key(qtbot, desk, "Ctrl+,")
    dialog = _dialog(qtbot, desk, DeskSettingsDialog)
    dialog.lock_minutes.setValue(5)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert desk.profile.settings.get("desk_lock_minutes") == 5
    assert desk.idle.lock_after_ms == 5 * 60_000


def test_the_welcome_screen_offers_the_desk_at_the_chosen_portal(qtbot):
    from desktop.services.onboarding.portals import KnownPortal
    from desktop.views.welcome import WelcomePage

    page = WelcomePage()
    qtbot.addWidget(page)
    demo = KnownPortal("demo", {"en": "Demo"}, demo=True)
    clinic = KnownPortal(
        "clinic", {"en": "Clinic portal"}, fhir_base="https://portal.example.org/fhir"
    )
    page.set_portals([demo, clinic])
    page.portals.list.setCurrentRow(0)
    with qtbot.waitSignal(page.deskRequested) as asked:  # the demo clinic's desk
        qtbot.mouseClick(page.desk_button, Qt.MouseButton.LeftButton)
    assert asked.args == [""]
    page.portals.list.setCurrentRow(2)  # "Another portal…" with no address yet
    assert not page.desk_button.isEnabled()
    page.portals.list.setCurrentRow(1)
    assert page.desk_button.isEnabled()
    with qtbot.waitSignal(page.deskRequested) as asked:
        qtbot.mouseClick(page.desk_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["https://portal.example.org/fhir"]


def test_visit_times_follow_the_window_locale(qtbot, desk):
    from PySide6.QtCore import QLocale

    from desktop.services.booking.fhir import wall_time

    _open_patient(qtbot, desk, "Иванов Сергей", SERGEY)
    qtbot.waitUntil(lambda: desk.patient.upcoming.rowCount() > 0, timeout=20_000)
    start = wall_time(desk.patient.upcoming.visits[0].info.start)
    previous = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        shown = desk.patient.upcoming.index(0, 0).data()
        assert shown == start.strftime("%d/%m/%Y %H:%M")  # not the Russian 04.12.2026
        QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
        assert desk.patient.upcoming.index(0, 0).data() == start.strftime("%d.%m.%Y %H:%M")
    finally:
        QLocale.setDefault(previous)
