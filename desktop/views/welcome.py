"""First-run screen: sign in at a portal of the list (the demo portal first, then the
portals the app knows: resources/portals/) or at another one by its address."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.services.onboarding.portals import KnownPortal
from desktop.views.style import set_style_state
from desktop.views.welcome_portals import PortalChooser


class WelcomePage(QWidget):
    signInRequested = Signal(str)  # FHIR base URL
    demoRequested = Signal()
    deskRequested = Signal(str)  # the registry desk at the chosen portal (issue 14)
    backRequested = Signal()  # "Add account" was opened by mistake: back to the card

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.title = QLabel(self)
        self.title.setObjectName("welcomeTitle")
        self.title.setWordWrap(True)
        self.blurb = QLabel(self)
        self.blurb.setWordWrap(True)
        self.portals = PortalChooser(self)
        self.portals.changed.connect(self._update_buttons)
        self.portals.activated.connect(self._on_sign_in)
        self.custom_url = self.portals.address  # "Another portal…": its address
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._on_sign_in)
        self.desk_button = QPushButton(self)
        self.desk_button.setObjectName("openDesk")
        self.desk_button.clicked.connect(lambda: self.deskRequested.emit(self.chosen_url()))
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("welcomeBack")
        self.back_button.clicked.connect(self.backRequested)
        self.back_button.hide()
        self.status = QLabel(self)
        self.status.setObjectName("welcomeStatus")
        self.status.setWordWrap(True)
        self.status.hide()

        card = QFrame(self)
        card.setObjectName("welcomeCard")
        # A fixed width lets the wrapped texts compute their height (heightForWidth).
        card.setFixedWidth(560)
        card.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        buttons = QHBoxLayout()
        buttons.addWidget(self.desk_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.sign_in_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.blurb)
        inner.addWidget(self.portals)
        inner.addLayout(buttons)
        inner.addWidget(self.status)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.retranslate()

    def set_portals(self, portals: list[KnownPortal]) -> None:
        """The portals to offer (the demo portal first); "Another portal…" is added."""
        self.portals.set_portals(portals)

    def set_busy(self, busy: bool, message: str = "", error: bool = False) -> None:
        for w in (self.sign_in_button, self.desk_button, self.portals):
            w.setEnabled(not busy)
        self.status.setText(message)
        self.status.setVisible(bool(message))
        set_style_state(self.status, "error", error)
        if not busy:
            self._update_buttons()

    def chosen_url(self) -> str:
        return self.portals.chosen_url()

    def _update_buttons(self, *_args: object) -> None:
        portal = self.portals.chosen()
        ok = (portal is not None and portal.demo) or self.portals.address_looks_valid()
        self.sign_in_button.setEnabled(ok)
        # The desk signs staff in at the chosen portal; with the demo chosen, at the demo
        # clinic's desk (the URL is empty: the demo portal runs on this computer).
        self.desk_button.setEnabled(ok)
        if portal is not None and portal.demo:
            self.sign_in_button.setText(self.tr("Open the demo"))
        elif portal is not None and portal.esia:
            self.sign_in_button.setText(self.tr("Sign in with Gosuslugi"))
        else:
            self.sign_in_button.setText(self.tr("Sign in…"))

    def _on_sign_in(self) -> None:
        portal = self.portals.chosen()
        if not self.sign_in_button.isEnabled():
            return
        if portal is not None and portal.demo:
            self.demoRequested.emit()
        elif self.chosen_url():
            self.signInRequested.emit(self.chosen_url())

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Medcard"))
        self.blurb.setText(
            self.tr(
                "Your medical card from the clinics' portal, kept encrypted on this computer "
                "so it opens instantly and works without the Internet. Sign in with your "
                "portal account; the portal's own page opens in your browser."
            )
        )
        self.back_button.setText(self.tr("Back to the card"))
        self.desk_button.setText(self.tr("Reception desk…"))
        self.desk_button.setToolTip(
            self.tr("For clinic staff: find patients, book and print; nothing is kept here")
        )
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
