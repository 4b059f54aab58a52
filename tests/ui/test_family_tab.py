"""Family tab end to end: the real tab, signed in to a real embedded demo portal over
loopback HTTP, with a real SQLCipher cache. Each status change is checked in the window
and on the portal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from demo_portal import autologin
from demo_portal.embedded import DemoPortal
from demo_portal.rules import family as portal_rules
from desktop.services.accounts import AccountManager
from desktop.services.family.form import AccessRequestForm
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.views.family import FamilyTab
from tests.ui.conftest import TabHarness

FAMILY = "family@demo.medcard"
TODAY = dt.date.today()


def years_ago(years: int, days: int = 0) -> dt.date:
    try:
        base = TODAY.replace(year=TODAY.year - years)
    except ValueError:
        base = dt.date(TODAY.year - years, 2, 28)
    return base - dt.timedelta(days=days)


def form(**changes: Any) -> AccessRequestForm:
    values: dict[str, Any] = {
        "child_name": "Иванов Пётр Сергеевич",
        "birth_date": dt.date(2019, 3, 1),
        "insurance_policy": "7700 0000 1234 5672",
        "certificate_series": "IV-МЮ",
        "certificate_number": "123456",
        "certificate_issued": dt.date(2019, 3, 12),
        "certificate_place": "Отдел ЗАГС г. Тверь",
        "role": "parent",
    }
    values.update(changes)
    return AccessRequestForm(**values)


class Family(TabHarness):
    """A signed-in family account with the tab shown, plus the portal behind it."""

    def __init__(self, portal: DemoPortal, tmp_path: Path) -> None:
        self.portal = portal
        self.accounts = AccountManager(Profile(tmp_path / "profile"), MemorySecretStore())
        self.account = self.accounts.sign_in(
            portal.base_url,
            open_url=lambda url: autologin.follow(url, FAMILY, "demo1234"),
            timeout=30,
        )
        super().__init__(None, self.accounts, self.account)
        self.show_tab(FamilyTab(self.ctx), 1100, 700)

    @property
    def store(self) -> Any:
        return self.portal.store

    def states(self) -> dict[str, str]:
        return {card.entry.name: card.entry.state for card in self.tab.cards}

    def card_of(self, patient_id: str) -> Any:
        return next((c for c in self.tab.cards if c.entry.patient_id == patient_id), None)


@pytest.fixture
def family(qtbot: Any, tmp_path: Path) -> Iterator[Family]:
    with DemoPortal(db_path=tmp_path / "portal.db", access_token_ttl=3600) as portal:
        fam = Family(portal, tmp_path)
        qtbot.waitUntil(lambda: bool(fam.tab.cards), timeout=10_000)
        yield fam
        fam.close()


def fill(dialog: Any, request: AccessRequestForm) -> None:
    """Type the form into the dialog's widgets, as a user would."""
    dialog.child_name.setText(request.child_name)
    dialog.insurance_policy.setText(request.insurance_policy)
    dialog.certificate_series.setText(request.certificate_series)
    dialog.certificate_number.setText(request.certificate_number)
    dialog.certificate_place.setText(request.certificate_place)
    for edit, value in (
        (dialog.birth_date, request.birth_date),
        (dialog.certificate_issued, request.certificate_issued),
    ):
        if value is not None:
            edit.setDate(value)
    dialog.role.setCurrentIndex(max(0, dialog.role.findData(request.role)))


def send(qtbot: Any, family: Family, request: AccessRequestForm) -> Any:
    """Fill the dialog, click Send, wait for the portal's decision; the dialog closes."""
    dialog = family.tab.open_request_dialog()
    fill(dialog, request)
    with qtbot.waitSignal(family.tab.model.requestSent, timeout=30_000) as sent:
        dialog.send_button.click()
    assert family.tab.dialog is None or not family.tab.dialog.isVisible()
    return sent.args[0]


def test_holder_and_linked_child_are_listed(family: Family) -> None:
    entries = family.tab.model.entries
    assert entries[0].state == "holder"
    assert any(e.state == "active" for e in entries[1:])


