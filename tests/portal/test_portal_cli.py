"""`python -m demo_portal` and `python -m demo_portal.autologin` as the app and scripts use
them: the base URL on the first line, faults over HTTP, a browser stand-in that delivers
the code to a loopback listener, and a clean stop on SIGTERM."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlsplit

import requests
from oauth_helpers import authorize_url, make_pkce


class _Callback(BaseHTTPRequestHandler):
    received: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        _Callback.received.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"signed in")

    def log_message(self, *args: object) -> None:
        pass


class _PortalProcess:
    def __init__(self, base_url: str):
        self.base_url = base_url


def test_cli_serves_and_autologin_delivers_the_code(tmp_path):
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "demo_portal",
            "--port",
            "0",
            "--db",
            str(tmp_path / "p.db"),
            "--token-ttl",
            "120",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    listener = HTTPServer(("127.0.0.1", 0), _Callback)
    thread = threading.Thread(target=listener.serve_forever, daemon=True)
    thread.start()
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/fhir")
        assert requests.get(f"{base_url}/metadata", timeout=10).status_code == 200
        portal = _PortalProcess(base_url)
        pkce = make_pkce()
        redirect_uri = f"http://127.0.0.1:{listener.server_port}/cb"
        url = authorize_url(portal, pkce, redirect_uri=redirect_uri)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "demo_portal.autologin",
                "--email",
                "family@demo.medcard",
                "--password",
                "demo1234",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert len(_Callback.received) == 1
        params = parse_qs(urlsplit(_Callback.received[0]).query)
        assert params["state"] == ["st-1"]
        # The code delivered to the listener is exchangeable (redirect_uri must match).
        root = base_url.rsplit("/fhir", 1)[0]
        token = requests.post(
            f"{root}/oauth/token",
            timeout=10,
            data={
                "grant_type": "authorization_code",
                "code": params["code"][0],
                "redirect_uri": redirect_uri,
                "client_id": "medcard",
                "code_verifier": pkce.verifier,
            },
        ).json()
        assert token["expires_in"] == 120
        wrong = subprocess.run(
            [
                sys.executable,
                "-m",
                "demo_portal.autologin",
                "--email",
                "family@demo.medcard",
                "--password",
                "wrong",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert wrong.returncode == 1
        assert "wrong email or password" in wrong.stderr
    finally:
        listener.shutdown()
        listener.server_close()
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)
    assert proc.returncode == 0


def test_operator_changes_access_of_a_running_portal(fresh_portal):
    from oauth_helpers import FhirSession, sign_in

    fhir = FhirSession(fresh_portal, sign_in(fresh_portal, "other@demo.medcard")["access_token"])
    assert fhir.get("Patient/ivanov-sergey").status_code == 403

    def operator(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "demo_portal.operator",
                "--db",
                str(fresh_portal.db_path),
                *args,
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )

    assert operator("grant", "other@demo.medcard", "ivanov-sergey").returncode == 0
    assert fhir.get("Patient/ivanov-sergey").status_code == 200
    listing = operator("accounts")
    assert "other@demo.medcard" in listing.stdout and "ivanov-sergey" in listing.stdout
    assert operator("revoke", "other@demo.medcard", "ivanov-sergey").returncode == 0
    assert fhir.get("Patient/ivanov-sergey").status_code == 403
    assert operator("no-such-command").returncode == 2
