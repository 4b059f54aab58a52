"""The change of clinic on the task runner: finding clinics, sending the application,
withdrawing it. Portal first, the answered Task into the cache after (the account fixed
when the user clicked); a resend after a failure reuses the request's id, so an
application that did reach the portal is not filed twice.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.models.context import AppContext
from desktop.models.tasks import user_message_for
from desktop.services.cache import Cache
from desktop.services.clinic.change import (
    ChangeForm,
    ChangeFormInvalid,
    ClinicChange,
    ClinicChangeService,
    validate,
)
from desktop.services.clinic.directory import search_clinics
from desktop.services.portal import FhirClient

log = logging.getLogger(__name__)


class ClinicChangeActions(QObject):
    clinicsFound = Signal(int, object)  # request number, list[Clinic]
    searchFailed = Signal(int, str)  # request number, translated message
    sent = Signal(object)  # ClinicChange as the portal decided it
    invalid = Signal(dict)  # field -> N_ message
    failed = Signal(str)  # translated message
    withdrawn = Signal()
    busyChanged = Signal(bool)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.busy = False
        self._searches = 0
        self._pending: tuple[ChangeForm, str] | None = None  # (form, request id) not yet sent

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)

    # -- finding a clinic -------------------------------------------------------------------
    def search(self, text: str, child: bool) -> int:
        """Start a search; answers carry its number (a newer search outdates older ones)."""
        self._searches += 1
        number = self._searches
        session = self._ctx.session
        if session is not None:
            session.fetch(
                lambda client: search_clinics(client, text, child),
                on_done=lambda clinics: self.clinicsFound.emit(number, clinics),
                on_error=lambda exc: self.searchFailed.emit(number, user_message_for(exc)),
                owner=self,
            )
        return number

    # -- writing ----------------------------------------------------------------------------
    def submit(self, form: ChangeForm) -> bool:
        """Send the application; False when the form is wrong (`invalid` says why) or busy."""
        session = self._ctx.session
        if self.busy or session is None:
            return False
        errors = validate(form)
        if errors:
            self.invalid.emit(errors)
            return False
        if self._pending is None or self._pending[0] != form:
            self._pending = (form, str(uuid.uuid4()))
        request_id, me = self._pending[1], session.own_patient_id

        def call(client: FhirClient) -> tuple[ClinicChange, dict[str, Any]]:
            return ClinicChangeService(client, me).submit(form, request_id)

        return self._write(call, self._on_sent)

    def withdraw(self, task_id: str) -> bool:
        session = self._ctx.session
        if session is None:
            return False
        me = session.own_patient_id
        return self._write(
            lambda client: ClinicChangeService(client, me).withdraw(task_id),
            lambda _task: self._done(self.withdrawn.emit),
        )

    def _write(self, call: Any, on_done: Any) -> bool:
        session = self._ctx.session
        if self.busy or session is None:
            return False
        self._set_busy(True)
        started = session.write(
            call, store=_store_task, on_done=on_done, on_error=self._on_failed, owner=self
        )
        self._set_busy(started)
        return started

    def _on_sent(self, answer: tuple[ClinicChange, dict[str, Any]]) -> None:
        self._pending = None
        self._done(lambda: self.sent.emit(answer[0]))

    def _done(self, announce: Any) -> None:
        self._set_busy(False)
        announce()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ChangeFormInvalid):
            self.invalid.emit(exc.errors)
            return
        self.failed.emit(user_message_for(exc))


def _store_task(cache: Cache, answer: Any) -> Any:
    """Writer queue: the portal's Task into the person's card."""
    task = answer[1] if isinstance(answer, tuple) else answer
    if isinstance(task, dict):
        cache.ingest([task])
    return answer
