"""Appointments tab end to end: the real tab signed in to an embedded demo portal over
loopback HTTP with a real SQLCipher cache. Every write is checked in the window and on the
portal's side (portal.store)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale, QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from demo_portal import autologin
from demo_portal.embedded import DemoPortal
from demo_portal.rules.appointments import add_schedule, advance_home_visit
from desktop.models.context import AppContext
from desktop.services.accounts import AccountManager
from desktop.services.booking.fhir import KIND_VIDEO, AppointmentInfo, wall_time
from desktop.services.booking.service import BookingService, new_booking_key
from desktop.services.booking.ticket import ticket_for
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.views.appointments import AppointmentsTab
from desktop.views.appointments.files import write_ics_file
from desktop.views.appointments.ticket_print import save_ticket_pdf
from tests.ui.conftest import TabHarness

FAMILY, OTHER = "family@demo.medcard", "other@demo.medcard"
SERGEY, MASHA = "ivanov-sergey", "ivanova-masha"
SPECIALTY = "Тестология"
WAIT = 30_000  # generous: CI machines are shared and slow; nothing here asserts a timing


def seed(store: Any) -> None:
    store.put(
        {
            "resourceType": "Organization",
            "id": "t-clinic",
            "name": "Поликлиника Тест",
            "address": [{"text": "Москва, ул. Тестовая, 1"}],
        }
    )
    store.put(
        {
            "resourceType": "Location",
            "id": "t-room",
            "name": "каб. 101",
            "physicalType": {"coding": [{"code": "ro"}]},
            "managingOrganization": {"reference": "Organization/t-clinic"},
        }
    )
    store.put({"resourceType": "Practitioner", "id": "t-doc", "name": [{"text": "Тестов Пётр"}]})
    start = (datetime.now(UTC) + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)
    add_schedule(
        store, "t-sched", ("t-doc", "Тестов Пётр"), "t-room", ("t-1", SPECIALTY), start, count=30
    )
    add_schedule(
        store,
        "t-video",
        ("t-doc", "Тестов Пётр"),
        "t-room",
        ("t-1", SPECIALTY),
        start + timedelta(hours=8),
        count=6,
        kind="video",
    )


def sign_in(portal: DemoPortal, home: Path, email: str) -> tuple[AccountManager, Any]:
    accounts = AccountManager(Profile(home), MemorySecretStore())
    account = accounts.sign_in(
        portal.base_url, open_url=lambda url: autologin.follow(url, email, "demo1234"), timeout=30
    )
    return accounts, account


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    home = tmp_path_factory.mktemp("appointments")
    with DemoPortal(db_path=home / "portal.db", access_token_ttl=3600) as portal:
        seed(portal.store)
        accounts, account = sign_in(portal, home / "family", FAMILY)
        other_accounts, other_account = sign_in(portal, home / "other", OTHER)
        other = other_accounts.client(other_account.id)
        yield {
            "portal": portal,
            "store": portal.store,
            "accounts": accounts,
            "account": account,
            "other": other,
            "other_patient": other_account.patient_id,
        }
        other.close()


def sync(qtbot: Any, ctx: AppContext) -> None:
    with qtbot.waitSignal(ctx.syncFinished, timeout=60_000) as finished:
        ctx.sync_now()
    assert finished.args == [True]


class Window(TabHarness):
    """The tab on a fresh session of the module's signed-in family account."""

    def __init__(self, qtbot: Any, world: dict[str, Any]) -> None:
        super().__init__(qtbot, world["accounts"], world["account"])
        self.world = world
        self.sync()
        self.show_tab(AppointmentsTab(self.ctx))
        self.settle(WAIT)

    @property
    def store(self) -> Any:
        return self.world["store"]

    def service(self) -> BookingService:
        return BookingService(self.ctx.session.client)


@pytest.fixture
def win(qtbot: Any, world: dict[str, Any]) -> Iterator[Window]:
    window = Window(qtbot, world)
    yield window
    window.close()


