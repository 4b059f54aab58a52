"""The desk's lists (patients found, a patient's visits, the day board): a table over a
list of rows, its column titles translated when shown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex


class DeskTable(QAbstractTableModel):
    HEADERS: tuple[object, ...] = ()  # QT_TRANSLATE_NOOP("medcard", ...) texts

    def items(self) -> Sequence[Any]:
        """The rows shown, one per table row."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("medcard", str(self.HEADERS[section]))
        return None
