"""List entries of two lines: a name in bold, then quieter details (and, when there is
one, a note in the warning colour on a third line) — the welcome screen's portals, the
clinics to choose from."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

DetailsRole = Qt.ItemDataRole.UserRole + 20  # the second, quieter line
NoteRole = Qt.ItemDataRole.UserRole + 21  # an optional third line: a warning
PADDING = 6
NOTE_COLOUR = QColor("#b3261e")


class TwoLineDelegate(QStyledItemDelegate):
    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setBold(True)
        return bold, QFont(option.font)

    def sizeHint(  # noqa: N802 - Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        bold, plain = self._fonts(option)
        lines = 2 if not index.data(NoteRole) else 3
        height = QFontMetrics(bold).height() + (lines - 1) * (QFontMetrics(plain).height() + 2)
        return QSize(option.rect.width(), height + 2 * PADDING)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        widget = option.widget
        option.text = ""
        if widget is not None:  # the background, the selection, the focus frame
            widget.style().drawControl(
                QStyle.ControlElement.CE_ItemViewItem, option, painter, widget
            )
        bold, plain = self._fonts(option)
        palette = option.palette
        strong = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = strong if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        rect = option.rect.adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)
        top = rect.top()
        painter.save()
        lines = (
            (bold, strong, index.data(Qt.ItemDataRole.DisplayRole)),
            (plain, quiet, index.data(DetailsRole)),
            (plain, strong if selected else NOTE_COLOUR, index.data(NoteRole)),
        )
        for font, colour, text in lines:
            if not text:
                continue
            metrics = QFontMetrics(font)
            painter.setFont(font)
            painter.setPen(colour)
            shown = metrics.elidedText(str(text), Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(QRect(rect.left(), top, rect.width(), metrics.height()), 0, shown)
            top += metrics.height() + 2
        painter.restore()
