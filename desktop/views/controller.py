"""AppController: the flows between the window and the services.

Signing in, opening an account, switching, signing out, settings. Blocking work goes to
the task runner; the window only ever sees finished results. Demo mode is injected by
`desktop.app` as a callable (only the composition root may start the demo portal).
"""

from __future__ import annotations

import logging
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from desktop.models.context import AppContext
from desktop.models.session import SessionParts
from desktop.models.signin import (
    make_session,
    management_url,
    open_session_parts,
    sign_in_account,
)
from desktop.models.tasks import TaskRunner, user_message_for
from desktop.services.accounts import Account, AccountManager
from desktop.services.onboarding.portals import KnownPortal, load_portals
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore, SecretStore
from desktop.views.language import LanguageManager
from desktop.views.link_dialog import LinkDialog
from desktop.views.main_window import MainWindow
from desktop.views.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)
CLOSE_WAIT_S = 5.0  # at quit, after the task runner stopped: nothing uses the cache then


def _sign_out_when_closed(
    accounts: AccountManager, account_id: str, cache_closed: threading.Event
) -> bool:
    """Network pool: revoke and delete the account once its cache file is closed."""
    cache_closed.wait(30.0)
    return accounts.sign_out(account_id)


@dataclass
class DemoEnvironment:
    """What `desktop.app` prepares for demo mode: a running portal and a way to log in."""

    base_url: str
    open_url: Callable[[str], object]
    profile_dir: str
    cleanup: list[Callable[[], None]] = field(default_factory=list)


