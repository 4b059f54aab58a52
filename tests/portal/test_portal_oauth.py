"""The SMART sign-in over real HTTP: PKCE S256 only, one-time codes, state, refresh with
rotation, expiry, revocation and the login page's wrong-password message."""

from __future__ import annotations

import time

import pytest
import requests
from oauth_helpers import (
    PASSWORD,
    FhirSession,
    authorize_url,
    exchange,
    get_code,
    make_pkce,
    query_of,
    refresh,
    root_of,
    sign_in,
)

from demo_portal.autologin import AutologinError, follow
from demo_portal.embedded import DemoPortal

FAMILY = "family@demo.medcard"


def test_token_carries_patient_context(portal, family_token):
    assert family_token["token_type"].lower() == "bearer"
    assert family_token["patient"] == "ivanov-sergey"
    assert family_token["medcard_patients"][0] == "ivanov-sergey"
    assert "ivanova-masha" in family_token["medcard_patients"]
    assert family_token["refresh_token"]
    assert family_token["expires_in"] == 3600


def test_smart_configuration_advertises_pkce_s256_only(portal):
    config = requests.get(f"{portal.base_url}/.well-known/smart-configuration", timeout=10).json()
    assert config["code_challenge_methods_supported"] == ["S256"]
    assert config["authorization_endpoint"] == f"{root_of(portal)}/oauth/authorize"
    assert config["management_endpoint"] == f"{root_of(portal)}/account"
    for capability in (
        "launch-standalone",
        "client-public",
        "permission-offline",
        "context-standalone-patient",
    ):
        assert capability in config["capabilities"]


def test_metadata_lists_types_and_oauth_uris(portal):
    statement = requests.get(f"{portal.base_url}/metadata", timeout=10).json()
    assert statement["resourceType"] == "CapabilityStatement"
    rest = statement["rest"][0]
    types = {r["type"]: r for r in rest["resource"]}
    assert {"Observation", "Appointment", "Slot", "Patient"} <= set(types)
    assert {"create", "update"} <= {i["code"] for i in types["Appointment"]["interaction"]}
    oauth = rest["security"]["extension"][0]["extension"]
    assert {e["url"] for e in oauth} >= {"authorize", "token"}


def test_wrong_verifier_is_rejected(portal):
    pkce = make_pkce()
    code = get_code(portal, FAMILY, pkce)
    answer = exchange(portal, code, make_pkce().verifier)
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_grant"


def test_missing_verifier_is_rejected(portal):
    pkce = make_pkce()
    answer = exchange(portal, get_code(portal, FAMILY, pkce), None)
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_request"


@pytest.mark.parametrize("method", ["plain", None])
def test_plain_or_missing_challenge_is_refused_at_authorize(portal, method):
    pkce = make_pkce() if method else None
    url = authorize_url(portal, pkce, method=method or "S256")
    answer = requests.get(url, timeout=10, allow_redirects=False)
    # The redirect URI is valid, so the error goes back to the app with its state.
    assert answer.status_code == 302
    params = query_of(answer.headers["Location"])
    assert params["error"] == "invalid_request"
    assert params["state"] == "st-1"


def test_code_works_only_once(portal):
    pkce = make_pkce()
    code = get_code(portal, FAMILY, pkce)
    assert exchange(portal, code, pkce.verifier).status_code == 200
    again = exchange(portal, code, pkce.verifier)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def test_state_is_echoed_exactly(portal):
    pkce = make_pkce()
    redirect = follow(authorize_url(portal, pkce, state="a b/ü"), FAMILY, PASSWORD, deliver=False)
    params = query_of(redirect)
    assert params["state"] == "a b/ü"
    assert params["state"] != "st-1"  # a client comparing with its own state sees a mismatch


def test_foreign_redirect_uri_is_not_followed(portal):
    url = authorize_url(portal, make_pkce(), redirect_uri="https://evil.example/cb")
    answer = requests.get(url, timeout=10, allow_redirects=False)
    assert answer.status_code == 400
    assert "evil.example" not in answer.headers.get("Location", "")


