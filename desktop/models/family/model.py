"""The family tab's state and actions: who is on the account and what each request is.

Reads come from the cache (the access-request Tasks) and the session (the cards the
account may open); writes go to the portal first and land in the cache from its answer.
When access changes (a request accepted, access given up, a check completed by the
clinic) the tokens are refreshed so the account's list of patients follows, then a
sync runs: a new child's card arrives, a child no longer accessible is deleted.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from desktop.models.context import AppContext
from desktop.models.family.entries_model import FamilyEntriesModel
from desktop.models.tasks import user_message_for
from desktop.services.cache import Cache
from desktop.services.family import service as svc
from desktop.services.family.form import AccessRequestForm, normalize, validate
from desktop.services.portal import FhirClient

log = logging.getLogger(__name__)
JSON = dict[str, Any]


class FamilyModel(QObject):
    """Holds `entries` for the view and runs the family actions through the account
    session (portal first, the answer stored after; the account fixed at the click).

    Signals carry plain values only. `busyChanged(True)` while a portal call runs, so
    the view can disable buttons (a double click sends nothing twice).
    """

    changed = Signal()
    busyChanged = Signal(bool)
    requestSent = Signal(object)  # svc.AccessRequest as the portal decided it
    requestInvalid = Signal(dict)  # field -> N_ message
    actionFailed = Signal(str)  # translated message
    actionDone = Signal(str)  # translated confirmation

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.list = FamilyEntriesModel(self)
        self.requests: list[svc.AccessRequest] = []
        self.busy = False
        self._pending_request_id: str | None = None  # reused on retry: no double request
        self._pending_form: AccessRequestForm | None = None
        self._refreshed_for: set[str] = set()
        ctx.accountChanged.connect(self.reload)
        ctx.synced.connect(self.reload)
        ctx.syncFinished.connect(self._on_sync_finished)

    # -- reading ----------------------------------------------------------------------
    @property
    def entries(self) -> list[svc.FamilyEntry]:
        return self.list.entries()

    @property
    def own_patient_id(self) -> str:
        session = self._ctx.session
        return str(session.own_patient_id) if session is not None else ""

    def reload(self) -> None:
        """Re-read the requests from the cache (off the GUI thread) and rebuild entries."""
        session = self._ctx.session
        if session is None:
            self.list.set_entries([])
            self.changed.emit()
            return
        session.read(
            svc.read_requests,
            self.own_patient_id,
            on_done=self._on_requests_read,
            on_error=self._on_read_failed,
            owner=self,
        )

    def _on_requests_read(self, requests: list[svc.AccessRequest]) -> None:
        self.requests = requests
        self.list.set_entries(svc.family_entries(self._ctx.patients, requests, self.own_patient_id))
        self.changed.emit()
        # The clinic may have confirmed a request meanwhile: an accepted child that is
        # not among our cards yet means the token's patient list is stale. Asked once
        # per child, so a portal that does not list the child cannot cause a loop.
        open_ids = {p.patient_id for p in self._ctx.patients}
        waiting = {
            r.child_patient_id
            for r in requests
            if r.status == svc.ACCEPTED
            and r.child_patient_id
            and r.child_patient_id not in open_ids
        } - self._refreshed_for
        if waiting:
            self._refreshed_for |= waiting
            self.refresh_access()

    def _on_read_failed(self, exc: BaseException) -> None:
        self.actionFailed.emit(user_message_for(exc))

    def _on_sync_finished(self, ok: bool) -> None:
        # A sync refused for a child whose access just ended (a 15th birthday, ended by
        # the portal) fails with the token's stale patient list: ask for the current
        # list, and sync again only if it changed (no loop on other failures).
        if not ok and self._ctx.online:
            self.refresh_access(sync_if_unchanged=False)

    # -- actions ----------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)

    def _write(self, call: Callable[[FhirClient], Any], on_done: Callable[[Any], None]) -> bool:
        """Portal first, then the answered Task into the cache (see AccountSession.write)."""
        session = self._ctx.session
        if self.busy or session is None:
            return False
        self._set_busy(True)
        started = session.write(
            call, store=_store_task, on_done=on_done, on_error=self._on_failed, owner=self
        )
        self._set_busy(started)
        return started

    def submit_request(self, form: AccessRequestForm, today: dt.date | None = None) -> bool:
        """Validate and send; False when invalid (requestInvalid tells why) or busy."""
        if self.busy or self._ctx.session is None:
            return False
        today = today or dt.date.today()
        errors = validate(normalize(form), today)  # shown at once, before any network
        if errors:
            self.requestInvalid.emit(errors)
            return False
        # Resending the same form after a failure reuses its id, so a request that did
        # reach the portal is not filed twice; a changed form is a new request.
        clean = normalize(form)
        if self._pending_request_id is None or self._pending_form != clean:
            self._pending_request_id = str(uuid.uuid4())
            self._pending_form = clean
        rid, me = self._pending_request_id, self.own_patient_id
        return self._write(
            lambda client: svc.FamilyService(client, me).submit(form, today, rid), self._on_sent
        )

    def _on_sent(self, answer: tuple[svc.AccessRequest, JSON]) -> None:
        request = answer[0]
        self._pending_request_id = None
        self._set_busy(False)
        self.requestSent.emit(request)
        if request.status == svc.ACCEPTED:
            self.refresh_access()
        else:
            self.reload()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, svc.FamilyFormInvalid):
            self.requestInvalid.emit(exc.errors)
            return
        message = user_message_for(exc)
        portal_text = getattr(exc, "portal_text", None)
        if callable(portal_text):
            # The portal explains in Russian and English; show the UI's language.
            extra = portal_text(QLocale().name().split("_")[0])
            if extra and extra not in message:
                message = f"{message}\n{extra}"
        self.actionFailed.emit(message)
        self.reload()

    def withdraw(self, task_id: str) -> bool:
        me = self.own_patient_id
        return self._write(
            lambda client: svc.FamilyService(client, me).withdraw(task_id), self._on_withdrawn
        )

    def _on_withdrawn(self, _result: object) -> None:
        self._set_busy(False)
        self.actionDone.emit(self.tr("The request was withdrawn."))
        self.reload()

    def give_up(self, child_patient_id: str) -> bool:
        me = self.own_patient_id
        return self._write(
            lambda client: svc.FamilyService(client, me).give_up(child_patient_id),
            self._on_given_up,
        )

    def _on_given_up(self, _task: object) -> None:
        self._set_busy(False)
        self.actionDone.emit(self.tr("You no longer have access to this card."))
        self.refresh_access()

    # -- access changed -----------------------------------------------------------------
    def refresh_access(self, sync_if_unchanged: bool = True) -> None:
        """New tokens -> new list of people -> sync (adds or deletes children's cards);
        the session's roster is the one place that list lives."""
        session = self._ctx.session
        if session is not None:
            session.refresh_access(sync_if_unchanged, on_error=self._on_failed)


def _store_task(cache: Cache, answer: Any) -> Any:
    """Writer queue: the portal's Task (alone, or with the request parsed from it)."""
    task = answer[1] if isinstance(answer, tuple) else answer
    if isinstance(task, dict):
        cache.ingest([task])
    return answer
