"""The Appointments tab: month calendar and the day's visits on the left; upcoming and past
lists with the selected appointment's details on the right; book, home visit, export on top.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from functools import partial

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.appointments.actions import BookingActions
from desktop.models.appointments.list_model import (
    AppointmentListModel,
    days_with_appointments,
    kind_text,
    status_text,
    when_text,
)
from desktop.models.appointments.reminders import utc_now
from desktop.models.context import AppContext
from desktop.models.formats import format_date, format_time
from desktop.models.tasks import user_message_for
from desktop.services.booking.cached import Contacts, cached_appointments, patient_contacts
from desktop.services.booking.fhir import KIND_HOME, AppointmentInfo, wall_time
from desktop.services.booking.ticket import ticket_number
from desktop.views.appointments import files
from desktop.views.appointments.booking_dialog import BookingDialog
from desktop.views.appointments.details import AppointmentDetails
from desktop.views.appointments.home_visit_dialog import HomeVisitDialog
from desktop.views.appointments.reminders import SETTINGS_KEY, ReminderNotifier

log = logging.getLogger(__name__)
InfoRole = Qt.ItemDataRole.UserRole + 1
ACTIONS_REFRESH_MS = 20_000  # the Join button's window opens with the clock


class AppointmentsTab(QWidget):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("appointmentsTab")
        self.ctx = ctx
        self.clock = clock
        self.items: list[AppointmentInfo] = []
        self.booking_dialog: BookingDialog | None = None
        self.home_dialog: HomeVisitDialog | None = None
        self._pending_select = ""  # a just-written appointment to select after the reload
        self.booking = BookingActions(ctx, self, clock=lambda: self.clock())
        self._build()
        self.reminders = ReminderNotifier(
            self, clock=lambda: self.clock(), setting=self._reminders_setting
        )
        self.booking.changed.connect(self.reload)
        self.booking.cancelled.connect(self._on_cancelled)
        self.booking.failed.connect(self._show_problem)
        ctx.patientChanged.connect(lambda _pid: self.reload())
        ctx.synced.connect(self.reload)
        ctx.onlineChanged.connect(lambda _online: self._update_write_state())
        ctx.capabilitiesChanged.connect(self._update_write_state)
        ctx.accountChanged.connect(self._on_account_changed)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self.details.refresh_actions)
        self._tick.start(ACTIONS_REFRESH_MS)
        self.retranslate()
        self._update_write_state()
        self.reload()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.book_button = QPushButton(self)
        self.book_button.setObjectName("bookAppointment")
        self.home_button = QPushButton(self)
        self.home_button.setObjectName("callDoctorHome")
        self.export_all = QPushButton(self)
        self.export_all.setObjectName("exportAllIcs")
        self.offline_reason = QLabel(self)
        self.offline_reason.setObjectName("offlineReason")
        self.offline_reason.setStyleSheet("color: #b26a00;")
        self.offline_reason.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("appointmentsProblem")
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        top = QHBoxLayout()
        top.addWidget(self.book_button)
        top.addWidget(self.home_button)
        top.addWidget(self.export_all)
        top.addStretch(1)
        top.addWidget(self.offline_reason)

        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("appointmentsCalendar")
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setMaximumHeight(280)
        self.day_title = QLabel(self)
        self.day_title.setObjectName("dayTitle")
        self.day_list = QListWidget(self)
        self.day_list.setObjectName("dayAppointments")
        self.day_list.setWordWrap(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.calendar)
        left_layout.addWidget(self.day_title)
        left_layout.addWidget(self.day_list, 1)

        self.upcoming_model = AppointmentListModel(self)
        self.past_model = AppointmentListModel(self)
        self.upcoming = self._table(self.upcoming_model, "upcomingTable")
        self.past = self._table(self.past_model, "pastTable")
        self.lists = QTabWidget(self)
        self.lists.setObjectName("appointmentLists")
        self.lists.addTab(self.upcoming, "")
        self.lists.addTab(self.past, "")
        self.details = AppointmentDetails(lambda: self.clock(), self)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.lists)
        right.addWidget(self.details)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setSizes([300, 260])
        right.setChildrenCollapsible(False)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("appointmentsSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 900])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)

        self.book_button.clicked.connect(self.open_booking)
        self.home_button.clicked.connect(self.open_home_visit)
        self.export_all.clicked.connect(self._on_export_all)
        self.calendar.selectionChanged.connect(self._show_day)
        self.calendar.currentPageChanged.connect(lambda *_: self._mark_days())
        self.day_list.currentItemChanged.connect(self._on_day_item)
        self.lists.currentChanged.connect(lambda _i: self._on_table_selection())
        self.details.joinRequested.connect(lambda: files.join(self.details.info, self))
        self.details.printRequested.connect(lambda: files.print_ticket_of(self.details.info, self))
        self.details.pdfRequested.connect(lambda: files.save_pdf_of(self.details.info, self))
        self.details.icsRequested.connect(lambda: self._export([self.details.info]))
        self.details.cancelRequested.connect(self.confirm_cancel)

    def _table(self, model: AppointmentListModel, name: str) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        # Short texts take what they need, the place the rest: all six columns fit 1024 px.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AppointmentListModel.COL_PLACE, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().selectionChanged.connect(lambda *_: self._on_table_selection())
        return table

    def retranslate(self) -> None:
        # Month and day names follow the language (a widget keeps the locale it was
        # created with), and the day shown stays the selected appointment's.
        self.calendar.setLocale(QLocale())
        self.book_button.setText(self.tr("Book an appointment…"))
        self.home_button.setText(self.tr("Call a doctor home…"))
        self.export_all.setText(self.tr("Export upcoming (.ics)…"))
        self._update_counts()
        self._update_write_state()
        self._show_day()
        self.details.retranslate()
        self._show_selected(self.details.info)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- data ----------------------------------------------------------------------------
    def _on_account_changed(self) -> None:
        self._update_write_state()
        self.reload()

    def reload(self) -> None:
        session, patient_id = self.ctx.session, self.ctx.patient_id
        if session is None or not patient_id:
            self.set_items([])
            return
        session.read(
            cached_appointments,
            patient_id,
            on_done=partial(self._on_loaded, patient_id),
            on_error=self._show_problem_of,
            owner=self,
        )

    def _on_loaded(self, patient_id: str, items: list[AppointmentInfo]) -> None:
        if patient_id == self.ctx.patient_id:  # a late answer for the previous person
            self.set_items(items)

    def set_items(self, items: list[AppointmentInfo]) -> None:
        selected = self.details.info.id if self.details.info else ""
        self.items = items
        now = self.clock()
        ahead = sorted((i for i in items if i.is_ahead(now)), key=_start_key)
        self.upcoming_model.set_items(ahead)
        self.past_model.set_items([i for i in items if not i.is_ahead(now)])
        self._update_counts()
        self._mark_days()
        self._show_day()
        upcoming = [i for i in ahead if i.is_upcoming(now)]
        self.reminders.set_items(upcoming)
        wanted, self._pending_select = self._pending_select or selected, ""
        if self.select(wanted):
            return
        if upcoming:
            # Open on what matters next: the nearest appointment, its day in the calendar.
            self.select(upcoming[0].id)
        else:
            self.details.show_info(None)

    def show_day_of(self, info: AppointmentInfo) -> None:
        day = info.local_day
        if day is not None:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def select(self, appointment_id: str) -> bool:
        for table, model in ((self.upcoming, self.upcoming_model), (self.past, self.past_model)):
            row = model.row_of(appointment_id) if appointment_id else -1
            if row >= 0:
                self.lists.setCurrentWidget(table)
                table.selectRow(row)
                self._show_selected(model.info(row))
                return True
        return False

    def _show_selected(self, info: AppointmentInfo | None) -> None:
        """The details, and the calendar on the appointment's day with it marked there:
        the calendar, the day's list and the tables always show the same appointment."""
        self.details.show_info(info)
        if info is None:
            return
        self.show_day_of(info)
        self.day_list.blockSignals(True)
        for row in range(self.day_list.count()):
            item = self.day_list.item(row)
            shown = item.data(InfoRole)
            if isinstance(shown, AppointmentInfo) and shown.id == info.id:
                self.day_list.setCurrentItem(item)
        self.day_list.blockSignals(False)

    def _update_counts(self) -> None:
        self.lists.setTabText(
            0, self.tr("Upcoming (%1)").replace("%1", str(self.upcoming_model.rowCount()))
        )
        self.lists.setTabText(
            1, self.tr("Past (%1)").replace("%1", str(self.past_model.rowCount()))
        )

    def _mark_days(self) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())
        for day, infos in days_with_appointments(self.items).items():
            fmt = QTextCharFormat()
            fmt.setFontWeight(700)
            active = any(i.is_active for i in infos)
            fmt.setBackground(QColor("#cfe8ff") if active else QColor("#ececec"))
            fmt.setForeground(QColor("#0b4f8a") if active else QColor("#555555"))
            fmt.setToolTip("\n".join(f"{kind_text(i)}: {i.specialty}" for i in infos))
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)

    def _show_day(self, *_: object) -> None:
        selected = self.calendar.selectedDate()
        day = date(selected.year(), selected.month(), selected.day())
        # QLocale(): the language now in use (a widget's own locale is the one it began with).
        self.day_title.setText(format_date(day, QLocale(), "d MMMM yyyy, dddd"))
        self.day_list.clear()
        for info in sorted(days_with_appointments(self.items).get(day, []), key=_start_key):
            time = format_time(wall_time(info.start)) if info.start else ""
            what = info.specialty or kind_text(info)
            text = f"{time}  {what} — {info.doctor_in_list}\n{status_text(info)}"
            item = QListWidgetItem(text.strip())
            item.setData(InfoRole, info)
            self.day_list.addItem(item)
        if not self.day_list.count():
            empty = QListWidgetItem(self.tr("No appointments this day"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.day_list.addItem(empty)

    def _on_day_item(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        info = item.data(InfoRole) if item is not None else None
        if isinstance(info, AppointmentInfo) and not self.select(info.id):
            self.details.show_info(info)

    def _on_table_selection(self) -> None:
        table = self.lists.currentWidget()
        model = table.model() if isinstance(table, QTableView) else None
        rows = table.selectionModel().selectedRows() if isinstance(table, QTableView) else []
        if isinstance(model, AppointmentListModel) and rows:
            self._show_selected(model.info(rows[0].row()))

    # -- writes --------------------------------------------------------------------------
    def write_block_reason(self) -> str:
        if self.ctx.session is None:
            return self.tr("Sign in to book appointments.")
        if not self.ctx.online:
            return self.tr("Offline: booking, cancelling and requests need the portal.")
        if not self.ctx.capabilities.booking:
            return self.tr(
                "This portal does not offer booking: its clinics take appointments elsewhere."
            )
        return ""

    def _update_write_state(self) -> None:
        reason = self.write_block_reason()
        for button in (self.book_button, self.home_button):
            button.setEnabled(not reason)
            button.setToolTip(reason)
        self.offline_reason.setText(reason)
        self.offline_reason.setVisible(bool(reason))
        self.details.writes_allowed = not reason
        self.details.refresh_actions()

    def open_booking(self) -> BookingDialog | None:
        if self.write_block_reason():
            return None
        self._show_problem("")
        dialog = BookingDialog(
            self.booking, self.ctx.patient_id, self.ctx.patient_name, self, lambda: self.clock()
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.bookedAppointment.connect(self._on_booked)
        self.booking_dialog = dialog
        dialog.open()
        return dialog

    def open_home_visit(self) -> None:
        if self.write_block_reason():
            return
        self._show_problem("")
        session = self.ctx.session
        if session is None:
            return
        session.read(
            patient_contacts,
            self.ctx.patient_id,
            on_done=self._show_home_dialog,
            on_error=lambda _exc: self._show_home_dialog(Contacts()),
            owner=self,
        )

    def _show_home_dialog(self, contacts: Contacts) -> None:
        dialog = HomeVisitDialog(
            self.booking,
            self.ctx.patient_id,
            self.ctx.patient_name,
            contacts.address,
            self,
            phone=contacts.phone,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.requested.connect(self._on_booked)
        self.home_dialog = dialog
        dialog.open()

    def _after_write(self, info: AppointmentInfo) -> None:
        """Show the written appointment once the list has reloaded with it."""
        self._pending_select = info.id
        self.select(info.id)

    def _on_booked(self, info: AppointmentInfo) -> None:
        if info.kind == KIND_HOME:
            note = self.tr("Your request for a doctor at home has been sent.")
        else:
            note = self.tr("Booked: %1, %2. Ticket %3.")
            note = note.replace("%1", when_text(info)).replace("%2", info.specialty)
            note = note.replace("%3", ticket_number(info))
        self._show_note(note)
        self._after_write(info)

    def confirm_cancel(self) -> None:
        info = self.details.info
        if info is None or self.write_block_reason():
            return
        if files.confirm_cancel(info, self):
            self.booking.cancel(info.id)

    def _on_cancelled(self, info: AppointmentInfo) -> None:
        self._show_note(self.tr("The appointment has been cancelled."))
        self._after_write(info)

    def _show_problem(self, message: str) -> None:
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _show_note(self, message: str) -> None:
        self.problem.setStyleSheet("color: #2e7d32;")
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _show_problem_of(self, exc: BaseException) -> None:
        self._show_problem(user_message_for(exc))

    # -- export / reminders --------------------------------------------------------------
    def _on_export_all(self) -> None:
        self._export(self.upcoming_model.items())

    def _export(self, items: Sequence[AppointmentInfo | None]) -> None:
        chosen = [i for i in items if i is not None and i.start is not None]
        if chosen:
            files.export_ics(chosen, self, self.clock())

    def _reminders_setting(self) -> bool:
        settings = self.ctx.settings
        value = settings.get(SETTINGS_KEY, True) if settings is not None else True
        return bool(value)

    def set_reminders_enabled(self, enabled: bool) -> None:
        self.reminders.set_enabled(enabled)


def _start_key(info: AppointmentInfo) -> datetime:
    return info.start or info.created or datetime.max.replace(tzinfo=utc_now().tzinfo)


def create_tab(ctx: AppContext) -> QWidget:
    return AppointmentsTab(ctx)
