"""Plays the browser's part of the sign-in for scripts, tests and demo mode.

`follow(authorize_url, email, password)` opens the portal's authorize page, signs in,
consents and then requests the final loopback redirect, so the app's listener receives
the code exactly as after a real browser. As a command it fits the standard BROWSER
variable: `BROWSER="python -m demo_portal.autologin --email E --password P %s"`.
"""

from __future__ import annotations

import argparse
import sys
from urllib.parse import urljoin

import requests

TIMEOUT_S = 15


class AutologinError(Exception):
    pass


def follow(authorize_url: str, email: str, password: str, deliver: bool = True) -> str:
    """Returns the redirect URL (with code and state, or error). With `deliver`, the
    redirect is also requested, like a browser would."""
    with requests.Session() as browser:
        page = browser.get(authorize_url, timeout=TIMEOUT_S)
        if page.status_code != 200:
            raise AutologinError(f"authorize page answered HTTP {page.status_code}: "
                                 f"{page.text[:300]}")
        signed_in = browser.post(authorize_url, data={
            "step": "login", "email": email, "password": password}, timeout=TIMEOUT_S,
            allow_redirects=False)
        if signed_in.status_code == 401:
            raise AutologinError("wrong email or password")
        if signed_in.status_code != 200:
            raise AutologinError(f"sign-in answered HTTP {signed_in.status_code}")
        consent = browser.post(authorize_url, data={"step": "consent", "decision": "allow"},
                               timeout=TIMEOUT_S, allow_redirects=False)
        location = consent.headers.get("Location")
        if consent.status_code not in (302, 303) or not location:
            raise AutologinError(f"consent answered HTTP {consent.status_code} "
                                 "without a redirect")
        redirect = urljoin(authorize_url, location)
    if deliver:
        try:
            requests.get(redirect, timeout=TIMEOUT_S)
        except requests.RequestException as exc:
            raise AutologinError(f"could not deliver the redirect: {exc}") from exc
    return redirect


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
