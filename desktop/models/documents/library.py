"""The documents of the open card, and opening one's original.

Opening reads the original from the encrypted cache and checks it (read pool); what the
cache lacks — the PDF, its signature, the CA — is fetched through the account's door and
stored with the card (writer queue), then checked. The bytes reach the viewer in memory.
"""

from __future__ import annotations

import logging
from typing import Any

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

from desktop.models.context import AppContext
from desktop.models.documents.orders import message_of
from desktop.models.formats import format_date
from desktop.services.documents import originals
from desktop.services.documents.fhir import DocumentInfo, read_documents
from desktop.services.documents.originals import Original

log = logging.getLogger(__name__)
Index = QModelIndex | QPersistentModelIndex
DocumentRole = Qt.ItemDataRole.UserRole + 1
DATE, TITLE, CLINIC, AUTHOR = range(4)


def document_title(doc: DocumentInfo) -> str:
    if doc.title and doc.kind and doc.kind != doc.title:
        return f"{doc.title} ({doc.kind})"
    return doc.title or doc.kind or QCoreApplication.translate("medcard", "Document")


class DocumentsTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DocumentInfo] = []
        self.pdf_icon: Any = None  # a QIcon the view gives: a document with a PDF original

    def set_rows(self, rows: list[DocumentInfo]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return AUTHOR + 1

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            DATE: QCoreApplication.translate("medcard", "Date"),
            TITLE: QCoreApplication.translate("medcard", "Document"),
            CLINIC: QCoreApplication.translate("medcard", "Clinic"),
            AUTHOR: QCoreApplication.translate("medcard", "Author"),
        }.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        doc = self.rows[index.row()]
        if role == DocumentRole:
            return doc
        if role == Qt.ItemDataRole.DecorationRole and index.column() == TITLE:
            return self.pdf_icon if doc.pdf is not None else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == DATE:
                return format_date(doc.date, QLocale()) if doc.date else ""
            if column == TITLE:
                return document_title(doc)
            if column == CLINIC:
                return doc.clinic if role == Qt.ItemDataRole.ToolTipRole else doc.clinic_short
            if column == AUTHOR:
                return doc.author
        return None

    def row_of(self, key: str) -> int:
        return next((i for i, d in enumerate(self.rows) if d.key == key), -1)


class DocumentsModel(QObject):
    changed = Signal()
    opened = Signal(object)  # Original (bytes in memory, checks done)
    openFailed = Signal(str)  # translated

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.table = DocumentsTableModel(self)
        self.loaded = False
        self._request = 0
        self._opening = 0
        ctx.patientChanged.connect(self._on_patient_changed)
        ctx.synced.connect(self.reload)
        ctx.accountChanged.connect(self.reload)

    def _on_patient_changed(self, _patient_id: str) -> None:
        self.reload()

    def reload(self) -> None:
        session = self._ctx.session
        self._request += 1
        request = self._request
        if session is None or not self._ctx.patient_id:
            self._show(request, [])
            return
        session.read(
            read_documents,
            self._ctx.patient_id,
            on_done=lambda rows: self._show(request, rows),
            on_error=lambda exc: self.openFailed.emit(message_of(exc)),
            owner=self,
        )

    def _show(self, request: int, rows: list[DocumentInfo]) -> None:
        if request != self._request:
            return
        self.loaded = True
        self.table.set_rows(rows)
        self.changed.emit()

    # -- opening ----------------------------------------------------------------------------
    def open(self, document: DocumentInfo) -> None:
        """The original from the cache, what is missing from the portal; `opened` then."""
        session = self._ctx.session
        if session is None:
            return
        self._opening += 1
        request = self._opening
        patient = self._ctx.patient_id
        session.read(
            originals.stored_original,
            patient,
            document,
            on_done=lambda found: self._stored(request, patient, found),
            on_error=lambda exc: self._failed(request, exc),
            owner=self,
        )

    def _stored(self, request: int, patient: str, found: Original) -> None:
        if request != self._opening:
            return  # the user opened another document meanwhile
        session = self._ctx.session
        if not found.missing or session is None or not self._ctx.online:
            self.opened.emit(found)
            return
        if found.data is not None:
            self.opened.emit(found)  # show at once; the signature check follows
        session.write(
            lambda client: originals.fetch_missing(client, found.document, found),
            store=lambda cache, fetched: originals.keep(cache, patient, found.document, fetched),
            on_done=lambda checked: self._fetched(request, checked),
            on_error=lambda exc: self._fetch_failed(request, found, exc),
            owner=self,
        )

    def _fetched(self, request: int, checked: Original) -> None:
        if request == self._opening:
            self.opened.emit(checked)

    def _fetch_failed(self, request: int, found: Original, exc: BaseException) -> None:
        if request != self._opening:
            return
        if found.data is not None:
            self.opened.emit(found)  # what the cache has, with "could not check yet"
        else:
            self.openFailed.emit(message_of(exc))

    def _failed(self, request: int, exc: BaseException) -> None:
        if request == self._opening:
            self.openFailed.emit(message_of(exc))
