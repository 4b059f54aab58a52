"""The services list as a two-level tree: a visit (one ExplanationOfBenefit) and its lines.

Built from plain values the worker read (`ServiceVisit`s); 5 000 lines over ten years are
a few thousand rows, held as tuples and formatted when Qt asks (only visible rows are).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.models.formats import format_date, format_number
from desktop.models.services.texts import (
    format_money,
    payer_long_text,
    payer_text,
    report_long,
    report_short,
)
from desktop.services.costs.fhir import ServiceLine, ServiceVisit
from desktop.services.costs.reports import CONFIRMED, REFUSED, ServiceReport

Index = QModelIndex | QPersistentModelIndex
VisitRole = Qt.ItemDataRole.UserRole + 1
LineRole = Qt.ItemDataRole.UserRole + 2
ReportRole = Qt.ItemDataRole.UserRole + 3
DATE, SERVICE, DOCTOR, QUANTITY, COST, PAYER, INSURER, REPORT = range(8)
NO_PARENT = 0xFFFFFFFF  # internalId of a visit row (its lines carry the visit's row)


def column_titles() -> list[str]:
    return [
        QCoreApplication.translate("medcard", "Date"),
        QCoreApplication.translate("medcard", "Service"),
        QCoreApplication.translate("medcard", "Doctor"),
        QCoreApplication.translate("medcard", "Qty"),
        QCoreApplication.translate("medcard", "Cost"),
        QCoreApplication.translate("medcard", "Paid by"),
        QCoreApplication.translate("medcard", "Insurer"),
        QCoreApplication.translate("medcard", "Report"),
    ]


class ServicesTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._visits: list[ServiceVisit] = []
        self._reports: dict[tuple[str, int], ServiceReport] = {}
        self._titles = column_titles()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_visits(
        self, visits: list[ServiceVisit], reports: dict[tuple[str, int], ServiceReport]
    ) -> None:
        self.beginResetModel()
        self._visits = visits
        self._reports = reports
        self._titles = column_titles()
        self.endResetModel()

    def visits(self) -> list[ServiceVisit]:
        return self._visits

    def retranslate(self) -> None:
        self._titles = column_titles()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._titles) - 1)
        if self._visits:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visits) - 1, REPORT))

    # -- structure ------------------------------------------------------------------------
    def index(
        self,
        row: int,
        column: int,
        parent: Index = QModelIndex(),  # noqa: B008 - Qt signature
    ) -> QModelIndex:
        if column < 0 or column > REPORT or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, NO_PARENT)
                if row < len(self._visits)
                else (QModelIndex())
            )
        if parent.internalId() != NO_PARENT:
            return QModelIndex()
        visit = self._visits[parent.row()]
        if row >= visit.line_count:
            return QModelIndex()
        return self.createIndex(row, column, parent.row())

    def parent(  # type: ignore[override]
        self,
        index: Index = QModelIndex(),  # noqa: B008 - Qt signature
    ) -> QModelIndex:
        if not index.isValid() or index.internalId() == NO_PARENT:
            return QModelIndex()
        return self.createIndex(int(index.internalId()), 0, NO_PARENT)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        if not parent.isValid():
            return len(self._visits)
        if parent.internalId() == NO_PARENT and parent.column() == 0:
            return self._visits[parent.row()].line_count
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return REPORT + 1

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section] if 0 <= section < len(self._titles) else None
        return None

    # -- data -----------------------------------------------------------------------------
    def visit_of(self, index: Index) -> ServiceVisit | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == NO_PARENT else int(index.internalId())
        return self._visits[row] if 0 <= row < len(self._visits) else None

    def line_of(self, index: Index) -> ServiceLine | None:
        if not index.isValid() or index.internalId() == NO_PARENT:
            return None
        visit = self.visit_of(index)
        return visit.lines[index.row()] if visit and index.row() < visit.line_count else None

    def report_of(self, visit: ServiceVisit, line: ServiceLine) -> ServiceReport | None:
        return self._reports.get((visit.resource_id, line.sequence))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        visit = self.visit_of(index)
        if visit is None:
            return None
        line = self.line_of(index)
        if role == VisitRole:
            return visit
        if role == LineRole:
            return line
        report = self.report_of(visit, line) if line is not None else None
        if role == ReportRole:
            return report
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self._line_text(visit, line, report, column)
                if line
                else self._visit_text(visit, column)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == REPORT and report is not None:
                return report_long(report)
            if column == PAYER:
                return payer_long_text(visit.payer) + (
                    f" ({visit.payer_text})" if visit.payer_text else ""
                )
            if column == SERVICE:
                return self._line_text(visit, line, report, column) if line else visit.clinic
            if column == INSURER:
                return visit.insurer
            return None
        if role == Qt.ItemDataRole.FontRole and line is None and column in (DATE, SERVICE):
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (QUANTITY, COST):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and report is not None:
            if report.state == CONFIRMED:
                return QBrush(QColor("#b71c1c"))
            if report.state != REFUSED:
                return QBrush(QColor("#8a4b00"))
        return None

    def _visit_text(self, visit: ServiceVisit, column: int) -> str:
        locale = QLocale()
        if column == DATE:
            return format_date(visit.date, locale) if visit.date else ""
        if column == SERVICE:
            # self.tr: lupdate makes plural forms only of tr() calls
            count = self.tr("%n service(s)", "", visit.line_count)
            place = visit.clinic_short or QCoreApplication.translate("medcard", "Clinic not stated")
            return f"{place} · {count}"
        if column == DOCTOR:
            return visit.doctor
        if column == COST:
            return format_money(visit.total, locale)
        if column == PAYER:
            return payer_text(visit.payer)
        if column == INSURER:
            return visit.insurer_short
        return ""

    def _line_text(
        self, visit: ServiceVisit, line: ServiceLine, report: ServiceReport | None, column: int
    ) -> str:
        locale = QLocale()
        if column == DATE:  # the visit row has the date; a line says it only when it differs
            return format_date(line.date, locale) if line.date and line.date != visit.date else ""
        if column == SERVICE:
            return f"{line.code}  {line.name}" if line.code else line.name
        if column == DOCTOR:
            return visit.doctor
        if column == QUANTITY:
            return format_number(float(line.quantity), locale)
        if column == COST:
            return format_money(line.cost, locale) if line.cost else ""
        if column == REPORT:
            return report_short(report) if report is not None else ""
        return ""
