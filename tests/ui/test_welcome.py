"""Getting started in the window (issue 13): the list of portals (the demo portal first,
"Another portal…" last, the Gosuslugi button), each wrong address explained on the
welcome screen, the portal's refusals with their next step, a refused password, and demo
mode saying so in the title and a badge."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import orjson
import pytest

from desktop.app import demo_browser
from desktop.services.onboarding.portals import load_portals
from desktop.views.controller import DemoEnvironment
from desktop.views.two_line_delegate import DetailsRole
from desktop.views.welcome_portals import CUSTOM
from tests.hostile_server import HostileServer, Reply, json_reply
from tests.ui.conftest import make_controller

WAIT = 60_000


def demo_as(portal: Any, tmp_path: Path, email: str, password: str = "demo1234") -> Any:
    """A demo environment on the session's portal that signs in as `email`."""
    return lambda: DemoEnvironment(
        portal.base_url, demo_browser(email, password), str(tmp_path / "demo")
    )


@pytest.fixture
def started(qtbot: Any, tmp_path: Path) -> Any:
    controllers: list[Any] = []

    def start(demo_starter: Any = None, known_portals: Any = None) -> Any:
        controller = make_controller(
            tmp_path / f"profile{len(controllers)}", demo_starter=demo_starter
        )
        if known_portals is not None:
            controller.window.welcome.set_portals(known_portals)
        qtbot.addWidget(controller.window)
        controller.window.show()
        controller.start()
        controllers.append(controller)
        return controller

    yield start
    for controller in controllers:
        controller.language.apply("en")
        controller.shutdown()


def entries(welcome: Any) -> list[str]:
    portals = welcome.portals.list
    return [portals.item(row).text() for row in range(portals.count())]


def test_the_portals_the_app_knows_demo_first_and_another_last(started, portal, tmp_path):
    controller = started(demo_starter=demo_as(portal, tmp_path, "family@demo.medcard"))
    welcome = controller.window.welcome
    shipped = load_portals()
    assert entries(welcome) == [
        "Demo portal",
        *[p.name("en") for p in shipped[1:]],
        "Another portal…",
    ]
    assert welcome.sign_in_button.text() == "Open the demo" and welcome.custom_url.isHidden()
    welcome.portals.choose(CUSTOM)
    assert not welcome.custom_url.isHidden() and not welcome.sign_in_button.isEnabled()
    welcome.custom_url.setText("portal.example.org/fhir")  # https:// is understood
    assert welcome.sign_in_button.isEnabled()
    assert welcome.chosen_url() == "https://portal.example.org/fhir"
    assert welcome.sign_in_button.text() == "Sign in…"


def test_a_portal_signing_in_through_gosuslugi_says_so_on_its_button(qtbot, started, tmp_path):
    listed = {
        "portals": [
            {
                "id": "region-77",
                "name": {"ru": "Портал пациента", "en": "Patient portal"},
                "region": {"ru": "г. Москва", "en": "Moscow"},
                "fhir_base": "https://portal.example.org/fhir",
                "esia": True,
            }
        ]
    }
    (tmp_path / "portals.json").write_bytes(orjson.dumps(listed))
    controller = started(known_portals=load_portals(tmp_path / "portals.json"))
    welcome = controller.window.welcome
    assert entries(welcome) == ["Patient portal", "Another portal…"]
    assert welcome.portals.choose("region-77")
    assert welcome.sign_in_button.text() == "Sign in with Gosuslugi"
    details = welcome.portals.list.item(0).data(DetailsRole)
    assert "sign-in through Gosuslugi" in details and "Moscow" in details
    controller.language.apply("ru")
    qtbot.waitUntil(lambda: welcome.sign_in_button.text() == "Войти через Госуслуги", timeout=5000)
    assert entries(welcome) == ["Портал пациента", "Другой портал…"]
    assert "вход через Госуслуги" in welcome.portals.list.item(0).data(DetailsRole)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


STATEMENT = {
    "resourceType": "CapabilityStatement",
    "status": "active",
    "kind": "instance",
    "fhirVersion": "4.0.1",
    "format": ["json"],
    "rest": [{"mode": "server"}],
}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (None, "portal at this address cannot be reached"),
        (Reply(200, b"<html>Shop</html>", content_type="text/html"), "no FHIR server"),
        (json_reply(STATEMENT), "does not offer SMART sign-in"),
    ],
)
def test_a_wrong_address_is_explained_on_the_welcome_screen(qtbot, started, answer, expected):
    controller = started()
    welcome = controller.window.welcome
    with HostileServer() as site:
        if answer is not None:
            site.route("GET", "/", answer)
        url = site.base_url if answer is not None else f"http://127.0.0.1:{closed_port()}/fhir"
        welcome.portals.choose(CUSTOM)
        welcome.custom_url.setText(url)
        with qtbot.waitSignal(controller.signInFailed, timeout=WAIT):
            welcome.sign_in_button.click()
    text = welcome.status.text()
    assert expected in text and "saved card" not in text and "browser" not in text
    assert welcome.sign_in_button.isEnabled()  # correct the address and try again


@pytest.mark.parametrize(
    ("email", "password", "expected"),
    [
        ("family@demo.medcard", "wrong", "did not accept the e-mail or the password"),
        ("unverified@demo.medcard", "demo1234", "Confirm your account at an МФЦ"),
        ("region@demo.medcard", "demo1234", "your region's own portal"),
    ],
)
def test_the_portals_refusals_come_with_the_next_step(
    qtbot, started, portal, tmp_path, email, password, expected
):
    controller = started(demo_starter=demo_as(portal, tmp_path, email, password))
    welcome = controller.window.welcome
    with qtbot.waitSignal(controller.signInFailed, timeout=WAIT):
        welcome.sign_in_button.click()  # "Open the demo": the demo portal, as `email`
    text = welcome.status.text()
    assert expected in text and "browser" not in text
    assert controller.window.pages.currentWidget() is welcome  # no card opened
    assert controller.accounts.list() == []


def test_demo_mode_says_so_in_the_title_and_a_badge(qtbot, started, portal, tmp_path):
    controller = started(demo_starter=demo_as(portal, tmp_path, "family@demo.medcard"))
    window = controller.window
    assert window.windowTitle() == "Medcard" and window.demo_badge.isHidden()
    with qtbot.waitSignal(controller.firstSyncDone, timeout=WAIT):
        window.welcome.sign_in_button.click()
    assert window.windowTitle() == "Medcard — demo mode"
    assert not window.demo_badge.isHidden() and "synthetic" in window.demo_badge.text()
    controller.language.apply("ru")
    qtbot.waitUntil(lambda: window.windowTitle() == "Медкарта — демо-режим", timeout=5000)
    assert window.demo_badge.text() == "Демо-режим: вымышленные данные"
    controller.sign_out()
    assert window.demo_badge.isHidden() and window.windowTitle() == "Медкарта"
