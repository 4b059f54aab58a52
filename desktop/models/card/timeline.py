"""Timeline model of the Medical card tab: SQL paging over `cache.card`, off the GUI thread.

The model holds only the rows fetched so far (plain `TimelineRow` dataclasses) and asks
the account session for the next page when the view scrolls near the end
(`canFetchMore`/`fetchMore`); pages arrive from the read pool and are inserted then.
Filters and search run in SQL: changing them re-reads the count and the first page (the
old rows stay on screen until the new ones are in), never scanning rows in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop.models.card.merge import merge_rows, record_key
from desktop.models.formats import format_date as format_date  # re-exported
from desktop.services.cache import RECORD_KINDS as RECORD_KINDS  # re-exported: one list of kinds
from desktop.services.cache import Cache, RecordDetail, TimelineFilter, TimelineRow

PAGE_SIZE = 200

# Custom roles: what a view needs beyond display text.
KindRole = Qt.ItemDataRole.UserRole + 1
RecordKeyRole = Qt.ItemDataRole.UserRole + 2  # (resource_type, resource_id)
FlagRole = Qt.ItemDataRole.UserRole + 3  # True when out of reference range
RowRole = Qt.ItemDataRole.UserRole + 4  # the TimelineRow itself
FullTextRole = Qt.ItemDataRole.UserRole + 5  # a shortened cell's whole text (doctor, clinic)

_ModelIndex = QModelIndex | QPersistentModelIndex


class CacheReader(Protocol):
    """Where the model's queries run: `AccountSession.read` (off the GUI thread)."""

    def read(
        self,
        query: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        owner: Any = None,
    ) -> bool: ...


def first_page(
    cache: Cache, patient_id: str, flt: TimelineFilter, limit: int
) -> tuple[int, list[TimelineRow]]:
    """Read pool: the count and the newest rows of a query, in one go."""
    return cache.card.count(patient_id, flt), cache.card.page(patient_id, flt, 0, limit)


def next_page(
    cache: Cache, patient_id: str, flt: TimelineFilter, offset: int, limit: int
) -> list[TimelineRow]:
    return cache.card.page(patient_id, flt, offset, limit)


def record_detail(cache: Cache, resource_type: str, resource_id: str) -> RecordDetail | None:
    """Read pool: the full record for the detail pane."""
    return cache.card.detail(resource_type, resource_id)


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


