"""The shift at a shared clinic PC: the idle lock and the unlock with the password asked
again, the sign-out of a desk left locked, "Finish shift" leaving nothing behind, and two
desks on one slot."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
import requests
from desk_helpers import OLGA, SERGEY, settle, start_desk, stop_desk, type_text
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.views.desk.booking_dialog import DeskBookingDialog


def _open(qtbot, desk, text: str, patient_id: str) -> None:
    type_text(desk.window.search_panel.field, text)
    qtbot.keyClick(desk.window.search_panel.field, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: desk.patient.file is not None and desk.patient.file.summary.id == patient_id,
        timeout=20_000,
    )
    settle(qtbot, desk)


def _shown_texts(desk) -> str:
    """Every text the window shows (labels, fields, table cells)."""
    texts = [w.text() for w in desk.window.findChildren(QLabel) if w.isVisible()]
    texts += [w.text() for w in desk.window.findChildren(QLineEdit) if w.isVisible()]
    for model in (desk.search.model, desk.patient.upcoming, desk.patient.past, desk.board):
        for row in range(model.rowCount()):
            texts += [str(model.index(row, c).data()) for c in range(model.columnCount())]
    return "\n".join(texts)


def _access_token(desk) -> str:
    return desk.shift.shift.client().token_provider.access_token()


def test_idle_lock_hides_the_patient_and_unlock_asks_the_password(qtbot, desk_portal, tmp_path):
    desk = start_desk(qtbot, desk_portal, tmp_path / "profile", tmp_path / "printed")
    try:
        _open(qtbot, desk, "смирнова ольга", OLGA)
        name = desk.patient.file.summary.name
        QGuiApplication.clipboard().setText(f"Пациент: {name}")
        assert name in _shown_texts(desk)
        desk.idle.set_times(300, 60_000)  # the setting in minutes; short for the test
        qtbot.waitUntil(lambda: desk.shift.locked, timeout=30_000)
        assert desk.window.pages.currentWidget() is desk.window.lock_page
        assert name not in _shown_texts(desk) and "Смирнова Ольга" not in _shown_texts(desk)
        assert desk.patient.file is None and desk.board.rowCount() == 0
        assert QGuiApplication.clipboard().text() == ""
        assert not desk.window.desk_actions.book.isEnabled()
        # Back to a working idle time before unlocking: with 300 ms the desk could lock
        # again before the patient is read anew on a busy machine (seen in CI).
        desk.idle.set_times(60_000, 60_000)
        before = len(desk_portal.recorder.seen())
        with qtbot.waitSignal(desk.shift.lockedChanged, timeout=30_000) as unlocked:
            qtbot.mouseClick(desk.window.lock_page.unlock, Qt.MouseButton.LeftButton)
        assert unlocked.args == [False]
        authorize = [
            r for r in desk_portal.recorder.seen()[before:] if r.path.endswith("/oauth/authorize")
        ]
        assert authorize and ("prompt", "login") in authorize[0].params()
        # back at work, the same patient again (read fresh with the new tokens)
        qtbot.waitUntil(
            lambda: desk.patient.file is not None and desk.patient.file.summary.id == OLGA,
            timeout=20_000,
        )
        assert desk.window.pages.currentWidget() is desk.window.work
    finally:
        stop_desk(desk)


def test_a_desk_left_locked_signs_out_at_the_portal(qtbot, desk_portal, tmp_path):
    desk = start_desk(qtbot, desk_portal, tmp_path / "profile", tmp_path / "printed")
    try:
        token = _access_token(desk)
        with qtbot.waitSignal(desk.shiftEnded, timeout=20_000) as ended:
            desk.idle.set_times(200, 300)
        assert ended.args == [True]
        answer = requests.get(
            f"{desk_portal.base_url}/Patient/{OLGA}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert answer.status_code == 401
        assert desk.window.pages.currentWidget() is desk.window.start_page
    finally:
        stop_desk(desk)


@pytest.fixture
def own_temp(tmp_path, monkeypatch):
    """The temp folder the app sees for this test (Python's and Qt's), to grep after."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _keyring_file() -> Path:
    return Path(os.environ["XDG_DATA_HOME"]) / "python_keyring" / "keyring_pass.cfg"


def _variants(text: str) -> list[bytes]:
    return [text.encode("utf-8"), json.dumps(text).strip('"').encode("ascii")]


def test_finish_shift_leaves_no_patient_and_no_token_behind(qtbot, desk_portal, tmp_path, own_temp):
    from desktop.services.logs import setup_logging

    profile = tmp_path / "profile"
    keyring_before = _keyring_file().read_bytes() if _keyring_file().exists() else b""
    setup_logging(profile)  # the desk's log, as the app keeps it
    desk = start_desk(qtbot, desk_portal, profile, tmp_path / "printed")
    try:
        _open(qtbot, desk, "иванов сергей", SERGEY)
        sergey = desk.patient.file.summary
        desk.window.desk_actions.next_patient.trigger()
        _open(qtbot, desk, "смирнова ольга", OLGA)
        olga = desk.patient.file.summary
        desk.window.desk_actions.board.trigger()
        qtbot.waitUntil(lambda: desk.board.rowCount() > 0, timeout=20_000)
        board_names = [r.patient_name for r in desk.board.rows if r.patient_name][:5]
        tokens = desk.shift.shift.client().token_provider.tokens()
        with qtbot.waitSignal(desk.shiftEnded, timeout=20_000) as ended:
            desk.window.desk_actions.finish.trigger()
        assert ended.args == [True]
    finally:
        stop_desk(desk)
        setup_logging(None)
    secrets = [
        *(t for s in (sergey, olga) for t in (s.id, s.name, s.policy.number, s.phone) if t),
        *board_names,
        tokens.access_token,
        tokens.refresh_token,
    ]
    assert all(secrets)
    places = [p for p in (*profile.rglob("*"), *own_temp.rglob("*")) if p.is_file()]
    assert any(p.name == "medcard.log" for p in places)  # the desk did write its log there
    found = [
        (str(p), secret)
        for p in places
        for secret in secrets
        if any(v in p.read_bytes() for v in _variants(secret))
    ]
    assert found == []
    keyring_after = _keyring_file().read_bytes() if _keyring_file().exists() else b""
    assert keyring_after == keyring_before
    refused = requests.get(
        f"{desk_portal.base_url}/Patient/{OLGA}",
        headers={"Authorization": f"Bearer {tokens.access_token}"},
        timeout=10,
    )
    assert refused.status_code == 401