def open_dialog_on_first_slot(qtbot: Any, win: Window) -> Any:
    dialog = win.tab.open_booking()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.specialty.findText(SPECIALTY) >= 0, timeout=WAIT)
    dialog.specialty.setCurrentIndex(dialog.specialty.findText(SPECIALTY))
    qtbot.waitUntil(lambda: bool(dialog.slots), timeout=WAIT)
    assert dialog.select_slot(dialog.slots[0].id)
    assert dialog.book_button.isEnabled()
    return dialog


def free_test_slots(win: Window, kind: str = "clinic") -> list:
    service = win.service()
    catalog = service.load_catalog()
    now = datetime.now(UTC)
    doctors = catalog.doctors_for("t-1")
    return service.free_slots(catalog, doctors, now, now + timedelta(days=28), kind)


def book_directly(win: Window, patient: str = SERGEY, kind: str = "clinic") -> AppointmentInfo:
    """Book as another device of the same family would: the window learns it by syncing."""
    return win.service().book(patient, free_test_slots(win, kind)[0], new_booking_key(), kind)


def reload(qtbot: Any, win: Window) -> None:
    sync(qtbot, win.ctx)
    qtbot.waitUntil(lambda: not win.runner.is_busy(), timeout=WAIT)


def test_book_for_the_child_with_a_double_click(qtbot: Any, win: Window) -> None:
    win.ctx.set_patient(MASHA)  # from the child's card: the same flow
    dialog = open_dialog_on_first_slot(qtbot, win)
    slot = dialog.selected_slot()
    with qtbot.waitSignal(win.tab.booking.booked, timeout=WAIT) as booked:
        dialog.book_button.click()
        assert not dialog.book_button.isEnabled()  # disabled while the request runs
        dialog.book_button.click()
        win.tab.booking.book(MASHA, slot, "clinic")  # a click that slipped through anyway
    info = booked.args[0]
    on_portal = win.store.search("Appointment", where={"slot": f"Slot/{slot.id}"})
    assert [a["id"] for a in on_portal] == [info.id]
    assert on_portal[0]["participant"][0]["actor"]["reference"] == f"Patient/{MASHA}"
    assert win.store.get("Slot", slot.id)["status"] == "busy"
    qtbot.waitUntil(lambda: win.tab.upcoming_model.row_of(info.id) >= 0, timeout=WAIT)
    row = win.tab.upcoming_model.info(win.tab.upcoming_model.row_of(info.id))
    assert (row.doctor, row.room, row.clinic) == ("Тестов Пётр", "каб. 101", "Поликлиника Тест")
    assert info.ticket_number in win.tab.problem.text()  # the "Booked: …" note
    qtbot.waitUntil(
        lambda: win.tab.details.info is not None and win.tab.details.info.id == info.id,
        timeout=WAIT,
    )
    day = wall_time(info.start).date()
    from PySide6.QtCore import QDate

    assert win.tab.calendar.dateTextFormat(QDate(day.year, day.month, day.day)).fontWeight() == 700


def test_list_models_pass_the_model_tester(qtmodeltester: Any, win: Window) -> None:
    assert win.tab.past_model.rowCount() > 0  # the demo family's visits, from the cache
    qtmodeltester.check(win.tab.past_model)
    qtmodeltester.check(win.tab.upcoming_model)


def test_switching_to_the_child_changes_lists_and_details(qtbot: Any, win: Window) -> None:
    win.ctx.set_patient(MASHA)

    def only_masha() -> bool:
        items = win.tab.upcoming_model.items() + win.tab.past_model.items()
        return bool(items) and all(i.patient_id == MASHA for i in items)

    qtbot.waitUntil(only_masha, timeout=WAIT)
    shown = win.tab.details.info
    assert shown is None or shown.patient_id == MASHA


