"""The refresh-token reuse grace window: an answer lost in transit does not end a session,
but a replaced token is dead once its successor is used, revoked, or the window is over."""

from __future__ import annotations

import time

import pytest
import requests
from oauth_helpers import FhirSession, refresh, root_of, sign_in

import demo_portal.oauth

FAMILY = "family@demo.medcard"


def test_a_rotated_token_works_again_while_its_successor_is_unused(portal):
    first = sign_in(portal, FAMILY)
    lost = refresh(portal, first["refresh_token"])  # the app never saw this answer
    assert lost.status_code == 200
    again = refresh(portal, first["refresh_token"])
    assert again.status_code == 200
    renewed = again.json()
    assert renewed["refresh_token"] not in (first["refresh_token"], lost.json()["refresh_token"])
    assert FhirSession(portal, renewed["access_token"]).get("Patient/ivanov-sergey").ok
    assert refresh(portal, renewed["refresh_token"]).status_code == 200


def test_no_grace_after_the_window(portal, monkeypatch):
    monkeypatch.setattr(demo_portal.oauth, "REFRESH_REUSE_GRACE_S", 0.3)
    first = sign_in(portal, FAMILY)
    assert refresh(portal, first["refresh_token"]).status_code == 200
    time.sleep(0.5)
    late = refresh(portal, first["refresh_token"])
    assert late.status_code == 400 and late.json()["error"] == "invalid_grant"


def test_reuse_does_not_extend_the_window(portal, monkeypatch):
    monkeypatch.setattr(demo_portal.oauth, "REFRESH_REUSE_GRACE_S", 0.6)
    first = sign_in(portal, FAMILY)
    assert refresh(portal, first["refresh_token"]).status_code == 200
    time.sleep(0.35)
    assert refresh(portal, first["refresh_token"]).status_code == 200
    time.sleep(0.35)
    assert refresh(portal, first["refresh_token"]).status_code == 400


@pytest.mark.parametrize("hint", ["refresh_token", None])
def test_a_revoked_token_has_no_grace(portal, hint):
    first = sign_in(portal, FAMILY)
    assert refresh(portal, first["refresh_token"]).status_code == 200
    data = {"token": first["refresh_token"], "client_id": "medcard"}
    if hint:
        data["token_type_hint"] = hint
    revoked = requests.post(f"{root_of(portal)}/oauth/revoke", data=data, timeout=10)
    assert revoked.status_code == 200
    assert refresh(portal, first["refresh_token"]).status_code == 400
