"""`medcard --desk`: the registry desk's own start (issue 14).

No keyring is opened and no account cache: the staff member's tokens stay in memory,
the patient on screen too. The profile keeps settings only (language, the idle times,
the portal's address). With `--demo`, the demo portal starts and its desk signs in.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.services.profile import Profile
from desktop.views.desk.controller import DeskController
from desktop.views.language import LanguageManager

SHOWCASE_SEARCH = "Иванов Сергей"  # the demo's main patient, for screenshots


def run_desk(
    app: QApplication,
    args: argparse.Namespace,
    size: tuple[int, int],
    profile: Profile,
    language: LanguageManager,
    demo_starter: Callable[[], Any] | None = None,
    portal: str = "",
    settle: Callable[..., None] | None = None,
) -> int:
    desk = DeskController(portal, _browser, profile, language)
    window = desk.window
    window.resize(*size)
    exit_code = 0
    if args.screenshot:
        timeout = 180_000

        def fail(message: str) -> None:
            nonlocal exit_code
            print(message, file=sys.stderr)
            exit_code = 1
            app.quit()

        def capture() -> None:
            if args.tab == "board":
                desk.show_board()
            else:
                desk.showcase(SHOWCASE_SEARCH)
            assert settle is not None
            settle(desk.runner, lambda: _grab(window, args.screenshot, app))

        desk.shiftStarted.connect(lambda: QTimer.singleShot(0, capture))
        desk.signInFailed.connect(fail)
        QTimer.singleShot(timeout, lambda: fail("timed out waiting for the desk"))
    if demo_starter is not None:
        desk.start_demo(demo_starter)
    else:
        desk.start()
    window.show()
    try:
        code = app.exec()
    finally:
        desk.shutdown()
        window.deleteLater()
    return exit_code or code


def _browser(url: str) -> bool:
    import webbrowser

    return webbrowser.open(url)


def _grab(window: Any, path: str, app: QApplication) -> None:
    if not window.grab().save(path, "PNG"):
        print(f"could not write {path}", file=sys.stderr)
        app.exit(1)
        return
    app.quit()