def test_slot_taken_meanwhile_says_so_and_refreshes(qtbot: Any, win: Window) -> None:
    dialog = open_dialog_on_first_slot(qtbot, win)
    slot = dialog.selected_slot()
    BookingService(win.world["other"]).book(win.world["other_patient"], slot, new_booking_key())
    with qtbot.waitSignal(win.tab.booking.slotTaken, timeout=WAIT):
        dialog.book_button.click()
    qtbot.waitUntil(
        lambda: bool(dialog.slots) and slot.id not in [s.id for s in dialog.slots], timeout=WAIT
    )
    assert "taken" in dialog.message.text()
    assert dialog.isVisible()
    assert len(win.store.search("Appointment", where={"slot": f"Slot/{slot.id}"})) == 1


def _answer_confirmation(button_text: str) -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            for button in widget.buttons():
                if button.text() == button_text:
                    button.click()
                    return
    QTimer.singleShot(50, lambda: _answer_confirmation(button_text))


def test_cancel_with_confirmation_frees_the_slot(qtbot: Any, win: Window) -> None:
    info = book_directly(win)
    reload(qtbot, win)
    assert win.tab.select(info.id)
    assert win.tab.details.cancel.isEnabled()
    QTimer.singleShot(50, lambda: _answer_confirmation("Keep it"))
    win.tab.confirm_cancel()
    assert win.store.get("Appointment", info.id)["status"] == "booked"
    QTimer.singleShot(50, lambda: _answer_confirmation("Cancel appointment"))
    with qtbot.waitSignal(win.tab.booking.cancelled, timeout=WAIT):
        win.tab.confirm_cancel()
    assert win.store.get("Appointment", info.id)["status"] == "cancelled"
    assert win.store.get("Slot", info.slot_id)["status"] == "free"
    # Its day has not come: it stays with the upcoming ones, marked cancelled (it never
    # happened, so it is not "past"), and gives no reminder.
    model = win.tab.upcoming_model
    qtbot.waitUntil(
        lambda: (
            model.row_of(info.id) >= 0 and model.info(model.row_of(info.id)).status == "cancelled"
        ),
        timeout=WAIT,
    )
    assert win.tab.past_model.row_of(info.id) < 0
    status = model.index(model.row_of(info.id), model.COL_STATUS).data()
    assert status == "Cancelled"
    assert not win.tab.details.cancel.isEnabled()


def test_home_visit_request_is_sent_and_tracked(qtbot: Any, win: Window) -> None:
    win.tab.open_home_visit()
    qtbot.waitUntil(lambda: win.tab.home_dialog is not None, timeout=WAIT)
    dialog = win.tab.home_dialog
    patient = win.store.get("Patient", SERGEY)
    registered = patient["address"][0]["text"]
    assert registered and dialog.address.text() == registered  # prefilled, and editable:
    # The phone too, from the card (read off the GUI thread with the address).
    mobile = next(t["value"] for t in patient["telecom"] if t["system"] == "phone")
    assert dialog.phone.text() == mobile
    dialog.address.setText("Москва, ул. Новаторов, д. 1, кв. 5")
    dialog.phone.setText("12-34")
    dialog.send_button.click()
    # Every problem at once, each under its field; nothing was sent.
    shown = {k for k, label in dialog.errors.items() if label.isVisibleTo(dialog)}
    assert shown == {"symptoms", "phone"}
    assert (
        "phone" in dialog.errors["phone"].text() and "symptoms" in dialog.errors["symptoms"].text()
    )
    dialog.symptoms.setPlainText("Температура, кашель третий день")
    dialog.temperature.setValue(38.4)
    dialog.phone.setText("+7 900 123-45-67")
    with qtbot.waitSignal(dialog.requested, timeout=WAIT) as sent:
        dialog.send_button.click()
    info = sent.args[0]
    stored = win.store.get("Appointment", info.id)
    assert stored["status"] == "proposed" and stored["description"].startswith("Температура")
    addresses = [e["valueAddress"]["text"] for e in stored["extension"] if "valueAddress" in e]
    assert addresses == ["Москва, ул. Новаторов, д. 1, кв. 5"]
    qtbot.waitUntil(lambda: win.tab.upcoming_model.row_of(info.id) >= 0, timeout=WAIT)
    advance_home_visit(win.store, info.id, practitioner="t-doc")
    reload(qtbot, win)
    row = win.tab.upcoming_model.info(win.tab.upcoming_model.row_of(info.id))
    assert row.display_status == "pending" and row.doctor == "Тестов Пётр"
    assert row.temperature == 38.4


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_join_button_opens_the_link_from_ten_minutes_before(qtbot: Any, win: Window) -> None:
    info = book_directly(win, kind=KIND_VIDEO)
    reload(qtbot, win)
    assert win.tab.select(info.id)
    join = win.tab.details.join
    assert join.isVisible()
    for offset, enabled in ((-11, False), (-9, True), (5, True), (60 * 24, False)):
        win.tab.clock = lambda offset=offset: info.start + timedelta(minutes=offset)
        win.tab.details.refresh_actions()
        assert join.isEnabled() is enabled, offset
    win.tab.clock = lambda: info.start - timedelta(minutes=5)
    win.tab.details.refresh_actions()
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        join.click()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.urls == [info.join_url]