class TimelineModel(QAbstractTableModel):
    """Columns: date, kind, title, doctor, clinic. Newest first (the cache orders)."""

    COL_DATE, COL_KIND, COL_TITLE, COL_DOCTOR, COL_CLINIC = range(5)
    totalChanged = Signal(int)
    loaded = Signal()  # the first page of the current query is in
    failed = Signal(object)  # the exception of a query that could not run

    def __init__(self, parent: QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._reader: CacheReader | None = None
        self._patient_id = ""
        self._filter: TimelineFilter | None = None
        self._rows: list[TimelineRow] = []
        self._total = 0
        self._page_size = page_size
        self._icons: dict[str, Any] = {}
        self._locale = QLocale()
        self._generation = 0  # a newer query makes older answers stale
        self._fetching = False
        self.loading = False
        self._merging = False  # a re-read for `merge_new_rows` is in flight
        self.merging = False  # rows are being merged in (views: a selection moved by it)
        self._merge_again = False

    # -- configuration ----------------------------------------------------------------
    def set_icon_provider(self, icons: dict[str, Any]) -> None:
        """Kind -> QIcon; the view draws icons (models stay free of painting code)."""
        self._icons = icons

    def set_query(self, reader: CacheReader | None, patient_id: str, flt: Any) -> None:
        """Point the model at a patient and a filter; the count and first page arrive
        later (`loaded`), the current rows stay until then."""
        self._generation += 1
        generation = self._generation
        self._reader, self._patient_id, self._filter = reader, patient_id, flt
        self._fetching = False
        if reader is not None and patient_id and flt is not None:
            self.loading = reader.read(
                first_page,
                patient_id,
                flt,
                self._page_size,
                on_done=lambda answer: self._on_first_page(generation, answer),
                on_error=lambda exc: self._on_failed(generation, exc),
                owner=self,
            )
            if self.loading:
                return
        self._reader = None
        self._on_first_page(generation, (0, []))

    def _on_first_page(self, generation: int, answer: tuple[int, list[TimelineRow]]) -> None:
        if generation != self._generation:
            return
        self.loading = False
        total, rows = answer
        self.beginResetModel()
        self._total, self._rows = total, list(rows)
        self._locale = QLocale()
        self.endResetModel()
        self.totalChanged.emit(self._total)
        self.loaded.emit()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self.loading = self._fetching = False
        self.failed.emit(exc)

    def shows(self, reader: CacheReader | None, patient_id: str, flt: Any) -> bool:
        """Whether this query (same session, card and filter) is the one on screen."""
        return (
            reader is not None
            and reader is self._reader
            and patient_id == self._patient_id
            and flt == self._filter
        )

    def refresh(self) -> None:
        """Re-read after a sync (same patient, same filter)."""
        self.set_query(self._reader, self._patient_id, self._filter)

    # -- records landing while a sync runs --------------------------------------------
    def merge_new_rows(self) -> None:
        """A sync committed pages: re-read the rows held so far (plus a page) and merge
        them in place — new records inserted where they belong, the others kept as they
        are — so the selection and what the user looks at stay (no model reset)."""
        if self._reader is None or not self._patient_id or self._filter is None:
            return
        if self.loading or self._merging:
            self._merge_again = self._merging
            return
        generation, limit = self._generation, len(self._rows) + self._page_size
        self._merging = self._reader.read(
            first_page,
            self._patient_id,
            self._filter,
            limit,
            on_done=lambda answer: self._on_merge(generation, limit, answer),
            on_error=lambda exc: self._on_merge_failed(generation, exc),
            owner=self,
        )

    def _on_merge_failed(self, generation: int, exc: BaseException) -> None:
        self._merging = False
        self._on_failed(generation, exc)

    def _on_merge(self, generation: int, limit: int, answer: tuple[int, list[TimelineRow]]) -> None:
        self._merging = False
        if generation == self._generation and not self.loading:
            total, rows = answer
            self._fetching = False  # a page asked before the merge is dropped as stale
            self.merging = True
            try:
                merge_rows(self, self._rows, rows, window_full=len(rows) >= limit)
            finally:
                self.merging = False
            if total != self._total:
                self._total = total
                self.totalChanged.emit(total)
        if self._merge_again:
            self._merge_again = False
            self.merge_new_rows()

    def clear(self) -> None:
        self.set_query(None, "", None)

    @property
    def total(self) -> int:
        return self._total

    def row_of(self, key: tuple[str, str]) -> int | None:
        """The row of a record among those held, None when it is not held."""
        return next((i for i, r in enumerate(self._rows) if record_key(r) == key), None)

    def row_at(self, row: int) -> TimelineRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- paging -----------------------------------------------------------------------
    def canFetchMore(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._reader is None or self._fetching or self.loading:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: _ModelIndex = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._reader is not None
        generation, start = self._generation, len(self._rows)
        self._fetching = self._reader.read(
            next_page,
            self._patient_id,
            self._filter,
            start,
            self._page_size,
            on_done=lambda page: self._on_page(generation, start, page),
            on_error=lambda exc: self._on_failed(generation, exc),
            owner=self,
        )

    def _on_page(self, generation: int, start: int, page: list[TimelineRow]) -> None:
        if generation != self._generation or start != len(self._rows):
            return
        self._fetching = False
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
            if col == self.COL_DOCTOR:  # the list has the short name, the tip the full one
                return getattr(row, "doctor_full", None) or getattr(row, "doctor", None)
            if col == self.COL_CLINIC:
                return getattr(row, "clinic_full", None) or getattr(row, "clinic", None)
        elif role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_TITLE and flagged:
                return QColor("#c62828")
        elif role == Qt.ItemDataRole.AccessibleTextRole:
            if col == self.COL_KIND:
                return kind_label(row.kind)
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        elif role == FullTextRole:
            if col == self.COL_DOCTOR:
                return getattr(row, "doctor_full", None)
            if col == self.COL_CLINIC:
                return getattr(row, "clinic_full", None)
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


def make_filter(
    kinds: frozenset[str] | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    text: str,
) -> TimelineFilter:
    """The cache's TimelineFilter (views never import the cache package)."""
    return TimelineFilter(kinds=kinds, date_from=date_from, date_to=date_to, text=text)
