"""Fixtures for the UI tests: a real SQLCipher cache holding the demo family's card.

`card_cache` stores the demo generator's resources through the cache's own ingest path
(the same projection code a sync uses); end-to-end tests sign in to the embedded demo
portal and sync through the real services instead (see test_window.py).
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.services.cache import Cache

CACHE_KEY = "00" * 32
TODAY = dt.date(2026, 11, 25)  # fixed, so counts do not drift with the calendar
MAIN = "ivanov-sergey"
CHILD = "ivanova-masha"
# The card's records as SQL ground truth: the timeline minus ImagingStudies that a
# DiagnosticReport links to (the card shows a study as its report).
SHOWN_TIMELINE = (
    "(SELECT * FROM timeline t WHERE NOT (t.resource_type = 'ImagingStudy' AND EXISTS"
    " (SELECT 1 FROM links l WHERE l.dst_id = t.resource_id"
    " AND l.src_type = 'DiagnosticReport')))"
)


@pytest.fixture(scope="session")
def card_cache_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache file per session with the demo dataset (read-only for tests)."""
    from demo_portal.datagen import generate

    path = tmp_path_factory.mktemp("card-cache") / "cache.db"
    with Cache.open(path, CACHE_KEY) as cache:
        cache.ingest(generate(seed=42, scale=0, today=TODAY).resources)
    return path


@pytest.fixture
def card_cache(card_cache_file: Path, tmp_path: Path) -> Iterator[Cache]:
    """A private copy of the session cache, so a test may write without side effects."""
    copy = tmp_path / "cache.db"
    shutil.copy(card_cache_file, copy)
    cache = Cache.open(copy, CACHE_KEY)
    yield cache
    cache.close()


# -- end to end: the real sign-in and sync against the embedded demo portal -------------

FAMILY_EMAIL = "family@demo.medcard"
DEMO_PASSWORD = "demo1234"


def autologin_browser(email: str = FAMILY_EMAIL):
    from demo_portal import autologin

    return lambda url: autologin.follow(url, email, DEMO_PASSWORD)


def sign_in_and_sync(portal_url: str, profile_dir: Path):
    """Sign in through SMART (autologin plays the browser) and sync once, synchronously.

    Returns (accounts, account): the account's cache is at accounts.cache_path(id)."""
    from desktop.models.signin import open_session_parts, sign_in_account, sync_factory
    from desktop.services.accounts import AccountManager
    from desktop.services.profile import Profile
    from desktop.services.secrets import MemorySecretStore

    accounts = AccountManager(Profile(profile_dir), MemorySecretStore())
    account = sign_in_account(accounts, portal_url, autologin_browser())
    parts = open_session_parts(accounts, account)
    try:
        sync_factory(
            parts.client, parts.cache, parts.patient_ids, lambda *_: None, threading.Event()
        ).run()
    finally:
        parts.cache.close()
    return accounts, account


@dataclass
class SyncedSeed:
    """A signed-in account synced once; tests copy it instead of syncing from zero."""

    portal_url: str
    tokens_json: str
    cache_file: Path
    cache_key: str


def seed_from(portal_url: str, home: Path) -> SyncedSeed:
    """Sign the family in at a portal and sync once: the seed for `make_controller`."""
    from desktop.services.auth import tokens_key

    accounts, account = sign_in_and_sync(portal_url, home)
    return SyncedSeed(
        portal_url=portal_url,
        tokens_json=accounts.secrets.get(tokens_key(account.id)),
        cache_file=accounts.cache_path(account.id),
        cache_key=accounts.cache_key(account.id),
    )


@pytest.fixture(scope="session")
def synced_seed(portal, tmp_path_factory: pytest.TempPathFactory) -> SyncedSeed:
    return seed_from(portal.base_url, tmp_path_factory.mktemp("seed"))


def started_window(qtbot, profile_dir: Path, seed: SyncedSeed):
    """The main window shown, signed in from the seed, its first (incremental) sync done."""
    controller = make_controller(profile_dir, seed=seed)
    qtbot.addWidget(controller.window)
    controller.window.show()
    with qtbot.waitSignal(controller.firstSyncDone, timeout=30_000):
        controller.start()
    # The tabs read what the sync brought off the GUI thread: wait for their answers.
    controller.settle = lambda: settle(qtbot, controller.runner, _card_model(controller))
    controller.settle()
    return controller


