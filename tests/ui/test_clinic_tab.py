"""My clinic end to end (issue 13): the real tab on a session of the embedded demo portal
(loopback HTTP, real SQLCipher cache). Each rule of the change of clinic is checked in the
window and on the portal (portal.store); the clinic's side is played by the operator
commands. Booking: the person's own clinic first, and a refusal for the policy explained."""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from demo_portal import autologin, operator
from demo_portal.embedded import DemoPortal
from desktop.models.formats import format_date
from desktop.services.accounts import AccountManager
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.views.appointments import AppointmentsTab
from desktop.views.clinic import ClinicTab
from desktop.views.language import LanguageManager
from desktop.views.two_line_delegate import NoteRole
from tests.ui.conftest import TabHarness

FAMILY, OTHER, NOPOLICY = "family@demo.medcard", "other@demo.medcard", "nopolicy@demo.medcard"
SERGEY, MASHA, OLGA, ARTEM = "ivanov-sergey", "ivanova-masha", "smirnova-olga", "smirnov-artem"
WAIT = 30_000  # generous: shared CI machines; nothing here asserts a timing


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    home = tmp_path_factory.mktemp("clinic-tab")
    with DemoPortal(db_path=home / "portal.db", access_token_ttl=3600) as portal:
        signed: dict[str, Any] = {"portal": portal, "db": home / "portal.db"}
        for email in (FAMILY, OTHER, NOPOLICY):
            accounts = AccountManager(Profile(home / email), MemorySecretStore())
            account = accounts.sign_in(
                portal.base_url,
                open_url=lambda url, e=email: autologin.follow(url, e, "demo1234"),
                timeout=30,
            )
            signed[email] = (accounts, account)
        yield signed


