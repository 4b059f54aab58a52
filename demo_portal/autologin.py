"""Plays the browser's part of the sign-in for scripts, tests and demo mode.

`follow(authorize_url, email, password)` opens the portal's authorize page, signs in,
consents and then requests the final loopback redirect, so the app's listener receives
the code exactly as after a real browser. As a command it fits the standard BROWSER
variable: `BROWSER="python -m demo_portal.autologin --email E --password P %s"`.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import secrets
import sys
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

import requests

TIMEOUT_S = 15


class AutologinError(Exception):
    pass


class WrongCredentials(AutologinError):
    """The portal's login page refused the e-mail and password (HTTP 401)."""


def follow(authorize_url: str, email: str, password: str, deliver: bool = True) -> str:
    """Returns the redirect URL (with code and state, or error). With `deliver`, the
    redirect is also requested, like a browser would."""
    with requests.Session() as browser:
        page = browser.get(authorize_url, timeout=TIMEOUT_S)
        if page.status_code != 200:
            raise AutologinError(
                f"authorize page answered HTTP {page.status_code}: {page.text[:300]}"
            )
        signed_in = browser.post(
            authorize_url,
            data={"step": "login", "email": email, "password": password},
            timeout=TIMEOUT_S,
            allow_redirects=False,
        )
        if signed_in.status_code == 401:
            raise WrongCredentials("wrong email or password")
        if signed_in.status_code != 200:
            raise AutologinError(f"sign-in answered HTTP {signed_in.status_code}")
        consent = browser.post(
            authorize_url,
            data={"step": "consent", "decision": "allow"},
            timeout=TIMEOUT_S,
            allow_redirects=False,
        )
        location = consent.headers.get("Location")
        if consent.status_code not in (302, 303) or not location:
            raise AutologinError(f"consent answered HTTP {consent.status_code} without a redirect")
        redirect = urljoin(authorize_url, location)
    if deliver:
        try:
            requests.get(redirect, timeout=TIMEOUT_S)
        except requests.RequestException as exc:
            raise AutologinError(f"could not deliver the redirect: {exc}") from exc
    return redirect


def obtain_token(
    base_url: str,
    email: str,
    password: str,
    scope: str = "openid fhirUser launch/patient offline_access patient/*.cruds user/*.cruds",
) -> dict:
    """The whole SMART sign-in for scripts and benchmarks (PKCE S256, no listener needed):
    returns the token response (access_token, refresh_token, patient, medcard_patients)."""
    root = base_url.rstrip("/").rsplit("/fhir", 1)[0]
    verifier = secrets.token_urlsafe(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    redirect_uri = "http://127.0.0.1:1/callback"  # never contacted: deliver=False
    state = secrets.token_urlsafe(12)
    url = f"{root}/oauth/authorize?" + urlencode(
        {
            "response_type": "code",
            "client_id": "medcard",
            "redirect_uri": redirect_uri,
            "scope": scope,
            "state": state,
            "aud": base_url,
            "code_challenge": challenge.decode().rstrip("="),
            "code_challenge_method": "S256",
        }
    )
    params = parse_qs(urlsplit(follow(url, email, password, deliver=False)).query)
    if params.get("state") != [state] or "code" not in params:
        raise AutologinError(f"sign-in did not return a code: {params.get('error')}")
    answer = requests.post(
        f"{root}/oauth/token",
        timeout=TIMEOUT_S,
        data={
            "grant_type": "authorization_code",
            "code": params["code"][0],
            "redirect_uri": redirect_uri,
            "client_id": "medcard",
            "code_verifier": verifier,
        },
    )
    if answer.status_code != 200:
        raise AutologinError(f"token exchange answered HTTP {answer.status_code}")
    return answer.json()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("url", help="the authorize URL the app wants opened")
    args = parser.parse_args(argv)
    try:
        follow(args.url, args.email, args.password)
    except AutologinError as exc:
        print(f"autologin: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