def test_two_desks_one_slot_one_gets_it_the_other_the_next_times(qtbot, desk_portal, tmp_path):
    first = start_desk(qtbot, desk_portal, tmp_path / "one", tmp_path / "printed-one")
    second = start_desk(qtbot, desk_portal, tmp_path / "two", tmp_path / "printed-two")
    try:
        dialogs = []
        for desk, (text, patient) in (
            (first, ("смирнова ольга", OLGA)),
            (second, ("иванов сергей", SERGEY)),
        ):
            _open(qtbot, desk, text, patient)
            desk.window.desk_actions.book.trigger()
            qtbot.waitUntil(lambda d=desk: bool(d.window.findChildren(DeskBookingDialog)))
            dialog = desk.window.findChildren(DeskBookingDialog)[0]
            qtbot.waitUntil(lambda d=dialog: d.specialties.count() > 0, timeout=20_000)
            item = dialog.specialties.findItems("Неврология", Qt.MatchFlag.MatchExactly)[0]
            dialog.specialties.setCurrentItem(item)
            qtbot.keyClick(dialog.specialties, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda d=dialog: d.slots.count() > 1, timeout=20_000)
            dialogs.append(dialog)
        slot = dialogs[0].chosen_slot()
        assert dialogs[1].chosen_slot().id == slot.id  # both were offered the same time
        with qtbot.waitSignal(first.booking.booked, timeout=20_000):
            qtbot.keyClick(dialogs[0].slots, Qt.Key.Key_Return)
        with qtbot.waitSignal(second.booking.taken, timeout=20_000):
            qtbot.keyClick(dialogs[1].slots, Qt.Key.Key_Return)
        loser = dialogs[1]
        assert "taken" in loser.message.text()
        offered = [
            loser.slots.item(i).data(Qt.ItemDataRole.UserRole) for i in range(loser.slots.count())
        ]
        assert offered and slot.id not in {s.id for s in offered}
        assert loser.chosen_slot() == offered[0]
        with qtbot.waitSignal(second.booking.booked, timeout=20_000) as booked:
            qtbot.keyClick(loser.slots, Qt.Key.Key_Return)
        assert booked.args[0].slot_id == offered[0].id
        holders = [
            a["participant"][0]["actor"]["reference"]
            for a in desk_portal.store.search("Appointment", limit=100000)
            if (a.get("slot") or [{}])[0].get("reference") == f"Slot/{slot.id}"
            and a["status"] == "booked"
        ]
        assert holders == [f"Patient/{OLGA}"]
        settle(qtbot, first)
        settle(qtbot, second)
    finally:
        stop_desk(first)
        stop_desk(second)


def test_lock_closes_an_open_booking_dialog(qtbot, desk_portal, tmp_path):
    desk = start_desk(qtbot, desk_portal, tmp_path / "profile", tmp_path / "printed")
    try:
        _open(qtbot, desk, "смирнова ольга", OLGA)
        desk.window.desk_actions.book.trigger()
        qtbot.waitUntil(lambda: bool(desk.window.findChildren(DeskBookingDialog)))
        dialog = desk.window.findChildren(DeskBookingDialog)[0]
        assert "Смирнова" in dialog.windowTitle()
        desk.window.desk_actions.lock.trigger()
        assert desk.shift.locked
        assert not [d for d in desk.window.findChildren(DeskBookingDialog) if d.isVisible()]
        settle(qtbot, desk)
    finally:
        stop_desk(desk)


def test_desk_without_a_portal_asks_for_its_address(qtbot, desk_portal, tmp_path):
    from desk_helpers import DESK, browser_for

    from desktop.services.profile import Profile
    from desktop.views.desk.controller import DeskController
    from desktop.views.language import LanguageManager

    profile = Profile(tmp_path / "profile")
    desk = DeskController("", browser_for(DESK), profile, LanguageManager())
    qtbot.addWidget(desk.window)
    desk.window.show()
    try:
        desk.start()
        field = desk.window.portal_field
        assert field.isVisible() and desk.window.pages.currentWidget() is desk.window.start_page
        field.setText(desk_portal.base_url)
        with qtbot.waitSignal(desk.shiftStarted, timeout=30_000):
            qtbot.mouseClick(desk.window.retry, Qt.MouseButton.LeftButton)
        assert profile.settings.get("desk_portal") == desk_portal.base_url
        assert "Смирнова" in desk.window.staff_label.text()
        settle(qtbot, desk)
    finally:
        stop_desk(desk)
