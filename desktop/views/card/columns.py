"""Timeline column widths and tooltips: Record takes the room, Doctor and Clinic their
content up to a share of the table, and a cut-off cell shows its full text on hover."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from desktop.models.card.timeline import FullTextRole, TimelineModel

# Column -> (largest share of the table's width, absolute maximum in pixels).
CAPS = {TimelineModel.COL_DOCTOR: (0.18, 200), TimelineModel.COL_CLINIC: (0.26, 300)}
FIXED = {TimelineModel.COL_DATE: 92, TimelineModel.COL_KIND: 34}
_PADDING = 20  # text margins and a little air

_Index = QModelIndex | QPersistentModelIndex


class ElidedTooltipDelegate(QStyledItemDelegate):
    """Shows a cell's full text as its tooltip when the cell is too narrow for it. A clinic
    is cut in the middle: its end ("… № 12") is what tells it from the others."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        if index.column() == TimelineModel.COL_CLINIC:
            option.textElideMode = Qt.TextElideMode.ElideMiddle  # type: ignore[attr-defined]

    def tooltip_for(self, option: QStyleOptionViewItem, index: _Index) -> str | None:
        full = index.data(FullTextRole)
        if isinstance(full, str) and full:
            return full  # a short name ("Соколова Е. В."): the tip names it in full
        text = index.data(Qt.ItemDataRole.DisplayRole)
        extra = index.data(Qt.ItemDataRole.ToolTipRole)
        if not isinstance(text, str) or not text or not self.is_elided(option, index):
            return extra if isinstance(extra, str) and extra else None
        if isinstance(extra, str) and extra and extra != text:
            return f"{text}\n{extra}"  # e.g. the title and "Out of reference range"
        return text

    def is_elided(self, option: QStyleOptionViewItem, index: _Index) -> bool:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget is not None else None
        if style is None:
            return False
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        text = opt.text  # type: ignore[attr-defined]
        return opt.fontMetrics.horizontalAdvance(text) > rect.width() - 2 * margin  # type: ignore[attr-defined]

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: _Index,
    ) -> bool:
        if event is None or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        tip = self.tooltip_for(option, index)
        if tip:
            QToolTip.showText(event.globalPos(), tip, view)
        else:
            QToolTip.hideText()
            event.ignore()
        return True


class ColumnFitter(QObject):
    """Keeps the timeline's columns sized as the rows, the language or the width change.
    A column the user drags keeps the width they gave it."""

    def __init__(self, table: QTableView, model: TimelineModel) -> None:
        super().__init__(table)
        self._table = table
        self._model = model
        self._fitting = False
        self.user_sized: set[int] = set()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TimelineModel.COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TimelineModel.COL_KIND, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(34)
        for col, width in FIXED.items():
            header.resizeSection(col, width)
        header.sectionResized.connect(self._on_section_resized)
        # The widest text per column is kept as rows arrive: a page measures its own rows
        # only (re-measuring every loaded row on each page made scrolling quadratic).
        self._content: dict[int, int] = {}
        model.modelReset.connect(self._remeasure)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsRemoved.connect(self._remeasure)
        model.dataChanged.connect(self._remeasure)
        model.layoutChanged.connect(self._remeasure)
        table.viewport().installEventFilter(self)

    def widths(self) -> dict[int, int]:
        """Doctor and Clinic widths: their longest loaded text, capped by the table width."""
        metrics = self._table.fontMetrics()
        available = self._table.viewport().width()
        found = {}
        for col, (share, cap) in CAPS.items():
            content = self._content.get(col, 0)
            title = self._model.headerData(col, Qt.Orientation.Horizontal) or ""
            least = metrics.horizontalAdvance(str(title)) + _PADDING
            found[col] = max(least, min(content + _PADDING, int(available * share), cap))
        return found

    def _measure(self, first: int, last: int) -> None:
        metrics = self._table.fontMetrics()
        for col in CAPS:
            texts = {self._model.index(r, col).data() for r in range(first, last + 1)}
            widest = max((metrics.horizontalAdvance(t) for t in texts if t), default=0)
            self._content[col] = max(self._content.get(col, 0), widest)

    def _remeasure(self, *_args: Any) -> None:
        self._content.clear()
        self._measure(0, self._model.rowCount() - 1)
        self.fit()

    def _on_rows_inserted(self, _parent: Any, first: int, last: int) -> None:
        self._measure(first, last)
        self.fit()

    def fit(self, *_args: Any) -> None:
        header = self._table.horizontalHeader()
        self._fitting = True
        try:
            for col, width in self.widths().items():
                if col not in self.user_sized:
                    header.resizeSection(col, width)
        finally:
            self._fitting = False

    def _on_section_resized(self, col: int, _old: int, _new: int) -> None:
        if not self._fitting and col in CAPS:
            self.user_sized.add(col)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget) and event.type() == QEvent.Type.Resize:
            self.fit()
        elif event.type() == QEvent.Type.FontChange:  # the texts' widths change with it
            self._remeasure()
        return False
