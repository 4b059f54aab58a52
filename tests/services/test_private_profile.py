"""No medical data in clear outside the encrypted cache and the secret store (issue 15):
the account list, the settings, the logs, the temp folder, the exports."""

from __future__ import annotations

import logging
import os
import stat
import tempfile
from pathlib import Path

import orjson
import pytest

from desktop.services.accounts import AccountManager
from desktop.services.auth import tokens_key
from desktop.services.exports import write_csv
from desktop.services.profile import Profile
from desktop.services.secrets import KeyringSecretStore, MemorySecretStore
from desktop.services.sync_cli import sync_account
from tests.services.conftest import FAMILY, browser_for

FAMILY_IDS = ("ivanov-sergey", "ivanova-masha")
FAMILY_NAMES = ("Иванов", "Сергей", "Мария", "Иванова")


def _files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _leaks(folder: Path, needles: list[str]) -> list[str]:
    found = []
    for path in _files(folder):
        data = path.read_bytes()
        for needle in needles:
            if needle.encode("utf-8") in data or needle.encode("utf-16-le") in data:
                found.append(f"{path.relative_to(folder)}: {needle[:12]}…")
    return found


def test_the_account_list_names_nobody(portal, profile, memory_secrets):
    manager = AccountManager(profile, memory_secrets)
    account = manager.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    text = profile.accounts_file.read_text()
    for needle in (*FAMILY_IDS, *FAMILY_NAMES, account.display_name):
        assert needle not in text
    again = AccountManager(Profile(profile.path), memory_secrets)
    listed = again.get(account.id)
    assert listed.display_name == account.display_name
    assert listed.patient_ids == account.patient_ids and listed.patient_id == "ivanov-sergey"
    assert again.find("ivanov-sergey").id == account.id


def test_an_old_account_list_moves_its_names_into_the_secret_store(tmp_path, memory_secrets):
    folder = tmp_path / "p"
    folder.mkdir()
    old = {
        "version": 1,
        "current": "a1",
        "accounts": [
            {
                "id": "a1",
                "portal_url": "https://portal.example/fhir",
                "display_name": "Иванов Сергей",
                "patient_id": "ivanov-sergey",
                "patient_ids": ["ivanov-sergey", "ivanova-masha"],
                "needs_sign_in": False,
                "token_endpoint": "https://portal.example/oauth/token",
                "revocation_endpoint": None,
                "extra": {"user": "Patient/ivanov-sergey"},
            }
        ],
    }
    (folder / "accounts.json").write_bytes(orjson.dumps(old))
    manager = AccountManager(Profile(folder), memory_secrets)
    account = manager.get("a1")
    assert account.display_name == "Иванов Сергей"
    assert account.patient_ids == ("ivanov-sergey", "ivanova-masha")
    text = (folder / "accounts.json").read_text()
    assert "ivanov" not in text and "Иванов" not in text
    assert orjson.loads(text)["version"] == 2


def test_a_lost_secret_store_entry_still_lists_the_account(tmp_path, memory_secrets):
    manager = AccountManager(Profile(tmp_path / "p"), memory_secrets)
    from desktop.services.auth import TokenSet

    tokens = TokenSet(  # a name claim: no Patient read from a portal that is not there
        "a", "r", 2e9, patient="ivanov-sergey", patients=("ivanov-sergey",),
        id_claims={"name": "Иванов Сергей"},
    )  # fmt: skip
    account = manager.add("https://portal.example/fhir", tokens)
    memory_secrets.delete(f"account:{account.id}")
    listed = manager.get(account.id)
    assert listed.display_name == "portal.example"
    assert manager.sign_out(account.id) is False  # and it can still be signed out


def test_the_last_opened_card_is_not_in_the_settings_file(tmp_path, memory_secrets):
    folder = tmp_path / "p"
    profile = Profile(folder)
    AccountManager(profile, memory_secrets)
    profile.settings.update({"last_patient": "ivanova-masha", "last_tab": "labs"})
    assert "ivanova-masha" not in (folder / "settings.json").read_text()
    assert profile.settings.get("last_patient") == "ivanova-masha"
    reopened = Profile(folder)
    AccountManager(reopened, memory_secrets)
    assert reopened.settings.get("last_patient") == "ivanova-masha"
    reopened.settings.set("last_patient", None)
    assert Profile(folder).settings.get("last_patient") is None


