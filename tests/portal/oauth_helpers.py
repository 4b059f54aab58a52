"""Sign-in helpers for portal tests: PKCE, authorize URLs, code exchange (all over HTTP)."""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

import requests

from demo_portal.autologin import follow

REDIRECT_URI = "http://127.0.0.1:8765/callback"
SCOPE = "openid fhirUser launch/patient offline_access patient/*.cruds user/*.cruds"
PASSWORD = "demo1234"


@dataclass
class Pkce:
    verifier: str
    challenge: str


def make_pkce() -> Pkce:
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return Pkce(verifier, base64.urlsafe_b64encode(digest).decode().rstrip("="))


def root_of(portal) -> str:
    return portal.base_url.rsplit("/fhir", 1)[0]


def authorize_url(
    portal, pkce: Pkce | None, state: str = "st-1", method: str = "S256", **extra: str
) -> str:
    params = {
        "response_type": "code",
        "client_id": "medcard",
        "redirect_uri": REDIRECT_URI,
        "scope": SCOPE,
        "state": state,
        "aud": portal.base_url,
    }
    if pkce is not None:
        params["code_challenge"] = pkce.challenge if method == "S256" else pkce.verifier
        params["code_challenge_method"] = method
    params.update(extra)
    return f"{root_of(portal)}/oauth/authorize?{urlencode(params)}"


def query_of(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def get_code(portal, email: str, pkce: Pkce, state: str = "st-1") -> str:
    redirect = follow(authorize_url(portal, pkce, state), email, PASSWORD, deliver=False)
    params = query_of(redirect)
    assert params.get("state") == state, redirect
    return params["code"]


def exchange(portal, code: str, verifier: str | None) -> requests.Response:
    data = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": REDIRECT_URI,
        "client_id": "medcard",
    }
    if verifier is not None:
        data["code_verifier"] = verifier
    return requests.post(f"{root_of(portal)}/oauth/token", data=data, timeout=10)


def sign_in(portal, email: str) -> dict:
    pkce = make_pkce()
    answer = exchange(portal, get_code(portal, email, pkce), pkce.verifier)
    assert answer.status_code == 200, answer.text
    return answer.json()


def refresh(portal, refresh_token: str) -> requests.Response:
    return requests.post(
        f"{root_of(portal)}/oauth/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": "medcard",
        },
        timeout=10,
    )


class FhirSession:
    """requests with the bearer token and the FHIR base filled in."""

    def __init__(self, portal, token: str | None):
        self.base = portal.base_url
        self.http = requests.Session()
        if token:
            self.http.headers["Authorization"] = f"Bearer {token}"

    def get(self, path: str, **kwargs) -> requests.Response:
        url = path if path.startswith("http") else f"{self.base}/{path.lstrip('/')}"
        return self.http.get(url, timeout=30, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.http.post(f"{self.base}/{path.lstrip('/')}", timeout=30, **kwargs)

    def put(self, path: str, **kwargs) -> requests.Response:
        return self.http.put(f"{self.base}/{path.lstrip('/')}", timeout=30, **kwargs)

    def delete(self, path: str, **kwargs) -> requests.Response:
        return self.http.delete(f"{self.base}/{path.lstrip('/')}", timeout=30, **kwargs)
