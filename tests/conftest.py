"""Shared test set-up: an isolated keyring, profile and Qt platform for every run.

The keyring backend is chosen through keyring's standard PYTHON_KEYRING_BACKEND
variable and points at a file under a temporary XDG_DATA_HOME, so tests never touch
the real user keyring.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest

_SANDBOX = tempfile.mkdtemp(prefix="medcard-tests-")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_CACHE_HOME"] = os.path.join(_SANDBOX, "cache")
# A browser must never open during tests; flows that need one set BROWSER themselves.
os.environ["BROWSER"] = "false"


@pytest.fixture(scope="session")
def portal() -> Iterator[object]:
    """One embedded demo portal for the session (read-mostly tests)."""
    from demo_portal.embedded import DemoPortal

    with DemoPortal(access_token_ttl=3600) as p:
        yield p


@pytest.fixture
def fresh_portal(tmp_path) -> Iterator[object]:
    """A demo portal of the test's own, for tests that write or inject faults."""
    from demo_portal.embedded import DemoPortal

    with DemoPortal(db_path=tmp_path / "portal.db", access_token_ttl=3600) as p:
        yield p


# -- nothing left running ---------------------------------------------------------------
# Every test must stop what it started: threads, task runners, timers; and the app's GUI
# code must never wait for the cache or the portal on the GUI thread.

_LEAK_GRACE_S = 5.0  # a request in flight when a sync was cancelled ends within this


@pytest.fixture(autouse=True)
def nothing_left_running(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    import threading
    import time
    import weakref

    from desktop.models.tasks import TaskRunner
    from desktop.services.threads import stop_watching, watch_gui_thread

    before = set(threading.enumerate())
    runners: weakref.WeakSet = weakref.WeakSet()
    original_init = TaskRunner.__init__

    def recording_init(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        original_init(self, *args, **kwargs)
        runners.add(self)

    monkeypatch.setattr(TaskRunner, "__init__", recording_init)
    blocked: list[str] = []
    watch_gui_thread(blocked.append)
    yield
    stop_watching()
    problems = [f"blocking call: {b}" for b in blocked]
    problems += _qt_leftovers()
    problems += [f"task runner not stopped ({r!r})" for r in list(runners) if not r.stopped]
    deadline = time.monotonic() + _LEAK_GRACE_S
    while True:
        threads = [
            t
            for t in threading.enumerate()
            if t not in before
            and t.is_alive()
            and not isinstance(t, threading._DummyThread)
            and t.name != "demo-portal"  # a restarted portal belongs to its fixture
        ]
        if not threads or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    problems += [f"thread still running: {t.name}" for t in threads]
    assert problems == [], "the test left work behind:\n" + "\n".join(problems)


def _qt_leftovers() -> list[str]:
    try:
        from PySide6.QtCore import QCoreApplication, QEvent, QTimer
        from PySide6.QtWidgets import QApplication
    except ImportError:
        return []
    app = QApplication.instance()
    if app is None:
        return []
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leftovers = []
    for widget in QApplication.topLevelWidgets():
        for timer in widget.findChildren(QTimer):
            if timer.isActive() and timer.interval() > 0:
                owner = timer.parent().metaObject().className() if timer.parent() else "?"
                leftovers.append(f"timer of {owner} in {widget.metaObject().className()}")
    return leftovers
