"""The desk's window: the menus (every action with its key), a strip naming the staff
member and clinic, and three pages — signing in, work (reception and day board), locked.
The search field has the focus whenever the desk is idle."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.desk.board import DayBoardModel
from desktop.models.desk.patient import CurrentPatient
from desktop.models.desk.search import PatientSearch
from desktop.views.desk.actions import DeskActions
from desktop.views.desk.board_page import BoardPage
from desktop.views.desk.lock_page import LockPage
from desktop.views.desk.patient_panel import PatientPanel
from desktop.views.desk.search_panel import SearchPanel


class DeskWindow(QMainWindow):
    closing = Signal()

    def __init__(
        self, search: PatientSearch, patient: CurrentPatient, board: DayBoardModel
    ) -> None:
        super().__init__()
        self.setObjectName("deskWindow")
        self.desk_actions = DeskActions(self)
        self.desk_actions.fill_menus(self.menuBar())
        # signing in
        self.start_page = QWidget(self)
        self.start_status = QLabel(self.start_page)
        self.start_status.setObjectName("deskStartStatus")
        self.start_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_status.setWordWrap(True)
        self.portal_field = QLineEdit(self.start_page)
        self.portal_field.setObjectName("deskPortal")
        self.portal_field.setPlaceholderText("https://portal.example.org/fhir")
        self.portal_field.setMinimumWidth(420)
        self.retry = QPushButton(self.start_page)
        self.retry.setObjectName("deskSignIn")
        self.retry.setDefault(True)
        self.portal_field.returnPressed.connect(self.retry.click)
        self.retry.hide()
        start = QVBoxLayout(self.start_page)
        start.addStretch(1)
        start.addWidget(self.start_status)
        start.addWidget(self.portal_field, 0, Qt.AlignmentFlag.AlignCenter)
        start.addWidget(self.retry, 0, Qt.AlignmentFlag.AlignCenter)
        start.addStretch(2)
        # work
        self.staff_label = QLabel(self)
        self.staff_label.setObjectName("deskStaff")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("deskStatus")
        self.status_label.setWordWrap(True)
        self.lock_button = QPushButton(self)
        self.lock_button.setObjectName("deskLockButton")
        self.lock_button.clicked.connect(self.desk_actions.lock.trigger)
        self.finish_button = QPushButton(self)
        self.finish_button.setObjectName("deskFinishButton")
        self.finish_button.clicked.connect(self.desk_actions.finish.trigger)
        strip = QWidget(self)
        strip.setObjectName("deskStrip")
        row = QHBoxLayout(strip)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.staff_label)
        row.addWidget(self.status_label, 1)
        row.addWidget(self.lock_button)
        row.addWidget(self.finish_button)
        self.search_panel = SearchPanel(search, self)
        self.patient_panel = PatientPanel(patient, self.desk_actions, self)
        self.reception = QSplitter(Qt.Orientation.Horizontal, self)
        self.reception.setObjectName("deskReception")
        self.reception.addWidget(self.search_panel)
        self.reception.addWidget(self.patient_panel)
        self.reception.setStretchFactor(0, 2)
        self.reception.setStretchFactor(1, 3)
        self.reception.setChildrenCollapsible(False)
        self.board_page = BoardPage(board, self.desk_actions, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("deskTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.reception, "")
        self.tabs.addTab(self.board_page, "")
        self.work = QWidget(self)
        column = QVBoxLayout(self.work)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(strip)
        column.addWidget(self.tabs, 1)
        # locked
        self.lock_page = LockPage(self)
        self.pages = QStackedWidget(self)
        for page in (self.start_page, self.work, self.lock_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self._split_done = False
        self.setMinimumSize(960, 600)
        self.resize(1280, 800)
        self.set_working(False)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_done:  # the search column: about 40 % (its four columns fit)
            self._split_done = True
            width = max(self.width(), 960)
            self.reception.setSizes([width * 40 // 100, width * 60 // 100])

    # -- pages -----------------------------------------------------------------------
    def show_start(self, message: str, can_retry: bool = False, ask_portal: bool = False) -> None:
        """Signing in, failed, or the shift over; `ask_portal`: the portal's address too."""
        self.pages.setCurrentWidget(self.start_page)
        self.start_status.setText(message)
        self.retry.setVisible(can_retry or ask_portal)
        self.portal_field.setVisible(ask_portal)
        (self.portal_field if ask_portal else self.retry).setFocus()
        self.set_working(False)

    def show_work(self) -> None:
        self.pages.setCurrentWidget(self.work)
        self.set_working(True)

    def show_locked(self, staff: str) -> None:
        self.pages.setCurrentWidget(self.lock_page)
        self.lock_page.show_for(staff)
        self.set_working(False)

    def set_working(self, working: bool) -> None:
        """Outside work (signing in, locked) only the shift's own actions stay on."""
        for action in (
            self.desk_actions.find,
            self.desk_actions.next_patient,
            self.desk_actions.reload,
            self.desk_actions.book,
            self.desk_actions.move,
            self.desk_actions.cancel,
            self.desk_actions.print_ticket,
            self.desk_actions.save_ticket,
            self.desk_actions.home_visit,
            self.desk_actions.print_documents,
            self.desk_actions.save_document,
            self.desk_actions.board,
            self.desk_actions.arrived,
            self.desk_actions.noshow,
            self.desk_actions.undo_status,
            self.desk_actions.walk_in,
            self.desk_actions.lock,
        ):
            action.setEnabled(working)

    def show_reception(self) -> None:
        self.tabs.setCurrentWidget(self.reception)

    def show_board(self) -> None:
        self.tabs.setCurrentWidget(self.board_page)
        self.board_page.table.setFocus()

    def focus_search(self) -> None:
        self.show_reception()
        self.search_panel.field.setFocus()
        self.search_panel.field.selectAll()

    def on_board(self) -> bool:
        return self.pages.currentWidget() is self.work and self.tabs.currentWidget() is (
            self.board_page
        )

    def set_status(self, text: str) -> None:
        self.status_label.setText(text)

    def set_staff(self, name: str, clinic: str) -> None:
        self.staff_label.setText(" — ".join(p for p in (name, clinic) if p))

    # -- language --------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Medcard — registry desk"))
        self.tabs.setTabText(0, self.tr("Reception (F3)"))
        self.tabs.setTabText(1, self.tr("Day board (F4)"))
        self.lock_button.setText(self.tr("Lock"))
        self.lock_button.setToolTip(self.desk_actions.lock.toolTip())
        self.finish_button.setText(self.tr("Finish the shift"))
        self.retry.setText(self.tr("Sign in to start a shift"))
        self.desk_actions.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
