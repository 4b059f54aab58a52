"""The patient's page at the desk: who they are, their policy and attachment (warnings
in red), the tool bar of what can be done for them, and their upcoming visits, past
visits and documents ready to print, one tab each."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models.desk.patient import CurrentPatient, VisitsModel
from desktop.models.desk.search import age_text, policy_text
from desktop.models.formats import format_date
from desktop.services.booking.fhir import AppointmentInfo
from desktop.services.desk.documents import ReadyDocument
from desktop.views.desk.actions import DeskActions
from desktop.views.flow_layout import FlowLayout
from desktop.views.language import tr_service


def _visits_table(model: VisitsModel, parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Doctor and place share what is left (elided; the whole text in the tooltip row).
    header.setSectionResizeMode(VisitsModel.WHO, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(VisitsModel.PLACE, QHeaderView.ResizeMode.Stretch)
    model.modelReset.connect(lambda: table.selectRow(0) if model.rowCount() else None)
    return table


class PatientPanel(QWidget):
    def __init__(
        self, patient: CurrentPatient, actions: DeskActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskPatient")
        self.patient = patient
        self.empty = QLabel(self)
        self.empty.setObjectName("deskNoPatient")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.name = QLabel(self)
        self.name.setObjectName("deskPatientName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(self)
        self.details.setObjectName("deskPatientDetails")
        self.details.setWordWrap(True)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("deskPatientWarnings")
        self.warnings.setWordWrap(True)
        # The actions wrap onto a second line on a small screen (never hidden behind »).
        self.tools = QWidget(self)
        self.tools.setObjectName("deskPatientTools")
        flow = FlowLayout(self.tools, spacing=4)
        for action in (
            actions.book,
            actions.move,
            actions.cancel,
            actions.print_ticket,
            actions.home_visit,
            actions.print_documents,
        ):
            button = QToolButton(self.tools)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            flow.addWidget(button)
        self.upcoming = _visits_table(patient.upcoming, self, "deskUpcoming")
        self.past = _visits_table(patient.past, self, "deskPast")
        self.documents = QListWidget(self)
        self.documents.setObjectName("deskDocuments")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("deskPatientTabs")
        self.tabs.addTab(self.upcoming, "")
        self.tabs.addTab(self.past, "")
        self.tabs.addTab(self.documents, "")

        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(4, 8, 8, 8)
        column.setSpacing(4)
        column.addWidget(self.name)
        column.addWidget(self.details)
        column.addWidget(self.warnings)
        column.addWidget(self.tools)
        column.addWidget(self.tabs, 1)
        self.page = page
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        patient.changed.connect(self.refresh)
        patient.loadingChanged.connect(lambda _l: self.refresh())
        self.retranslate()

    # -- what is selected ------------------------------------------------------------
    def selected_visit(self) -> AppointmentInfo | None:
        """The visit chosen in the tab on top (upcoming by default)."""
        table = self.past if self.tabs.currentWidget() is self.past else self.upcoming
        model = table.model()
        assert isinstance(model, VisitsModel)
        rows = table.selectionModel().selectedRows()
        visit = model.visit(rows[0].row() if rows else 0)
        return visit.info if visit else None

    def selected_documents(self) -> list[ReadyDocument]:
        """The documents ticked (or the selected one; or all when none is chosen)."""
        file = self.patient.file
        if file is None:
            return []
        items = [self.documents.item(i) for i in range(self.documents.count())]
        ticked = [
            file.documents[i]
            for i, item in enumerate(items)
            if item.checkState() == Qt.CheckState.Checked
        ]
        return ticked or list(file.documents)

    def show_upcoming(self) -> None:
        self.tabs.setCurrentWidget(self.upcoming)

    # -- showing ---------------------------------------------------------------------
    def refresh(self) -> None:
        file = self.patient.file
        if file is None:
            self.stack.setCurrentWidget(self.empty)
            self.empty.setText(
                self.tr("Opening the patient…")
                if self.patient.loading
                else self.tr(
                    "No patient open.\nType a surname, a policy or a phone number and "
                    "press Enter; F4 shows the day board."
                )
            )
            self.documents.clear()
            return
        s = file.summary
        self.stack.setCurrentWidget(self.page)
        self.name.setText(s.name)
        today = date.today()
        lines = [
            " · ".join(
                p
                for p in (
                    self.tr("born %1").replace("%1", age_text(s, today)) if s.birth_date else "",
                    s.phone,
                    s.address,
                )
                if p
            )
        ]
        policy = policy_text(s)
        if s.policy.number:
            policy = f"{s.policy.number} — {policy}"
        lines.append(self.tr("OMS policy: %1").replace("%1", policy))
        if s.attachment is not None:
            attached = s.attachment.clinic + (f", {s.attachment.site}" if s.attachment.site else "")
            lines.append(self.tr("Attached to: %1").replace("%1", attached))
        self.details.setText("\n".join(lines))
        self.warnings.setVisible(bool(file.warnings))
        self.warnings.setText("\n".join("⚠ " + tr_service(w) for w in file.warnings))
        self.documents.clear()
        for doc in file.documents:
            issued = format_date(doc.issued) if doc.issued else ""
            item = QListWidgetItem(" — ".join(p for p in (doc.title, issued, doc.author) if p))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.documents.addItem(item)
        self._retitle_tabs()

    def _retitle_tabs(self) -> None:
        file = self.patient.file
        counts = (len(file.upcoming), len(file.past), len(file.documents)) if file else (0, 0, 0)
        titles = (
            self.tr("Upcoming (%1)"),
            self.tr("Past (%1)"),
            self.tr("Documents to print (%1)"),
        )
        for i, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.tabs.setTabText(i, title.replace("%1", str(count)))

    def retranslate(self) -> None:
        self.refresh()
        self._retitle_tabs()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
