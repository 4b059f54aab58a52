"""Documents: what the portal holds for the open card (open the original, check it, print,
save), ordering documents and paper copies, and the orders of everyone on the account."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QLocale, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.models.context import AppContext
from desktop.models.documents.library import (
    AUTHOR,
    CLINIC,
    DATE,
    TITLE,
    DocumentRole,
    DocumentsModel,
    document_title,
)
from desktop.models.documents.orders import OrderSender, OrderTracker
from desktop.models.formats import format_date
from desktop.services.documents.fhir import DocumentInfo
from desktop.services.documents.orders import COPY, ORDER, READY, REJECTED, DocumentOrder
from desktop.services.documents.originals import Original
from desktop.views.documents.order_dialog import OrderDialog
from desktop.views.documents.order_texts import order_summary, order_title, stage_text
from desktop.views.documents.paper_copy_dialog import PaperCopyDialog
from desktop.views.documents.viewer import DocumentViewer
from desktop.views.icons import kind_icons
from desktop.views.style import show_note
from desktop.views.tray import TrayMessenger

_STYLE = """
#documentsMessage { padding: 6px 10px; border-radius: 6px; background: #e3f2fd; }
#documentsMessage[error="true"] { background: #ffebee; color: #b71c1c; }
#sectionTitle { font-weight: 600; }
#orderSummary { color: palette(text); }
"""
ORDER_DATE, ORDER_TITLE, ORDER_FOR, ORDER_STAGE = range(4)


class DocumentsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsTab")
        self.setStyleSheet(_STYLE)
        self.ctx = ctx
        self.model = DocumentsModel(ctx, self)
        self.sender_ = OrderSender(ctx, self)
        self.tracker = OrderTracker(ctx, self)
        self.tray = TrayMessenger(self)
        self.dialog: OrderDialog | PaperCopyDialog | None = None
        self._opening_key = ""

        self.order_button = QPushButton(self)
        self.order_button.setObjectName("orderDocument")
        self.order_button.clicked.connect(self.open_order_dialog)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("orderPaperCopy")
        self.copy_button.clicked.connect(lambda: self.open_paper_copy_dialog([]))
        self.message = QLabel(self)
        self.message.setObjectName("documentsMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.table = QTableView(self)
        self.table.setObjectName("documentsList")
        self.table.setModel(self.model.table)
        self.model.table.pdf_icon = kind_icons()["document"]
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((DATE, 80), (CLINIC, 128), (AUTHOR, 100)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)

        self.orders_title = QLabel(self)
        self.orders_title.setObjectName("sectionTitle")
        self.orders = QTableWidget(0, 4, self)
        self.orders.setObjectName("ordersList")
        self.orders.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.orders.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.setWordWrap(False)
        self.orders.verticalHeader().hide()
        self.orders.verticalHeader().setDefaultSectionSize(26)
        orders_header = self.orders.horizontalHeader()
        orders_header.setSectionResizeMode(ORDER_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((ORDER_DATE, 90), (ORDER_FOR, 110), (ORDER_STAGE, 100)):
            orders_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.orders.setColumnWidth(column, width)
        self.orders.itemSelectionChanged.connect(self._on_order_selected)
        self.order_summary = QLabel(self)
        self.order_summary.setObjectName("orderSummary")
        self.order_summary.setWordWrap(True)
        self.order_summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        orders_box = QWidget(self)
        orders_layout = QVBoxLayout(orders_box)
        orders_layout.setContentsMargins(0, 4, 0, 0)
        orders_layout.addWidget(self.orders_title)
        orders_layout.addWidget(self.orders, 1)
        orders_layout.addWidget(self.order_summary)
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.table)
        left.addWidget(orders_box)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 2)
        left.setChildrenCollapsible(False)
        self.viewer = DocumentViewer(self)
        self.viewer.errorOccurred.connect(lambda text: self.show_message(text, error=True))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("documentsSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.viewer)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([540, 540])

        top = QHBoxLayout()
        top.addWidget(self.order_button)
        top.addWidget(self.copy_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.model.changed.connect(self._on_documents_changed)
        self.model.opened.connect(self._on_opened)
        self.model.openFailed.connect(self._on_open_failed)
        self.tracker.changed.connect(self._fill_orders)
        self.tracker.finished.connect(self._on_order_finished)
        self.sender_.sent.connect(self._after_order)
        self.sender_.kindsChanged.connect(self._fill_orders)
        ctx.capabilitiesChanged.connect(self._update_buttons)
        ctx.accountChanged.connect(self.sender_.load_kinds)  # the portal's list, per account
        ctx.onlineChanged.connect(self._on_online_changed)
        ctx.patientChanged.connect(self._on_patient_changed)
        self.retranslate()
        self.model.reload()
        self.tracker.reload()
        self.sender_.load_kinds()

    # -- documents --------------------------------------------------------------------------
    def _on_documents_changed(self) -> None:
        key = self._opening_key
        row = self.model.table.row_of(key) if key else -1
        if row >= 0:
            self.table.selectRow(row)

    def _on_online_changed(self, _online: bool) -> None:
        self._update_buttons()

    def _on_patient_changed(self, _patient_id: str = "") -> None:
        self._opening_key = ""
        self.viewer.clear()
        self.show_message("")

    def _on_selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        document = indexes[0].data(DocumentRole)
        if isinstance(document, DocumentInfo):
            self.open_document(document)

    def open_document(self, document: DocumentInfo) -> None:
        if self._opening_key == document.key and self.viewer.original is not None:
            return
        self._opening_key = document.key
        self.viewer.show_loading(document_title(document))
        self.model.open(document)

    def select_showcase_row(self) -> None:
        """Open the newest issued document with a PDF (else the newest one): screenshots."""
        rows = self.model.table.rows
        chosen = next((d for d in rows if d.issued and d.pdf is not None), None)
        chosen = chosen or next((d for d in rows if d.pdf is not None), None)
        if chosen is not None or rows:
            self.select_document((chosen or rows[0]).key)

    def select_document(self, key: str) -> bool:
        row = self.model.table.row_of(key)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def _on_opened(self, original: Original) -> None:
        if original.document.key == self._opening_key:
            self.viewer.show_original(original)

    def _on_open_failed(self, text: str) -> None:
        self.viewer.clear(text)

    # -- orders -----------------------------------------------------------------------------
    def _person_name(self, patient_id: str) -> str:
        person = next((p for p in self.ctx.patients if p.patient_id == patient_id), None)
        return person.display_name if person else patient_id

    def _fill_orders(self) -> None:
        orders = self.tracker.orders
        locale = QLocale()
        self.orders.setRowCount(len(orders))
        for row, order in enumerate(orders):
            values = (
                format_date(order.authored, locale) if order.authored else "",
                order_title(order, self.sender_.kinds),
                self._person_name(order.patient_id),
                stage_text(order),
            )
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, order.task_id)
                item.setToolTip(order_summary(order))
                if column == ORDER_STAGE and order.stage == REJECTED:
                    item.setForeground(Qt.GlobalColor.darkRed)
                elif column == ORDER_STAGE and order.stage == READY:
                    item.setForeground(Qt.GlobalColor.darkGreen)
                self.orders.setItem(row, column, item)
        self.orders_title.setText(self.tr("Orders (%n)", "", len(orders)))
        if not orders:
            self.order_summary.setText(
                self.tr("No orders yet. Order a certificate, an extract or paper copies above.")
            )
        self._on_order_selected()

    def order_of(self, task_id: str) -> DocumentOrder | None:
        return next((o for o in self.tracker.orders if o.task_id == task_id), None)

    def _on_order_selected(self) -> None:
        items = self.orders.selectedItems()
        order = self.order_of(str(items[0].data(Qt.ItemDataRole.UserRole))) if items else None
        if order is None:
            if self.tracker.orders:
                self.order_summary.setText(self.tr("Select an order to see its state."))
            return
        self.order_summary.setText(order_summary(order))
        if order.stage == READY and order.document_id and order.patient_id == self.ctx.patient_id:
            self.select_document(f"DocumentReference/{order.document_id}")

    def _on_order_finished(self, order: DocumentOrder) -> None:
        """A notification: in the tray, and in the tab's message line."""
        title = order_title(order, self.sender_.kinds)
        name = self._person_name(order.patient_id)
        if order.stage == READY:
            headline = self.tr("Document ready: %1 (%2)")
        else:
            headline = self.tr("Order rejected: %1 (%2)")
        headline = headline.replace("%1", title).replace("%2", name)
        summary = order_summary(order)
        self.tray.show(headline, summary)
        self.show_message(f"{headline}. {summary}", error=order.stage == REJECTED)
        self.model.reload()  # the issued document joins the list

    def _after_order(self, _order: object = None) -> None:
        self.tracker.reload()
        self.model.reload()

    # -- dialogs ----------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        for button, code, reason in (
            (
                self.order_button,
                ORDER,
                self.tr("This portal does not take document orders online."),
            ),
            (
                self.copy_button,
                COPY,
                self.tr("This portal does not take requests for paper copies online."),
            ),
        ):
            offered = self.sender_.can(code)
            button.setEnabled(offered)
            button.setToolTip("" if offered else reason)

    def open_order_dialog(self) -> OrderDialog:
        self._close_dialog()
        if not self.sender_.kinds:
            self.sender_.load_kinds()
        dialog = OrderDialog(self.ctx, self.sender_, self)
        self._show_dialog(dialog)
        return dialog

    def open_paper_copy_dialog(self, records: list[tuple[str, str]]) -> PaperCopyDialog:
        self._close_dialog()
        dialog = PaperCopyDialog(self.ctx, records, self, sender=self.sender_)
        self._show_dialog(dialog)
        return dialog

    def _show_dialog(self, dialog: OrderDialog | PaperCopyDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        dialog.open()

    def _dialog_closed(self, dialog: QWidget) -> None:
        dialog.deleteLater()
        if self.dialog is dialog:
            self.dialog = None

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()

    # -- feedback and language --------------------------------------------------------------
    def show_message(self, text: str, error: bool = False) -> None:
        show_note(self.message, text, error)

    def retranslate(self) -> None:
        self.order_button.setText(self.tr("Order a document…"))
        self.copy_button.setText(self.tr("Paper copy of records…"))
        self.orders.setHorizontalHeaderLabels(
            [self.tr("Ordered"), self.tr("Document"), self.tr("For"), self.tr("Status")]
        )
        self._fill_orders()
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        # An order sent from elsewhere (a paper copy from the card) is in the cache: show it.
        if self.ctx.session is not None:
            self.tracker.reload()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.model.table.layoutChanged.emit()
        super().changeEvent(event)


def create_tab(ctx: AppContext) -> QWidget:
    return DocumentsTab(ctx)