def test_any_loopback_port_is_accepted(portal):
    pkce = make_pkce()
    url = authorize_url(portal, pkce, redirect_uri="http://127.0.0.1:50123/x")
    redirect = follow(url, FAMILY, PASSWORD, deliver=False)
    assert redirect.startswith("http://127.0.0.1:50123/x?")


def test_refresh_rotates_and_old_refresh_token_dies_once_the_new_one_is_used(portal):
    first = sign_in(portal, FAMILY)
    second = refresh(portal, first["refresh_token"])
    assert second.status_code == 200
    body = second.json()
    assert body["refresh_token"] != first["refresh_token"]
    assert body["patient"] == "ivanov-sergey"
    # The new access token works; from then on the replaced refresh token is dead (the
    # reuse grace window only covers an answer lost before its tokens were ever used).
    assert FhirSession(portal, body["access_token"]).get("Patient/ivanov-sergey").ok
    reused = refresh(portal, first["refresh_token"])
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"
    assert refresh(portal, body["refresh_token"]).status_code == 200


def test_revoked_access_token_gets_401(portal):
    token = sign_in(portal, FAMILY)
    fhir = FhirSession(portal, token["access_token"])
    assert fhir.get("Patient/ivanov-sergey").status_code == 200
    revoked = requests.post(
        f"{root_of(portal)}/oauth/revoke",
        timeout=10,
        data={"token": token["access_token"], "client_id": "medcard"},
    )
    assert revoked.status_code == 200
    assert fhir.get("Patient/ivanov-sergey").status_code == 401


def test_expired_token_gets_401_with_challenge():
    with DemoPortal(access_token_ttl=1) as short:
        token = sign_in(short, FAMILY)
        fhir = FhirSession(short, token["access_token"])
        assert fhir.get("Patient/ivanov-sergey").status_code == 200
        time.sleep(1.2)
        answer = fhir.get("Patient/ivanov-sergey")
        assert answer.status_code == 401
        assert 'error="invalid_token"' in answer.headers["WWW-Authenticate"]
        assert answer.json()["resourceType"] == "OperationOutcome"
        # The refresh token outlives the access token.
        renewed = refresh(short, token["refresh_token"]).json()
        assert FhirSession(short, renewed["access_token"]).get("Patient/ivanov-sergey").ok


def test_wrong_password_shows_clear_message(portal):
    url = authorize_url(portal, make_pkce())
    with requests.Session() as browser:
        assert browser.get(url, timeout=10).status_code == 200
        page = browser.post(
            url,
            data={"step": "login", "email": FAMILY, "password": "nope"},
            timeout=10,
            headers={"Accept-Language": "ru"},
        )
        assert page.status_code == 401
        assert "Неверная электронная почта или пароль" in page.text
        english = browser.post(
            url + "&lang=en",
            data={"step": "login", "email": FAMILY, "password": "nope"},
            timeout=10,
        )
        assert "Wrong email or password" in english.text
    with pytest.raises(AutologinError, match="wrong email or password"):
        follow(url, FAMILY, "nope", deliver=False)


def test_denied_consent_returns_access_denied(portal):
    url = authorize_url(portal, make_pkce())
    with requests.Session() as browser:
        browser.get(url, timeout=10)
        browser.post(url, data={"step": "login", "email": FAMILY, "password": PASSWORD}, timeout=10)
        answer = browser.post(
            url, data={"step": "consent", "decision": "deny"}, timeout=10, allow_redirects=False
        )
    params = query_of(answer.headers["Location"])
    assert params["error"] == "access_denied"
    assert params["state"] == "st-1"


def test_obtain_token_for_scripts(portal):
    from demo_portal.autologin import obtain_token

    token = obtain_token(portal.base_url, FAMILY, PASSWORD)
    assert token["patient"] == "ivanov-sergey"
    assert FhirSession(portal, token["access_token"]).get("Patient/ivanov-sergey").ok
    with pytest.raises(AutologinError):
        obtain_token(portal.base_url, FAMILY, "wrong")
