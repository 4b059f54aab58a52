"""The main window end to end: real SMART sign-in, real sync, real SQLCipher cache."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from demo_portal.embedded import DemoPortal
from desktop.views.welcome_portals import CUSTOM
from tests.ui.conftest import CHILD, MAIN, SHOWN_TIMELINE, make_controller


def timeline_count(cache, patient_id: str) -> int:
    with cache.read() as conn:
        return conn.exec_driver_sql(
            f"SELECT count(*) FROM {SHOWN_TIMELINE} WHERE patient_id = ?", (patient_id,)
        ).scalar()


def test_opens_on_own_card_with_header(signed_in):
    window, ctx = signed_in.window, signed_in.ctx
    assert window.pages.currentWidget() is window.work
    assert ctx.patient_id == MAIN
    names = [b.text() for b in window.header.person_group.buttons()]
    assert any("Сергей" in n for n in names) and any("Мария" in n for n in names)
    card = window.tab_widget("card")
    assert card.model.total == timeline_count(ctx.session.cache, MAIN) > 0
    assert window.header.status_label.text().startswith("Synced")


def test_switching_to_the_child_changes_view_and_header(qtbot, signed_in):
    window, ctx = signed_in.window, signed_in.ctx
    card = window.tab_widget("card")
    card.table.selectRow(0)
    signed_in.settle()
    child_button = next(b for b in window.header.person_group.buttons() if "Мария" in b.text())
    with qtbot.waitSignal(ctx.patientChanged, timeout=2000):
        child_button.click()
    signed_in.settle()
    assert ctx.patient_id == CHILD
    assert child_button.isChecked()
    assert card.model.total == timeline_count(ctx.session.cache, CHILD)
    assert card.detail.plain_text() == ""  # the adult's record is no longer shown
    rows = {card.model.row_at(i).resource_id for i in range(card.model.rowCount())}
    with ctx.session.cache.read() as conn:
        adult_ids = set(
            conn.exec_driver_sql(
                "SELECT resource_id FROM timeline WHERE patient_id = ?", (MAIN,)
            ).scalars()
        )
    assert not rows & adult_ids


def test_progress_bar_moves_during_a_full_sync(qtbot, portal, tmp_path):
    """Demo-mode start: SMART sign-in through autologin, then a full first sync."""
    from desktop.views.controller import DemoEnvironment
    from tests.ui.conftest import autologin_browser

    def demo() -> DemoEnvironment:
        return DemoEnvironment(portal.base_url, autologin_browser(), str(tmp_path / "demo"))

    controller = make_controller(tmp_path / "profile", demo_starter=demo)
    qtbot.addWidget(controller.window)
    header, ctx = controller.window.header, controller.ctx
    seen: list[tuple[int, int, bool]] = []

    def record(_done: int, _total: int) -> None:
        bar = header.progress
        seen.append((bar.value(), bar.maximum(), bar.isVisible()))

    ctx.syncProgress.connect(record)
    controller.window.show()
    with qtbot.waitSignal(controller.firstSyncDone, timeout=60_000) as done:
        controller.start(demo=True)
    assert done.args == [True]
    assert seen, "no progress was reported"
    assert all(visible for _v, _m, visible in seen)
    values = [v for v, _m, _vis in seen]
    assert len(set(values)) >= 2 and values == sorted(values)  # it moved forward
    assert not header.progress.isVisible() and header.sync_button.isEnabled()
    controller.shutdown()


def test_language_switch_changes_visible_strings(qtbot, signed_in):
    window = signed_in.window
    card = window.tab_widget("card")
    assert window.tabs.tabText(0) == "Medical card"
    assert card.filters.count_label.text().startswith("Records found")
    signed_in.set_language("ru")
    # Qt posts LanguageChange to every widget: wait for the event loop to deliver it.
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Медкарта", timeout=3000)
    signed_in.settle()
    assert card.filters.count_label.text().startswith("Найдено записей")
    assert window.header.sync_button.text() == "Обновить"
    assert card.model.headerData(0, Qt.Orientation.Horizontal) == "Дата"
    first_date = card.model.index(0, 0).data()
    assert "." in first_date  # dd.MM.yyyy in the Russian locale
    signed_in.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Medical card", timeout=3000)
    assert signed_in.profile.settings.get("language") == "en"


def test_sign_out_empties_the_window(qtbot, signed_in):
    window, ctx = signed_in.window, signed_in.ctx
    account = ctx.account
    folder = signed_in.profile.account_dir(account.id)
    assert folder.exists()
    window.act_sign_out.trigger()
    assert window.pages.currentWidget() is window.welcome
    card = window.tab_widget("card")
    assert card.model.rowCount() == 0 and card.detail.plain_text() == ""
    assert window.header.person_group.buttons() == []
    qtbot.waitUntil(lambda: not folder.exists(), timeout=10_000)
    assert signed_in.accounts.list() == []


def test_window_state_is_remembered(qtbot, signed_in, tmp_path):
    window = signed_in.window
    child_button = next(b for b in window.header.person_group.buttons() if "Мария" in b.text())
    child_button.click()
    window.resize(1000, 700)
    signed_in.shutdown()
    settings = signed_in.profile.settings
    assert settings.get("last_patient") == CHILD
    assert settings.get("window_geometry")[2:] == [1000, 700]
    assert settings.get("last_tab") == "card"
    text = (Path(signed_in.profile.path) / "settings.json").read_text(encoding="utf-8")
    assert "access_token" not in text and "refresh" not in text


def window_on_own_portal(qtbot, portal: DemoPortal, tmp_path: Path):
    """A signed-in, synced main window on a portal of the test's own (one it may stop
    or change without harming other tests)."""
    from tests.ui.conftest import seed_from, started_window

    seed = seed_from(portal.base_url, tmp_path / "seed")
    return started_window(qtbot, tmp_path / "profile", seed)


def test_offline_badge_and_browsing_when_portal_stops(qtbot, tmp_path):
    with DemoPortal(db_path=tmp_path / "portal.db") as portal:
        controller = window_on_own_portal(qtbot, portal, tmp_path)
        portal.stop()
        header = controller.window.header
        with qtbot.waitSignal(controller.ctx.syncFinished, timeout=60_000) as done:
            header.sync_button.click()
        assert done.args == [False]
        assert header.offline_badge.isVisible() and header.offline_badge.text() == "Offline"
        assert not controller.window.banner.isVisible()  # the badge says it; no error wall
        card = controller.window.tab_widget("card")
        assert card.model.total > 0
        card.filters.chips["lab"].click()
        controller.settle()
        card.table.selectRow(0)
        controller.settle()
        assert card.model.row_at(0).title in card.detail.plain_text()
        controller.shutdown()


def test_a_record_deleted_on_the_portal_leaves_the_open_card(qtbot, tmp_path):
    """The clinic withdraws a diagnosis the user is looking at: after the next sync it is
    gone from the list, the count and the detail pane, with no error shown."""
    with DemoPortal(db_path=tmp_path / "portal.db") as portal:
        controller = window_on_own_portal(qtbot, portal, tmp_path)
        card = controller.window.tab_widget("card")
        card.filters.chips["diagnosis"].click()
        controller.settle()
        before = card.model.total
        assert before > 0
        card.table.selectRow(0)
        controller.settle()
        shown = card.model.row_at(0)
        assert shown.title in card.detail.plain_text()
        assert portal.store.delete(shown.resource_type, shown.resource_id)
        with qtbot.waitSignal(controller.ctx.syncFinished, timeout=60_000) as done:
            controller.window.header.sync_button.click()
        controller.settle()
        assert done.args == [True]
        assert card.model.total == before - 1
        ids = {card.model.row_at(i).resource_id for i in range(card.model.rowCount())}
        assert shown.resource_id not in ids
        assert card.detail.plain_text() == ""
        assert not controller.window.banner.isVisible()
        controller.shutdown()


def test_a_full_disk_during_a_sync_says_so_and_keeps_the_card(qtbot, tmp_path):
    from cache_faults import fill_disk_after

    from tests.services.test_sync import _extra_observations

    with DemoPortal(db_path=tmp_path / "portal.db") as portal:
        controller = window_on_own_portal(qtbot, portal, tmp_path)
        card = controller.window.tab_widget("card")
        before = card.model.total
        portal.store.load(_extra_observations(3000))
        fill_disk_after(controller.ctx.session.cache, 2)
        with qtbot.waitSignal(controller.ctx.syncFinished, timeout=60_000) as done:
            controller.window.header.sync_button.click()
        assert done.args == [False]
        banner = controller.window.banner
        assert banner.isVisible() and "disk is full" in banner.text()
        assert "Traceback" not in banner.text() and "OperationalError" not in banner.text()
        assert card.model.total >= before > 0  # the card stays readable
        card.table.selectRow(0)
        controller.settle()
        assert card.model.row_at(0).title in card.detail.plain_text()
        controller.shutdown()


def test_service_error_shows_a_banner_not_a_traceback(qtbot, signed_in, portal):
    """A portal failure during sync (HTTP 500 every retry) ends in a readable banner."""
    portal.faults.add(status=500, count=20, path_contains="/fhir/")
    try:
        with qtbot.waitSignal(signed_in.ctx.syncFinished, timeout=60_000) as done:
            signed_in.window.header.sync_button.click()
    finally:
        portal.faults.clear()
    assert done.args == [False]
    banner = signed_in.window.banner
    assert banner.isVisible()
    assert "portal" in banner.text().lower() and "Traceback" not in banner.text()
    assert signed_in.window.tab_widget("card").model.total > 0  # the card is still there


def test_add_account_can_go_back(signed_in):
    window = signed_in.window
    window.act_add.trigger()
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.back_button.isVisible()
    window.welcome.back_button.click()
    assert window.pages.currentWidget() is window.work


def test_settings_dialog_switches_language_live(qtbot, signed_in):
    signed_in.show_settings()
    dialog = signed_in._settings_dialog
    dialog.language_combo.setCurrentIndex(1)  # Русский
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Настройки", timeout=3000)
    assert signed_in.window.tabs.tabText(0) == "Медкарта"
    dialog.reminders.setChecked(False)
    assert (
        signed_in.profile.settings.get("reminders_enabled") is False
    )  # the appointments tab reads it
    dialog.close()


def test_manage_account_link_comes_from_smart_configuration(qtbot, signed_in):
    qtbot.waitUntil(lambda: signed_in._management_url is not None, timeout=10_000)
    assert signed_in._management_url.endswith("/account")
    assert signed_in.window.act_manage.isEnabled()


def test_first_run_shows_the_welcome_screen(qtbot, tmp_path):
    controller = make_controller(tmp_path / "profile")
    qtbot.addWidget(controller.window)
    controller.start()
    welcome = controller.window.welcome
    assert controller.window.pages.currentWidget() is welcome
    welcome.portals.choose(CUSTOM)
    assert not welcome.sign_in_button.isEnabled()  # "Another portal" needs an address
    welcome.custom_url.setText("https://portal.example.org/fhir")
    assert welcome.sign_in_button.isEnabled()
    welcome.custom_url.setText("not a url")
    assert not welcome.sign_in_button.isEnabled()
    controller.shutdown()


def test_closing_during_a_sync_stops_cleanly(qtbot, signed_in):
    session = signed_in.ctx.session
    assert session.start_sync()
    assert not session.start_sync()  # a double click does not start a second sync
    signed_in.shutdown()  # must not hang or leave the worker writing to a closed cache
    assert signed_in.ctx.session is None
    assert session.cache_closed.is_set()


def test_switch_account_from_the_menu(qtbot, signed_in, portal):
    from tests.ui.conftest import autologin_browser

    elder = signed_in.accounts.sign_in(
        portal.base_url, open_url=autologin_browser("elder@demo.medcard"), timeout=30
    )
    signed_in._refresh_account_menu()
    qtbot.waitUntil(lambda: len(signed_in.window.switch_menu.actions()) == 2, timeout=10_000)
    actions = signed_in.window.switch_menu.actions()
    assert len(actions) == 2 and signed_in.window.switch_menu.isEnabled()
    elder_action = next(a for a in actions if elder.display_name in a.text())
    with qtbot.waitSignal(signed_in.firstSyncDone, timeout=60_000):
        elder_action.trigger()
    signed_in.settle()
    assert signed_in.ctx.account.id == elder.id
    assert signed_in.ctx.patient_id == "petrova-anna"
    names = [b.text() for b in signed_in.window.header.person_group.buttons()]
    assert len(names) == 1 and "Анна" in names[0]
    assert signed_in.window.tab_widget("card").model.total > 0
