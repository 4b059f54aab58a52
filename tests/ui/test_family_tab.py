"""Family tab end to end: the real tab, signed in to a real embedded demo portal over
loopback HTTP, with a real SQLCipher cache. Each status change is checked in the window
and on the portal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate

from demo_portal import autologin
from demo_portal.embedded import DemoPortal
from desktop.models.signin import make_session, open_session_parts
from desktop.models.tasks import TaskRunner
from desktop.services.accounts import AccountManager
from desktop.services.family_form import AccessRequestForm
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.views.context import AppContext
from desktop.views.family import FamilyTab

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
        "insurance_policy": "7700 0000 1234 5678",
        "certificate_series": "IV-МЮ",
        "certificate_number": "123456",
        "certificate_issued": dt.date(2019, 3, 12),
        "certificate_place": "Отдел ЗАГС г. Тверь",
        "role": "parent",
    }
    values.update(changes)
    return AccessRequestForm(**values)


class Family:
    """A signed-in family account with the tab shown, plus the portal behind it."""

    def __init__(self, portal: DemoPortal, tmp_path: Path) -> None:
        self.portal = portal
        self.accounts = AccountManager(Profile(tmp_path / "profile"), MemorySecretStore())
        self.account = self.accounts.sign_in(
            portal.base_url,
            open_url=lambda url: autologin.follow(url, FAMILY, "demo1234"),
            timeout=30,
        )
        self.runner = TaskRunner()
        self.ctx = AppContext(self.runner)
        session = make_session(self.runner, open_session_parts(self.accounts, self.account))
        self.ctx.set_session(session)
        self.tab = FamilyTab(self.ctx)
        self.tab.resize(1100, 700)
        self.tab.show()

    @property
    def store(self) -> Any:
        return self.portal.store

    def states(self) -> dict[str, str]:
        return {card.entry.name: card.entry.state for card in self.tab.cards}

    def card_of(self, patient_id: str) -> Any:
        return next((c for c in self.tab.cards if c.entry.patient_id == patient_id), None)

    def close(self) -> None:
        self.tab.close()
        self.tab.deleteLater()
        self.ctx.set_session(None)
        self.runner.stop()


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
            edit.setDate(QDate(value.year, value.month, value.day))
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
