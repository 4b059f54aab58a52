"""Main window: welcome page until signed in, then header + banner + feature tabs."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.models.context import AppContext
from desktop.views.banner import Banner
from desktop.views.header import Header
from desktop.views.tabs import TABS
from desktop.views.welcome import WelcomePage

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    addAccountRequested = Signal()
    switchAccountRequested = Signal(str)
    signOutRequested = Signal()
    manageAccountRequested = Signal()
    settingsRequested = Signal()
    closing = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.welcome = WelcomePage(self)
        self.header = Header(ctx, self)
        self.banner = Banner(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("featureTabs")
        self.tabs.setDocumentMode(True)
        self.tab_names: list[str] = []
        self._tab_titles: dict[str, object] = {}
        for spec in TABS:
            try:
                widget = spec.create(ctx)
            except Exception:  # noqa: BLE001 - one broken tab must not stop the app
                log.exception("tab %s failed to start", spec.name)
                continue
            widget.setProperty("tabName", spec.name)
            self.tabs.addTab(widget, "")
            self.tab_names.append(spec.name)
            self._tab_titles[spec.name] = spec.title

        # Demo mode says so in a quiet badge at the tabs' right end (and in the title).
        self.demo_mode = False
        self.demo_badge = QLabel(self)
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.hide()
        self.tabs.setCornerWidget(self.demo_badge, Qt.Corner.TopRightCorner)

        work = QWidget(self)
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.setSpacing(0)
        work_layout.addWidget(self.header)
        work_layout.addWidget(self.banner)
        work_layout.addWidget(self.tabs, 1)
        self.work = work
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(work)
        self.setCentralWidget(self.pages)

        self.account_menu = QMenu(self)
        self.header.account_button.setMenu(self.account_menu)
        self.switch_menu = QMenu(self.account_menu)
        self.act_add = QAction(self)
        self.act_add.triggered.connect(self.addAccountRequested.emit)
        self.act_manage = QAction(self)
        self.act_manage.triggered.connect(self.manageAccountRequested.emit)
        self.act_settings = QAction(self)
        self.act_settings.triggered.connect(self.settingsRequested.emit)
        self.act_settings.setShortcut(QKeySequence.StandardKey.Preferences)
        self.act_sign_out = QAction(self)
        self.act_sign_out.triggered.connect(self.signOutRequested.emit)
        self.act_sync = QAction(self)
        self.act_sync.triggered.connect(ctx.sync_now)
        self.act_sync.setShortcut(QKeySequence.StandardKey.Refresh)
        self.addAction(self.act_sync)
        self.addAction(self.act_settings)
        for item in (self.act_add, self.switch_menu.menuAction(), None, self.act_manage):
            if item is None:
                self.account_menu.addSeparator()
            else:
                self.account_menu.addAction(item)
        self.account_menu.addAction(self.act_settings)
        self.account_menu.addSeparator()
        self.account_menu.addAction(self.act_sign_out)
        self._accounts: list[tuple[str, str]] = []

        ctx.errorOccurred.connect(self.banner.show_message)
        self.welcome.backRequested.connect(self._on_account_changed)
        ctx.accountChanged.connect(self._on_account_changed)
        self.retranslate()
        self._on_account_changed()
        self.resize(1280, 800)

    # -- accounts ---------------------------------------------------------------------
    def set_accounts(self, accounts: list[tuple[str, str]], current_id: str) -> None:
        """Accounts for the Switch menu as (account id, label)."""
        self._accounts = list(accounts)
        self.switch_menu.clear()
        for account_id, label in accounts:
            act = self.switch_menu.addAction(label)
            act.setCheckable(True)
            act.setChecked(account_id == current_id)
            act.triggered.connect(
                lambda _c=False, a=account_id: self.switchAccountRequested.emit(a)
            )
        self.switch_menu.setEnabled(len(accounts) > 1)

    def _on_account_changed(self) -> None:
        signed_in = self.ctx.session is not None
        self.pages.setCurrentWidget(self.work if signed_in else self.welcome)
        self.welcome.back_button.setVisible(signed_in)
        self.act_sign_out.setEnabled(signed_in)
        self.act_manage.setEnabled(signed_in)
        self.act_sync.setEnabled(signed_in)
        if not signed_in:
            self.banner.hide()
            self.set_demo_mode(False)

    def set_demo_mode(self, on: bool) -> None:
        """The open account is the built-in demo portal's synthetic family."""
        self.demo_mode = on
        self.demo_badge.setVisible(on)
        self.retranslate()

    # -- tabs -------------------------------------------------------------------------
    def tab_widget(self, name: str) -> QWidget | None:
        if name in self.tab_names:
            return self.tabs.widget(self.tab_names.index(name))
        return None

    def show_tab(self, name: str) -> bool:
        widget = self.tab_widget(name)
        if widget is not None:
            self.tabs.setCurrentWidget(widget)
        return widget is not None

    def current_tab_name(self) -> str:
        index = self.tabs.currentIndex()
        return self.tab_names[index] if 0 <= index < len(self.tab_names) else "card"

    # -- remembered state (plain values; no Qt blobs in settings) ----------------------
    def ui_state(self) -> dict[str, Any]:
        g = self.normalGeometry() if self.isMaximized() else self.geometry()
        return {
            "geometry": [g.x(), g.y(), g.width(), g.height()],
            "maximized": self.isMaximized(),
            "tab": self.current_tab_name(),
            "patient": self.ctx.patient_id,
        }

    def restore_ui_state(self, state: dict[str, Any]) -> None:
        geometry = state.get("geometry")
        if (
            isinstance(geometry, list)
            and len(geometry) == 4
            and all(isinstance(v, int) for v in geometry)
        ):
            x, y, w, h = geometry
            rect = QRect(x, y, max(w, 640), max(h, 480))
            screen = self.screen().availableGeometry() if self.screen() else None
            if screen is None or screen.intersects(rect):  # never restore off-screen
                self.setGeometry(rect)
        if state.get("maximized") is True:
            self.showMaximized()
        tab = state.get("tab")
        if isinstance(tab, str):
            self.show_tab(tab)

    # -- language ---------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Medcard — demo mode") if self.demo_mode else self.tr("Medcard")
        )
        self.demo_badge.setText(self.tr("Demo mode: synthetic data"))
        self.demo_badge.setToolTip(
            self.tr(
                "The built-in demo portal with a made-up family: this is not your medical "
                "card, and nothing is sent anywhere."
            )
        )
        for i, name in enumerate(self.tab_names):
            self.tabs.setTabText(i, self.tr(str(self._tab_titles[name])))
        self.act_add.setText(self.tr("Add account…"))
        self.switch_menu.setTitle(self.tr("Switch account"))
        self.act_manage.setText(self.tr("Change password / manage account…"))
        self.act_settings.setText(self.tr("Settings…"))
        self.act_sign_out.setText(self.tr("Sign out"))
        self.act_sync.setText(self.tr("Sync now"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        super().closeEvent(event)
