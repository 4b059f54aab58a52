"""Redirects and addresses a hostile portal chooses (issue 15): nothing is followed to
another host or to plain http, nothing is re-sent, SMART endpoints must be https."""

from __future__ import annotations

import dataclasses

import pytest
import requests

from desktop.services.accounts import AccountManager
from desktop.services.auth import TokenManager, discover, sign_in, tokens_key
from desktop.services.errors import (
    InsecureEndpoint,
    InvalidPortalAddress,
    SessionExpired,
    UnsafeRedirect,
)
from desktop.services.portal import FhirClient, RetryPolicy, new_session
from desktop.services.portal.address import check_base_url
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from tests.hostile_server import HostileServer, Reply, json_reply
from tests.services.conftest import FAMILY, browser_for

ONCE = RetryPolicy(attempts=1)
SERGEY = "ivanov-sergey"


def trusting(session: requests.Session, server: HostileServer) -> requests.Session:
    """Trust this test's own certificate and nothing else (REQUESTS_CA_BUNDLE, when set in
    the environment, would otherwise override the session's choice)."""
    session.verify = server.ca_file
    session.trust_env = False
    return session


@pytest.fixture
def elsewhere():
    """Another host (another origin): must never receive anything."""
    with HostileServer() as server:
        server.route("*", "/", json_reply({"resourceType": "Patient", "id": "intruder"}))
        yield server


@pytest.fixture(scope="module")
def signed_in(tmp_path_factory):
    from demo_portal.embedded import DemoPortal

    with DemoPortal(db_path=tmp_path_factory.mktemp("redirects") / "portal.db") as portal:
        manager = AccountManager(Profile(tmp_path_factory.mktemp("p")), MemorySecretStore())
        account = manager.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)
        yield portal, manager, account
        portal.faults.clear()


def test_a_302_to_another_host_is_refused_and_nothing_is_stored(signed_in, elsewhere, tmp_path):
    from desktop.services.cache import Cache
    from desktop.services.sync import SyncEngine

    portal, manager, account = signed_in
    portal.faults.add(
        status=302,
        path_contains="/Observation",
        headers={"Location": f"{elsewhere.base_url}/Observation?patient={SERGEY}"},
    )
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        with pytest.raises(UnsafeRedirect) as caught:
            SyncEngine(manager.client(account.id), cache, [SERGEY], use_everything=False).run()
        assert "another address" in caught.value.user_message
        assert "intruder" not in cache.ids(SERGEY, "Patient")
    assert elsewhere.seen() == []


def test_a_307_on_a_diary_entry_sends_nothing_to_the_other_host(signed_in, elsewhere):
    portal, manager, account = signed_in
    portal.faults.add(
        status=307,
        path_contains="/Observation",
        headers={"Location": f"{elsewhere.base_url}/Observation"},
    )
    entry = {
        "resourceType": "Observation",
        "status": "final",
        "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0"}]},
        "subject": {"reference": f"Patient/{SERGEY}"},
        "performer": [{"reference": f"Patient/{SERGEY}"}],
        "valueQuantity": {"value": 6.1, "unit": "mmol/L"},
        "note": [{"text": "после завтрака"}],
    }
    with manager.client(account.id) as client, pytest.raises(UnsafeRedirect):
        client.create(entry, if_none_exist={"identifier": "urn:medcard:test|redirected"})
    assert elsewhere.seen() == []  # neither the glucose value nor the token went there


def test_a_redirect_to_another_port_of_the_same_host_is_another_origin(signed_in, elsewhere):
    portal, manager, account = signed_in
    portal.faults.add(
        status=301,
        path_contains="/Patient/",
        headers={"Location": f"{elsewhere.base_url}/Patient/{SERGEY}"},
    )
    with manager.client(account.id) as client, pytest.raises(UnsafeRedirect):
        client.read("Patient", SERGEY)
    assert elsewhere.seen() == []


def test_a_same_origin_get_redirect_is_followed(signed_in):
    portal, manager, account = signed_in
    portal.faults.add(
        status=302,
        path_contains="/Patient/moved",
        headers={"Location": f"{portal.base_url}/Patient/{SERGEY}"},
    )
    with manager.client(account.id) as client:
        assert client.get("Patient/moved", expect="Patient")["id"] == SERGEY


