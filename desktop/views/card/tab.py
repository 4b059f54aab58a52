"""The Medical card tab: filters on top, the timeline on the left, the record on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QPoint, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.card.timeline import (
    FlagRole,
    KindRole,
    RecordKeyRole,
    RowRole,
    TimelineModel,
    make_filter,
    record_detail,
)
from desktop.models.context import AppContext
from desktop.models.formats import format_date
from desktop.models.tasks import log_failure, user_message_for
from desktop.services.cache import RecordDetail, TimelineRow
from desktop.views.card.columns import ColumnFitter, ElidedTooltipDelegate
from desktop.views.card.detail_html import render_detail
from desktop.views.card.detail_pane import DetailPane
from desktop.views.card.empty_note import EmptyNote, empty_reason
from desktop.views.card.filter_bar import FilterBar
from desktop.views.icons import kind_icons

log = logging.getLogger(__name__)


class CardTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardTab")
        self.ctx = ctx
        icons = kind_icons()
        self.filters = FilterBar(icons, self)
        self.model = TimelineModel(self)
        self.model.set_icon_provider(icons)
        self.model.totalChanged.connect(self.filters.set_count)
        self.model.loaded.connect(self._on_loaded)
        # Rows merged in by a running sync arrive without a reload: the note goes with them.
        self.model.rowsInserted.connect(self._say_why_empty)
        self.model.rowsRemoved.connect(self._say_why_empty)
        self.model.failed.connect(self._on_query_failed)
        self._keep: tuple[str, str] | None = None  # the open record, re-selected after a reload
        self._resetting = False  # a reload's reset clears the selection: keep the detail
        self.model.modelAboutToBeReset.connect(lambda: setattr(self, "_resetting", True))
        self.model.modelReset.connect(lambda: setattr(self, "_resetting", False))
        self._detail_request = 0

        self.table = QTableView(self)
        self.table.setObjectName("timeline")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several records may be chosen (Ctrl/Shift) for a paper copy; the detail shows one.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.setItemDelegate(ElidedTooltipDelegate(self.table))
        self.columns = ColumnFitter(self.table, self.model)
        self.table.setIconSize(QSize(20, 20))
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.empty_note = EmptyNote(self.table)

        self.detail = DetailPane(self)
        self.detail.errorOccurred.connect(ctx.errorOccurred)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("cardSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([640, 460])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)

        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        self.filters.search.installEventFilter(self)
        self.setTabOrder(self.filters.search, self.filters.date_from)
        self.setTabOrder(self.filters.date_from, self.filters.date_to)
        self.setTabOrder(self.filters.date_to, self.filters.reset_button)
        self.setTabOrder(self.filters.reset_button, self.table)
        self.setTabOrder(self.table, self.detail.browser)

        self.filters.changed.connect(self.reload)
        ctx.patientChanged.connect(self._on_patient_changed)
        ctx.synced.connect(self._on_synced)
        ctx.accountChanged.connect(self.reload)
        ctx.cardChanged.connect(self._on_card_changed)
        # Records landing during a sync are inserted above and below: keep in view the
        # row the user was looking at (at the very top, the newest stay in view instead).
        self._anchor: int | None = None
        self.model.rowsAboutToBeInserted.connect(self._before_rows_inserted)
        self.model.rowsInserted.connect(self._after_rows_inserted)
        # A merge that removes the open record (deleted on the portal) closes its detail.
        self._open_key: tuple[str, str] | None = None  # the record in the detail pane
        self.model.rowsRemoved.connect(self._after_rows_removed)
        self.reload()

    # -- data -------------------------------------------------------------------------
    def current_filter(self) -> object:
        date_from, date_to = self.filters.date_range()
        return make_filter(self.filters.kinds(), date_from, date_to, self.filters.text())

    def reload(self, force: bool = False) -> None:
        """Re-run the query (SQL count + first page, off the GUI thread) and keep the open
        record selected if the new list has it. The same query again (new data of the same
        card) is merged in place instead, unless `force`d (texts to translate anew)."""
        session, patient_id, flt = self.ctx.session, self.ctx.patient_id, self.current_filter()
        if not force and self.model.shows(session, patient_id, flt):
            self.model.merge_new_rows()
            return
        if not self.model.loading:
            self._keep = self._selected_key()
        self.model.set_query(session, patient_id, flt)

    def _on_synced(self) -> None:
        """The sync's last word: merged in place like its pages (the selection and the
        scroll position stay); records deleted on the portal leave the list."""
        self.reload()

    def _on_card_changed(self, patient_id: str) -> None:
        """A running sync committed records of this card: merge them in place."""
        if patient_id == self.ctx.patient_id:
            self.model.merge_new_rows()

    def _before_rows_inserted(self, _parent: QModelIndex, first: int, _last: int) -> None:
        top = self.table.rowAt(0)
        scrolled = self.table.verticalScrollBar().value() > 0
        self._anchor = top if scrolled and 0 <= first <= top else None

    def _after_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if self._anchor is not None:
            index = self.model.index(self._anchor + (last - first + 1), 0)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
            self._anchor = None

    def _after_rows_removed(self, *_args: object) -> None:
        # The view moves the selection of a removed row to a neighbour (ignored while the
        # model merges): the open record is gone, so is its detail.
        if self._open_key is None or self.model.row_of(self._open_key) is not None:
            return
        self._open_key = None
        self.table.selectionModel().clear()
        self.detail.show_record(None, "")

    def _on_loaded(self) -> None:
        keep, self._keep = self._keep, None
        self._select_key(keep)
        self._say_why_empty()

    def _say_why_empty(self, *_args: object) -> None:
        if self.model.rowCount() or self.ctx.session is None or not self.ctx.patient_id:
            self.empty_note.say("")
            return
        date_from, date_to = self.filters.date_range()
        self.empty_note.say(
            empty_reason(
                self.filters.kinds() is not None,
                date_from is not None or date_to is not None,
                self.filters.text(),
            )
        )

    def _on_query_failed(self, exc: BaseException) -> None:
        log_failure(log, "timeline query failed", exc)
        self.ctx.errorOccurred.emit(user_message_for(exc))

    def _selected_key(self) -> tuple[str, str] | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RecordKeyRole) if rows else None

    def _select_key(self, key: tuple[str, str] | None) -> None:
        if key is not None:
            for row in range(self.model.rowCount()):
                index = self.model.index(row, 0)
                if index.data(RecordKeyRole) == key:
                    self.table.selectRow(row)
                    return
        self.detail.show_record(None, "")

    def _on_patient_changed(self, _patient_id: str) -> None:
        self.detail.show_record(None, "")
        self.reload()

    def _on_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        if self._resetting or self.model.merging:
            return  # `_on_loaded` selects the record again (or clears the detail)
        indexes = selected.indexes()
        if not indexes:
            self.detail.show_record(None, "")
            return
        self.show_index(indexes[0])

    def show_index(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        session = self.ctx.session
        if row is None or session is None:
            return
        self._open_key = (row.resource_type, row.resource_id)
        self._detail_request += 1
        request = self._detail_request
        session.read(
            record_detail,
            row.resource_type,
            row.resource_id,
            on_done=lambda detail: self._show_detail(request, row, detail),
            on_error=lambda exc: self._detail_failed(request, row, exc),
            owner=self,
        )

    def _show_detail(self, request: int, row: TimelineRow, detail: RecordDetail | None) -> None:
        if request == self._detail_request:  # the user may have moved on meanwhile
            self.detail.show_record(render_detail(row, detail), row.title or "")

    def _detail_failed(self, request: int, row: TimelineRow, exc: BaseException) -> None:
        # Show the row itself, report the problem.
        log_failure(log, "record detail failed", exc)
        self.ctx.errorOccurred.emit(user_message_for(exc))
        self._show_detail(request, row, None)

    def select_showcase_row(self) -> None:
        """Select the newest out-of-range lab report (else the newest record): screenshots."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data(FlagRole) and index.data(KindRole) == "lab":
                self.table.selectRow(row)
                return
        if self.model.rowCount():
            self.table.selectRow(0)

    # -- paper copy of chosen records (issue 12) ------------------------------------------
    def selected_records(self) -> list[tuple[str, str]]:
        """("Type/id", "date title") of the chosen records, in the list's order."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        found = []
        for index in rows:
            row = index.data(RowRole)
            if isinstance(row, TimelineRow):
                when = format_date(row.date) if row.date else ""
                found.append((f"{row.resource_type}/{row.resource_id}", f"{when}  {row.title}"))
        return found

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        action = menu.addAction(self.tr("Request a paper copy of the chosen records…"))
        action.setEnabled(bool(self.selected_records()))
        action.triggered.connect(self.request_paper_copy)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def request_paper_copy(self) -> QWidget:
        # Imported when asked for: the documents package brings PDFium and the CMS parser.
        from desktop.views.documents.paper_copy_dialog import PaperCopyDialog

        dialog = PaperCopyDialog(self.ctx, self.selected_records(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # -- keyboard ---------------------------------------------------------------------
    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def eventFilter(self, watched: object, event: QEvent) -> bool:
        if watched is self.filters.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Escape and self.filters.search.text():
                self.filters.search.clear()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                # Arrows from the search box move straight into the list.
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.selectionModel().hasSelection():
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]  # a QObject

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # Column titles, kind names, dates and the open record's HTML are translated
            # when built: rebuild them (reload keeps the selection and re-renders it).
            self.reload(force=True)
        super().changeEvent(event)


def create_tab(ctx: AppContext) -> QWidget:
    return CardTab(ctx)
