"""Issue 13, getting started: the portals the app knows, and a first sign-in that says what
is wrong — an address that cannot be reached, one that is no FHIR server, a FHIR server
without SMART sign-in, a refused password, a portal that refuses the person."""

from __future__ import annotations

import socket
from pathlib import Path

import orjson
import pytest

from desktop.app import WRONG_CREDENTIALS, demo_browser
from desktop.models.signin import sign_in_account
from desktop.services.accounts import AccountManager
from desktop.services.auth import sign_in
from desktop.services.errors import (
    IdentityNotVerified,
    NoSmartSignIn,
    NotFhirServer,
    PortalUnreachable,
    RegionNotServed,
    SignInFailed,
)
from desktop.services.onboarding.portals import PORTALS_FILE, load_portals
from tests.hostile_server import HostileServer, Reply, json_reply
from tests.services.conftest import REGION, UNVERIFIED, browser_for


def test_the_shipped_list_has_the_demo_portal_first_and_https_addresses():
    portals = load_portals()
    assert portals and portals[0].demo and portals[0].name("ru") == "Демонстрационный портал"
    assert all(p.fhir_base.startswith("https://") for p in portals[1:])
    assert PORTALS_FILE.parts[-3:] == ("resources", "portals", "portals.json")


def test_a_list_entry_that_cannot_be_used_is_skipped(tmp_path: Path):
    listed = {
        "portals": [
            {"id": "x", "name": {"ru": "Портал Х"}, "fhir_base": "https://x.example/fhir"},
            {"id": "esia", "name": "ЕСИА", "fhir_base": "https://y.example/fhir", "esia": True},
            {"id": "plain", "fhir_base": "http://z.example/fhir"},  # not https: never used
            {"id": "twice", "fhir_base": "https://x.example/fhir/"},
            {"id": "demo", "demo": True, "name": {"en": "Demo"}},
            "junk",
        ]
    }
    path = tmp_path / "portals.json"
    path.write_bytes(orjson.dumps(listed))
    portals = load_portals(path)
    assert [p.id for p in portals] == ["demo", "x", "esia"]
    assert portals[1].name("en") == "Портал Х" and portals[2].esia
    path.write_text("{not json")
    assert load_portals(path) == []


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_address_that_cannot_be_reached_says_so_without_a_saved_card():
    opened: list[str] = []
    with pytest.raises(PortalUnreachable) as caught:
        sign_in(f"http://127.0.0.1:{closed_port()}/fhir", open_url=opened.append, timeout=5)
    message = caught.value.describe("en")
    assert "portal at this address cannot be reached" in message
    assert "saved card" not in message and opened == []


def test_an_address_that_is_no_fhir_server_says_so():
    with HostileServer() as site:
        site.route("GET", "/", Reply(200, b"<html>Welcome!</html>", content_type="text/html"))
        with pytest.raises(NotFhirServer) as caught:
            sign_in(site.base_url, open_url=lambda _u: None, timeout=5)
    assert "no FHIR server at this address" in caught.value.describe("en")


def test_a_fhir_server_without_smart_sign_in_says_so():
    statement = {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "kind": "instance",
        "fhirVersion": "4.0.1",
        "format": ["json"],
        "rest": [{"mode": "server"}],
    }
    with HostileServer() as site:
        site.route("GET", "/fhir/metadata", json_reply(statement))
        with pytest.raises(NoSmartSignIn) as caught:
            sign_in(site.base_url, open_url=lambda _u: None, timeout=5)
    assert "does not offer SMART sign-in" in caught.value.describe("en")


def test_a_refused_password_is_not_a_browser_that_would_not_open(portal):
    with pytest.raises(SignInFailed) as caught:
        sign_in(portal.base_url, open_url=demo_browser("family@demo.medcard", "wrong"), timeout=10)
    assert caught.value.user_message == WRONG_CREDENTIALS
    assert "browser" not in caught.value.describe("en")


@pytest.mark.parametrize(
    ("email", "refusal", "next_step"),
    [
        (UNVERIFIED, IdentityNotVerified, "МФЦ"),
        (REGION, RegionNotServed, "your region's own portal"),
    ],
)
def test_a_portal_that_refuses_the_person_undoes_the_sign_in(
    portal, accounts: AccountManager, email, refusal, next_step
):
    with pytest.raises(refusal) as caught:
        sign_in_account(accounts, portal.base_url, browser_for(email))
    assert next_step in caught.value.describe("en")
    assert accounts.list() == []  # nothing kept of an account that cannot open its card
