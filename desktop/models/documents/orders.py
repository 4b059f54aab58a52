"""Ordering documents and paper copies, and following the orders to the end.

`OrderSender` sends one order at a time through the account's door (portal first, the
answered Task — and an issued document — stored after); a form sent again after a
failure reuses its client identifier, so the portal files it once. `OrderTracker` reads
the orders of everyone on the account from the cache, asks the portal now and then about
the open ones, and says when one becomes ready or is rejected (the tab notifies).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QLocale, QObject, QTimer, Signal

from desktop.models.context import AppContext
from desktop.models.tasks import log_failure, user_message_for
from desktop.services.documents import kinds as kind_list
from desktop.services.documents import orders as svc
from desktop.services.documents.kinds import DocumentKind

log = logging.getLogger(__name__)
POLL_MS = 60_000  # how often open orders are asked about while the app runs
JSON = dict[str, Any]


def message_of(exc: BaseException) -> str:
    """The translated message with the portal's own words in the UI's language."""
    message = user_message_for(exc)
    portal_text = getattr(exc, "portal_text", None)
    if callable(portal_text):
        extra = portal_text(QLocale().name().split("_")[0])
        if extra and extra not in message:
            message = f"{message}\n{extra}"
    return message


class OrderSender(QObject):
    busyChanged = Signal(bool)
    sent = Signal(object)  # svc.DocumentOrder as the portal decided it
    failed = Signal(str)
    kindsChanged = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.busy = False
        self.kinds: list[DocumentKind] = []
        self._pending: tuple[object, str] | None = None  # (form, client identifier)

    # -- the portal's kinds -----------------------------------------------------------------
    def load_kinds(self) -> None:
        """The kept list at once (also offline), then the portal's current one."""
        session = self._ctx.session
        if session is None:
            return
        session.read(kind_list.kept_kinds, on_done=self._set_kinds, owner=self)
        if self._ctx.online:
            session.write(
                kind_list.fetch_kinds,
                store=kind_list.keep_kinds,
                on_done=self._set_kinds,
                on_error=lambda exc: log_failure(log, "reading the document kinds failed", exc),
                owner=self,
            )

    def _set_kinds(self, kinds: list[DocumentKind]) -> None:
        if kinds or not self.kinds:
            self.kinds = kinds
            self.kindsChanged.emit()

    # -- sending ----------------------------------------------------------------------------
    def can(self, code: str) -> bool:
        return self._ctx.session is not None and self._ctx.capabilities.request(code)

    def order(
        self,
        kind: DocumentKind,
        patient_id: str,
        purpose: str,
        delivery: str,
        period: tuple[date, date] | None,
    ) -> bool:
        form = ("order", kind.code, patient_id, purpose.strip(), delivery, period)
        return self._send(
            form,
            lambda requester, request_id: svc.build_order(
                kind,
                patient_id,
                requester,
                purpose,
                delivery,
                period,
                request_id,
                datetime.now(UTC),
            ),
        )

    def paper_copy(
        self, patient_id: str, records: list[str], period: tuple[date, date] | None
    ) -> bool:
        form = ("copy", patient_id, tuple(records), period)
        return self._send(
            form,
            lambda requester, request_id: svc.build_paper_copy(
                records, patient_id, requester, period, request_id, datetime.now(UTC)
            ),
        )

    def _send(self, form: object, build: Callable[[str, str], JSON]) -> bool:
        session = self._ctx.session
        if self.busy or session is None:
            return False  # a second click while the first is on its way sends nothing
        if self._pending is None or self._pending[0] != form:
            self._pending = (form, str(uuid.uuid4()))
        task = build(session.own_patient_id, self._pending[1])
        self._set_busy(True)
        started = session.write(
            lambda client: svc.with_issued(client, [svc.send_order(client, task)]),
            store=_keep,
            on_done=self._on_sent,
            on_error=self._on_failed,
            owner=self,
        )
        self._set_busy(started)
        return started

    def _on_sent(self, resources: list[JSON]) -> None:
        self._pending = None
        self._set_busy(False)
        self.sent.emit(svc.parse_order(resources[0]))

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.failed.emit(message_of(exc))

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)


def _keep(cache: Any, resources: list[JSON]) -> list[JSON]:
    svc.keep_tasks(cache, resources)
    return resources


class OrderTracker(QObject):
    changed = Signal()
    finished = Signal(object)  # svc.DocumentOrder that became ready or was rejected

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.orders: list[svc.DocumentOrder] = []
        self._stages: dict[str, str] | None = None  # None until the first read
        self._account: object = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        ctx.synced.connect(self.reload)
        ctx.accountChanged.connect(self._on_account)

    def _on_account(self) -> None:
        if self._ctx.session is not self._account:
            self._account = self._ctx.session
            self._stages = None  # another account: its orders are not news
        self.reload()

    def reload(self) -> None:
        session = self._ctx.session
        if session is None:
            self.orders = []
            self._timer.stop()
            self.changed.emit()
            return
        session.read(
            svc.read_orders,
            [p.patient_id for p in self._ctx.patients] or [self._ctx.patient_id],
            on_done=self._on_read,
            on_error=lambda exc: log_failure(log, "reading document orders failed", exc),
            owner=self,
        )

    def _on_read(self, orders: list[svc.DocumentOrder]) -> None:
        previous, self._stages = self._stages, {o.task_id: o.stage for o in orders}
        self.orders = orders
        if previous is not None:
            for order in orders:
                before = previous.get(order.task_id)
                if before in (svc.REQUESTED, svc.IN_PROGRESS) and not order.open:
                    self.finished.emit(order)
        if any(o.open for o in orders):
            if not self._timer.isActive():
                self._timer.start()
        else:
            self._timer.stop()
        self.changed.emit()

    def poll(self) -> None:
        """Ask the portal about the open orders (one request), store, read again."""
        session = self._ctx.session
        open_ids = [o.task_id for o in self.orders if o.open]
        if session is None or not open_ids or not self._ctx.online:
            return
        session.write(
            lambda client: svc.fetch_orders(client, open_ids),
            store=_keep,
            on_done=lambda _r: self.reload(),
            on_error=lambda exc: log_failure(log, "asking about open orders failed", exc),
            owner=self,
        )

    def stop(self) -> None:
        self._timer.stop()
