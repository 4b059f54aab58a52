"""AccountSession: the one door from a tab to an account's data.

A tab never holds the account's client or cache. It asks the session:
- `read(query, ...)`: `query(cache, ...)` on the read pool (cache query objects);
- `fetch(call, ...)`: `call(client, ...)` on the network pool (portal reads not stored);
- `write(call, prepare=, store=)`: `prepare(cache)` on the writer queue, `call(client,
  prepared)` on the network pool, `store(cache, answer)` on the writer queue;
- `start_sync()`, `refresh_access()`.
The client and cache are captured when the work is submitted, and every answer is dropped
once the session is closed, so a sign-out or an account switch in the middle of a request
can never store into (or show data of) the wrong account. Closing never blocks the GUI:
the cache is closed on a thread of its own once the jobs using it have stopped.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QDateTime, QObject, Signal

from desktop.models.people import PatientInfo, PatientRoster, load_people, patient_ids_from
from desktop.models.tasks import TaskCancelled, TaskRunner, log_failure, user_message_for
from desktop.services.accounts import Account
from desktop.services.cache import Cache
from desktop.services.cache.types import SyncProgress, SyncResult
from desktop.services.errors import PortalUnreachable
from desktop.services.portal import FhirClient
from desktop.services.sync import SyncCancelled

log = logging.getLogger(__name__)

CLOSE_WAIT_S = 30.0  # jobs using the cache stop within the client's own timeouts
# While a sync commits pages, the card is told at most this often that it has new records
# (re-reading its first screen costs a query; per page would be dozens a second).
CARD_CHANGED_EVERY_S = 0.5
T = TypeVar("T")
Callback = Callable[[Any], None]


class SyncRunner(Protocol):
    def run(self) -> SyncResult: ...


SyncFactory = Callable[
    [FhirClient, Cache, list[str], Callable[[SyncProgress], None], threading.Event], SyncRunner
]


@dataclass
class SessionParts:
    """Everything a worker thread prepares for a session (plain objects, no Qt)."""

    account: Account
    client: FhirClient
    cache: Cache
    own_patient_id: str
    patient_ids: list[str]
    management_url: str | None = None
    cleanup: list[Callable[[], None]] = field(default_factory=list)


@dataclass(frozen=True)
class _SyncOutcome:
    result: SyncResult
    patient_ids: list[str]  # whose cards the sync pulled (the renewed tokens' list)


class _Gate:
    """Counts the jobs using the cache; closing waits (off the GUI thread) until none is."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._users = 0
        self._closed = False

    def enter(self) -> bool:
        with self._cond:
            if self._closed:
                return False
            self._users += 1
            return True

    def leave(self) -> None:
        with self._cond:
            self._users -= 1
            self._cond.notify_all()

    def close_and_wait(self, timeout: float) -> bool:
        with self._cond:
            self._closed = True
            return self._cond.wait_for(lambda: self._users == 0, timeout)


