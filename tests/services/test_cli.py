"""The command line: sign-in with BROWSER set to autologin (a real subprocess),
accounts, sign-out, and errors without tracebacks."""

from __future__ import annotations

import io
import os
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import orjson

from desktop.services.cli import main
from tests.services.conftest import DEMO_PASSWORD, FAMILY

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_sign_in_via_browser_env_then_accounts_and_sign_out(portal, tmp_path):
    profile = tmp_path / "profile"
    browser = " ".join(
        [
            shlex.quote(sys.executable),
            "-m",
            "demo_portal.autologin",
            "--email",
            FAMILY,
            "--password",
            DEMO_PASSWORD,
            "%s",
        ]
    )
    env = {**os.environ, "BROWSER": browser}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop.services.cli",
            "sign-in",
            "--portal",
            portal.base_url,
            "--profile",
            str(profile),
            "--timeout",
            "60",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, done.stderr
    assert "Signed in as" in done.stdout

    code, text = run_cli("accounts", "--profile", str(profile), "--json")
    listing = orjson.loads(text)
    assert code == 0 and len(listing["accounts"]) == 1
    account = listing["accounts"][0]
    assert account["patient_id"] == "ivanov-sergey" and listing["current"] == account["id"]

    code, text = run_cli("accounts", "--profile", str(profile))
    assert code == 0 and account["id"] in text and "current" in text

    code, text = run_cli("sign-out", account["id"][:6], "--profile", str(profile))
    assert code == 0 and "Signed out" in text
    code, text = run_cli("accounts", "--profile", str(profile), "--json")
    assert orjson.loads(text)["accounts"] == []


def test_unreachable_portal_gives_a_message_not_a_traceback(tmp_path, capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again when the block ends: nobody listens
    code, _ = run_cli(
        "sign-in",
        "--portal",
        f"http://127.0.0.1:{port}/fhir",
        "--profile",
        str(tmp_path / "p"),
        "--timeout",
        "5",
    )
    err = capsys.readouterr().err
    assert code == 2 and "cannot be reached" in err and "Traceback" not in err


def test_sign_out_without_accounts(tmp_path):
    code, text = run_cli("sign-out", "--profile", str(tmp_path / "p"))
    assert code == 1 and "No accounts" in text


def test_no_keyring_explains_the_encrypted_file_choice(tmp_path, monkeypatch, capsys):
    import keyring

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.init_backend()
    try:
        code, _ = run_cli("accounts", "--profile", str(tmp_path / "p"))
        err = capsys.readouterr().err
        assert code == 3 and "--secret-store encrypted-file" in err

        monkeypatch.setenv("MEDCARD_MASTER_PASSWORD", "s3cret master")
        code, _ = run_cli(
            "accounts", "--profile", str(tmp_path / "p"), "--secret-store", "encrypted-file"
        )
        assert code == 0 and (tmp_path / "p" / "secrets.enc").exists()
        # The choice is remembered; a wrong master password is a clear error.
        monkeypatch.setenv("MEDCARD_MASTER_PASSWORD", "not it")
        code, _ = run_cli("accounts", "--profile", str(tmp_path / "p"))
        assert code == 2 and "master password is wrong" in capsys.readouterr().err
    finally:
        monkeypatch.undo()
        keyring.core.init_backend()
