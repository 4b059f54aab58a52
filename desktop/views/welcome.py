"""First-run screen: sign in through a portal (known address or custom) or try demo mode."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

_CUSTOM = "__custom__"


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
        self.portal_combo = QComboBox(self)
        self.portal_combo.setObjectName("portalChoice")
        self.portal_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.custom_url = QLineEdit(self)
        self.custom_url.setObjectName("customPortalUrl")
        self.custom_url.setPlaceholderText("https://portal.example.org/fhir")
        self.custom_url.textChanged.connect(self._update_buttons)
        self.portal_label = QLabel(self)
        self.portal_label.setBuddy(self.portal_combo)
        self.custom_label = QLabel(self)
        self.custom_label.setBuddy(self.custom_url)
        self.sign_in_button = QPushButton(self)
        self.sign_in_button.setObjectName("signIn")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._on_sign_in)
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("tryDemo")
        self.demo_button.clicked.connect(self.demoRequested)
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

        card = QFrame(self)
        card.setObjectName("welcomeCard")
        # A fixed width lets the wrapped texts compute their height (heightForWidth).
        card.setFixedWidth(560)
        card.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        form = QFormLayout()
        form.addRow(self.portal_label, self.portal_combo)
        form.addRow(self.custom_label, self.custom_url)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.desk_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.sign_in_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(self.title)
        inner.addWidget(self.blurb)
        inner.addLayout(form)
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
        self._portals: list[tuple[str, str]] = []
        self.retranslate()

    def set_portals(self, portals: list[tuple[str, str]]) -> None:
        """Known portals as (display name, FHIR base URL); a "custom" entry is added."""
        self._portals = list(portals)
        self._fill_combo()

    def _fill_combo(self) -> None:
        self.portal_combo.blockSignals(True)
        self.portal_combo.clear()
        for name, url in self._portals:
            self.portal_combo.addItem(f"{name} — {url}", url)
        self.portal_combo.addItem(self.tr("Another portal (enter its address)"), _CUSTOM)
        self.portal_combo.blockSignals(False)
        self._on_choice_changed()

    def set_busy(self, busy: bool, message: str = "") -> None:
        for w in (
            self.sign_in_button,
            self.demo_button,
            self.desk_button,
            self.portal_combo,
            self.custom_url,
        ):
            w.setEnabled(not busy)
        self.status.setText(message)
        if not busy:
            self._update_buttons()

    def chosen_url(self) -> str:
        data = self.portal_combo.currentData()
        return self.custom_url.text().strip() if data == _CUSTOM else str(data or "")

    def _on_choice_changed(self, *_args: object) -> None:
        custom = self.portal_combo.currentData() == _CUSTOM
        self.custom_url.setVisible(custom)
        self.custom_label.setVisible(custom)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        url = QUrl(self.chosen_url())
        ok = url.isValid() and url.scheme() in {"https", "http"} and bool(url.host())
        self.sign_in_button.setEnabled(ok)
        self.desk_button.setEnabled(ok)

    def _on_sign_in(self) -> None:
        url = self.chosen_url()
        if url:
            self.signInRequested.emit(url)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Medcard"))
        self.blurb.setText(
            self.tr(
                "Your medical card from the clinics' portal, kept encrypted on this computer "
                "so it opens instantly and works without the Internet. Sign in with your "
                "portal account; the portal's own page opens in your browser."
            )
        )
        self.portal_label.setText(self.tr("&Portal"))
        self.custom_label.setText(self.tr("&Address"))
        self.sign_in_button.setText(self.tr("Sign in…"))
        self.demo_button.setText(self.tr("Try demo mode"))
        self.back_button.setText(self.tr("Back to the card"))
        self.desk_button.setText(self.tr("Reception desk…"))
        self.desk_button.setToolTip(
            self.tr("For clinic staff: find patients, book and print; nothing is kept here")
        )
        self.demo_button.setToolTip(
            self.tr("A built-in demo portal with a synthetic family; nothing is sent anywhere")
        )
        current = self.portal_combo.currentIndex()
        self._fill_combo()
        self.portal_combo.setCurrentIndex(max(current, 0))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