def test_ticket_pdf_has_everything_the_desk_needs(tmp_path: Path, win: Window) -> None:
    info = book_directly(win)
    path = tmp_path / "ticket.pdf"
    save_ticket_pdf(ticket_for(info), path)
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    flat = " ".join(text.split())
    for expected in (
        "Иванов Сергей",
        "Тестов Пётр",
        "Поликлиника Тест",
        "каб. 101",
        info.ticket_number,
        SPECIALTY,
    ):
        assert expected in flat, expected
    assert (
        str(wall_time(info.start).year) in flat and wall_time(info.start).strftime("%H:%M") in flat
    )


def test_ics_export_of_upcoming(tmp_path: Path, qtbot: Any, win: Window) -> None:
    info = book_directly(win)
    reload(qtbot, win)
    items = win.tab.upcoming_model.items()
    path = tmp_path / "upcoming.ics"
    write_ics_file(items, path, datetime.now(UTC))
    events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert len(events) == len([i for i in items if i.start])
    mine = next(e for e in events if str(e["uid"]).startswith(info.id))
    assert mine.decoded("dtstart") == info.start
    assert SPECIALTY in str(mine["summary"]) and "Тестов Пётр" in str(mine["description"])
    assert "Поликлиника Тест" in str(mine["location"])


def test_reminders_fire_a_day_and_two_hours_before_unless_switched_off(
    qtbot: Any, win: Window, tmp_path: Path
) -> None:
    settings = Profile(tmp_path / "profile").settings
    win.ctx.settings = settings
    info = book_directly(win)
    reload(qtbot, win)
    shown: list[tuple[str, str]] = []
    win.tab.reminders.reminded.connect(lambda title, text: shown.append((title, text)))
    win.tab.clock = lambda: info.start - timedelta(hours=23)
    win.tab.reminders.check()
    win.tab.reminders.check()  # never the same reminder twice
    at = wall_time(info.start).strftime("%H:%M")
    mine = [t for t, x in shown if SPECIALTY in t and f"{at}, Тестов Пётр, каб. 101" in x]
    assert len(mine) == 1 and mine[0].startswith("Tomorrow")
    win.tab.clock = lambda: info.start - timedelta(hours=1)
    win.tab.reminders.check()
    mine = [t for t, x in shown if f"{at}, Тестов Пётр" in x]
    assert len(mine) == 2 and mine[1].startswith("In two hours")
    settings.set("reminders_enabled", False)  # the Settings dialog's switch
    later = book_directly(win)
    reload(qtbot, win)
    before = len(shown)
    win.tab.clock = lambda: later.start - timedelta(minutes=30)
    win.tab.reminders.check()
    assert len(shown) == before


