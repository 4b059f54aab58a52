"""Composition root: parse arguments, build services, models and the main window.

`medcard sign-in|sync|accounts|sign-out ...` runs the Qt-free command line. Everything
else starts the desktop app; `--demo` starts the embedded demo portal (the only place in
`desktop` allowed to import `demo_portal`) and signs in as the demo family without a
browser, in a throw-away profile that is deleted on exit.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from desktop.services.cli_args import ArgumentParser
from desktop.services.i18n import N_, tr

CLI_COMMANDS = {"sign-in", "sync", "accounts", "sign-out"}
DEMO_EMAIL = "family@demo.medcard"
DEMO_PASSWORD = "demo1234"
DEMO_DESK_EMAIL = "desk@demo.medcard"  # the demo clinic's registrar (issue 14)
SCREENSHOT_TIMEOUT_MS = 180_000
# The names of desktop/views/tabs.py TABS (a test keeps them equal; the command line must
# not import Qt to parse its arguments).
TAB_NAMES = ("card", "labs", "appointments", "family", "services", "documents", "clinic")
DESK_TABS = ("desk", "board")  # the registry desk's pages (--desk)
WELCOME = "welcome"  # --tab welcome: a screenshot of the welcome screen (nobody signed in)


COMMANDS_HELP = N_(
    """commands (no window; see medcard COMMAND --help):
  sign-in --portal URL   sign in at a patient portal in the browser
  sync [--json]          download what is new for every account
  accounts [--json]      list the accounts of this computer
  sign-out [ACCOUNT]     sign out and delete that account's data here

