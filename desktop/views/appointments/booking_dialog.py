"""The booking dialog: specialty -> doctor (or any) -> day -> free slot -> confirm."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.appointments.actions import BookingActions
from desktop.models.formats import format_time
from desktop.services.booking.fhir import KIND_CLINIC, KIND_VIDEO, AppointmentInfo, wall_time
from desktop.services.booking.service import Catalog, Doctor, FreeSlot
from desktop.views.date_edit import DateEdit

BOOKING_HORIZON = timedelta(days=28)
SlotRole = Qt.ItemDataRole.UserRole + 1


class BookingDialog(QDialog):
    bookedAppointment = Signal(object)  # AppointmentInfo

    def __init__(
        self,
        actions: BookingActions,
        patient_id: str,
        patient_name: str,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookingDialog")
        self.setWindowTitle(self.tr("Book an appointment — %1").replace("%1", patient_name))
        self.booking = actions
        self.patient_id = patient_id
        self._clock = clock
        self.catalog: Catalog | None = None
        self.slots: list[FreeSlot] = []
        self._slots_request = 0  # answers to older requests are dropped
        self.result_info: AppointmentInfo | None = None

        self.specialty = QComboBox(self)
        self.specialty.setObjectName("specialty")
        self.doctor = QComboBox(self)
        self.doctor.setObjectName("doctor")
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("bookingCalendar")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        today = clock().astimezone().date()
        self.calendar.setMinimumDate(QDate(today.year, today.month, today.day))
        last = today + BOOKING_HORIZON
        self.calendar.setMaximumDate(QDate(last.year, last.month, last.day))
        # The day can be typed too (and Tab goes on to the free times).
        self.day = DateEdit(self, minimum=today, maximum=last)
        self.day.setObjectName("bookingDay")
        self.day.setDate(today)
        self.slot_list = QListWidget(self)
        self.slot_list.setObjectName("slots")
        self.in_clinic = QRadioButton(self.tr("Visit to the clinic"), self)
        self.video = QRadioButton(self.tr("Video consultation"), self)
        self.in_clinic.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.in_clinic)
        kinds.addButton(self.video)
        self.message = QLabel(self)
        self.message.setObjectName("bookingMessage")
        self.message.setWordWrap(True)

        buttons = QDialogButtonBox(self)
        self.book_button = QPushButton(self.tr("Book"), self)
        self.book_button.setObjectName("bookButton")
        self.book_button.setDefault(True)
        self.book_button.setEnabled(False)
        buttons.addButton(self.book_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.book_button.clicked.connect(self._on_book_clicked)

        form = QFormLayout()
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.in_clinic)
        kind_row.addWidget(self.video)
        kind_row.addStretch(1)
        form.addRow(self.tr("Type"), kind_row)
        form.addRow(self.tr("Specialty"), self.specialty)
        form.addRow(self.tr("Doctor"), self.doctor)
        form.addRow(self.tr("Day"), self.day)
        pick = QHBoxLayout()
        pick.addWidget(self.calendar, 3)
        pick.addWidget(self.slot_list, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(pick, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(720, 460)

        self.specialty.currentIndexChanged.connect(self._on_specialty_changed)
        self.doctor.currentIndexChanged.connect(self._on_doctor_changed)
        self.calendar.selectionChanged.connect(self._show_day)
        self.calendar.selectionChanged.connect(
            lambda: self.day.setDate(_day(self.calendar.selectedDate()))
        )
        self.day.dateChanged.connect(self._on_day_typed)
        self.slot_list.currentItemChanged.connect(self._update_book_button)
        self.video.toggled.connect(self._fill_specialties)
        actions.catalogLoaded.connect(self._on_catalog)
        actions.slotsLoaded.connect(self._on_slots)
        actions.booked.connect(self._on_booked)
        actions.slotTaken.connect(self._on_slot_taken)
        actions.failed.connect(self._on_failed)
        actions.busyChanged.connect(self._update_book_button)
        self._say(self.tr("Loading specialties…"))
        actions.load_catalog(patient_id)

    # -- steps ---------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c62828;" if error else "")

    def kind(self) -> str:
        return KIND_VIDEO if self.video.isChecked() else KIND_CLINIC

    def _on_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._fill_specialties()

    def _fill_specialties(self, *_: object) -> None:
        if self.catalog is None:
            return
        previous = self.specialty.currentData()
        specialties = self.catalog.specialties_for(self.kind())
        self.specialty.blockSignals(True)
        self.specialty.clear()
        for spec in specialties:
            self.specialty.addItem(spec.name, spec.code)
        index = self.specialty.findData(previous)
        self.specialty.setCurrentIndex(max(index, 0))
        self.specialty.blockSignals(False)
        if not specialties:
            self.slots = []
            self.slot_list.clear()
            self._mark_free_days()
            self._say(self.tr("The portal offers no appointments of this type right now."))
            return
        self._say("")
        self._on_specialty_changed()

    def _on_specialty_changed(self, *_: object) -> None:
        if self.catalog is None:
            return
        code = self.specialty.currentData()
        self.doctor.blockSignals(True)
        self.doctor.clear()
        self.doctor.addItem(self.tr("Any doctor"), None)
        for doctor in self.catalog.doctors_for(code, self.kind()):
            name = doctor.name
            if self.catalog.at_home_clinic(doctor):  # the person's own clinic, offered first
                name = self.tr("%1 (my clinic)").replace("%1", name)
            self.doctor.addItem(name, doctor.id)
        self.doctor.blockSignals(False)
        self._on_doctor_changed()

    def chosen_doctors(self) -> list[Doctor]:
        if self.catalog is None:
            return []
        doctors = self.catalog.doctors_for(self.specialty.currentData(), self.kind())
        wanted = self.doctor.currentData()
        return [d for d in doctors if wanted is None or d.id == wanted]

    def reload_slots(self) -> None:
        doctors = self.chosen_doctors()
        if self.catalog is None or not doctors:
            return
        self.slots = []
        self.slot_list.clear()
        self._mark_free_days()
        self._say(self.tr("Looking for free time…"))
        start = self._clock()
        self._slots_request += 1
        self.booking.load_slots(
            self.catalog, doctors, start, start + BOOKING_HORIZON, self.kind(), self._slots_request
        )

    def _on_doctor_changed(self, *_: object) -> None:
        self.reload_slots()

    def _on_slots(self, request_id: int, slots: list[FreeSlot]) -> None:
        if request_id != self._slots_request:
            return  # the user chose another specialty, doctor or type meanwhile
        self.slots = slots
        self._mark_free_days()
        if not self.slots:
            self._say(self.tr("No free time in the next four weeks. Try another doctor."))
            return
        if not self.message.text() or not self.message.styleSheet():
            self._say("")
        first = wall_time(self.slots[0].start).date()
        shown = self.calendar.selectedDate().toPython()
        if shown not in self._free_days():
            self.calendar.setSelectedDate(QDate(first.year, first.month, first.day))
        self._show_day()

    def _on_day_typed(self, day: date | None) -> None:
        if day is not None and day != _day(self.calendar.selectedDate()):
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _free_days(self) -> set[date]:
        return {wall_time(s.start).date() for s in self.slots}

    def _mark_free_days(self) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear all
        bold = QTextCharFormat()
        bold.setFontWeight(700)
        bold.setForeground(Qt.GlobalColor.darkGreen)
        for day in self._free_days():
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), bold)

    def _show_day(self, *_: object) -> None:
        day = self.calendar.selectedDate().toPython()
        self.slot_list.clear()
        show_doctor = self.doctor.currentData() is None
        for slot in self.slots:
            local = wall_time(slot.start)
            if local.date() != day:
                continue
            text = format_time(local)
            if show_doctor:
                text += " — " + slot.doctor_name
            item = QListWidgetItem(text)
            item.setData(SlotRole, slot)
            self.slot_list.addItem(item)
        if self.slots and not self.slot_list.count():
            self.slot_list.addItem(self.tr("No free time this day"))
        self._update_book_button()

    def selected_slot(self) -> FreeSlot | None:
        item = self.slot_list.currentItem()
        slot = item.data(SlotRole) if item is not None else None
        return slot if isinstance(slot, FreeSlot) else None

    def select_slot(self, slot_id: str) -> bool:
        """Pick a slot by id (keyboard users and tests)."""
        for slot in self.slots:
            if slot.id == slot_id:
                day = wall_time(slot.start).date()
                self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
                for row in range(self.slot_list.count()):
                    if self.slot_list.item(row).data(SlotRole) == slot:
                        self.slot_list.setCurrentRow(row)
                        return True
        return False

    def _update_book_button(self, *_: object) -> None:
        self.book_button.setEnabled(self.selected_slot() is not None and not self.booking.busy)

    # -- booking -------------------------------------------------------------------------
    def _on_book_clicked(self) -> None:
        slot = self.selected_slot()
        if slot is None:
            return
        kind = self.kind()
        self.book_button.setEnabled(False)  # at once, before any event can deliver a 2nd click
        if self.booking.book(self.patient_id, slot, kind):
            self._say(self.tr("Booking…"))

    def _on_booked(self, info: AppointmentInfo) -> None:
        self.result_info = info
        self.bookedAppointment.emit(info)
        self.accept()

    def _on_slot_taken(self, message: str) -> None:
        self._say(message, error=True)
        self.reload_slots()
        self._say(message, error=True)

    def _on_failed(self, message: str) -> None:
        self._say(message, error=True)
        self._update_book_button()


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