def test_a_redirect_from_https_to_plain_http_is_refused(tmp_path, elsewhere):
    with HostileServer(tls_dir=tmp_path) as tls:
        tls.route(
            "GET",
            "/fhir/Patient",
            Reply(302, b"", {"Location": f"{elsewhere.base_url}/Patient/p"}),
        )
        session = trusting(new_session(), tls)
        with FhirClient(tls.base_url, session=session, retry=ONCE) as client:
            with pytest.raises(UnsafeRedirect):
                client.read("Patient", "p")
    assert elsewhere.seen() == []


def test_a_token_endpoint_redirect_does_not_resend_the_refresh_token(signed_in, elsewhere):
    portal, manager, account = signed_in
    portal.faults.add(
        status=307,
        count=2,  # the retry after a "lost" answer meets it too
        path_contains="/oauth/token",
        headers={"Location": f"{elsewhere.url}/oauth/token"},
    )
    with pytest.raises(UnsafeRedirect):
        manager.token_manager(account.id).refresh()
    assert elsewhere.seen() == []
    portal.faults.clear()
    assert manager.token_manager(account.id).refresh().access_token  # still signed in


# -- SMART endpoints -----------------------------------------------------------------------


def smart_portal(server: HostileServer, **endpoints: str) -> None:
    config = {
        "authorization_endpoint": f"{server.url}/oauth/authorize",
        "token_endpoint": f"{server.url}/oauth/token",
        "code_challenge_methods_supported": ["S256"],
        **endpoints,
    }
    server.route("GET", "/fhir/.well-known/smart-configuration", json_reply(config))


@pytest.mark.parametrize(
    "endpoints",
    [
        {"token_endpoint": "http://evil.example/token"},
        {"authorization_endpoint": "http://evil.example/authorize"},
        {"revocation_endpoint": "http://evil.example/revoke"},
        {"token_endpoint": "https://user:secret@evil.example/token"},
        {"token_endpoint": "javascript:alert(1)"},
        {"token_endpoint": {"url": "https://evil.example/token"}},
    ],
)
def test_smart_endpoints_must_be_https(endpoints):
    with HostileServer() as portal:
        smart_portal(portal, **endpoints)
        with pytest.raises(InsecureEndpoint) as caught:
            discover(portal.base_url)
        assert "https" in caught.value.user_message


def test_an_insecure_token_endpoint_never_gets_the_code_or_verifier():
    with HostileServer() as portal:
        smart_portal(portal, token_endpoint="http://evil.example/token")
        opened: list[str] = []
        with pytest.raises(InsecureEndpoint):
            sign_in(portal.base_url, open_url=opened.append, timeout=2)
        assert opened == []  # refused before the browser was even opened


def test_an_https_portal_may_not_send_the_code_to_plain_http_elsewhere(tmp_path):
    with HostileServer(tls_dir=tmp_path) as tls:
        smart_portal(tls, token_endpoint="http://evil.example/token")
        session = trusting(new_session(), tls)
        with pytest.raises(InsecureEndpoint):
            discover(tls.base_url, session)


def test_loopback_http_endpoints_are_fine_for_a_loopback_portal():
    with HostileServer() as portal:
        smart_portal(portal, revocation_endpoint=f"http://localhost:{portal.port}/oauth/revoke")
        assert discover(portal.base_url)["token_endpoint"].startswith("http://127.0.0.1:")


def test_a_stored_insecure_token_endpoint_is_never_used(signed_in):
    _portal, manager, account = signed_in
    store = MemorySecretStore()
    tokens = manager.token_manager(account.id).tokens()
    store.set(
        tokens_key("x"),
        dataclasses.replace(tokens, token_endpoint="http://evil.example/token").to_json(),
    )
    with pytest.raises(SessionExpired):
        TokenManager("x", store).refresh()


@pytest.mark.parametrize(
    "address",
    [
        "https://user:password@portal.example/fhir",
        "https://user@portal.example/fhir",
        "http://a:b@127.0.0.1:8080/fhir",
    ],
)
def test_a_base_address_with_userinfo_is_refused(address, accounts):
    with pytest.raises(InvalidPortalAddress) as caught:
        check_base_url(address)
    assert "user name or password" in caught.value.user_message
    with pytest.raises(InvalidPortalAddress):
        accounts.sign_in(address, open_url=lambda url: None, timeout=1)
    assert not accounts.profile.accounts_file.exists()
