"""The services tab's state: the person's visits and reports (read off the GUI thread),
the filter, the totals, and the "I did not receive this service" report.

The whole list is read once per person and sync; filters and totals are computed on the
GUI thread from those plain values (a few thousand visits filter in milliseconds).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import QLocale, QObject, Signal

from desktop.models.context import AppContext
from desktop.models.services.tree import ServicesTreeModel
from desktop.models.tasks import user_message_for
from desktop.services.cache import Cache
from desktop.services.costs import totals as sums
from desktop.services.costs.fhir import ServiceLine, ServiceVisit
from desktop.services.costs.reports import (
    REPORT_CODE,
    ServiceReport,
    ServicesData,
    build_report,
    line_states,
    parse_report,
    read_services,
    send_report,
)


class ServicesModel(QObject):
    changed = Signal()  # the list or the totals changed
    busyChanged = Signal(bool)
    reportDone = Signal(object)  # ServiceReport as the portal answered
    failed = Signal(str)  # translated

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.tree = ServicesTreeModel(self)
        self.content = ServicesData([], [])
        self.filter = sums.ServiceFilter()
        self.shown: list[ServiceVisit] = []
        self.totals = sums.Totals()
        self.loaded = False
        self.busy = False
        self._request = 0
        self._pending: tuple[tuple[str, int, str], str] | None = None  # retry = same id
        ctx.patientChanged.connect(self._on_patient_changed)
        ctx.synced.connect(self.reload)
        ctx.accountChanged.connect(self.reload)

    # -- reading ----------------------------------------------------------------------------
    def _on_patient_changed(self, _patient_id: str) -> None:
        self.reload()

    def reload(self) -> None:
        session = self._ctx.session
        self._request += 1
        request = self._request
        if session is None or not self._ctx.patient_id:
            self._show(ServicesData([], []))
            return
        session.read(
            read_services,
            self._ctx.patient_id,
            on_done=lambda data: self._loaded(request, data),
            on_error=lambda exc: self.failed.emit(user_message_for(exc)),
            owner=self,
        )

    def _loaded(self, request: int, data: ServicesData) -> None:
        if request == self._request:  # a newer read (another person) is on its way
            self._show(data)

    def _show(self, data: ServicesData) -> None:
        self.content = data
        self.loaded = True
        self.apply_filter(self.filter)

    def apply_filter(self, chosen: sums.ServiceFilter) -> None:
        self.filter = chosen
        self.shown = sums.apply(self.content.visits, chosen)
        self.totals = sums.totals(self.shown)
        self.tree.set_visits(self.shown, line_states(self.content.reports))
        self.changed.emit()

    def clinics(self) -> list[tuple[str, str]]:
        return sums.clinics(self.content.visits)

    def payers(self) -> list[str]:
        return sums.payers(self.content.visits)

    def report_for(self, visit: ServiceVisit, line: ServiceLine) -> ServiceReport | None:
        return self.tree.report_of(visit, line)

    # -- reporting --------------------------------------------------------------------------
    def can_report(self) -> bool:
        return self._ctx.session is not None and self._ctx.capabilities.request(REPORT_CODE)

    def report(self, visit: ServiceVisit, line: ServiceLine, comment: str) -> bool:
        """Send "I did not receive this service" for one line; False when busy."""
        session = self._ctx.session
        if self.busy or session is None:
            return False
        what = (visit.resource_id, line.sequence, comment.strip())
        # A retry of the same report after a failure reuses its id: the portal files it once.
        if self._pending is None or self._pending[0] != what:
            self._pending = (what, str(uuid.uuid4()))
        request_id = self._pending[1]
        task = build_report(
            visit,
            [line.sequence],
            comment,
            self._ctx.patient_id,
            session.own_patient_id,
            request_id,
            datetime.now(UTC),
        )
        self._set_busy(True)
        started = session.write(
            lambda client: send_report(client, task),
            store=_keep_task,
            on_done=self._reported,
            on_error=self._report_failed,
            owner=self,
        )
        self._set_busy(started)
        return started

    def _reported(self, task: dict) -> None:
        self._pending = None
        self._set_busy(False)
        report = parse_report(task)
        self.reportDone.emit(report)
        self.reload()

    def _report_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        message = user_message_for(exc)
        portal_text = getattr(exc, "portal_text", None)
        if callable(portal_text):
            extra = portal_text(QLocale().name().split("_")[0])
            if extra and extra not in message:
                message = f"{message}\n{extra}"
        self.failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)


def _keep_task(cache: Cache, task: dict) -> dict:
    cache.ingest([task])
    return task
