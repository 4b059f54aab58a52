"""Helpers of the registry desk's tests (a module of its own name: every test folder has a
`conftest`, and `from conftest import` would find another folder's)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

DESK = "desk@demo.medcard"
DESK2 = "desk2@demo.medcard"
PASSWORD = "demo1234"
SERGEY, OLGA = "ivanov-sergey", "smirnova-olga"


def browser_for(email: str, password: str = PASSWORD) -> Callable[[str], str]:
    from demo_portal import autologin

    return lambda url: autologin.follow(url, email, password)


def local_now() -> datetime:
    return datetime.now().astimezone()


def start_desk(qtbot, portal, profile_dir: Path, printed: Path, email: str = DESK):
    """A real desk window signed in at the portal (shift started), printing into
    `printed` (a PDF printer); `stop_desk` ends it."""
    from desktop.services.profile import Profile
    from desktop.views.desk.controller import DeskController
    from desktop.views.desk.printing import DeskPrinter
    from desktop.views.language import LanguageManager

    printed.mkdir(parents=True, exist_ok=True)
    desk = DeskController(
        portal.base_url,
        browser_for(email),
        Profile(profile_dir),
        LanguageManager(),
        printer=DeskPrinter(printed),
    )
    qtbot.addWidget(desk.window)
    desk.window.resize(1024, 640)
    desk.window.show()
    with qtbot.waitSignal(desk.shiftStarted, timeout=30_000):
        desk.start()
    settle(qtbot, desk)
    return desk


def settle(qtbot, desk, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: not desk.runner.is_busy(), timeout=timeout)


def stop_desk(desk) -> None:
    desk.shutdown()


def type_text(widget, text: str) -> None:
    """Type as a keyboard does, letter by letter (QTest's keyClicks knows ASCII only)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