class AppController(QObject):
    # Emitted once the first sync after sign-in ended (ok or not): screenshots wait for it.
    firstSyncDone = Signal(bool)
    signInFailed = Signal(str)  # translated message (the welcome page shows it too)
    deskRequested = Signal(str)  # the welcome screen's "Reception desk" (portal URL)

    def __init__(
        self,
        profile: Profile,
        secrets: SecretStore,
        language: LanguageManager,
        demo_starter: Callable[[], DemoEnvironment] | None = None,
        known_portals: list[KnownPortal] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile = profile
        self.language = language
        self.accounts = AccountManager(profile, secrets)
        self._demo_starter = demo_starter
        self._demo: DemoEnvironment | None = None
        self._first_sync_pending = False
        self.runner = TaskRunner(self)
        self.ctx = AppContext(self.runner, self)
        self.ctx.settings = profile.settings
        self.window = MainWindow(self.ctx)
        # The portals the app knows (a data file shipped with it), the demo portal first.
        portals = load_portals() if known_portals is None else known_portals
        if demo_starter is None:
            portals = [p for p in portals if not p.demo]  # nothing to start it with
        self.window.welcome.set_portals(portals)
        self.window.welcome.signInRequested.connect(self.sign_in)
        self.window.welcome.demoRequested.connect(self.start_demo)
        self.window.welcome.deskRequested.connect(self.deskRequested)
        self.window.addAccountRequested.connect(self._on_add_account)
        self.window.switchAccountRequested.connect(self.switch_account)
        self.window.signOutRequested.connect(self.sign_out)
        self.window.manageAccountRequested.connect(self._on_manage_account)
        self.window.settingsRequested.connect(self.show_settings)
        self.window.closing.connect(self.shutdown)
        self.ctx.syncFinished.connect(self._on_sync_finished)
        self._management_url: str | None = None
        self._settings_dialog: SettingsDialog | None = None
        self.link_dialog: LinkDialog | None = None
        self._shut_down = False

    # -- start ------------------------------------------------------------------------
    def start(self, demo: bool = False) -> None:
        settings = self.profile.settings
        self.window.restore_ui_state(
            {
                "geometry": settings.get("window_geometry"),
                "maximized": settings.get("window_maximized"),
                "tab": settings.get("last_tab"),
            }
        )
        if demo:
            self.start_demo()
            return
        # The account registry lives partly in the keyring, which may ask the user to
        # unlock it: never on the GUI thread.
        self.runner.submit(self.accounts.current, on_done=self._open_if_any)

    def _open_if_any(self, current: Account | None) -> None:
        if current is not None and self.ctx.session is None:
            # Even when its session ended the cached card opens; the sync then says
            # "sign in again" in the banner instead of hiding the card.
            self.open_account(current)

    # -- signing in -------------------------------------------------------------------
    def sign_in(self, portal_url: str) -> None:
        self.window.welcome.set_busy(True, self.tr("Finish signing in in your browser…"))
        self.runner.submit(
            self._sign_in_and_open,
            self.accounts,
            portal_url,
            webbrowser.open,
            on_done=self._on_parts_ready,
            on_error=self._on_sign_in_failed,
        )

    def start_demo(self) -> None:
        if self._demo_starter is None:
            return
        self.window.welcome.set_busy(True, self.tr("Starting the demo portal…"))
        self.runner.submit(
            self._start_demo_worker, on_done=self._on_parts_ready, on_error=self._on_sign_in_failed
        )

    def _start_demo_worker(self) -> SessionParts:
        """Worker thread: start the demo portal, use a throw-away profile, sign in."""
        assert self._demo_starter is not None
        if self._demo is None:
            self._demo = self._demo_starter()
            # Demo data never touches the real profile or the OS keyring.
            self.accounts = AccountManager(Profile(self._demo.profile_dir), MemorySecretStore())
        return self._sign_in_and_open(self.accounts, self._demo.base_url, self._demo.open_url)

    @staticmethod
    def _sign_in_and_open(
        accounts: AccountManager, portal_url: str, open_url: Callable[[str], object]
    ) -> SessionParts:
        account = sign_in_account(accounts, portal_url, open_url)
        return open_session_parts(accounts, account)

    def open_account(self, account: Account) -> None:
        self.runner.submit(
            open_session_parts,
            self.accounts,
            account,
            on_done=self._on_parts_ready,
            on_error=self._on_sign_in_failed,
        )

    def _on_parts_ready(self, parts: SessionParts) -> None:
        self.window.welcome.set_busy(False)
        session = make_session(self.runner, parts)
        last = self.profile.settings.get("last_patient")
        self.ctx.set_session(session, last if isinstance(last, str) else "")
        self._refresh_account_menu()
        # Demo data must never pass for a real card: the window says it is the demo.
        self.window.set_demo_mode(self._is_demo_account(parts.account))
        self._first_sync_pending = True
        self._management_url = None
        session.fetch(management_url, on_done=self._on_management_url)
        session.start_sync()

    def _is_demo_account(self, account: Account) -> bool:
        demo = self._demo
        return demo is not None and account.portal_url.rstrip("/") == demo.base_url.rstrip("/")

    def _on_sign_in_failed(self, exc: BaseException) -> None:
        message = user_message_for(exc)
        self.window.welcome.set_busy(False, message, error=True)
        if self.ctx.session is not None:
            self.ctx.errorOccurred.emit(message)
        self.signInFailed.emit(message)

    def _on_management_url(self, url: str | None) -> None:
        self._management_url = url
        self.window.act_manage.setEnabled(url is not None)

    def _on_sync_finished(self, ok: bool) -> None:
        if self._first_sync_pending:
            self._first_sync_pending = False
            self.firstSyncDone.emit(ok)

    # -- account menu -----------------------------------------------------------------
    def _refresh_account_menu(self) -> None:
        self.runner.submit(self.accounts.list, on_done=self._show_accounts)

    def _show_accounts(self, accounts: list[Account]) -> None:
        current = self.ctx.account
        entries = [(a.id, f"{a.display_name} — {a.portal_url}") for a in accounts]
        self.window.set_accounts(entries, current.id if current is not None else "")

    def _on_add_account(self) -> None:
        self.window.pages.setCurrentWidget(self.window.welcome)

    def switch_account(self, account_id: str) -> None:
        if self.ctx.account is not None and self.ctx.account.id == account_id:
            return
        self.ctx.set_session(None)  # at once: the old card leaves the screen
        self.runner.submit(
            self.accounts.switch,
            account_id,
            on_done=self.open_account,
            on_error=lambda exc: self.ctx.errorOccurred.emit(user_message_for(exc)),
        )

    def sign_out(self) -> None:
        session = self.ctx.session
        if session is None:
            return
        account_id, cache_closed = session.account.id, session.cache_closed
        self.ctx.set_session(None)  # never blocks: a running sync stops on its own thread
        self.profile.settings.set("last_patient", None)
        self.runner.submit(
            _sign_out_when_closed,
            self.accounts,
            account_id,
            cache_closed,
            on_done=lambda _r: self._refresh_account_menu(),
        )

    def _on_manage_account(self) -> None:
        url = self._management_url
        if url:
            # Starting a browser may take a while (xdg-open): not on the GUI thread. When
            # none starts, say so and offer the address to copy.
            self.runner.submit(
                webbrowser.open,
                url,
                on_done=lambda opened: self._after_open(url, bool(opened)),
                on_error=lambda _exc: self._after_open(url, False),
            )

    def _after_open(self, url: str, opened: bool) -> None:
        if not opened:
            self.link_dialog = LinkDialog.show_for(url, self.window)
            self.link_dialog.destroyed.connect(lambda: setattr(self, "link_dialog", None))

    def show_settings(self) -> None:
        if self._settings_dialog is None:
            settings = self.profile.settings
            dialog = SettingsDialog(
                str(settings.get("language") or "system"),
                bool(settings.get("reminders_enabled", True)),
                self.window,
            )
            dialog.languageChosen.connect(self.set_language)
            dialog.remindersToggled.connect(
                lambda on: self.profile.settings.set("reminders_enabled", on)
            )
            self._settings_dialog = dialog
        self._settings_dialog.show()
        self._settings_dialog.raise_()

    def set_language(self, choice: str) -> None:
        self.language.apply(None if choice == "system" else choice)
        self.profile.settings.set("language", None if choice == "system" else choice)

    # -- shutdown ---------------------------------------------------------------------
    def shutdown(self) -> None:
        """Save the window state, stop work, close the cache, stop the demo portal."""
        if self._shut_down:
            return
        self._shut_down = True
        state = self.window.ui_state()
        try:
            self.profile.settings.update(
                {
                    "window_geometry": state["geometry"],
                    "window_maximized": state["maximized"],
                    "last_tab": state["tab"],
                    "last_patient": state["patient"] or None,
                }
            )
        except Exception as exc:  # noqa: BLE001 - never block closing on a settings write
            log.warning("could not save window state", exc_info=exc)
        session = self.ctx.session
        self.ctx.set_session(None)  # tells a running sync to stop; the cache closes after
        self.runner.stop()
        if session is not None and not session.cache_closed.wait(CLOSE_WAIT_S):
            log.warning("the cache did not close in time")
        demo, self._demo = self._demo, None
        for step in demo.cleanup if demo else []:
            try:
                step()
            except Exception as exc:  # noqa: BLE001
                log.warning("demo cleanup failed", exc_info=exc)