def test_a_last_patient_written_in_clear_by_an_older_medcard_moves(tmp_path, memory_secrets):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "settings.json").write_bytes(
        orjson.dumps({"schema_version": 1, "last_patient": "ivanova-masha", "language": "ru"})
    )
    profile = Profile(folder)
    assert "ivanova-masha" not in (folder / "settings.json").read_text()
    AccountManager(profile, memory_secrets)
    assert profile.settings.get("last_patient") == "ivanova-masha"
    assert profile.settings.get("language") == "ru"
    assert "ivanova-masha" not in (folder / "settings.json").read_text()


def test_without_a_secret_store_the_last_card_stays_in_memory(tmp_path):
    profile = Profile(tmp_path / "p")
    profile.settings.set("last_patient", "ivanova-masha")
    assert profile.settings.get("last_patient") == "ivanova-masha"
    profile.settings.set("language", "ru")
    assert "ivanova-masha" not in (tmp_path / "p" / "settings.json").read_text()
    assert Profile(tmp_path / "p").settings.get("last_patient") is None


def test_after_a_full_session_nothing_names_anyone_in_clear(
    fresh_portal, tmp_path, keyring_secrets, monkeypatch, caplog
):
    """Sign in, sync, remember a card, export, sign in again, sync: then grep the profile
    folder, the temp folder and every log line for names, ids and tokens."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    caplog.set_level(logging.DEBUG)
    folder = tmp_path / "profile"
    manager = AccountManager(Profile(folder), keyring_secrets)
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    seen_tokens = [keyring_secrets.get(tokens_key(account.id)) or ""]
    sync_account(manager, account.id)
    manager.profile.settings.update({"last_patient": "ivanova-masha", "last_tab": "card"})
    exports = tmp_path / "exports"
    exports.mkdir()
    write_csv(exports / "labs.csv", [["Глюкоза", "6.1", "=HYPERLINK(1)"]])
    again = AccountManager(Profile(folder), keyring_secrets)
    again.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    sync_account(again, account.id)
    seen_tokens.append(keyring_secrets.get(tokens_key(account.id)) or "")
    secrets: list[str] = []
    for text in seen_tokens:
        tokens = orjson.loads(text)
        secrets += [tokens["access_token"], tokens["refresh_token"]]
    needles = [*FAMILY_IDS, *FAMILY_NAMES, *secrets]
    assert _files(folder), "the profile holds the cache and the lists"
    assert _leaks(folder, needles) == []
    assert _leaks(temp, needles) == []
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "GET /fhir/" in logged  # the exchanges are logged ...
    assert [n for n in needles if n in logged] == []  # ... without anyone in them
    assert "?" not in "\n".join(m for m in logged.splitlines() if "GET /fhir" in m)
    assert stat.S_IMODE(os.stat(exports / "labs.csv").st_mode) == 0o600


@pytest.mark.parametrize("store", [MemorySecretStore])
def test_sign_out_forgets_the_private_part_too(portal, tmp_path, store):
    secrets = store()
    manager = AccountManager(Profile(tmp_path / "p"), secrets)
    account = manager.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    assert secrets.get(f"account:{account.id}") is not None
    manager.sign_out(account.id)
    assert secrets.get(f"account:{account.id}") is None
    assert not isinstance(secrets, KeyringSecretStore)


def test_what_urllib3_still_logs_is_scrubbed(caplog):
    import desktop.services.portal  # noqa: F401 - installs the filter

    caplog.set_level(logging.DEBUG)
    logging.getLogger("urllib3.connectionpool").warning(
        "Failed to parse headers (url=%s): %s",
        "https://portal.example/fhir/Patient/ivanov-sergey?name=Иванов",
        "bad header",
    )
    logging.getLogger("urllib3.connectionpool").debug('"GET /fhir/Observation?patient=x" 200')
    logged = [r.getMessage() for r in caplog.records if r.name.startswith("urllib3")]
    assert logged == ["Failed to parse headers (url=/fhir/Patient/…): bad header"]