def _card_model(controller: Any) -> Any:
    card = controller.window.tab_widget("card")
    return card.model if card is not None else None


def make_controller(profile_dir: Path, seed: SyncedSeed | None = None, demo_starter=None):
    """A real AppController on its own profile; with `seed`, already signed in + synced."""
    from desktop.services.accounts import cache_key_name
    from desktop.services.auth import sign_in
    from desktop.services.profile import Profile
    from desktop.services.secrets import MemorySecretStore
    from desktop.views.controller import AppController
    from desktop.views.language import LanguageManager

    profile = Profile(profile_dir)
    secrets = MemorySecretStore()
    controller = AppController(profile, secrets, LanguageManager(), demo_starter=demo_starter)
    if seed is not None:
        # Tokens of its own: a test that signs out revokes them, and must not sign out the
        # other tests. The synced cache is shared (copied), which is what makes this fast.
        tokens = sign_in(seed.portal_url, open_url=autologin_browser(), timeout=30)
        account = controller.accounts.add(seed.portal_url, tokens)
        shutil.copy(seed.cache_file, controller.accounts.cache_path(account.id))
        secrets.set(cache_key_name(account.id), seed.cache_key)
    return controller


@pytest.fixture
def signed_in(qtbot, synced_seed: SyncedSeed, tmp_path: Path):
    """The main window signed in to the session portal, first (incremental) sync done."""
    controller = started_window(qtbot, tmp_path / "profile", synced_seed)
    yield controller
    controller.language.apply("en")  # the next test starts in English whatever this did
    controller.shutdown()


class TabHarness:
    """One feature tab on a live session of an account, without the main window: the
    task runner, the app context, the tab; `close()` tears them down."""

    tab: Any

    def __init__(self, qtbot: Any, accounts: Any, account: Any, retry: Any = None) -> None:
        from desktop.models.context import AppContext
        from desktop.models.signin import make_session, open_session_parts
        from desktop.models.tasks import TaskRunner

        self.qtbot = qtbot
        self.runner = TaskRunner()
        self.ctx = AppContext(self.runner)
        parts = open_session_parts(accounts, account)
        if retry is not None:
            parts.client.retry = retry
        self.ctx.set_session(make_session(self.runner, parts))

    def sync(self) -> None:
        with self.qtbot.waitSignal(self.ctx.syncFinished, timeout=60_000) as finished:
            self.ctx.sync_now()
        assert finished.args == [True]

    def show_tab(self, tab: Any, width: int = 1280, height: int = 760) -> None:
        self.tab = tab
        tab.resize(width, height)
        tab.show()

    def settle(self, timeout: int = 20_000) -> None:
        self.qtbot.waitUntil(lambda: not self.runner.is_busy(), timeout=timeout)

    def close(self) -> None:
        self.tab.close()
        self.tab.deleteLater()
        self.ctx.set_session(None)
        self.runner.stop()


def cache_session(runner: Any, cache: Cache, own: str = MAIN, ids: tuple[str, ...] = (MAIN,)):
    """A real AccountSession over a cache file with no portal behind it (tests that only
    read the card); it does not sync."""
    from desktop.models.session import AccountSession, SessionParts
    from desktop.services.accounts import Account

    account = Account("cache-only", "http://127.0.0.1:9/fhir", "Test", own, ids)
    parts = SessionParts(
        account=account,
        client=None,  # type: ignore[arg-type] - never used: no sync, no portal calls
        cache=cache,
        own_patient_id=own,
        patient_ids=list(ids),
    )
    return AccountSession(runner, parts)


def settle(qtbot: Any, runner: Any, model: Any = None, timeout: int = 10_000) -> None:
    """Wait until background work (queries, detail reads) has answered."""

    def idle() -> bool:
        return not runner.is_busy() and not getattr(model, "loading", False)

    qtbot.waitUntil(idle, timeout=timeout)
