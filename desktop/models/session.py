"""AccountSession: a signed-in account as the tabs see it — the one door to its data.

A tab never holds the account's client or cache: it reads, fetches and writes through the
door (`desktop/models/door.py`: read/fetch/write/store). The session adds what an account
is: the people it may open (`roster`), what its portal offers (`capabilities`), syncing,
and closing — which never blocks the GUI: the cache is closed on a thread of its own once
the jobs using it have stopped.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from PySide6.QtCore import QDateTime, Signal

from desktop.models.door import AccountDoor
from desktop.models.people import PatientInfo, PatientRoster, load_people, patient_ids_from
from desktop.models.tasks import TaskCancelled, TaskRunner, log_failure, user_message_for
from desktop.services.accounts import Account
from desktop.services.cache import Cache
from desktop.services.cache.types import SyncProgress, SyncResult
from desktop.services.errors import PortalUnreachable
from desktop.services.portal import FhirClient
from desktop.services.portal.capabilities import Capabilities
from desktop.services.sync import SyncCancelled

log = logging.getLogger(__name__)

CLOSE_WAIT_S = 30.0  # jobs using the cache stop within the client's own timeouts
# While a sync commits pages, the card is told at most this often that it has new records
# (re-reading its first screen costs a query; per page would be dozens a second).
CARD_CHANGED_EVERY_S = 0.5
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


_STATEMENT_ID = "portal-metadata"  # the CapabilityStatement kept in the cache


def _cached_statement(cache: Cache) -> dict[str, Any] | None:
    return cache.resources.get("CapabilityStatement", _STATEMENT_ID)


def _fetch_statement(client: FhirClient) -> dict[str, Any]:
    return client.capabilities()


def _keep_statement(cache: Cache, statement: dict[str, Any]) -> dict[str, Any]:
    cache.ingest([{**statement, "id": _STATEMENT_ID}])
    return statement


class AccountSession(AccountDoor):
    syncStarted = Signal()
    syncProgress = Signal(int, int)  # done, total (0 = unknown)
    syncFinished = Signal(bool)
    onlineChanged = Signal(bool)
    patientsChanged = Signal()
    capabilitiesChanged = Signal()  # what the portal offers was read (cached or fresh)
    # A sync committed pages of this patient's card (throttled, see CARD_CHANGED_EVERY_S);
    # `syncFinished` still follows at the end.
    cardChanged = Signal(str)

    def __init__(
        self, runner: TaskRunner, parts: SessionParts, sync_factory: SyncFactory | None = None
    ) -> None:
        super().__init__(runner, parts.client, parts.cache)
        self._account = parts.account
        self._cleanup = parts.cleanup
        self._sync_factory = sync_factory
        self.own_patient_id = parts.own_patient_id
        self.management_url = parts.management_url
        self.roster = PatientRoster(parts.own_patient_id, parts.patient_ids)
        self.roster.changed.connect(self.patientsChanged)
        self.online = True
        self.syncing = False
        self.last_synced: QDateTime | None = None
        self._cancel = threading.Event()  # a running sync watches it
        self.cache_closed = threading.Event()  # set once the cache is closed (after close())
        self._refreshing = False
        self.capabilities = Capabilities.unknown()
        self._fresh_capabilities = False
        self._card_told: dict[str, float] = {}  # patient id -> when cardChanged last went
        self.reload_people()
        self._load_capabilities()

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

    # -- what the portal offers -------------------------------------------------------------
    def _load_capabilities(self) -> None:
        """The last statement kept in the cache at once (also offline), then a fresh one."""
        self.read(
            _cached_statement,
            on_done=lambda statement: self._set_statement(statement, fresh=False),
            on_error=lambda exc: log_failure(log, "reading the kept capabilities failed", exc),
        )
        self.write(
            _fetch_statement,
            store=_keep_statement,
            on_done=lambda statement: self._set_statement(statement, fresh=True),
            on_error=lambda exc: log_failure(log, "reading the portal's capabilities failed", exc),
        )

    def _set_statement(self, statement: dict[str, Any] | None, fresh: bool) -> None:
        if statement is None or (self._fresh_capabilities and not fresh):
            return
        self._fresh_capabilities = self._fresh_capabilities or fresh
        capabilities = Capabilities.from_statement(statement)
        if capabilities != self.capabilities:
            self.capabilities = capabilities
            self.capabilitiesChanged.emit()

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
            # self.tr: lupdate marks it as a plural message (translate() with a count was
            # taken for a plain one, and its catalogue entries held a Python tuple).
            self.errorOccurred.emit(
                self.tr("%n record(s) could not be read and were skipped.", "", skipped)
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
