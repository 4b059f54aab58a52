"""Book (or move) a visit from the desk: specialty → doctor or any → the first free
times, soonest first. The keyboard path is short: the specialty list has the focus (type
its first letters), Enter shows the times with the first one chosen, Enter books it and
prints the ticket. When another desk took the time meanwhile, the dialog says so and
shows the next free times."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.desk.booking import DeskBooking
from desktop.models.formats import datetime_format, format_datetime
from desktop.services.booking.catalog import Catalog, FreeSlot
from desktop.services.booking.fhir import AppointmentInfo, wall_time
from desktop.views.style import set_style_state

_ROLE = Qt.ItemDataRole.UserRole


class DeskBookingDialog(QDialog):
    bookedVisit = Signal(object, bool)  # AppointmentInfo, print the ticket

    def __init__(
        self,
        booking: DeskBooking,
        patient_id: str,
        patient_name: str,
        moving: AppointmentInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskBookingDialog")
        self.booking = booking
        self.patient_id = patient_id
        self.moving = moving
        self._print = True
        title = self.tr("Move the visit — %1") if moving else self.tr("Book a visit — %1")
        self.setWindowTitle(title.replace("%1", patient_name))
        self.specialties = QListWidget(self)
        self.specialties.setObjectName("deskSpecialties")
        self.doctor = QComboBox(self)
        self.doctor.setObjectName("deskDoctor")
        self.slots = QListWidget(self)
        self.slots.setObjectName("deskSlots")
        self.message = QLabel(self)
        self.message.setObjectName("deskBookingMessage")
        self.message.setWordWrap(True)
        self.book_print = QPushButton(self.tr("Book and &print the ticket"), self)
        self.book_print.setObjectName("deskBookAndPrint")
        self.book_only = QPushButton(self.tr("Book &without printing"), self)
        self.book_only.setObjectName("deskBookOnly")
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.book_print, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.book_only, QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.book_print.clicked.connect(lambda: self._book(True))
        self.book_only.clicked.connect(lambda: self._book(False))
        self.book_print.setDefault(False)
        self.book_print.setAutoDefault(False)
        self.book_only.setAutoDefault(False)

        grid = QGridLayout()
        specialty_label = QLabel(self.tr("&Specialty"), self)
        specialty_label.setBuddy(self.specialties)
        doctor_label = QLabel(self.tr("&Doctor"), self)
        doctor_label.setBuddy(self.doctor)
        times_label = QLabel(self.tr("First free &times"), self)
        times_label.setBuddy(self.slots)
        grid.addWidget(specialty_label, 0, 0)
        grid.addWidget(doctor_label, 0, 1)
        grid.addWidget(self.specialties, 1, 0, 3, 1)
        grid.addWidget(self.doctor, 1, 1)
        grid.addWidget(times_label, 2, 1)
        grid.addWidget(self.slots, 3, 1)
        grid.setRowStretch(3, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(grid, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(760, 440)

        for widget in (self.specialties, self.slots):
            widget.installEventFilter(self)
        self.specialties.currentItemChanged.connect(lambda *_: self._fill_doctors())
        self.doctor.activated.connect(lambda _i: self._find())
        self.slots.itemActivated.connect(lambda _item: self._book(True))
        booking.catalogReady.connect(self._on_catalog)
        booking.slotsFound.connect(self._on_slots)
        booking.booked.connect(self._on_booked)
        booking.taken.connect(self._on_taken)
        booking.failed.connect(self._on_failed)
        booking.busyChanged.connect(self._on_busy)
        self._hint(self.tr("Reading the clinic's doctors…"))
        booking.load_catalog()

    # -- choosing --------------------------------------------------------------------
    def _on_catalog(self, catalog: Catalog) -> None:
        self.specialties.clear()
        for specialty in catalog.specialties_for("clinic"):
            item = QListWidgetItem(specialty.name, self.specialties)
            item.setData(_ROLE, specialty.code)
        self.message.clear()
        wanted = self.moving.specialty if self.moving else ""
        match = self.specialties.findItems(wanted, Qt.MatchFlag.MatchExactly) if wanted else []
        self.specialties.setCurrentItem(match[0] if match else self.specialties.item(0))
        self.specialties.setFocus()
        if match:  # moving: the same specialty's times at once
            self._find()

    def _fill_doctors(self) -> None:
        self.doctor.clear()
        self.slots.clear()
        item, catalog = self.specialties.currentItem(), self.booking.catalog
        if item is None or catalog is None:
            return
        self.doctor.addItem(self.tr("Any doctor (the first free time)"), "")
        for doctor in catalog.doctors_for(str(item.data(_ROLE)), "clinic"):
            self.doctor.addItem(doctor.name, doctor.id)

    def _find(self) -> None:
        item = self.specialties.currentItem()
        if item is None:
            return
        self._hint(self.tr("Looking for free times…"))
        self.booking.find_slots(str(item.data(_ROLE)), str(self.doctor.currentData() or ""))

    def _on_slots(self, slots: list[FreeSlot]) -> None:
        self.slots.clear()
        for slot in slots:
            # A weekday first (staff book "Thursday"), then the date and time as the
            # window's locale writes them.
            when = format_datetime(wall_time(slot.start), None, f"ddd {datetime_format()}")
            item = QListWidgetItem(f"{when} — {slot.doctor_name}", self.slots)
            item.setData(_ROLE, slot)
        if slots:
            self.slots.setCurrentRow(0)
            self.slots.setFocus()
            self._hint(self.tr("Enter books the chosen time and prints the ticket."))
        else:
            self._hint(self.tr("No free time in the next three weeks."))

    # -- booking ---------------------------------------------------------------------
    def chosen_slot(self) -> FreeSlot | None:
        item = self.slots.currentItem()
        slot = item.data(_ROLE) if item is not None else None
        return slot if isinstance(slot, FreeSlot) else None

    def _book(self, print_ticket: bool) -> None:
        slot = self.chosen_slot()
        if slot is None or self.booking.busy:
            return
        self._print = print_ticket
        self._hint(self.tr("Booking…"))
        doctor_id = str(self.doctor.currentData() or "")
        if self.moving is not None:
            self.booking.move(self.patient_id, self.moving, slot, doctor_id)
        else:
            self.booking.book(self.patient_id, slot, doctor_id)

    def _on_booked(self, info: AppointmentInfo) -> None:
        self.bookedVisit.emit(info, self._print)
        self.accept()

    def _on_taken(self, slots: list[FreeSlot]) -> None:
        self._on_slots(slots)
        self._warn(
            self.tr(
                "This time has just been taken at another desk or by the patient online. "
                "The next free times are shown: choose one and press Enter."
            )
        )

    def _on_failed(self, message: str) -> None:
        self._warn(message)

    def _warn(self, text: str) -> None:
        """A refusal or a taken time: in the warning colour (hints stay plain)."""
        self._say(text, warning=True)

    def _hint(self, text: str) -> None:
        self._say(text, warning=False)

    def _say(self, text: str, warning: bool) -> None:
        self.message.setText(text)
        set_style_state(self.message, "warning", warning)

    def _on_busy(self, busy: bool) -> None:
        for button in (self.book_print, self.book_only):
            button.setEnabled(not busy)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.specialties:
                    self._find()
                else:
                    self._book(True)
                return True
        return super().eventFilter(watched, event)
