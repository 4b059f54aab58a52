"""The welcome screen's list of portals: the ones the app knows (the demo portal first,
each with its region and whether sign-in goes through Gosuslugi), then "Another portal…"
with a field for its address."""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QLocale,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.onboarding.portals import KnownPortal
from desktop.views.two_line_delegate import DetailsRole, TwoLineDelegate

PortalRole = Qt.ItemDataRole.UserRole + 1
CUSTOM = "__custom__"


def typed_address(text: str) -> str:
    """What was typed as an address, with https:// when no scheme was given."""
    text = text.strip()
    if text and "://" not in text:
        text = "https://" + text
    return text


class PortalChooser(QWidget):
    changed = Signal()  # another entry chosen, or the address edited
    activated = Signal()  # an entry double-clicked or Enter in the address

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portalChooser")
        self.label = QLabel(self)
        self.list = QListWidget(self)
        self.list.setObjectName("portalList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.label.setBuddy(self.list)
        self.address_label = QLabel(self)
        self.address = QLineEdit(self)
        self.address.setObjectName("customPortalUrl")
        self.address.setPlaceholderText("https://portal.example.org/fhir")
        self.address_label.setBuddy(self.address)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.list)
        layout.addWidget(self.address_label)
        layout.addWidget(self.address)
        self._portals: list[KnownPortal] = []
        self.list.currentRowChanged.connect(self._on_choice_changed)
        self.list.itemDoubleClicked.connect(lambda _item: self.activated.emit())
        self.address.textChanged.connect(self.changed)
        self.address.returnPressed.connect(self.activated)
        self.retranslate()

    def set_portals(self, portals: list[KnownPortal]) -> None:
        self._portals = list(portals)
        self._fill()

    def _fill(self) -> None:
        current = self.list.currentRow()
        lang = QLocale().name().split("_")[0]
        self.list.blockSignals(True)
        self.list.clear()
        for portal in self._portals:
            details = [portal.region(lang)]
            if portal.esia:
                details.append(self.tr("sign-in through Gosuslugi"))
            if portal.fhir_base:
                details.append(portal.fhir_base)
            item = QListWidgetItem(portal.name(lang), self.list)
            item.setData(DetailsRole, " · ".join(d for d in details if d))
            item.setData(PortalRole, portal)
            item.setToolTip(portal.fhir_base or portal.name(lang))
        custom = QListWidgetItem(self.tr("Another portal…"))
        custom.setData(DetailsRole, self.tr("any FHIR portal with SMART sign-in, by its address"))
        custom.setData(PortalRole, CUSTOM)
        self.list.addItem(custom)
        self.list.setCurrentRow(current if 0 <= current < self.list.count() else 0)
        self.list.blockSignals(False)
        # Every entry in view, no scrolling: a handful of portals.
        rows = sum(self.list.sizeHintForRow(r) for r in range(self.list.count()))
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 4)
        self._on_choice_changed()

    def chosen(self) -> KnownPortal | None:
        """The known portal chosen; None for "Another portal…"."""
        item = self.list.currentItem()
        value = item.data(PortalRole) if item is not None else None
        return value if isinstance(value, KnownPortal) else None

    def custom_chosen(self) -> bool:
        item = self.list.currentItem()
        return item is not None and item.data(PortalRole) == CUSTOM

    def choose(self, portal_id: str) -> bool:
        """Select an entry by id (CUSTOM for "Another portal…")."""
        for row in range(self.list.count()):
            value = self.list.item(row).data(PortalRole)
            if value == portal_id or (isinstance(value, KnownPortal) and value.id == portal_id):
                self.list.setCurrentRow(row)
                return True
        return False

    def chosen_url(self) -> str:
        if self.custom_chosen():
            return typed_address(self.address.text())
        portal = self.chosen()
        return portal.fhir_base if portal is not None else ""

    def address_looks_valid(self) -> bool:
        url = QUrl(self.chosen_url())
        return url.isValid() and url.scheme() in {"https", "http"} and bool(url.host())

    def _on_choice_changed(self, *_args: object) -> None:
        custom = self.custom_chosen()
        self.address.setVisible(custom)
        self.address_label.setVisible(custom)
        if custom:
            self.address.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Portal"))
        self.address_label.setText(self.tr("Portal's FHIR &address"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
