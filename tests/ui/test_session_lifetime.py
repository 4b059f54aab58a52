"""Sign-out, switching accounts and quitting answer at once during a big first sync.

The portal holds 20,000 extra records for the family and answers every one of the
family's requests 0.3 s late, so a first sync takes many seconds; the window must not
wait for it. Each check measures the GUI call itself (the sync stops on its own thread).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from demo_portal.embedded import DemoPortal
from tests.ui.conftest import autologin_browser, make_controller

ANSWER_WITHIN_S = 1.0


@pytest.fixture
def slow_portal(tmp_path: Path):
    with DemoPortal(db_path=tmp_path / "portal.db", scale=20_000) as portal:
        portal.faults.slow(0.3, count=100_000, path_contains="ivanov-sergey")
        yield portal


def syncing_window(qtbot, portal: DemoPortal, tmp_path: Path):
    """The window signed in to the family, its first sync running (pages arriving)."""
    from desktop.views.controller import DemoEnvironment

    def demo() -> DemoEnvironment:
        return DemoEnvironment(portal.base_url, autologin_browser(), str(tmp_path / "demo"))

    controller = make_controller(tmp_path / "profile", demo_starter=demo)
    qtbot.addWidget(controller.window)
    controller.window.show()
    with qtbot.waitSignal(controller.ctx.syncProgress, timeout=60_000):
        controller.start(demo=True)
    assert controller.ctx.session is not None and controller.ctx.session.syncing
    return controller


def test_sign_out_during_a_big_first_sync_answers_at_once(qtbot, slow_portal, tmp_path):
    controller = syncing_window(qtbot, slow_portal, tmp_path)
    session = controller.ctx.session
    folder = controller.accounts.profile.account_dir(session.account.id)
    started = time.monotonic()
    controller.window.act_sign_out.trigger()
    assert time.monotonic() - started < ANSWER_WITHIN_S
    assert controller.window.pages.currentWidget() is controller.window.welcome
    assert controller.window.tab_widget("card").model.rowCount() == 0
    # The sync stops at its next request, the cache closes, then the files go.
    qtbot.waitUntil(session.cache_closed.is_set, timeout=5_000)
    qtbot.waitUntil(lambda: not folder.exists(), timeout=10_000)
    assert controller.accounts.list() == []
    controller.shutdown()


def test_switching_accounts_during_a_big_first_sync_answers_at_once(qtbot, slow_portal, tmp_path):
    controller = syncing_window(qtbot, slow_portal, tmp_path)
    family = controller.ctx.session
    elder = controller.accounts.sign_in(
        slow_portal.base_url, open_url=autologin_browser("elder@demo.medcard"), timeout=30
    )
    started = time.monotonic()
    with qtbot.waitSignal(controller.firstSyncDone, timeout=60_000):
        controller.switch_account(elder.id)
        assert time.monotonic() - started < ANSWER_WITHIN_S
    qtbot.waitUntil(family.cache_closed.is_set, timeout=5_000)
    assert controller.ctx.account.id == elder.id
    controller.settle = None
    qtbot.waitUntil(lambda: not controller.runner.is_busy(), timeout=10_000)
    names = [b.text() for b in controller.window.header.person_group.buttons()]
    assert len(names) == 1 and "Анна" in names[0]  # nothing of the family's card shows
    controller.shutdown()


def test_quitting_during_a_big_first_sync_answers_at_once(qtbot, slow_portal, tmp_path):
    controller = syncing_window(qtbot, slow_portal, tmp_path)
    session = controller.ctx.session
    started = time.monotonic()
    controller.window.close()  # the close event shuts the app down
    assert time.monotonic() - started < ANSWER_WITHIN_S
    assert controller.ctx.session is None and session.cache_closed.is_set()
    assert controller.runner.stopped
