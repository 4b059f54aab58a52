"""Timeline model of the Medical card tab: SQL paging over `cache.card`.

The model holds only the rows fetched so far (plain `TimelineRow` dataclasses) and
asks the cache for the next page when the view scrolls near the end
(`canFetchMore`/`fetchMore`). Filters and search run in SQL: changing them resets the
model and re-reads the count and the first page, never scanning rows in Python.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.services.cache import RECORD_KINDS as RECORD_KINDS  # re-exported: one list of kinds

PAGE_SIZE = 200

# Custom roles: what a view needs beyond display text.
KindRole = Qt.ItemDataRole.UserRole + 1
RecordKeyRole = Qt.ItemDataRole.UserRole + 2  # (resource_type, resource_id)
FlagRole = Qt.ItemDataRole.UserRole + 3  # True when out of reference range
RowRole = Qt.ItemDataRole.UserRole + 4  # the TimelineRow itself

_ModelIndex = QModelIndex | QPersistentModelIndex


class CardReader(Protocol):
    """What the model needs from `cache.card` (see docs/CONTRACTS.md)."""

    def count(self, patient_id: str, flt: Any) -> int: ...
    def page(self, patient_id: str, flt: Any, offset: int, limit: int) -> list[Any]: ...


def kind_label(kind: str) -> str:
    """Translated, human name of a record kind (plural: used for chips and rows)."""
    labels = {
        "visit": QCoreApplication.translate("medcard", "Visits"),
        "lab": QCoreApplication.translate("medcard", "Lab results"),
        "study": QCoreApplication.translate("medcard", "Studies"),
        "discharge": QCoreApplication.translate("medcard", "Discharge summaries"),
        "prescription": QCoreApplication.translate("medcard", "Prescriptions"),
        "vaccination": QCoreApplication.translate("medcard", "Vaccinations"),
        "diagnosis": QCoreApplication.translate("medcard", "Diagnoses"),
        "procedure": QCoreApplication.translate("medcard", "Procedures"),
        "allergy": QCoreApplication.translate("medcard", "Allergies"),
        "document": QCoreApplication.translate("medcard", "Documents"),
        "covid": QCoreApplication.translate("medcard", "COVID-19 tests"),
    }
    return labels.get(kind, kind)


def format_date(value: object, locale: QLocale | None = None) -> str:
    """A record date in the locale's short format (dates from FHIR may be partial)."""
    locale = locale or QLocale()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return locale.toString(value, QLocale.FormatType.ShortFormat)
    if isinstance(value, str) and len(value) >= 10:
        try:
            return format_date(dt.date.fromisoformat(value[:10]), locale)
        except ValueError:
            return value
    return str(value or "")


class TimelineModel(QAbstractTableModel):
    """Columns: date, kind, title, doctor, clinic. Newest first (the cache orders)."""

    COL_DATE, COL_KIND, COL_TITLE, COL_DOCTOR, COL_CLINIC = range(5)
    totalChanged = Signal(int)

    def __init__(self, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._reader: CardReader | None = None
        self._patient_id = ""
        self._filter: Any = None
        self._rows: list[Any] = []
        self._total = 0
        self._page_size = page_size
        self._icons: dict[str, Any] = {}
        self._locale = QLocale()

    # -- configuration ----------------------------------------------------------------
    def set_icon_provider(self, icons: dict[str, Any]) -> None:
        """Kind -> QIcon; the view draws icons (models stay free of painting code)."""
        self._icons = icons

    def set_query(self, reader: CardReader | None, patient_id: str, flt: Any) -> None:
        """Point the model at a patient and a filter; reads count + first page."""
        self.beginResetModel()
        self._reader, self._patient_id, self._filter = reader, patient_id, flt
        self._rows = []
        self._total = 0
        if reader is not None and patient_id:
            self._total = reader.count(patient_id, flt)
            self._rows = list(reader.page(patient_id, flt, 0, self._page_size))
        self._locale = QLocale()
        self.endResetModel()
        self.totalChanged.emit(self._total)

    def refresh(self) -> None:
        """Re-read after a sync (same patient, same filter)."""
        self.set_query(self._reader, self._patient_id, self._filter)

    def clear(self) -> None:
        self.set_query(None, "", None)

    @property
    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- paging -----------------------------------------------------------------------
    def canFetchMore(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._reader is None:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: _ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._reader is not None
        start = len(self._rows)
        page = self._reader.page(self._patient_id, self._filter, start, self._page_size)
        if not page:
            # The cache shrank under us (a sync removed rows): stop asking.
            self._total = start
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- Qt model API -----------------------------------------------------------------
    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        wanted = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if orientation != Qt.Orientation.Horizontal or role not in wanted:
            return None
        if section == self.COL_KIND and role == Qt.ItemDataRole.DisplayRole:
            return ""  # an icon-only column: the name is in the tooltip
        titles = [
            QCoreApplication.translate("medcard", "Date"),
            QCoreApplication.translate("medcard", "Type"),
            QCoreApplication.translate("medcard", "Record"),
            QCoreApplication.translate("medcard", "Doctor"),
            QCoreApplication.translate("medcard", "Clinic"),
        ]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        flagged = bool(getattr(row, "abnormal", False))
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_DATE:
                return format_date(getattr(row, "date", None), self._locale)
            if col == self.COL_KIND:
                return ""  # the icon says it; the tooltip and accessible text name it
            if col == self.COL_TITLE:
                return row.title or ""
            if col == self.COL_DOCTOR:
                return getattr(row, "doctor", None) or ""
            if col == self.COL_CLINIC:
                return getattr(row, "clinic", None) or ""
        elif role == Qt.ItemDataRole.DecorationRole:
            if col == self.COL_KIND:
                return self._icons.get(row.kind)
            if col == self.COL_TITLE and flagged:
                return self._icons.get("flag")
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == self.COL_KIND:
                return kind_label(row.kind)
            if col == self.COL_TITLE and flagged:
                return QCoreApplication.translate("medcard", "Out of reference range")
            if col == self.COL_TITLE:
                return row.title or ""
        elif role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_TITLE and flagged:
                return QColor("#c62828")
        elif role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.COL_KIND:
                return kind_label(row.kind)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        elif role == KindRole:
            return row.kind
        elif role == RecordKeyRole:
            return (row.resource_type, row.resource_id)
        elif role == FlagRole:
            return flagged
        elif role == RowRole:
            return row
        return None

    def flags(self, index: _ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class _FallbackFilter:
    """Same fields as `desktop.services.cache.TimelineFilter` (duck-typed by the cache)."""

    kinds: frozenset[str] | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""


def make_filter(
    kinds: frozenset[str] | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    text: str,
) -> Any:
    """Build the cache's TimelineFilter (views never import the cache package)."""
    try:
        from desktop.services.cache import TimelineFilter
    except ImportError:
        return _FallbackFilter(kinds, date_from, date_to, text)
    return TimelineFilter(kinds=kinds, date_from=date_from, date_to=date_to, text=text)


def load_detail(cache: Any, resource_type: str, resource_id: str) -> Any:
    """The full record for the detail pane (one indexed read; fast on the GUI thread)."""
    return cache.card.detail(resource_type, resource_id)