class AccountSession(QObject):
    syncStarted = Signal()
    syncProgress = Signal(int, int)  # done, total (0 = unknown)
    syncFinished = Signal(bool)
    onlineChanged = Signal(bool)
    errorOccurred = Signal(str)  # translated, user-facing
    patientsChanged = Signal()
    # A sync committed pages of this patient's card (throttled, see CARD_CHANGED_EVERY_S);
    # `syncFinished` still follows at the end.
    cardChanged = Signal(str)

    def __init__(
        self, runner: TaskRunner, parts: SessionParts, sync_factory: SyncFactory | None = None
    ) -> None:
        super().__init__()
        self.runner = runner
        self._account = parts.account
        self._client = parts.client
        self._cache = parts.cache
        self._cleanup = parts.cleanup
        self._sync_factory = sync_factory
        self.own_patient_id = parts.own_patient_id
        self.management_url = parts.management_url
        self.roster = PatientRoster(parts.own_patient_id, parts.patient_ids)
        self.roster.changed.connect(self.patientsChanged)
        self.online = True
        self.syncing = False
        self.last_synced: QDateTime | None = None
        self._closing = False
        self._gate = _Gate()
        self._cancel = threading.Event()  # a running sync watches it
        self.cache_closed = threading.Event()  # set once the cache is closed (after close())
        self._refreshing = False
        self._card_told: dict[str, float] = {}  # patient id -> when cardChanged last went
        self.reload_people()

    # -- what the account is ------------------------------------------------------------
    @property
    def account(self) -> Account:
        return self._account

    @property
    def patients(self) -> list[PatientInfo]:
        return self.roster.people

    @property
    def patient_ids(self) -> list[str]:
        return self.roster.ids

    @property
    def closed(self) -> bool:
        return self._closing

    # The composition root (and tests) may reach these; tabs go through the methods below.
    @property
    def cache(self) -> Cache:
        return self._cache

    @property
    def client(self) -> FhirClient:
        return self._client

    # -- the door -----------------------------------------------------------------------
    def read(
        self,
        query: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None],
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """`query(cache, *args)` on the read pool; False once the session is closed."""
        if self._closing:
            return False
        self.runner.submit_read(
            self._using_cache(query, self._cache),
            *args,
            on_done=self._deliver(on_done, owner),
            on_error=self._deliver(on_error or self._report, owner),
            owner=self,
        )
        return True

    def fetch(
        self,
        call: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None],
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """`call(client, *args)` on the network pool: portal reads the cache does not keep."""
        if self._closing:
            return False
        client = self._client
        self.runner.submit(
            lambda: call(client, *args),
            on_done=self._deliver(on_done, owner),
            on_error=self._deliver(on_error or self._report, owner),
            owner=self,
        )
        return True

    def write(
        self,
        call: Callable[..., Any],
        *,
        prepare: Callable[[Cache], Any] | None = None,
        store: Callable[[Cache, Any], Any] | None = None,
        on_done: Callback,
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """Write to the portal, then store its answer: `prepare(cache)` (writer queue) ->
        `call(client, prepared)` or `call(client)` (network pool) -> `store(cache, answer)`
        (writer queue). Each step runs on the account that was current at submission; once
        the session is closed the remaining steps are skipped and nothing is delivered."""
        if self._closing:
            return False
        client, cache = self._client, self._cache
        done = self._deliver(on_done, owner)
        failed = self._deliver(on_error or self._report, owner)

        def after_call(answer: Any) -> None:
            if store is None:
                done(answer)
            elif not self._closing:
                self.runner.submit_write(
                    self._using_cache(store, cache), answer, on_done=done, on_error=failed
                )

        def network(prepared: Any = None, with_prepared: bool = False) -> None:
            if self._closing:
                return
            job = (lambda: call(client, prepared)) if with_prepared else (lambda: call(client))
            self.runner.submit(job, on_done=after_call, on_error=failed, owner=self)

        if prepare is None:
            network()
        else:
            self.runner.submit_write(
                self._using_cache(prepare, cache),
                on_done=lambda prepared: network(prepared, with_prepared=True),
                on_error=failed,
                owner=self,
            )
        return True

    def store(
        self,
        fn: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None],
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """`fn(cache, *args)` on the writer queue: a change that concerns only the cache."""
        if self._closing:
            return False
        self.runner.submit_write(
            self._using_cache(fn, self._cache),
            *args,
            on_done=self._deliver(on_done, owner),
            on_error=self._deliver(on_error or self._report, owner),
            owner=self,
        )
        return True

    def _using_cache(self, fn: Callable[..., T], cache: Cache) -> Callable[..., T]:
        """Worker side: run only while the session is open, and hold closing off meanwhile."""

        def run(*args: Any) -> T:
            if not self._gate.enter():
                raise TaskCancelled()
            try:
                return fn(cache, *args)
            finally:
                self._gate.leave()

        run.__qualname__ = getattr(fn, "__qualname__", "cache job")
        return run

    def _deliver(self, callback: Callback, owner: QObject | None) -> Callback:
        """GUI side: an answer reaches the tab only while this account is still open."""

        def deliver(value: Any) -> None:
            if self._closing or (owner is not None and not shiboken6.isValid(owner)):
                return
            callback(value)

        return deliver

    def _report(self, exc: BaseException) -> None:
        self.errorOccurred.emit(user_message_for(exc))

    # -- people ---------------------------------------------------------------------------
    def reload_people(self) -> None:
        """Names and birth dates of the people listed now, from the cached Patients."""
        ids, own = self.roster.ids, self.own_patient_id
        self.read(
            load_people,
            ids,
            own,
            on_done=self.roster.set_people,
            on_error=lambda exc: log_failure(log, "reading patient names failed", exc),
        )

    def _adopt_patient_ids(self, ids: list[str]) -> bool:
        if not self.roster.set_ids(ids):
            return False
        try:
            self._account = replace(self._account, patient_ids=tuple(self.roster.ids))
        except TypeError:
            pass  # not a dataclass (a stand-in in tests)
        self.reload_people()
        return True

    def refresh_access(
        self, sync_if_unchanged: bool = True, on_error: Callback | None = None
    ) -> None:
        """New tokens -> the list of people -> a sync (adds or deletes children's cards)."""
        if self._closing or self._refreshing:
            return
        provider = getattr(self._client, "token_provider", None)
        refresh = getattr(provider, "refresh", None)
        if not callable(refresh):
            self.start_sync()
            return
        self._refreshing = True

        def done(tokens: Any) -> None:
            self._refreshing = False
            ids = patient_ids_from(tokens)
            if not ids:
                return
            if self._adopt_patient_ids(ids) or sync_if_unchanged:
                self.start_sync()

        def failed(exc: BaseException) -> None:
            self._refreshing = False
            (on_error or self._report)(exc)

        self.runner.submit(
            refresh, on_done=self._deliver(done, None), on_error=self._deliver(failed, None)
        )

    # -- sync -----------------------------------------------------------------------------
    def start_sync(self) -> bool:
        """Start a background sync; False when one is already running (double click)."""
        if self.syncing or self._sync_factory is None or self._closing:
            return False
        self.syncing = True
        self.syncStarted.emit()
        self.runner.submit_sync(
            self._run_sync,
            self.roster.ids,
            on_done=self._deliver(self._on_sync_done, None),
            on_error=self._deliver(self._on_sync_error, None),
            owner=self,
        )
        return True

    def _run_sync(self, known: list[str]) -> _SyncOutcome:
        """Sync lane: renew the tokens first, for the list of people they carry now (a
        child who turned 15 has left it: the engine deletes that card)."""
        assert self._sync_factory is not None
        if not self._gate.enter():
            raise TaskCancelled()
        try:
            provider = getattr(self._client, "token_provider", None)
            refresh = getattr(provider, "refresh", None)
            patients = (patient_ids_from(refresh()) if callable(refresh) else []) or known
            engine = self._sync_factory(
                self._client, self._cache, patients, self._progress, self._cancel
            )
            return _SyncOutcome(engine.run(), patients)
        except SyncCancelled:
            raise TaskCancelled() from None
        finally:
            self._gate.leave()

    def _progress(self, progress: SyncProgress) -> None:
        """Called by the sync engine on its thread between pages."""
        if self.runner.cancelled:
            self._cancel.set()  # the app is quitting: the engine stops cleanly
        done = progress.overall_done or progress.done
        total = progress.overall_total or progress.total or 0
        self.syncProgress.emit(done, total)  # queued to the GUI thread
        now = time.monotonic()
        told = self._card_told.get(progress.patient_id)
        if told is None or now - told >= CARD_CHANGED_EVERY_S:
            self._card_told[progress.patient_id] = now
            self.cardChanged.emit(progress.patient_id)

    def _on_sync_done(self, outcome: _SyncOutcome) -> None:
        self.syncing = False
        self._card_told.clear()
        self.last_synced = QDateTime.currentDateTime()
        self._set_online(True)
        if not self._adopt_patient_ids(outcome.patient_ids):
            self.reload_people()  # names may have arrived with the sync
        skipped = outcome.result.skipped
        if skipped > 0:  # the rest of the card synced fine
            self.errorOccurred.emit(
                QCoreApplication.translate(
                    "medcard", "%n record(s) could not be read and were skipped.", "", skipped
                )
            )
        self.syncFinished.emit(True)

    def _on_sync_error(self, exc: BaseException) -> None:
        self.syncing = False
        self._card_told.clear()
        if isinstance(exc, PortalUnreachable | ConnectionError | TimeoutError):
            self._set_online(False)  # the badge says it; no banner needed
        else:
            self.errorOccurred.emit(user_message_for(exc))
        self.syncFinished.emit(False)

    def _set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.onlineChanged.emit(online)

    # -- lifetime -------------------------------------------------------------------------
    def close(self) -> None:
        """Stop using the account at once; the cache closes on a thread of its own when
        the jobs using it (a sync stops at its next request) have finished."""
        if self._closing:
            return
        self._closing = True
        self._cancel.set()
        threading.Thread(target=self._finish, name="medcard-close", daemon=True).start()

    def _finish(self) -> None:
        try:
            if not self._gate.close_and_wait(CLOSE_WAIT_S):
                log.warning("background work did not stop in time; closing the cache anyway")
            for step in (self._cache.close, *self._cleanup):
                try:
                    step()
                except Exception:  # noqa: BLE001 - closing must always finish
                    log.warning("a cleanup step failed", exc_info=True)
        finally:
            self.cache_closed.set()
