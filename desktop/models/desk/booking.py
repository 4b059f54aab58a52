"""Booking at the desk on the Qt side: the clinic's catalog (read once a shift), the first
free slots of a choice, book / move / walk-in / home visit / status changes — each a
portal call through the desk's door, each answer a signal.

One booking key per intent (a press of "Book"), so a retry after a lost answer never
books twice; a slot another desk took meanwhile comes back as `taken` with the next
free slots of the same choice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.models.desk.door import DeskDoor
from desktop.models.tasks import user_message_for
from desktop.services.booking.catalog import Catalog, FreeSlot
from desktop.services.booking.fhir import AppointmentInfo
from desktop.services.booking.service import HomeVisitRequest, new_booking_key
from desktop.services.desk.visits import (
    BookingOutcome,
    book_or_offer,
    clinic_catalog,
    first_free_slots,
    move_visit,
    request_home_visit,
    set_status,
    walk_in,
)


class DeskBooking(QObject):
    catalogReady = Signal(object)  # Catalog
    slotsFound = Signal(list)  # list[FreeSlot], soonest first
    booked = Signal(object)  # AppointmentInfo: booked or moved
    walkedIn = Signal(object)  # AppointmentInfo: booked for today and marked arrived
    taken = Signal(list)  # list[FreeSlot]: the slot was taken; the next free ones
    statusChanged = Signal(object)  # AppointmentInfo
    homeVisitRequested = Signal(object)  # AppointmentInfo
    failed = Signal(str)  # translated
    busyChanged = Signal(bool)

    def __init__(self, door: DeskDoor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.door = door
        self.organization_id = ""
        self.catalog: Catalog | None = None
        self.busy = False
        self._key: tuple[Any, ...] | None = None  # (intent, booking key)

    # -- reading ---------------------------------------------------------------------
    def load_catalog(self) -> None:
        if self.catalog is not None:
            self.catalogReady.emit(self.catalog)
            return
        self._run(clinic_catalog, self.organization_id, done=self._on_catalog)

    def _on_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.catalogReady.emit(catalog)

    def find_slots(self, specialty_code: str, doctor_id: str = "") -> None:
        if self.catalog is None:
            return
        self._run(
            first_free_slots, self.catalog, specialty_code, doctor_id, done=self.slotsFound.emit
        )

    # -- writing ---------------------------------------------------------------------
    def _key_for(self, *intent: Any) -> str:
        """The same intent (patient, slot, ...) pressed again reuses its booking key."""
        if self._key is None or self._key[0] != intent:
            self._key = (intent, new_booking_key())
        return str(self._key[1])

    def book(self, patient_id: str, slot: FreeSlot, doctor_id: str = "") -> None:
        if self.catalog is None:
            return
        key = self._key_for("book", patient_id, slot.id)
        self._run(
            book_or_offer, self.catalog, patient_id, slot, key, doctor_id, done=self._on_outcome
        )

    def move(
        self, patient_id: str, old: AppointmentInfo, slot: FreeSlot, doctor_id: str = ""
    ) -> None:
        if self.catalog is None:
            return
        key = self._key_for("move", patient_id, old.id, slot.id)
        self._run(
            move_visit, self.catalog, patient_id, old, slot, key, doctor_id, done=self._on_outcome
        )

    def walk_in(self, patient_id: str, specialty_code: str) -> None:
        if self.catalog is None:
            return
        key = self._key_for("walk-in", patient_id, specialty_code)
        self._run(walk_in, self.catalog, patient_id, specialty_code, key, done=self._on_walked_in)

    def set_status(self, appointment_id: str, version_id: str, status: str) -> None:
        self._run(set_status, appointment_id, version_id, status, done=self.statusChanged.emit)

    def request_home_visit(self, request: HomeVisitRequest) -> None:
        self._run(request_home_visit, request, done=self.homeVisitRequested.emit)

    def _on_outcome(self, outcome: BookingOutcome) -> None:
        if outcome.info is None:
            self.taken.emit(outcome.next_slots)
        else:
            self._on_booked(outcome.info)

    def _on_booked(self, info: AppointmentInfo) -> None:
        self._key = None  # done: the next press is a new intent
        self.booked.emit(info)

    def _on_walked_in(self, info: AppointmentInfo) -> None:
        self._key = None
        self.walkedIn.emit(info)

    # -- plumbing --------------------------------------------------------------------
    def _run(self, call: Callable[..., Any], *args: Any, done: Callable[[Any], None]) -> None:
        def finish(value: Any) -> None:
            self._set_busy(False)
            done(value)

        def fail(exc: BaseException) -> None:
            self._set_busy(False)
            self.failed.emit(user_message_for(exc))

        if self.door.fetch(call, *args, on_done=finish, on_error=fail, owner=self):
            self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)
