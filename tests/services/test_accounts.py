"""Profile, settings and accounts: add, switch, sign out (tokens and data gone)."""

from __future__ import annotations

import orjson
import pytest

from desktop.services.accounts import AccountManager, cache_key_name
from desktop.services.auth import tokens_key
from desktop.services.auth.oauth import OAuthError, post_form
from desktop.services.errors import NotFound
from desktop.services.portal import new_session
from desktop.services.profile import SETTINGS_SCHEMA_VERSION, Profile, default_profile_dir
from tests.services.conftest import ELDER, FAMILY, browser_for


def test_profile_location_from_env(monkeypatch, tmp_path):
    monkeypatch.setenv("MEDCARD_PROFILE", str(tmp_path / "elsewhere"))
    assert default_profile_dir() == tmp_path / "elsewhere"
    assert Profile().path == tmp_path / "elsewhere"


def test_settings_persist_and_migrate(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "settings.json").write_bytes(orjson.dumps({"language": "ru"}))  # unversioned
    profile = Profile(folder)
    assert profile.settings.get("language") == "ru"
    assert profile.settings.get("theme") == "system"
    profile.settings.set("last_tab", "labs")
    saved = orjson.loads((folder / "settings.json").read_bytes())
    assert saved["schema_version"] == SETTINGS_SCHEMA_VERSION and saved["last_tab"] == "labs"
    assert Profile(folder).settings.get("last_tab") == "labs"
    with pytest.raises(TypeError):
        profile.settings.set("geometry", object())


def test_damaged_settings_are_kept_aside(tmp_path):
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "settings.json").write_text("{not json")
    assert Profile(folder).settings.get("theme") == "system"
    assert (folder / "settings.json.broken").exists()


def test_add_switch_and_sign_out(portal, profile, keyring_secrets):
    manager = AccountManager(profile, keyring_secrets)
    family = manager.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    elder = manager.sign_in(portal.base_url, open_url=browser_for(ELDER), timeout=30)
    assert {a.id for a in manager.list()} == {family.id, elder.id}
    assert manager.current().id == elder.id
    assert elder.display_name and elder.patient_id == "petrova-anna"
    assert manager.switch(family.id).id == family.id and manager.current().id == family.id

    key = manager.cache_key(family.id)
    assert len(key) == 64 and manager.cache_key(family.id) == key
    cache_file = manager.cache_path(family.id)
    cache_file.write_bytes(b"pretend cache")
    refresh_token = orjson.loads(keyring_secrets.get(tokens_key(family.id)))["refresh_token"]
    registry_text = profile.accounts_file.read_text()
    assert refresh_token not in registry_text and key not in registry_text

    assert manager.sign_out(family.id) is True  # the portal confirmed the revocation
    assert keyring_secrets.get(tokens_key(family.id)) is None
    assert keyring_secrets.get(cache_key_name(family.id)) is None
    assert not cache_file.parent.exists()
    assert [a.id for a in manager.list()] == [elder.id]
    assert manager.current().id == elder.id
    with pytest.raises(NotFound):
        manager.get(family.id)
    with pytest.raises(OAuthError), new_session() as http:
        post_form(
            http,
            family.token_endpoint,
            {"grant_type": "refresh_token", "refresh_token": refresh_token, "client_id": "medcard"},
            (5, 10),
        )
    manager.sign_out(elder.id)
    assert manager.list() == [] and manager.current() is None


def test_signing_in_again_keeps_one_account(portal, accounts):
    first = accounts.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    second = accounts.sign_in(portal.base_url + "/", open_url=browser_for(FAMILY), timeout=30)
    assert first.id == second.id and len(accounts.list()) == 1


def test_two_profiles_never_share_an_account_id(portal, tmp_path, keyring_secrets):
    one = AccountManager(Profile(tmp_path / "one"), keyring_secrets)
    two = AccountManager(Profile(tmp_path / "two"), keyring_secrets)
    a = one.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    b = two.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    assert a.id != b.id
    two.sign_out(b.id)
    with one.client(a.id) as client:  # the other profile's sign-in is untouched
        assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"
    one.sign_out(a.id)