def operate(world: dict[str, Any], *argv: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert operator.main(["--db", str(world["db"]), *argv]) == 0, out.getvalue()


class Window(TabHarness):
    """The My clinic tab on a fresh session of one of the module's accounts, synced."""

    def __init__(self, qtbot: Any, world: dict[str, Any], email: str) -> None:
        super().__init__(qtbot, *world[email])
        self.world = world
        self.messages: list[str] = []
        self.ctx.errorOccurred.connect(self.messages.append)  # what the window's banner shows
        self.sync()
        self.show_tab(ClinicTab(self.ctx), 1024, 560)
        self.wait_for_clinic()

    def wait_for_clinic(self) -> None:
        card = self.tab.clinic_card
        self.qtbot.waitUntil(lambda: ":" in card.value("hours"), timeout=WAIT)

    def open(self, patient_id: str) -> None:
        self.ctx.set_patient(patient_id)
        self.qtbot.waitUntil(lambda: self.tab.model.overview.patient_id == patient_id, timeout=WAIT)
        self.wait_for_clinic()

    def dialog_with(self, search: str, clinic_id: str, person: str | None = None) -> Any:
        dialog = self.tab.open_change_dialog()
        if person is not None:
            dialog.person.setCurrentIndex(dialog.person.findData(person))
        dialog.search_text.setText(search)
        dialog.search()
        self.qtbot.waitUntil(lambda: dialog.select_clinic(clinic_id), timeout=WAIT)
        return dialog

    def send(self, dialog: Any) -> None:
        with self.qtbot.waitSignal(dialog.finished, timeout=WAIT):
            dialog.send_button.click()
        self.settle(WAIT)

    def rows(self) -> list[Any]:
        return self.tab.applications.rows


@pytest.fixture
def opened(qtbot: Any, world: dict[str, Any]) -> Iterator[Any]:
    windows: list[Window] = []

    def open_as(email: str) -> Window:
        window = Window(qtbot, world, email)
        windows.append(window)
        return window

    yield open_as
    for window in windows:
        window.close()


def test_the_clinic_hours_doctor_and_policy_in_both_languages(opened):
    win = opened(FAMILY)
    card, policy = win.tab.clinic_card, win.tab.policy_card
    assert card.name.text() == "Городская поликлиника № 12"
    assert card.value("hours") == "Mon–Fri 07:30–20:00; Sat 09:00–15:00"
    assert card.value("phone").startswith("+7 (495)")
    assert card.value("doctor") == "Соколова Елена Викторовна, врач-терапевт участковый, каб. 214"
    since = format_date(win.tab.model.overview.attachment.since)
    assert re.fullmatch(rf"Участок № \d+, since {since}, by place of residence", card.value("site"))
    assert policy.value("kind") == "New-form policy, plastic card"
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", policy.value("number"))
    assert (
        policy.value("insurer_phone").startswith("+7") and policy.value("territory") == "г. Москва"
    )
    assert policy.value("valid").endswith("(valid)") and policy.warning.isHidden()
    language = LanguageManager()
    try:
        language.apply("ru")
        win.qtbot.waitUntil(lambda: card.value("hours") == "пн–пт 07:30–20:00; сб 09:00–15:00")
        assert card.value("site").endswith("по месту жительства")
        assert policy.value("kind") == "Полис единого образца, пластиковая карта"
        assert win.tab.change_button.text() == "Сменить поликлинику…"
    finally:
        language.apply("en")
    win.open(MASHA)  # a child: her children's clinic and paediatrician
    assert card.name.text() == "Детская городская поликлиника № 94"
    assert "врач-педиатр участковый" in card.value("doctor")
    assert policy.value("kind") == "New-form policy, electronic"


def test_a_full_clinic_is_rejected_with_the_rule(opened, world):
    win = opened(FAMILY)
    dialog = win.dialog_with("Тёплый", "org-gp22")
    assert dialog.results.currentItem().data(NoteRole) == "Not taking new patients at the moment."
    dialog.by_choice.setChecked(True)
    assert "Passport" in dialog.documents.text() and "SNILS" in dialog.documents.text()
    win.send(dialog)
    message = win.tab.message.text()
    assert "rejected" in message and "not taking new patients" in message
    row = win.rows()[0]
    assert row.badge.text() == "Rejected" and "not taking new patients" in row.decision.text()
    task = world["portal"].store.get("Task", row.change.task_id)
    assert (
        task["status"] == "rejected" and task["statusReason"]["coding"][0]["code"] == "clinic-full"
    )
    # A second application from the same tab (the first dialog is gone by now).
    win.qtbot.waitUntil(lambda: win.tab.dialog is None, timeout=WAIT)
    dialog = win.dialog_with("", "org-gp12")
    assert dialog.results.currentItem().data(NoteRole).startswith("This is the clinic")
    dialog.by_choice.setChecked(True)
    win.send(dialog)
    assert "already attached" in win.rows()[0].decision.text()


def test_a_parent_applies_for_a_child_and_the_new_clinic_shows_after_the_sync(opened, world):
    win = opened(FAMILY)
    dialog = win.dialog_with("Коньково", "org-child118", person=MASHA)
    names = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert all("Детская" in n for n in names)  # a child: children's polyclinics only
    assert "birth certificate" in dialog.documents.text()
    dialog.residence.setChecked(True)
    dialog.new_address.setText("г. Москва, ул. Островитянова, д. 5, кв. 1")
    win.send(dialog)
    assert win.ctx.patient_id == MASHA  # the tab shows whom the application is for
    row = win.rows()[0]
    assert row.badge.text() == "In review" and not row.withdraw_button.isHidden()
    task = world["portal"].store.get("Task", row.change.task_id)
    assert task["for"]["reference"] == f"Patient/{MASHA}"
    assert task["requester"]["reference"] == f"Patient/{SERGEY}"
    assert task["identifier"][0]["system"] == "urn:medcard:client-request"
    operate(world, "accept-clinic-change", row.change.task_id)
    win.sync()
    win.qtbot.waitUntil(
        lambda: win.tab.clinic_card.name.text() == "Детская городская поликлиника № 118",
        timeout=WAIT,
    )
    win.wait_for_clinic()
    assert "Сорокина Вера Алексеевна" in win.tab.clinic_card.value("doctor")
    assert win.rows()[0].badge.text() == "Accepted"


def test_the_once_a_year_rule_before_and_after_sending(opened, world):
    win = opened(OTHER)
    again = win.tab.model.overview.next_by_choice(date.today())
    dialog = win.dialog_with("Профсоюзная", "org-gp134")
    assert dialog.choice_hint.text() == f"By choice: possible again from {format_date(again)}."
    dialog.by_choice.setChecked(True)
    win.send(dialog)
    row = win.rows()[0]
    assert row.badge.text() == "Rejected"
    assert "at most once a year" in row.decision.text()
    assert f"By choice again from {format_date(again)}." in row.decision.text()
    task = world["portal"].store.get("Task", row.change.task_id)
    assert task["statusReason"]["coding"][0]["code"] == "once-a-year"


def test_a_move_needs_the_new_address_and_nothing_is_sent(opened, world):
    win = opened(OTHER)
    before = len(world["portal"].store.search("Task", patient=OLGA, limit=1000))
    dialog = win.dialog_with("", "org-gp134")
    dialog.residence.setChecked(True)
    dialog.send_button.click()
    assert dialog.errors_shown() == {
        "new_address": "Enter the new address: street, house and flat."
    }
    assert len(world["portal"].store.search("Task", patient=OLGA, limit=1000)) == before
    dialog.reject()


def test_an_application_in_review_can_be_withdrawn(opened, world, monkeypatch):
    win = opened(OTHER)
    win.open(ARTEM)
    dialog = win.dialog_with("Островитянова", "org-child118")
    dialog.residence.setChecked(True)
    dialog.new_address.setText("г. Москва, ул. Тёплый Стан, д. 1, кв. 2")
    win.send(dialog)
    row = win.rows()[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    row.withdraw_button.click()
    win.qtbot.waitUntil(
        lambda: win.rows() and win.rows()[0].badge.text() == "Withdrawn", timeout=WAIT
    )
    assert win.tab.message.text() == "The application was withdrawn."
    task = world["portal"].store.get("Task", row.change.task_id)
    assert task["status"] == "cancelled"


def test_a_certificate_about_to_end_is_warned_in_the_tab_and_the_banner(opened):
    language = LanguageManager()
    language.apply("en")  # the English catalogue's plural forms: "5 more days"
    win = opened(OTHER)
    win.qtbot.waitUntil(
        lambda: any("Artem" in m or "Артём" in m for m in win.messages), timeout=WAIT
    )
    banner = next(m for m in win.messages if "certificate" in m)
    assert "5 more days" in banner and "insurance company" in banner
    win.open(ARTEM)
    warning = win.tab.policy_card.warning
    assert not warning.isHidden() and "5 more days" in warning.text()
    assert win.tab.policy_card.value("kind") == "Temporary certificate"
    assert re.fullmatch(r"\d{9}", win.tab.policy_card.value("number"))
    count = len(win.messages)
    win.sync()  # once a session: the banner does not come back at every sync
    win.settle(WAIT)
    assert len(win.messages) == count


def test_booking_offers_my_clinic_first_and_explains_a_refused_policy(qtbot, world):
    family = TabHarness(qtbot, *world[FAMILY])
    try:
        family.sync()
        family.show_tab(AppointmentsTab(family.ctx))
        dialog = family.tab.open_booking()
        qtbot.waitUntil(lambda: dialog.doctor.count() > 1, timeout=WAIT)
        assert dialog.doctor.itemText(1).endswith("(my clinic)")
        dialog.reject()
    finally:
        family.close()
    ksenia = TabHarness(qtbot, *world[NOPOLICY])
    try:
        ksenia.sync()
        ksenia.show_tab(AppointmentsTab(ksenia.ctx))
        dialog = ksenia.tab.open_booking()
        qtbot.waitUntil(lambda: bool(dialog.slots), timeout=WAIT)
        slot = dialog.slots[0]
        assert dialog.select_slot(slot.id)
        dialog.book_button.click()
        qtbot.waitUntil(lambda: "OMS" in dialog.message.text(), timeout=WAIT)
        text = dialog.message.text()
        assert "no valid OMS insurance policy" in text and "insurance company or an МФЦ" in text
        assert world["portal"].store.get("Slot", slot.id)["status"] == "free"
        dialog.reject()
    finally:
        ksenia.close()