def test_recent_certificate_is_accepted_and_the_child_appears(qtbot: Any, family: Family) -> None:
    request = send(qtbot, family, form(certificate_issued=dt.date(2019, 3, 12)))
    assert request.status == "accepted" and request.child_patient_id
    child = request.child_patient_id
    assert child in family.store.accessible_patients(family.store.user(FAMILY))
    # Without restarting: tokens refreshed, the child is one of the account's cards.
    qtbot.waitUntil(lambda: family.card_of(child) is not None, timeout=30_000)
    assert child in [p.patient_id for p in family.ctx.patients]
    card = family.card_of(child)
    assert card is not None and card.entry.state == "active"
    assert not card.open_button.isHidden()
    card.open_button.click()
    assert family.ctx.patient_id == child


def portal_task(family: Family, task_id: str) -> dict:
    task = family.store.get("Task", task_id)
    assert task is not None
    return task


def test_child_of_15_is_rejected(qtbot: Any, family: Family) -> None:
    birth = years_ago(15)
    request = send(qtbot, family, form(birth_date=birth, certificate_issued=birth))
    assert request.status == "rejected"
    assert portal_task(family, request.task_id)["status"] == "rejected"
    qtbot.waitUntil(lambda: family.states().get(request.child_name) == "rejected", timeout=30_000)
    card = family.tab.card_for(request.child_name)
    assert "From the age of 15" in card.detail_label.text()
    assert "rejected" in family.tab.message.text()
    assert card.open_button.isHidden() and card.withdraw_button.isHidden()


def test_guardian_is_rejected(qtbot: Any, family: Family) -> None:
    request = send(qtbot, family, form(role="guardian", child_name="Петров Олег"))
    assert (request.status, request.reason_code) == ("rejected", "guardian")
    qtbot.waitUntil(lambda: family.states().get("Петров Олег") == "rejected", timeout=30_000)
    card = family.tab.card_for("Петров Олег")
    assert "Guardians and trustees cannot" in card.detail_label.text()
    assert family.store.links(FAMILY) == [("ivanova-masha", "accepted", "parent")]


def test_moscow_certificate_before_registry_is_accepted(qtbot: Any, family: Family) -> None:
    request = send(
        qtbot,
        family,
        form(
            certificate_issued=dt.date(2017, 1, 10),
            birth_date=dt.date(2017, 1, 1),
            certificate_place="Отдел ЗАГС Москвы № 1",
        ),
    )
    assert request.status == "accepted"
    qtbot.waitUntil(lambda: family.card_of(request.child_patient_id) is not None, timeout=30_000)


def _hold(qtbot: Any, family: Family, name: str = "Сидорова Анна") -> Any:
    request = send(
        qtbot,
        family,
        form(
            child_name=name, birth_date=dt.date(2016, 2, 2), certificate_issued=dt.date(2016, 2, 20)
        ),
    )
    assert (request.status, request.reason_code) == ("on-hold", "in-person-check")
    qtbot.waitUntil(lambda: family.states().get(name) == "on-hold", timeout=30_000)
    return request


