"""A signed-in account as the GUI sees it: client, cache, the people it may open, sync.

Built by `desktop.models.signin` off the GUI thread, then handed to the GUI as this
QObject. Sync runs on the task runner's serial writer queue (the cache has one writer);
its progress and outcome come back as signals.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QObject, Signal

from desktop.models.tasks import TaskCancelled, TaskRunner, user_message_for

log = logging.getLogger(__name__)

SYNC_STOP_TIMEOUT_S = 30.0  # a page in flight finishes within the client's own timeouts


@dataclass(frozen=True)
class PatientInfo:
    """A person whose card the account may open (self first, then children)."""

    patient_id: str
    display_name: str
    birth_date: dt.date | None = None
    is_self: bool = False

    def age(self, today: dt.date | None = None) -> int | None:
        if self.birth_date is None:
            return None
        today = today or dt.date.today()
        b = self.birth_date
        return today.year - b.year - ((today.month, today.day) < (b.month, b.day))


@dataclass
class SessionParts:
    """Everything a worker thread prepares for a Session (plain objects, no Qt)."""

    account: Any
    client: Any
    cache: Any
    own_patient_id: str
    patient_ids: list[str]
    management_url: str | None = None
    cleanup: list[Callable[[], None]] = field(default_factory=list)


@dataclass(frozen=True)
class _SyncOutcome:
    result: Any  # the engine's SyncResult
    patient_ids: list[str]  # whose cards the sync pulled (the renewed tokens' list)


class Session(QObject):
    syncStarted = Signal()
    syncProgress = Signal(int, int)
    syncFinished = Signal(bool)
    onlineChanged = Signal(bool)
    errorOccurred = Signal(str)
    patientsChanged = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        parts: SessionParts,
        sync_factory: Callable[..., Any] | None = None,
        patients_loader: Callable[[Any, list[str], str], list[PatientInfo]] | None = None,
    ) -> None:
        super().__init__()
        self.runner = runner
        self.account = parts.account
        self.client = parts.client
        self.cache = parts.cache
        self.own_patient_id = parts.own_patient_id
        self.patient_ids = list(parts.patient_ids) or [parts.own_patient_id]
        self.management_url = parts.management_url
        self._cleanup = parts.cleanup
        self._sync_factory = sync_factory
        self._patients_loader = patients_loader
        self.online = True
        self.syncing = False
        self.last_synced: QDateTime | None = None
        self._closed = threading.Event()
        self._sync_idle = threading.Event()  # cleared while a sync touches client + cache
        self._sync_idle.set()
        self.patients: list[PatientInfo] = self._load_patients()

    # -- people -----------------------------------------------------------------------
    def _load_patients(self) -> list[PatientInfo]:
        if self._patients_loader is not None and self.cache is not None:
            try:
                return self._patients_loader(self.cache, self.patient_ids, self.own_patient_id)
            except Exception as exc:  # noqa: BLE001 - a missing name must not block the card
                log.warning("could not read patient names: %s", type(exc).__name__)
        return [PatientInfo(pid, pid, None, pid == self.own_patient_id) for pid in self.patient_ids]

    def reload_patients(self) -> None:
        self.patients = self._load_patients()
        self.patientsChanged.emit()

    # -- sync -------------------------------------------------------------------------
    def start_sync(self) -> bool:
        """Start a background sync; False when one is already running (double click)."""
        if self.syncing or self._sync_factory is None or self._closed.is_set():
            return False
        self.syncing = True
        self._sync_idle.clear()  # before queueing, so close() waits for this sync too
        self.syncStarted.emit()
        self.runner.submit_write(
            self._run_sync, on_done=self._on_sync_done, on_error=self._on_sync_error, owner=self
        )
        return True

    def _progress(self, *args: Any) -> None:
        """Called by the sync engine on a worker thread between pages."""
        if self.runner.cancelled:
            self._closed.set()  # the engine watches this event and stops cleanly
        done, total = _progress_numbers(args)
        self.syncProgress.emit(done, total)  # queued to the GUI thread

    def _run_sync(self) -> _SyncOutcome:
        assert self._sync_factory is not None
        try:
            if self._closed.is_set():
                raise TaskCancelled()
            patients = self._current_patient_ids()
            engine = self._sync_factory(
                self.client, self.cache, patients, self._progress, self._closed
            )
            return _SyncOutcome(engine.run(), patients)
        except Exception as exc:
            if self._closed.is_set() and type(exc).__name__ == "SyncCancelled":
                raise TaskCancelled() from None
            raise
        finally:
            self._sync_idle.set()

    def _current_patient_ids(self) -> list[str]:
        """Worker thread: renew the tokens first, for the list of patients they carry now.

        A child who turned 15 (or whose access was given up elsewhere) has left it: pulling
        the child's card would get a 403. Their cached card is deleted here; the account
        registry follows the renewed tokens by itself (`AccountManager._on_tokens_renewed`),
        so the next start begins from the same list.
        """
        known = list(self.patient_ids)
        refresh = getattr(getattr(self.client, "token_provider", None), "refresh", None)
        if not callable(refresh):
            return known
        tokens = refresh()
        fresh = [str(p) for p in getattr(tokens, "patients", None) or () if p]
        if not fresh:
            return known  # a portal that does not list patients: keep what we know
        for patient_id in known:
            if patient_id not in fresh and self.cache is not None:
                self.cache.delete_patient(patient_id)
        return fresh

    def _on_sync_done(self, outcome: Any) -> None:
        self.syncing = False
        self.last_synced = QDateTime.currentDateTime()
        self._set_online(True)
        patients = getattr(outcome, "patient_ids", None)
        if patients and patients != self.patient_ids:
            self.patient_ids = list(patients)
            if self.account is not None and hasattr(self.account, "patient_ids"):
                try:
                    self.account = replace(self.account, patient_ids=tuple(patients))
                except TypeError:
                    pass  # not a dataclass (tests' stand-ins): the ids above are enough
        self.reload_patients()
        skipped = getattr(getattr(outcome, "result", None), "skipped", 0)
        if isinstance(skipped, int) and skipped > 0:  # the rest of the card synced fine
            self.errorOccurred.emit(
                QCoreApplication.translate(
                    "medcard", "%n record(s) could not be read and were skipped.", "", skipped
                )
            )
        self.syncFinished.emit(True)

    def _on_sync_error(self, exc: BaseException) -> None:
        self.syncing = False
        unreachable = type(exc).__name__ in {"PortalUnreachable"} or isinstance(
            exc, ConnectionError | TimeoutError
        )
        if unreachable:
            self._set_online(False)  # the badge says it; no banner needed
        else:
            self.errorOccurred.emit(user_message_for(exc))
        self.syncFinished.emit(False)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.onlineChanged.emit(online)

    # -- lifetime ---------------------------------------------------------------------
    def close(self) -> None:
        """Stop using the client and cache; a running sync stops at its next page."""
        if self._closed.is_set():
            return
        self._closed.set()  # the sync engine watches this event and stops between pages
        if not self._sync_idle.wait(SYNC_STOP_TIMEOUT_S):
            log.warning("sync did not stop in time; closing anyway")
        for step in (getattr(self.cache, "close", None), *self._cleanup):
            if step is None:
                continue
            try:
                step()
            except Exception as exc:  # noqa: BLE001 - closing must always finish
                log.warning("cleanup step failed: %s", type(exc).__name__)


def _progress_numbers(args: tuple) -> tuple[int, int]:
    """Accept `(done, total)`, a single object with .done/.total, or anything else."""
    if len(args) >= 2 and all(isinstance(a, int) for a in args[:2]):
        return int(args[0]), int(args[1])
    if args:
        obj = args[0]  # SyncProgress: prefer the whole-sync figures over one stream's
        for done_name, total_name in (("overall_done", "overall_total"), ("done", "total")):
            done = getattr(obj, done_name, None)
            total = getattr(obj, total_name, None)
            if isinstance(done, int) and (done or total):
                return done, int(total or 0)
    return 0, 0
