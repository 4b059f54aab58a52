"""SMART standalone sign-in through the demo portal, with autologin as the browser."""

from __future__ import annotations

import threading
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from desktop.services.auth import CLIENT_ID, sign_in
from desktop.services.errors import InvalidPortalAddress, SignInCancelled, SignInFailed
from tests.services.conftest import FAMILY, sign_in_as


def test_sign_in_returns_tokens_for_the_family(portal):
    tokens = sign_in_as(portal, FAMILY)
    assert tokens.access_token and tokens.refresh_token
    assert tokens.patient == "ivanov-sergey"
    assert tokens.patients[0] == "ivanov-sergey" and "ivanova-masha" in tokens.patients
    assert "offline_access" in tokens.scope
    assert tokens.token_endpoint and tokens.expires_at > tokens.issued_at
    assert tokens.access_token not in repr(tokens)


def test_authorize_url_carries_pkce_state_and_loopback_redirect(portal):
    seen: dict[str, str] = {}

    def browser(url: str) -> None:
        seen.update({k: v[0] for k, v in parse_qs(urlsplit(url).query).items()})
        requests.get(
            seen["redirect_uri"],
            params={"error": "access_denied", "state": seen["state"]},
            timeout=5,
        )

    with pytest.raises(SignInCancelled):
        sign_in(portal.base_url, open_url=browser, timeout=10)
    assert seen["client_id"] == CLIENT_ID
    assert seen["code_challenge_method"] == "S256" and len(seen["code_challenge"]) == 43
    assert seen["redirect_uri"].startswith("http://127.0.0.1:") and seen["redirect_uri"].endswith(
        "/callback"
    )
    assert seen["aud"] == portal.base_url
    assert "offline_access" in seen["scope"].split()


def test_a_wrong_state_is_ignored_until_the_right_answer_comes(portal):
    """A stale tab or a page probing the port sends a redirect with another state: it is
    answered with the failure page and ignored; the real answer still signs in."""
    from demo_portal.autologin import follow

    forged: list[int] = []

    def browser(url: str) -> None:
        redirect = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        for state in ("forged", ""):
            answer = requests.get(redirect, params={"code": "stolen", "state": state}, timeout=5)
            forged.append(answer.status_code)
            assert "Medcard" in answer.text
        follow(url, FAMILY, "demo1234")

    tokens = sign_in(portal.base_url, open_url=browser, timeout=30)
    assert forged == [400, 400]
    assert tokens.patient == "ivanov-sergey"


def test_only_wrong_states_end_in_the_timeout(portal):
    def forged_redirect(url: str) -> None:
        redirect = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        requests.get(redirect, params={"code": "stolen", "state": "forged"}, timeout=5)
        requests.get(redirect, params={"error": "access_denied", "state": "forged"}, timeout=5)

    with pytest.raises(SignInCancelled) as caught:
        sign_in(portal.base_url, open_url=forged_redirect, timeout=1.5)
    assert "in time" in caught.value.detail


def test_no_browser_fails_fast(portal):
    with pytest.raises(SignInFailed):
        sign_in(portal.base_url, open_url=lambda url: False, timeout=10)


def test_cancel_ends_the_wait(portal):
    cancel = threading.Event()
    with pytest.raises(SignInCancelled):
        sign_in(portal.base_url, open_url=lambda url: cancel.set(), timeout=30, cancel=cancel)


def test_wrong_password_is_a_failed_sign_in(portal):
    from demo_portal import autologin

    def browser(url: str) -> None:
        autologin.follow(url, FAMILY, "wrong-password")  # the login page refuses

    with pytest.raises(SignInFailed):
        sign_in(portal.base_url, open_url=browser, timeout=5)


@pytest.mark.parametrize(
    "address",
    ["portal.example/fhir", "ftp://portal.example/fhir", "http://portal.example/fhir", ""],
)
def test_unusable_portal_addresses_are_refused(address):
    with pytest.raises(InvalidPortalAddress):
        sign_in(address, open_url=lambda url: None, timeout=1)


def test_an_authorization_server_on_another_host_signs_in_refreshes_and_syncs(tmp_path):
    """SMART lets the OAuth endpoints live elsewhere than the FHIR base: here "localhost"
    while the FHIR base is 127.0.0.1. Sign-in, a forced refresh and a sync all work, and
    the endpoints used are the advertised ones."""
    from demo_portal.autologin import follow
    from demo_portal.embedded import DemoPortal
    from desktop.services.accounts import AccountManager
    from desktop.services.cache import Cache
    from desktop.services.profile import Profile
    from desktop.services.secrets import MemorySecretStore
    from desktop.services.sync import SyncEngine

    with DemoPortal(db_path=tmp_path / "portal.db", auth_host="localhost") as portal:
        assert portal.base_url.startswith("http://127.0.0.1:")
        opened: list[str] = []

        def browser(url: str) -> str:
            opened.append(url)
            return follow(url, FAMILY, "demo1234")

        manager = AccountManager(Profile(tmp_path / "profile"), MemorySecretStore())
        account = manager.sign_in(portal.base_url, open_url=browser, timeout=30)
        auth_origin = f"http://localhost:{urlsplit(portal.base_url).port}"
        assert opened and opened[0].startswith(f"{auth_origin}/oauth/authorize?")
        tokens = manager.token_manager(account.id)
        first = tokens.access_token()
        renewed = tokens.refresh(rejected_token=first)
        assert renewed.token_endpoint.startswith(f"{auth_origin}/")
        assert renewed.access_token != first
        with Cache.open(tmp_path / "cache.db", Cache.new_key()) as cache:
            result = SyncEngine(manager.client(account.id), cache, list(account.patient_ids)).run()
            assert result.counts.get("Observation", 0) > 0
