"""Booking actions on the task runner: network work off the GUI thread, answers by signal.

One `BookingActions` per tab. It keeps at most one write in flight (a second click while
booking is ignored, not queued), keeps the booking key of the user's current intent so a
retry after an error reuses it, and goes through the account session's write helper: the
portal answer is stored in the cache before it is announced, so the lists reload with the
change already there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.models.context import AppContext
from desktop.models.tasks import user_message_for
from desktop.services.booking.cached import home_clinic_id
from desktop.services.booking.fhir import AppointmentInfo
from desktop.services.booking.service import (
    BookingService,
    Catalog,
    Doctor,
    FreeSlot,
    HomeVisitRequest,
    SlotTaken,
    new_booking_key,
)
from desktop.services.cache import Cache, CacheError
from desktop.services.portal import FhirClient

log = logging.getLogger(__name__)
JSON = dict[str, Any]


class BookingActions(QObject):
    catalogLoaded = Signal(object)  # Catalog
    slotsLoaded = Signal(int, object)  # request id, list[FreeSlot]
    booked = Signal(object)  # AppointmentInfo
    slotTaken = Signal(str)  # translated message; the dialog reloads slots
    cancelled = Signal(object)  # AppointmentInfo
    homeVisitRequested = Signal(object)  # AppointmentInfo
    changed = Signal()  # any write landed in the cache
    failed = Signal(str)  # translated message
    busyChanged = Signal(bool)

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._clock = clock
        self._busy = False
        self._booking_key: str | None = None
        self._intent: tuple[str, str, str] | None = None  # (patient, slot, kind)

    @property
    def busy(self) -> bool:
        return self._busy

    def _service(self, client: FhirClient, written: list[JSON] | None = None) -> BookingService:
        kwargs: dict[str, Any] = {"clock": self._clock} if self._clock else {}
        # The portal's answers are collected here and stored by the session's writer
        # step (the cache has one writer queue; the network pool never writes).
        ingest = written.extend if written is not None else None
        return BookingService(client, ingest=ingest, **kwargs)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    def _fail(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.failed.emit(user_message_for(exc))

    # -- reads -------------------------------------------------------------------------
    def load_catalog(self, patient_id: str = "") -> None:
        """The catalog, the doctors of the person's own clinic first (read from the card)."""
        session = self._ctx.session
        if session is None:
            return
        if not patient_id:
            self._load_catalog("")
            return
        session.read(
            home_clinic_id,
            patient_id,
            on_done=self._load_catalog,
            on_error=lambda _exc: self._load_catalog(""),  # unsorted beats none at all
            owner=self,
        )

    def _load_catalog(self, home: str) -> None:
        session = self._ctx.session
        if session is not None:
            session.fetch(
                lambda client: self._service(client).load_catalog(home),
                on_done=self.catalogLoaded.emit,
                on_error=self._fail,
                owner=self,
            )

    def load_slots(
        self,
        catalog: Catalog,
        doctors: list[Doctor],
        start: datetime,
        end: datetime,
        kind: str | None = None,
        request_id: int = 0,
    ) -> None:
        """Answers carry `request_id`: the dialog drops one that a newer choice outdated."""
        session = self._ctx.session
        if session is not None:
            session.fetch(
                lambda client: self._service(client).free_slots(catalog, doctors, start, end, kind),
                on_done=lambda slots: self.slotsLoaded.emit(request_id, slots),
                on_error=self._fail,
                owner=self,
            )

    # -- writes ------------------------------------------------------------------------
    def _write(
        self,
        action: Callable[[BookingService], AppointmentInfo],
        announce: Callable[[AppointmentInfo], None],
        on_error: Callable[[BaseException], None],
    ) -> bool:
        """Portal first (network pool), its answers into the cache (writer queue), then
        tell the views; the account is the one current when the user clicked."""
        session = self._ctx.session
        if self._busy or session is None:
            return False

        def call(client: FhirClient) -> tuple[AppointmentInfo, list[JSON]]:
            written: list[JSON] = []
            return action(self._service(client, written)), written

        def store(cache: Cache, result: tuple[AppointmentInfo, list[JSON]]) -> AppointmentInfo:
            info, written = result
            try:
                cache.ingest(written)
            except CacheError as exc:
                # The portal has the change; only the local copy lags until the next sync.
                log.warning("booking answer not cached: %s", type(exc).__name__)
            return info

        def done(info: AppointmentInfo) -> None:
            self._set_busy(False)
            announce(info)
            self.changed.emit()

        self._set_busy(True)
        if not session.write(call, store=store, on_done=done, on_error=on_error, owner=self):
            self._set_busy(False)
            return False
        return True

    def book(self, patient_id: str, slot: FreeSlot, kind: str) -> bool:
        """Start booking; False when a write is already in flight (double click)."""
        if self._busy:
            return False
        intent = (patient_id, slot.id, kind)
        if intent != self._intent or self._booking_key is None:
            self._intent, self._booking_key = intent, new_booking_key()
        key = self._booking_key
        return self._write(
            lambda service: service.book(patient_id, slot, key, kind),
            self._on_booked,
            self._on_book_error,
        )

    def _on_booked(self, info: AppointmentInfo) -> None:
        self._intent = self._booking_key = None  # the intent is fulfilled
        self.booked.emit(info)

    def _on_book_error(self, exc: BaseException) -> None:
        if isinstance(exc, SlotTaken):
            self._intent = self._booking_key = None
            self._set_busy(False)
            self.slotTaken.emit(user_message_for(exc))
            return
        self._fail(exc)  # the key is kept: retrying the same slot cannot book twice

    def cancel(self, appointment_id: str) -> bool:
        return self._write(
            lambda service: service.cancel(appointment_id), self.cancelled.emit, self._fail
        )

    def request_home_visit(self, request: HomeVisitRequest) -> bool:
        return self._write(
            lambda service: service.request_home_visit(request),
            self.homeVisitRequested.emit,
            self._fail,
        )
