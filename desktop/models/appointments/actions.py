"""Booking actions on the task runner: network work off the GUI thread, answers by signal.

One `BookingActions` per tab. It keeps at most one write in flight (a second click while
booking is ignored, not queued), keeps the booking key of the user's current intent so a
retry after an error reuses it, and ingests every portal answer into the cache on the
writer queue before announcing it, so the lists reload with the change already there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.models.tasks import TaskRunner, user_message_for
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
        runner: TaskRunner,
        client_provider: Callable[[], Any],
        cache_provider: Callable[[], Any],
        parent: QObject | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._client = client_provider
        self._cache = cache_provider
        self._clock = clock
        self._busy = False
        self._booking_key: str | None = None
        self._intent: tuple[str, str, str] | None = None  # (patient, slot, kind)

    @property
    def busy(self) -> bool:
        return self._busy

    def _service(self, written: list[dict[str, Any]] | None = None) -> BookingService:
        client = self._client()
        if client is None:
            raise RuntimeError("not signed in")
        kwargs: dict[str, Any] = {"clock": self._clock} if self._clock else {}
        # The portal's answers are collected here and stored by the writer queue
        # (see _ingest_then): the cache has one writer, the network pool never writes.
        return BookingService(
            client, ingest=written.extend if written is not None else None, **kwargs
        )

    def _write(self, action: Callable[[BookingService], AppointmentInfo]) -> Callable[[], Any]:
        def run() -> tuple[AppointmentInfo, list[dict[str, Any]]]:
            written: list[dict[str, Any]] = []
            return action(self._service(written)), written

        return run

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)

    def _fail(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.failed.emit(user_message_for(exc))

    # -- reads -------------------------------------------------------------------------
    def load_catalog(self) -> None:
        self._runner.submit(
            lambda: self._service().load_catalog(),
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
        self._runner.submit(
            lambda: self._service().free_slots(catalog, doctors, start, end, kind),
            on_done=lambda slots: self.slotsLoaded.emit(request_id, slots),
            on_error=self._fail,
            owner=self,
        )

    # -- writes ------------------------------------------------------------------------
    def book(self, patient_id: str, slot: FreeSlot, kind: str) -> bool:
        """Start booking; False when a write is already in flight (double click)."""
        if self._busy:
            return False
        intent = (patient_id, slot.id, kind)
        if intent != self._intent or self._booking_key is None:
            self._intent, self._booking_key = intent, new_booking_key()
        key = self._booking_key
        self._set_busy(True)
        self._runner.submit(
            self._write(lambda service: service.book(patient_id, slot, key, kind)),
            on_done=lambda result: self._ingest_then(result, self._on_booked),
            on_error=self._on_book_error,
            owner=self,
        )
        return True

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
        if self._busy:
            return False
        self._set_busy(True)
        self._runner.submit(
            self._write(lambda service: service.cancel(appointment_id)),
            on_done=lambda result: self._ingest_then(result, self.cancelled.emit),
            on_error=self._fail,
            owner=self,
        )
        return True

    def request_home_visit(self, request: HomeVisitRequest) -> bool:
        if self._busy:
            return False
        self._set_busy(True)
        self._runner.submit(
            self._write(lambda service: service.request_home_visit(request)),
            on_done=lambda result: self._ingest_then(result, self.homeVisitRequested.emit),
            on_error=self._fail,
            owner=self,
        )
        return True

    def _ingest_then(
        self,
        result: tuple[AppointmentInfo, list[dict[str, Any]]],
        announce: Callable[[Any], None],
    ) -> None:
        """Store the portal's answer in the cache (writer queue), then tell the views."""
        info, written = result
        cache = self._cache()

        def store() -> AppointmentInfo:
            if cache is not None and written:
                cache.ingest(written)
            return info

        def done(result: AppointmentInfo) -> None:
            self._set_busy(False)
            announce(result)
            self.changed.emit()

        def stored_failed(exc: BaseException) -> None:
            # The portal has the change; only the local copy lags until the next sync.
            self._set_busy(False)
            announce(info)
            self.changed.emit()

        self._runner.submit_write(store, on_done=done, on_error=stored_failed, owner=self)