def test_offline_keeps_the_lists_and_blocks_writes_with_the_reason(
    qtbot: Any, tmp_path: Path
) -> None:
    portal = DemoPortal(db_path=tmp_path / "portal.db", access_token_ttl=3600).start()
    try:
        seed(portal.store)
        accounts, account = sign_in(portal, tmp_path / "family", FAMILY)
        window = Window(qtbot, {"store": portal.store, "accounts": accounts, "account": account})
        try:
            info = window.tab.booking  # book through the tab so the cache has a fresh row
            dialog = open_dialog_on_first_slot(qtbot, window)
            with qtbot.waitSignal(info.booked, timeout=WAIT) as booked:
                dialog.book_button.click()
            qtbot.waitUntil(
                lambda: window.tab.upcoming_model.row_of(booked.args[0].id) >= 0, timeout=WAIT
            )
            rows_before = window.tab.upcoming_model.rowCount() + window.tab.past_model.rowCount()
            portal.stop()
            with qtbot.waitSignal(window.ctx.onlineChanged, timeout=60_000) as online:
                window.ctx.sync_now()
            assert online.args == [False]
            tab = window.tab
            assert not tab.book_button.isEnabled() and not tab.home_button.isEnabled()
            assert tab.offline_reason.isVisible() and "Offline" in tab.offline_reason.text()
            assert tab.book_button.toolTip() == tab.offline_reason.text()
            assert tab.open_booking() is None
            tab.reload()
            qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=WAIT)
            assert tab.upcoming_model.rowCount() + tab.past_model.rowCount() == rows_before
            assert tab.select(booked.args[0].id)
            assert not tab.details.cancel.isEnabled() and tab.details.pdf.isEnabled()
        finally:
            window.close()
    finally:
        portal.stop()


def test_lists_show_short_names_the_details_full_ones(qtbot: Any, win: Window) -> None:
    model = win.tab.past_model
    row = next(
        r for r in range(model.rowCount()) if model.info(r).doctor == "Морозов Андрей Николаевич"
    )
    info = model.info(row)
    doctor = model.index(row, model.COL_DOCTOR)
    assert doctor.data() == "Морозов А. Н."
    assert doctor.data(Qt.ItemDataRole.ToolTipRole) == "Морозов Андрей Николаевич"
    place = model.index(row, model.COL_PLACE).data()
    assert place.startswith("Городская поликлиника № 12") and "ГБУЗ" not in place
    assert win.tab.select(info.id)
    details = win.tab.details.text.text()
    assert "Морозов Андрей Николаевич" in details and "ГБУЗ «Городская поликлиника" in details


def test_a_language_switch_renames_the_calendar_and_keeps_the_day(qtbot: Any, win: Window) -> None:
    from desktop.views.language import LanguageManager

    model = win.tab.past_model
    info = model.info(model.rowCount() - 1)  # an old visit: another month than today's
    assert win.tab.select(info.id)
    day = info.local_day
    language = LanguageManager()
    try:
        language.apply("ru")
        calendar = win.tab.calendar
        russian = QLocale.Language.Russian
        qtbot.waitUntil(lambda: calendar.locale().language() == russian, timeout=5000)
        month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
        assert month is not None and month.text() == QLocale().standaloneMonthName(day.month)
        assert any("а" <= ch <= "я" for ch in month.text())
        assert calendar.selectedDate().toPython() == day
        assert win.tab.details.info is not None and win.tab.details.info.id == info.id
        title = win.tab.day_title.text()
        assert str(day.year) in title and any("а" <= ch <= "я" for ch in title)
        current = win.tab.day_list.currentItem()
        assert current is not None and current.data(Qt.ItemDataRole.UserRole + 1).id == info.id
    finally:
        language.apply("en")
    english = QLocale.Language.English
    qtbot.waitUntil(lambda: win.tab.calendar.locale().language() == english, timeout=5000)
