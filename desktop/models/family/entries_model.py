"""The family tab's people and requests as a Qt list model (one row per `FamilyEntry`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.services.family.service import FamilyEntry

EntryRole = Qt.ItemDataRole.UserRole + 1  # the FamilyEntry itself
StateRole = Qt.ItemDataRole.UserRole + 2  # "holder", "active" or the request's status
_Index = QModelIndex | QPersistentModelIndex


class FamilyEntriesModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[FamilyEntry] = []

    def set_entries(self, entries: list[FamilyEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entries(self) -> list[FamilyEntry]:
        return list(self._entries)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry.name
        if role == EntryRole:
            return entry
        if role == StateRole:
            return entry.state
        return None
