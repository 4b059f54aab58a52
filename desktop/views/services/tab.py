"""Services and cost: every service received (grouped by visit), filters, totals per
period and year, print / PDF / CSV, and "I did not receive this service"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QStandardPaths, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.context import AppContext
from desktop.models.services.model import ServicesModel
from desktop.models.services.texts import currency_note, format_amounts, report_long
from desktop.models.services.tree import (
    COST,
    DATE,
    DOCTOR,
    INSURER,
    PAYER,
    QUANTITY,
    REPORT,
    SERVICE,
)
from desktop.services.costs.fhir import ServiceLine, ServiceVisit
from desktop.services.costs.reports import ServiceReport, line_states
from desktop.services.exports import safe_file_name
from desktop.views.services import export
from desktop.views.services.filter_bar import ServicesFilterBar
from desktop.views.services.report_dialog import ReportDialog
from desktop.views.style import show_note

EXPANDED_VISITS = 30  # the newest visits open with their lines; older ones on a click
_STYLE = """
#servicesMessage { padding: 6px 10px; border-radius: 6px; background: #e3f2fd; }
#servicesMessage[error="true"] { background: #ffebee; color: #b71c1c; }
#servicesTotals { font-weight: 600; }
#servicesYears, #servicesNote { color: palette(placeholder-text); }
"""


class ServicesTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("servicesTab")
        self.setStyleSheet(_STYLE)
        self.ctx = ctx
        self.model = ServicesModel(ctx, self)
        self.dialog: ReportDialog | None = None
        self.filters = ServicesFilterBar(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("servicesTree")
        self.tree.setModel(self.model.tree)
        self.tree.setUniformRowHeights(True)  # thousands of rows: no per-row measuring
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(SERVICE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (DATE, 112),
            (DOCTOR, 140),
            (QUANTITY, 40),
            (COST, 92),
            (PAYER, 86),
            (INSURER, 110),
            (REPORT, 100),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.tree.setColumnWidth(column, width)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.message = QLabel(self)
        self.message.setObjectName("servicesMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.empty = QLabel(self)
        self.empty.setObjectName("servicesEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.totals = QLabel(self)
        self.totals.setObjectName("servicesTotals")
        self.totals.setWordWrap(True)
        self.years = QLabel(self)
        self.years.setObjectName("servicesYears")
        self.years.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setObjectName("servicesNote")

        self.report_button = QPushButton(self)
        self.report_button.setObjectName("reportService")
        self.report_button.clicked.connect(self.open_report_dialog)
        self.print_button = QPushButton(self)
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button = QPushButton(self)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.csv_button = QPushButton(self)
        self.csv_button.clicked.connect(self.save_csv)

        sums = QVBoxLayout()
        sums.setSpacing(2)
        sums.addWidget(self.totals)
        sums.addWidget(self.years)
        sums.addWidget(self.note)
        bottom = QHBoxLayout()
        bottom.addLayout(sums, 1)
        for button in (self.report_button, self.print_button, self.pdf_button, self.csv_button):
            bottom.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.filters)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(bottom)

        self.filters.changed.connect(lambda: self.model.apply_filter(self.filters.value()))
        self.model.changed.connect(self._on_changed)
        self.model.busyChanged.connect(lambda _b: self._update_actions())
        self.model.reportDone.connect(self._on_reported)
        self.model.failed.connect(lambda text: self.show_message(text, error=True))
        ctx.capabilitiesChanged.connect(self._update_actions)
        ctx.patientChanged.connect(self._on_patient_changed)
        self.retranslate()
        self.model.reload()

    # -- list -------------------------------------------------------------------------------
    def _on_changed(self) -> None:
        self.filters.set_choices(self.model.clinics(), self.model.payers())
        locale = QLocale()
        totals = self.model.totals
        self.totals.setText(
            self.tr("Total for the period: %1 · %2, %3")
            .replace("%1", format_amounts(totals.overall, locale))
            .replace("%2", self.tr("%n visit(s)", "", totals.visits))
            .replace("%3", self.tr("%n service(s)", "", totals.lines))
        )
        years = [
            f"{year}: {format_amounts(amounts, locale)}" for year, amounts in totals.by_year.items()
        ]
        self.years.setText(self.tr("By year: %1").replace("%1", " · ".join(years)) if years else "")
        note = currency_note({v.currency for v in self.model.shown})
        self.note.setText(note)
        self.note.setVisible(bool(note))
        has_rows = bool(self.model.shown)
        for row in range(min(EXPANDED_VISITS, len(self.model.shown))):
            self.tree.expand(self.model.tree.index(row, 0))
        self.tree.setVisible(has_rows or not self.model.loaded)
        self.empty.setVisible(not has_rows and self.model.loaded)
        if self.model.content.visits:
            self.empty.setText(self.tr("No services match the filters."))
        else:
            self.empty.setText(self.tr("No services received are recorded in this card yet."))
        self._update_actions()

    def selected(self) -> tuple[ServiceVisit | None, ServiceLine | None]:
        rows = self.tree.selectionModel().selectedRows()
        if not rows:
            return None, None
        return self.model.tree.visit_of(rows[0]), self.model.tree.line_of(rows[0])

    def select_showcase_row(self) -> None:
        """Select the newest service line (screenshots)."""
        if self.model.shown and self.model.shown[0].lines:
            visit = self.model.shown[0]
            self.select_line(visit.resource_id, visit.lines[0].sequence)

    def select_line(self, visit_id: str, sequence: int) -> bool:
        """Select one service line (tests and the report's own feedback)."""
        for row, visit in enumerate(self.model.shown):
            if visit.resource_id != visit_id:
                continue
            parent = self.model.tree.index(row, 0)
            for child, line in enumerate(visit.lines):
                if line.sequence == sequence:
                    index = self.model.tree.index(child, 0, parent)
                    self.tree.expand(parent)
                    self.tree.setCurrentIndex(index)
                    self.tree.scrollTo(index)
                    return True
        return False

    # -- reporting --------------------------------------------------------------------------
    def report_block_reason(self, report: ServiceReport | None) -> str:
        if not self.model.can_report():
            return self.tr("This portal does not take reports about services online.")
        if not self.ctx.online:
            return self.tr("Reports are sent when the portal can be reached.")
        if report is not None and report.open:
            return self.tr("This service is already reported; the insurer is checking it.")
        return ""

    def _update_actions(self) -> None:
        visit, line = self.selected()
        report = self.model.report_for(visit, line) if visit and line else None
        reason = self.report_block_reason(report)
        if line is None and not reason:
            reason = self.tr("Select a service (a line under a visit) to report it.")
        self.report_button.setEnabled(line is not None and not reason and not self.model.busy)
        self.report_button.setToolTip(reason or (report_long(report) if report else ""))
        has_rows = bool(self.model.shown)
        for button in (self.print_button, self.pdf_button, self.csv_button):
            button.setEnabled(has_rows)

    def open_report_dialog(self) -> ReportDialog | None:
        visit, line = self.selected()
        if visit is None or line is None:
            return None
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = ReportDialog(visit, line, self)
        self.dialog.accepted.connect(
            lambda v=visit, ln=line, d=self.dialog: self.model.report(v, ln, d.comment_text())
        )
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()
        return self.dialog

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None

    def _on_reported(self, report: ServiceReport | None) -> None:
        if report is None:
            return
        self.show_message(report_long(report), error=report.state == "refused")

    # -- taking the list away ---------------------------------------------------------------
    def _title(self) -> str:
        name = self.ctx.patient_name
        title = self.tr("Services received and their cost")
        return f"{title} — {name}" if name else title

    def _html(self) -> str:
        reports = line_states(self.model.content.reports)
        count = self.tr("%n service(s)", "", self.model.totals.lines)
        return export.printable_html(
            self._title(), self.model.shown, self.model.totals, reports, count
        )

    def _ask_path(self, caption: str, suffix: str, filter_text: str) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = safe_file_name(self._title(), default="services")
        path, _ = QFileDialog.getSaveFileName(
            self, caption, f"{folder}/{name}.{suffix}", filter_text
        )
        return path

    def print_list(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print services"))
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            export.document_of(self._html()).print_(printer)

    def save_pdf(self) -> None:
        path = self._ask_path(self.tr("Save services as PDF"), "pdf", self.tr("PDF files (*.pdf)"))
        if path:
            self.write_pdf(path)

    def write_pdf(self, path: str) -> bool:
        ok = export.write_pdf(path, self._html(), self._title())
        if not ok:
            self.show_message(
                self.tr(
                    "The PDF could not be written to %1. Check the folder and free space."
                ).replace("%1", path),
                error=True,
            )
        return ok

    def save_csv(self) -> None:
        path = self._ask_path(self.tr("Save services as CSV"), "csv", self.tr("CSV files (*.csv)"))
        if path:
            self.write_csv(path)

    def write_csv(self, path: str) -> bool:
        try:
            export.save_csv(path, self.model.shown, line_states(self.model.content.reports))
        except OSError as exc:
            self.show_message(
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or ""),
                error=True,
            )
            return False
        return True

    def _on_patient_changed(self, _patient_id: str) -> None:
        self.show_message("")

    # -- feedback and language --------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        show_note(self.message, text, error)

    def retranslate(self) -> None:
        self.report_button.setText(self.tr("I did not receive this service…"))
        self.print_button.setText(self.tr("Print…"))
        self.pdf_button.setText(self.tr("PDF…"))
        self.pdf_button.setToolTip(self.tr("Save the list as PDF"))
        self.csv_button.setText(self.tr("CSV…"))
        self.csv_button.setToolTip(self.tr("Save the list for a spreadsheet"))
        self.model.tree.retranslate()
        self._on_changed()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def create_tab(ctx: AppContext) -> QWidget:
    return ServicesTab(ctx)
