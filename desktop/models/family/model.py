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
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal

from desktop.models.tasks import user_message_for
from desktop.services.family import service as svc
from desktop.services.family.form import AccessRequestForm, normalize, validate

log = logging.getLogger(__name__)


class FamilyModel(QObject):
    """Holds `entries` for the view and runs the family actions on the task runner.

    Signals carry plain values only. `busyChanged(True)` while a portal call runs, so
    the view can disable buttons (a double click sends nothing twice).
    """

    changed = Signal()
    busyChanged = Signal(bool)
    requestSent = Signal(object)  # svc.AccessRequest as the portal decided it
    requestInvalid = Signal(dict)  # field -> N_ message
    actionFailed = Signal(str)  # translated message
    actionDone = Signal(str)  # translated confirmation

    def __init__(self, ctx: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.entries: list[svc.FamilyEntry] = []
        self.requests: list[svc.AccessRequest] = []
        self.busy = False
        self._pending_request_id: str | None = None  # reused on retry: no double request
        self._pending_form: AccessRequestForm | None = None
        self._refreshing_access = False
        self._refreshed_for: set[str] = set()
        ctx.accountChanged.connect(self.reload)
        ctx.synced.connect(self._on_synced)
        ctx.syncFinished.connect(self._on_sync_finished)

    # -- reading ----------------------------------------------------------------------
    @property
    def own_patient_id(self) -> str:
        session = self._ctx.session
        return str(session.own_patient_id) if session is not None else ""

    def reload(self) -> None:
        """Re-read the requests from the cache (off the GUI thread) and rebuild entries."""
        session = self._ctx.session
        if session is None or session.cache is None:
            self.entries = []
            self.changed.emit()
            return
        self._ctx.runner.submit(
            svc.read_requests,
            session.cache,
            self.own_patient_id,
            on_done=self._on_requests_read,
            on_error=self._on_read_failed,
            owner=self,
        )

    def _on_requests_read(self, requests: list[svc.AccessRequest]) -> None:
        self.requests = requests
        self.entries = svc.family_entries(self._ctx.patients, requests, self.own_patient_id)
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
        if waiting and not self._refreshing_access:
            self._refreshed_for |= waiting
            self.refresh_access()

    def _on_read_failed(self, exc: BaseException) -> None:
        self.actionFailed.emit(user_message_for(exc))

    def _on_synced(self) -> None:
        self.reload()

    def _on_sync_finished(self, ok: bool) -> None:
        # A sync refused for a child whose access just ended (a 15th birthday, ended by
        # the portal) fails with the token's stale patient list: ask for the current
        # list, and sync again only if it changed (no loop on other failures).
        if not ok and self._ctx.online:
            self.refresh_access(sync_if_unchanged=False)

    # -- actions ----------------------------------------------------------------------
    def _service(self) -> svc.FamilyService:
        return svc.FamilyService(self._ctx.client, self.own_patient_id)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)

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
        self._set_busy(True)
        self._ctx.runner.submit(
            self._send,
            self._service(),
            form,
            today,
            self._pending_request_id,
            on_done=self._on_sent,
            on_error=self._on_failed,
            owner=self,
        )
        return True

    def _send(
        self, service: svc.FamilyService, form: AccessRequestForm, today: dt.date, rid: str
    ) -> svc.AccessRequest:
        """Worker thread: POST the Task, then store the portal's answer in the cache."""
        request, task = service.submit(form, today, rid)
        self._ctx.session.cache.ingest([task])
        return request

    def _on_sent(self, request: svc.AccessRequest) -> None:
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
        if self.busy or self._ctx.session is None:
            return False
        self._set_busy(True)
        self._ctx.runner.submit(
            self._withdraw,
            self._service(),
            task_id,
            on_done=self._on_withdrawn,
            on_error=self._on_failed,
            owner=self,
        )
        return True

    def _withdraw(self, service: svc.FamilyService, task_id: str) -> None:
        self._ctx.session.cache.ingest([service.withdraw(task_id)])

    def _on_withdrawn(self, _result: object) -> None:
        self._set_busy(False)
        self.actionDone.emit(self.tr("The request was withdrawn."))
        self.reload()

    def give_up(self, child_patient_id: str) -> bool:
        if self.busy or self._ctx.session is None:
            return False
        self._set_busy(True)
        self._ctx.runner.submit(
            self._service().give_up,
            child_patient_id,
            on_done=self._on_given_up,
            on_error=self._on_failed,
            owner=self,
        )
        return True

    def _on_given_up(self, _task: object) -> None:
        self._set_busy(False)
        self.actionDone.emit(self.tr("You no longer have access to this card."))
        self.refresh_access()

    # -- access changed -----------------------------------------------------------------
    def refresh_access(self, sync_if_unchanged: bool = True) -> None:
        """New tokens -> new patient list -> sync (adds or deletes children's cards)."""
        session = self._ctx.session
        if session is None or self._refreshing_access:
            return
        provider = getattr(session.client, "token_provider", None)
        if provider is None:
            session.start_sync()
            return
        self._refreshing_access = True
        self._ctx.runner.submit(
            provider.refresh,
            on_done=lambda tokens: self._on_tokens_refreshed(tokens, sync_if_unchanged),
            on_error=self._on_refresh_failed,
            owner=self,
        )

    def _on_tokens_refreshed(self, tokens: Any, sync_if_unchanged: bool = True) -> None:
        self._refreshing_access = False
        session = self._ctx.session
        if session is None:
            return
        patients = [str(p) for p in getattr(tokens, "patients", ()) or ()]
        if not patients:
            return
        if set(patients) == set(session.patient_ids) and not sync_if_unchanged:
            return
        session.patient_ids = patients
        gone = [p.patient_id for p in session.patients if p.patient_id not in patients]
        if self._ctx.patient_id in gone:
            self._ctx.set_patient(session.own_patient_id)  # never show a closed card
        session.reload_patients()
        self.reload()
        session.start_sync()

    def _on_refresh_failed(self, exc: BaseException) -> None:
        self._refreshing_access = False
        self._on_failed(exc)