def test_on_hold_shows_reason_and_what_to_bring_then_withdraw(
    qtbot: Any, family: Family, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = _hold(qtbot, family)
    card = family.tab.card_for("Сидорова Анна")
    text = card.detail_label.text()
    assert "checked in person" in text and "passport" in text and "birth certificate" in text
    assert "insurance policy" in text
    assert not card.withdraw_button.isHidden() and card.open_button.isHidden()
    # Withdraw, confirming the question.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(family.tab.model.actionDone, timeout=30_000):
        card.withdraw_button.click()
    assert portal_task(family, request.task_id)["status"] == "cancelled"
    qtbot.waitUntil(lambda: "Сидорова Анна" not in family.states(), timeout=30_000)


def test_withdraw_not_confirmed_changes_nothing(
    qtbot: Any, family: Family, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = _hold(qtbot, family)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    family.tab.card_for("Сидорова Анна").withdraw_button.click()
    assert not family.tab.model.busy
    assert portal_task(family, request.task_id)["status"] == "on-hold"


def test_form_validation_messages_inline(qtbot: Any, family: Family) -> None:
    dialog = family.tab.open_request_dialog()
    future = TODAY + dt.timedelta(days=1)
    fill(
        dialog,
        form(
            child_name="Пётр",
            insurance_policy="123",
            certificate_series="12-AB",
            certificate_number="12",
            birth_date=future,
            certificate_issued=future,
            certificate_place="",
            role="",
        ),
    )
    dialog.send_button.click()
    shown = dialog.errors_shown()
    assert shown == {
        "child_name": "Enter the surname and the given name (and patronymic, if any).",
        "birth_date": "The birth date cannot be in the future.",
        "insurance_policy": "A new-form policy number has 16 digits.",
        "certificate_series": "The series is a Roman numeral and two Cyrillic letters, "
        "for example IV-МЮ.",
        "certificate_number": "The birth certificate number has 6 digits.",
        "certificate_issued": "The issue date cannot be in the future.",
        "certificate_place": "Enter where the certificate was issued (the registry office "
        "and town).",
        "role": "Choose who you are to the child.",
    }
    assert dialog.isVisible() and not family.tab.model.busy
    # Corrected, the messages go and the request is sent.
    fill(dialog, form())
    with qtbot.waitSignal(family.tab.model.requestSent, timeout=30_000):
        dialog.send_button.click()
    assert dialog.errors_shown() == {}


def portal_requests_named(family: Family, name: str) -> list[dict]:
    from demo_portal.rules.family_access import inputs

    tasks = family.store.search("Task", patient="ivanov-sergey", limit=1000)
    return [t for t in tasks if inputs(t).get("child-name") == name]


def test_double_click_sends_one_request(qtbot: Any, family: Family) -> None:
    dialog = family.tab.open_request_dialog()
    fill(dialog, form(child_name="Кузнецов Илья"))
    with qtbot.waitSignal(family.tab.model.requestSent, timeout=30_000):
        dialog.send()
        dialog.send()  # the second click arrives while the first is on its way
    assert len(portal_requests_named(family, "Кузнецов Илья")) == 1


def test_unreachable_portal_keeps_the_form_and_a_retry_sends_once(
    qtbot: Any, family: Family
) -> None:
    dialog = family.tab.open_request_dialog()
    fill(dialog, form(child_name="Кузнецов Илья"))
    family.portal.faults.add(drop=True, count=50, path_contains="/Task")
    with qtbot.waitSignal(family.tab.model.actionFailed, timeout=60_000) as failed:
        dialog.send_button.click()
    assert "portal cannot be reached" in failed.args[0]
    assert dialog.isVisible() and not dialog.status.isHidden()
    assert dialog.child_name.text() == "Кузнецов Илья"  # nothing typed is lost
    assert dialog.send_button.isEnabled()
    family.portal.faults.clear()
    with qtbot.waitSignal(family.tab.model.requestSent, timeout=30_000):
        dialog.send_button.click()
    assert len(portal_requests_named(family, "Кузнецов Илья")) == 1


def test_malformed_answer_is_reported_not_shown_as_success(qtbot: Any, family: Family) -> None:
    dialog = family.tab.open_request_dialog()
    fill(dialog, form(child_name="Кузнецов Илья"))
    family.portal.faults.add(status=200, body=b"<html>oops</html>", count=1, path_contains="/Task")
    with qtbot.waitSignal(family.tab.model.actionFailed, timeout=60_000):
        dialog.send_button.click()
    assert dialog.isVisible() and dialog.status.text()
    assert "Кузнецов Илья" not in family.states()


def test_withdraw_after_the_clinic_decided_explains_why_not(
    qtbot: Any, family: Family, monkeypatch: pytest.MonkeyPatch
) -> None:
    request = _hold(qtbot, family)
    portal_rules.complete_check(family.store, request.task_id, TODAY)  # meanwhile, at the clinic
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(family.tab.model.actionFailed, timeout=30_000) as failed:
        family.tab.card_for("Сидорова Анна").withdraw_button.click()
    assert "already decided" in failed.args[0]  # the portal's own explanation
    assert not family.tab.message.isHidden()
    assert portal_task(family, request.task_id)["status"] == "accepted"


def test_the_family_list_passes_the_model_tester(qtmodeltester: Any, family: Family) -> None:
    from desktop.models.family.entries_model import EntryRole

    model = family.tab.model.list
    assert model.rowCount() >= 2  # the holder and the linked child
    qtmodeltester.check(model)
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert names == [model.index(r, 0).data(EntryRole).name for r in range(model.rowCount())]
