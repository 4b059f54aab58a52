"""The app offers only what the portal's CapabilityStatement lists (issue 18)."""

from __future__ import annotations

import copy

import orjson
import requests

from desktop.services.portal.capabilities import Capabilities
from tests.ui.conftest import seed_from, started_window


def _statement(portal) -> dict:
    return requests.get(f"{portal.base_url}/metadata", timeout=10).json()


def _without(statement: dict, types: set[str], interactions: dict[str, set[str]]) -> dict:
    """The statement of a smaller portal: some types gone, some interactions gone."""
    smaller = copy.deepcopy(statement)
    rest = smaller["rest"][0]
    rest["resource"] = [r for r in rest["resource"] if r["type"] not in types]
    for resource in rest["resource"]:
        gone = interactions.get(resource["type"], set())
        resource["interaction"] = [i for i in resource["interaction"] if i["code"] not in gone]
    return smaller


def test_the_demo_portal_offers_every_feature(portal) -> None:
    offered = Capabilities.from_statement(_statement(portal))
    assert offered.known and offered.booking and offered.diary_writable
    for code in ("child-access-request", "document-order", "paper-copy", "change-of-clinic"):
        assert offered.request(code)
    assert not offered.request("something-else")  # the portal lists the Tasks it decides
    assert "start" in offered.search_params["Slot"]


def test_a_statement_that_cannot_be_read_turns_nothing_off() -> None:
    for odd in (None, [], {"resourceType": "Patient"}, "metadata"):
        assert Capabilities.from_statement(odd) == Capabilities.unknown()
    odd_parts = {"resourceType": "CapabilityStatement", "rest": [{"resource": [5, {"type": 7}]}]}
    read = Capabilities.from_statement(odd_parts)
    assert read.known and not read.booking  # readable, but it offers nothing


def test_a_portal_without_booking_diary_or_requests_says_so_in_each_tab(
    qtbot, fresh_portal, tmp_path
) -> None:
    smaller = _without(
        _statement(fresh_portal),
        types={"Slot", "Schedule"},
        interactions={"Observation": {"create", "update"}, "Task": {"create", "update"}},
    )
    fresh_portal.faults.add(
        status=200, body=orjson.dumps(smaller), count=10_000, path_contains="/metadata"
    )
    controller = started_window(
        qtbot, tmp_path / "profile", seed_from(fresh_portal.base_url, tmp_path / "seed")
    )
    ctx, window = controller.ctx, controller.window
    qtbot.waitUntil(lambda: ctx.capabilities.known, timeout=10_000)
    assert not ctx.capabilities.booking

    appointments = window.tab_widget("appointments")
    assert not appointments.book_button.isEnabled()
    assert "does not offer booking" in appointments.book_button.toolTip()
    assert appointments.offline_reason.isVisibleTo(appointments)

    diary = window.tab_widget("labs").diary_panel
    assert not diary.add_button.isEnabled() and not diary.import_button.isEnabled()
    assert "does not accept diary entries" in diary.status.text()
    assert diary.controller.save is not None and not diary.controller.save(None)  # refused

    family = window.tab_widget("family")
    assert not family.request_button.isEnabled()
    assert "does not take requests" in family.request_button.toolTip()

    # The services of issues 12 and 13 ask for Tasks too: none is offered without them.
    documents = window.tab_widget("documents")
    assert not documents.order_button.isEnabled()
    assert "does not take document orders" in documents.order_button.toolTip()
    assert not documents.copy_button.isEnabled()
    assert "paper copies" in documents.copy_button.toolTip()
    services = window.tab_widget("services")
    assert "does not take reports" in services.report_block_reason(None)
    clinic = window.tab_widget("clinic")
    assert not clinic.change_button.isEnabled()
    assert "change the clinic" in clinic.change_button.toolTip()
    controller.shutdown()


def test_the_kept_statement_decides_while_offline(qtbot, fresh_portal, tmp_path) -> None:
    """Started without the portal, the app remembers what it offered last time."""
    smaller = _without(_statement(fresh_portal), types={"Slot", "Schedule"}, interactions={})
    fresh_portal.faults.add(
        status=200, body=orjson.dumps(smaller), count=10_000, path_contains="/metadata"
    )
    seed = seed_from(fresh_portal.base_url, tmp_path / "seed")
    first = started_window(qtbot, tmp_path / "profile", seed)
    qtbot.waitUntil(lambda: first.ctx.capabilities.known, timeout=10_000)
    qtbot.waitUntil(lambda: not first.runner.is_busy(), timeout=10_000)  # kept in the cache
    first.shutdown()
    fresh_portal.faults.clear()
    fresh_portal.stop()
    again = make_again(qtbot, tmp_path, first.accounts.secrets)
    qtbot.waitUntil(lambda: again.ctx.capabilities.known, timeout=10_000)
    assert not again.ctx.capabilities.booking
    again.shutdown()


def make_again(qtbot, tmp_path, secrets):
    """The same profile opened again (the portal is gone: the cached card and statement)."""
    from desktop.services.profile import Profile
    from desktop.views.controller import AppController
    from desktop.views.language import LanguageManager

    controller = AppController(Profile(tmp_path / "profile"), secrets, LanguageManager())
    qtbot.addWidget(controller.window)
    controller.window.show()
    controller.start()
    return controller
