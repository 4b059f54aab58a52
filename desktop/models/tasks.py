"""One entry point for background work.

Four pools, each for one kind of work, so no kind waits behind another: the network pool
(portal calls), the read pool (cache reads for the screens), the serial writer queue
(cache writes: the cache keeps exactly one writer queue, and its own lock lets a sync's
page commits interleave with a saved diary entry), and the sync lane (one sync at a time,
committing page by page through the cache's lock). Results and errors come back to the
GUI thread through queued signals, and a callback whose owning QObject has been deleted
is silently dropped, so a closed widget never gets a "wrapped C/C++ object deleted" error.
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class TaskCancelled(Exception):
    """Raised inside a task (via `TaskRunner.check_cancelled`) when the runner stops."""


def user_message_for(exc: BaseException) -> str:
    """A translated, user-facing sentence for an error; never a traceback.

    Service errors carry `.user_message` marked with N_ in context "medcard"; anything
    else is a programming error, logged by type only (messages may hold medical data).
    """
    message = getattr(exc, "user_message", None)
    if isinstance(message, str) and message:
        describe = getattr(exc, "describe", None)
        if callable(describe):
            # Adds the portal's own explanation (OperationOutcome) in the UI language.
            lang = QLocale().name().split("_")[0]
            return str(describe(lang, lambda s: QCoreApplication.translate("medcard", s)))
        return QCoreApplication.translate("medcard", message)
    return QCoreApplication.translate(
        "medcard", "Something went wrong. Please try again; your data is safe."
    )


def log_failure(logger: logging.Logger, what: str, exc: BaseException) -> None:
    """A service error (it carries a user message) is expected: its class is enough. Any
    other exception is a bug: log its traceback (the log file scrubs data out of it)."""
    if getattr(exc, "user_message", None):
        logger.info("%s: %s", what, type(exc).__name__)
    else:
        logger.error("%s", what, exc_info=exc)


@dataclass
class _Pending:
    on_done: DoneCallback | None
    on_error: ErrorCallback | None
    owner: QObject | None
    name: str = ""  # the function's qualified name, for diagnostics (never its data)


class _Relay(QObject):
    """Lives in the GUI thread; worker threads emit on it, Qt queues the call."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, relay: _Relay, fn: Callable[..., Any], args: tuple) -> None:
        super().__init__()
        self._job_id = job_id
        self._relay = relay
        self._fn = fn
        self._args = args
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        try:
            result = self._fn(*self._args)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI
            self._relay.failed.emit(self._job_id, exc)
        else:
            self._relay.finished.emit(self._job_id, result)


class TaskRunner(QObject):
    """Runs callables off the GUI thread.

    `submit` uses the network pool; `submit_write` uses the serial writer queue.
    Signals: `busyChanged(bool)` when work starts/stops, `failed(str)` for errors that
    had no `on_error` callback (the main window shows them in its banner).
    """

    busyChanged = Signal(bool)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, network_threads: int = 4) -> None:
        super().__init__(parent)
        self._network = QThreadPool(self)
        self._network.setMaxThreadCount(network_threads)
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)  # serial: the cache has one writer queue
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(2)
        self._sync = QThreadPool(self)
        self._sync.setMaxThreadCount(1)
        self._pools = (self._network, self._reads, self._writer, self._sync)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._cancel = threading.Event()
        self._stopped = False

    # -- public API -------------------------------------------------------------------
    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> int:
        """Run `fn(*args)` on the network pool; returns a job id."""
        return self._start(self._network, fn, args, on_done, on_error, owner)

    def submit_write(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> int:
        """Run `fn(*args)` on the serial writer queue (cache writes, sync)."""
        return self._start(self._writer, fn, args, on_done, on_error, owner)

    def submit_read(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> int:
        """Run `fn(*args)` on the read pool (cache reads for the screens)."""
        return self._start(self._reads, fn, args, on_done, on_error, owner)

    def submit_sync(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        owner: QObject | None = None,
    ) -> int:
        """Run `fn(*args)` on the sync lane (one sync at a time)."""
        return self._start(self._sync, fn, args, on_done, on_error, owner)

    def is_busy(self) -> bool:
        return bool(self._pending)

    def check_cancelled(self) -> None:
        """Long tasks call this between steps so closing the window is quick."""
        if self._cancel.is_set():
            raise TaskCancelled()

    @property
    def stopped(self) -> bool:
        return self._stopped

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Cancel queued work, ask running work to stop, wait, drop callbacks."""
        if self._stopped:
            return
        self._stopped = True
        self._cancel.set()
        for pool in self._pools:
            pool.clear()
        for pool in self._pools:
            pool.waitForDone(timeout_ms)
        self._pending.clear()
        # Deliver nothing that was already queued for the GUI thread.
        self._relay.finished.disconnect(self._on_finished)
        self._relay.failed.disconnect(self._on_failed)

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until all work is done (tests, shutdown); queued signals still pending."""
        return all(pool.waitForDone(timeout_ms) for pool in self._pools)

    # -- internals --------------------------------------------------------------------
    def _start(
        self,
        pool: QThreadPool,
        fn: Callable[..., Any],
        args: tuple,
        on_done: DoneCallback | None,
        on_error: ErrorCallback | None,
        owner: QObject | None,
    ) -> int:
        if self._stopped:
            raise RuntimeError("TaskRunner is stopped")
        if owner is None:
            owner = _owner_of(on_done) or _owner_of(on_error)
        job_id = next(self._ids)
        was_idle = not self._pending
        name = getattr(fn, "__qualname__", type(fn).__name__)
        self._pending[job_id] = _Pending(on_done, on_error, owner, name)
        pool.start(_Job(job_id, self._relay, fn, args))
        if was_idle:
            self.busyChanged.emit(True)
        return job_id

    def _take(self, job_id: int) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if not self._pending:
            self.busyChanged.emit(False)
        if pending is None:
            return None
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return None  # the widget that asked is gone
        return pending

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: object) -> None:
        pending = self._take(job_id)
        if pending is not None and pending.on_done is not None:
            pending.on_done(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: object) -> None:
        pending = self._take(job_id)
        if pending is None or isinstance(exc, TaskCancelled):
            return
        assert isinstance(exc, BaseException)
        log_failure(log, f"background task {pending.name} failed", exc)
        if pending.on_error is not None:
            pending.on_error(exc)
        else:
            self.failed.emit(user_message_for(exc))


def _owner_of(callback: Callable[..., Any] | None) -> QObject | None:
    target = getattr(callback, "__self__", None)
    return target if isinstance(target, QObject) else None
