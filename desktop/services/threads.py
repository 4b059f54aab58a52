"""The GUI thread never waits for the cache or the portal.

The app names its GUI thread at start (`watch_gui_thread`); the cache's transactions and
the portal client's requests call `check_blocking_allowed`, which reports any such call
made on that thread from the app's own GUI code (models and views). The app logs the
report; the tests fail on it. Scripts and tests that use the cache on their main thread
directly are not GUI code and are not reported.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from types import FrameType

_GUI_PACKAGES = ("desktop.models", "desktop.views")
# Worker-thread entry points that live beside the models (sign-in and opening an account):
# their frames prove nothing either way, the caller's frame decides.
_WORKER_MODULES = frozenset({"desktop.models.signin"})
_watched: int | None = None
_report: Callable[[str], None] | None = None


def watch_gui_thread(report: Callable[[str], None], thread: threading.Thread | None = None) -> None:
    """Report blocking work done on `thread` (default: the calling one) by GUI code."""
    global _watched, _report
    _watched = (thread or threading.current_thread()).ident
    _report = report


def stop_watching() -> None:
    global _watched, _report
    _watched = _report = None


def check_blocking_allowed(what: str) -> None:
    """Called by blocking entry points; cheap unless on the watched thread."""
    report = _report
    if report is None or threading.get_ident() != _watched:
        return
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.startswith(_GUI_PACKAGES) and module not in _WORKER_MODULES:
            report(f"{what} on the GUI thread, from {module} line {frame.f_lineno}")
            return
        frame = frame.f_back