options of the commands:
  --profile DIR          profile folder (default: per user, or MEDCARD_PROFILE)
  --secret-store keyring|encrypted-file
                         where the sign-in is kept; encrypted-file asks for a master
                         password (or reads MEDCARD_MASTER_PASSWORD)"""
)


def build_parser() -> argparse.ArgumentParser:
    parser = ArgumentParser(
        prog="medcard",
        usage="%(prog)s [--demo] [--desk] [--profile DIR] [--lang {ru,en}]"
        " [--screenshot FILE [--tab NAME] [--size WxH]]\n"
        "       %(prog)s {sign-in,sync,accounts,sign-out} ...",
        description=tr(N_("Medcard: your electronic medical card on the desktop.")),
        epilog=tr(COMMANDS_HELP),
    )
    parser.add_argument(
        "--demo", action="store_true", help=tr(N_("run against the built-in demo portal"))
    )
    parser.add_argument(
        "--profile", metavar="DIR", help=tr(N_("profile folder (default: per user)"))
    )
    parser.add_argument("--lang", choices=("ru", "en"), help=tr(N_("interface language")))
    parser.add_argument(
        "--screenshot", metavar="FILE", help=tr(N_("save a PNG of the window and exit"))
    )
    parser.add_argument(
        "--desk",
        action="store_true",
        help=tr(N_("the registry desk: staff find patients, book and print")),
    )
    parser.add_argument(
        "--tab",
        choices=(*TAB_NAMES, *DESK_TABS, WELCOME),
        default="card",
        help=tr(N_("tab for --screenshot (or welcome: the welcome screen)")),
    )
    parser.add_argument("--size", default="1280x800", metavar="WxH", help=tr(N_("window size")))
    # For measuring start-up (benchmarks/first_window.py), not for users: kept out of --help.
    parser.add_argument("--quit-after-first-window", action="store_true", help=argparse.SUPPRESS)
    return parser


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x", 1))
    except ValueError:
        message = tr(N_("--size wants WxH, e.g. 1280x800, not {text}"))
        raise argparse.ArgumentTypeError(message.format(text=repr(text))) from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise argparse.ArgumentTypeError(tr(N_("--size is out of range")))
    return w, h


WRONG_CREDENTIALS = N_(
    "The portal did not accept the e-mail or the password. Check them and sign in again."
)


def demo_browser(email: str, password: str):  # -> Callable[[str], str]
    """What opens the demo portal's sign-in page: its login and consent are followed over
    HTTP (no browser), and a refused password is said as such, never as a browser that
    would not start."""
    from demo_portal import autologin
    from desktop.services.errors import SignInFailed

    def open_url(url: str) -> str:
        try:
            return autologin.follow(url, email, password)
        except autologin.WrongCredentials:
            raise SignInFailed(
                "the portal refused the password", user_message=WRONG_CREDENTIALS
            ) from None

    return open_url


def start_demo_environment(email: str = DEMO_EMAIL):  # -> DemoEnvironment (lazy: Qt-heavy)
    """Start the embedded demo portal; sign-in follows its pages over HTTP (no browser)."""
    from demo_portal.embedded import DemoPortal
    from desktop.views.controller import DemoEnvironment

    portal = DemoPortal()
    portal.start()
    folder = tempfile.TemporaryDirectory(prefix="medcard-demo-")
    return DemoEnvironment(
        base_url=portal.base_url,
        open_url=demo_browser(email, DEMO_PASSWORD),
        profile_dir=folder.name,
        cleanup=[portal.stop, folder.cleanup],
    )


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in CLI_COMMANDS:
        from desktop.services.cli import main as cli_main

        return cli_main(args_list)
    args = build_parser().parse_args(args_list)
    try:
        size = parse_size(args.size)
    except argparse.ArgumentTypeError as exc:
        print(exc, file=sys.stderr)
        return 2
    return run_gui(args, size)


def run_gui(args: argparse.Namespace, size: tuple[int, int]) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.models.tasks import user_message_for
    from desktop.services.errors import MedcardError
    from desktop.services.logs import setup_logging
    from desktop.services.profile import Profile, ProfileNotWritable, default_profile_dir
    from desktop.services.secrets import MemorySecretStore, SecretStore
    from desktop.services.threads import watch_gui_thread
    from desktop.views import error_dialog
    from desktop.views.card import CardTab
    from desktop.views.controller import AppController
    from desktop.views.language import LanguageManager
    from desktop.views.qt_messages import quiet_platform_warnings
    from desktop.views.secrets_dialogs import open_profile_secrets
    from desktop.views.style import apply_style

    quiet_platform_warnings()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    app.setApplicationName("Medcard")
    app.setOrganizationName("Medcard")
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("medcard")  # ties the window to medcard.desktop (Wayland, taskbars)
    apply_style(app)

    # Before the profile is read: a message about the profile is in the user's language too.
    language = LanguageManager(app)
    language.apply(args.lang)
    demo_dir = tempfile.TemporaryDirectory(prefix="medcard-profile-") if args.demo else None
    folder = Path(demo_dir.name) if demo_dir else (Path(args.profile) if args.profile else None)
    try:
        profile = Profile(folder)
        folder = profile.path
        log_file = setup_logging(profile.path)
        error_dialog.install(log_file)
        # GUI code that waits for the cache or the portal is a bug: say where, in the log.
        gui_log = logging.getLogger("medcard.gui-thread")
        watch_gui_thread(lambda where: gui_log.warning("%s", where, stack_info=True))
        language.apply(args.lang or profile.settings.get("language"))
        if args.desk:  # the registry desk: no keyring, no cache, a window of its own
            return run_desk_mode(app, args, size, profile, language)
        secrets: SecretStore | None = MemorySecretStore()
        if not args.demo:
            # The keyring, or (asked of the user) an encrypted file with a master password.
            secrets = open_profile_secrets(profile)
        if secrets is None:
            return 1  # the user chose to quit, or cancelled the password prompt
    except (MedcardError, OSError) as exc:  # e.g. a profile folder that cannot be written
        if isinstance(exc, OSError):  # a file in the profile the services did not expect
            exc = ProfileNotWritable(Path(exc.filename or folder or default_profile_dir()), exc)
        text = user_message_for(exc)  # what is wrong and where, translated; no traceback
        print(text, file=sys.stderr)
        if not args.screenshot:  # a person started the app: say it where they look
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, "Medcard", text)
        return 2

    controller = AppController(profile, secrets, language, demo_starter=start_demo_environment)
    window = controller.window
    desk_wanted: list[str] = []  # the welcome screen's "Reception desk": the portal chosen

    def open_desk(url: str) -> None:
        desk_wanted.append(url)
        app.quit()  # the patient window closes; the desk's opens in its place

    controller.deskRequested.connect(open_desk)
    window.resize(*size)
    exit_code = 0

    if args.screenshot and args.tab == WELCOME:
        # The welcome screen as a first start shows it: nobody is signed in, no portal
        # is started; its list of portals is read from the data file.
        window.resize(*size)
        window.show()
        when_settled(controller.runner, lambda: _save_and_quit(window, args.screenshot, app))
        try:
            return app.exec()
        finally:
            controller.shutdown()
            _tear_down(window, controller)
            if demo_dir is not None:
                demo_dir.cleanup()

    if args.screenshot:

        def capture(_ok: bool) -> None:
            window.show_tab(args.tab)
            card = window.tab_widget("card")

            def showcase() -> None:  # a record in the detail pane too
                if args.tab == "card" and isinstance(card, CardTab):
                    card.select_showcase_row()
                elif callable(
                    pick := getattr(window.tab_widget(args.tab), "select_showcase_row", None)
                ):
                    pick()  # a tab with something to show opened (a document, a service line)

            # The tabs re-read what the sync brought: pick the record on those rows.
            when_settled(
                controller.runner,
                showcase,
                then=lambda: when_settled(
                    controller.runner, lambda: _save_and_quit(window, args.screenshot, app)
                ),
            )

        def fail(message: str) -> None:
            nonlocal exit_code
            print(message, file=sys.stderr)
            exit_code = 1
            app.quit()

        controller.firstSyncDone.connect(capture)
        controller.signInFailed.connect(fail)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: fail("timed out waiting for sync"))

    controller.start(demo=args.demo)
    if args.screenshot:
        window.resize(*size)
    window.show()
    if args.quit_after_first_window:
        QTimer.singleShot(0, lambda: _first_window_then_quit(window, app))
    try:
        code = app.exec()
        if desk_wanted:
            window.hide()
            controller.shutdown()
            url = desk_wanted[0]  # empty: the demo portal was chosen
            code = run_desk_mode(app, args, size, profile, language, portal=url, demo=not url)
    finally:
        controller.shutdown()
        _tear_down(window, controller)
        if demo_dir is not None:
            demo_dir.cleanup()
    return exit_code or code


def application_icon():  # -> QIcon (Qt imported lazily, as in run_gui)
    """The Medcard icon from its PNG renders, so each place picks a crisp size."""
    from PySide6.QtGui import QIcon

    from desktop.resource_files import resource_path

    icon = QIcon()
    for png in sorted(resource_path("icons").glob("medcard-*.png")):
        icon.addFile(str(png))
    return icon


def _first_window_then_quit(window, app) -> None:  # noqa: ANN001 - Qt objects
    window.grab()  # one full paint of the window, whatever the platform plugin does on show
    print("first window shown", flush=True)
    app.quit()


def _tear_down(*objects) -> None:  # noqa: ANN002 - Qt objects
    """Delete the window and its controller now, while the QApplication lives: left to
    Python's exit, widgets (the charts' graphics items above all) could be destroyed after
    it, a crash at exit in some runs."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for item in objects:
        item.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def run_desk_mode(  # noqa: ANN001
    app, args, size, profile, language, portal: str = "", demo: bool = False
) -> int:
    """The registry desk (desktop/views/desk): `--demo --desk` (or the welcome screen's
    desk button with the demo portal chosen) signs in as the demo desk."""
    from desktop.views.desk.launch import run_desk

    # Demo mode: a demo portal of the desk's own (the patient window's stopped with it).
    starter = (lambda: start_demo_environment(DEMO_DESK_EMAIL)) if args.demo or demo else None
    return run_desk(app, args, size, profile, language, starter, portal=portal, settle=when_settled)


SETTLE_MS = 300  # quiet time before grabbing: layouts settle, the tabs paint
SETTLE_LIMIT_MS = 15_000


def when_settled(runner, action, then=None) -> None:  # noqa: ANN001 - Qt objects
    """Run `action` once the tabs' background reads have answered and the window stayed
    quiet for a moment (then `then`)."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    clock, quiet = QElapsedTimer(), QElapsedTimer()
    clock.start()
    quiet.start()

    def poll() -> None:
        if runner.is_busy():
            quiet.restart()
        if quiet.elapsed() >= SETTLE_MS or clock.elapsed() >= SETTLE_LIMIT_MS:
            action()
            if then is not None:
                then()
        else:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


def _save_and_quit(window, path: str, app) -> None:  # noqa: ANN001 - Qt objects
    pixmap = window.grab()
    if not pixmap.save(path, "PNG"):
        print(f"could not write {path}", file=sys.stderr)
        app.exit(1)
        return
    app.quit()


if __name__ == "__main__":
    raise SystemExit(main())
