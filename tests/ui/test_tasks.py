"""TaskRunner: results and errors arrive on the GUI thread; dead owners get nothing."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QObject, QThread

from desktop.models.tasks import TaskRunner, user_message_for
from desktop.services.errors import PortalUnreachable


@pytest.fixture
def runner(qtbot):
    r = TaskRunner()
    yield r
    r.stop()


def test_result_arrives_on_gui_thread(qtbot, runner):
    seen: dict[str, object] = {}
    gui = QThread.currentThread()

    def work(a: int, b: int) -> int:
        seen["worker_is_gui"] = QThread.currentThread() is gui
        return a + b

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback_on_gui"] = QThread.currentThread() is gui

    runner.submit(work, 2, 3, on_done=done)
    qtbot.waitUntil(lambda: "value" in seen, timeout=5000)
    assert seen == {"worker_is_gui": False, "value": 5, "callback_on_gui": True}


def test_service_error_becomes_translated_message(qtbot, runner):
    def work() -> None:
        raise PortalUnreachable("connection refused")

    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.submit(work)
    message = blocker.args[0]
    assert "portal cannot be reached" in message
    assert "Traceback" not in message and "connection refused" not in message


def test_unexpected_error_is_generic(qtbot, runner):
    errors: list[BaseException] = []
    runner.submit(lambda: 1 / 0, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ZeroDivisionError)
    assert "ZeroDivision" not in user_message_for(errors[0])


def test_writer_queue_is_serial(qtbot, runner):
    active = 0
    overlap = False
    lock = threading.Lock()
    finished: list[int] = []

    def write(i: int) -> int:
        nonlocal active, overlap
        with lock:
            active += 1
            overlap = overlap or active > 1
        threading.Event().wait(0.01)
        with lock:
            active -= 1
        return i

    for i in range(5):
        runner.submit_write(write, i, on_done=finished.append)
    qtbot.waitUntil(lambda: len(finished) == 5, timeout=5000)
    assert finished == [0, 1, 2, 3, 4]
    assert not overlap


def test_callback_of_deleted_owner_is_dropped(qtbot, runner):
    release = threading.Event()
    calls: list[object] = []

    class Owner(QObject):
        def on_done(self, value: object) -> None:
            calls.append(value)

    owner = Owner()
    runner.submit(release.wait, 5, on_done=owner.on_done)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=2000)
    with qtbot.waitSignal(runner.busyChanged, timeout=5000):
        release.set()
    assert calls == []


def test_stop_cancels_and_refuses_new_work(qtbot):
    r = TaskRunner()
    r.submit(lambda: None)
    r.stop()
    assert r.cancelled
    with pytest.raises(RuntimeError):
        r.submit(lambda: None)


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
