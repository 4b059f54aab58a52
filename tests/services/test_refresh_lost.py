"""A refresh whose answer is lost does not sign the user out; syncs and refreshes of one
profile never race; signing in again revokes what it replaces (issue 15)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests

import demo_portal.oauth
from desktop.services.accounts import AccountManager
from desktop.services.auth import TokenSet, tokens_key
from desktop.services.auth.oauth import OAuthError, post_form
from desktop.services.errors import SessionExpired, SyncBusy
from desktop.services.filelock import FileLock
from desktop.services.portal import new_session
from desktop.services.profile import Profile
from desktop.services.secrets import KeyringSecretStore
from desktop.services.sync_cli import sync_account
from desktop.services.sync_lock import LOCK_NAME, LockedSync, sync_lock
from tests.services.conftest import FAMILY, browser_for

ROOT = Path(__file__).resolve().parents[2]


def _stored(manager: AccountManager, account_id: str) -> TokenSet:
    text = manager.secrets.get(tokens_key(account_id))
    assert text is not None
    return TokenSet.from_json(text)


def _refresh_behind_its_back(tokens: TokenSet) -> None:
    """The portal rotates the token, the answer never reaches the app (killed meanwhile)."""
    with new_session() as http:
        post_form(
            http,
            tokens.token_endpoint,
            {
                "grant_type": "refresh_token",
                "refresh_token": tokens.refresh_token or "",
                "client_id": "medcard",
            },
            (5, 10),
        )


def test_an_answer_lost_in_transit_does_not_sign_out(fresh_portal, profile, memory_secrets):
    manager = AccountManager(profile, memory_secrets)
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    before = _stored(manager, account.id)
    # The portal rotates the token, then the connection drops before the answer is sent.
    fresh_portal.faults.add(drop_answer=True, count=1, path_contains="/oauth/token")
    renewed = manager.token_manager(account.id).refresh()
    assert fresh_portal.faults.pending() == 0
    assert renewed.refresh_token != before.refresh_token
    assert not manager.get(account.id).needs_sign_in
    with manager.client(account.id) as client:
        assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"


def test_a_process_killed_during_a_refresh_resumes_signed_in(fresh_portal, profile, memory_secrets):
    manager = AccountManager(profile, memory_secrets)
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    _refresh_behind_its_back(_stored(manager, account.id))
    restarted = AccountManager(profile, memory_secrets)  # a new process, same keyring
    assert restarted.token_manager(account.id).refresh().access_token
    assert not restarted.get(account.id).needs_sign_in


def test_after_the_grace_window_the_session_has_ended(
    fresh_portal, profile, memory_secrets, monkeypatch
):
    monkeypatch.setattr(demo_portal.oauth, "REFRESH_REUSE_GRACE_S", 0.2)
    manager = AccountManager(profile, memory_secrets)
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    _refresh_behind_its_back(_stored(manager, account.id))
    threading.Event().wait(0.4)
    with pytest.raises(SessionExpired):
        manager.token_manager(account.id).refresh()
    assert manager.get(account.id).needs_sign_in  # said plainly: sign in again


def test_two_processes_refreshing_at_once_stay_signed_in(
    fresh_portal, tmp_path, keyring_secrets, monkeypatch
):
    """No grace window here: only the file lock keeps the second refresh from spending the
    token the first one just rotated, and from signing out before the first has stored its
    answer (the portal rotates at once and answers late)."""
    monkeypatch.setattr(demo_portal.oauth, "REFRESH_REUSE_GRACE_S", 0.0)
    profile = Profile(tmp_path / "profile")
    first = AccountManager(profile, keyring_secrets)
    account = first.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    fresh_portal.faults.slow_answer(0.5, count=1, path_contains="/oauth/token")
    second = AccountManager(Profile(tmp_path / "profile"), keyring_secrets)
    errors: list[BaseException] = []

    def refresh(manager: AccountManager, after: float) -> None:
        threading.Event().wait(after)  # the second asks while the first's answer is on its way
        try:
            manager.token_manager(account.id).refresh()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=refresh, args=(first, 0.0)),
        threading.Thread(target=refresh, args=(second, 0.15)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert not first.get(account.id).needs_sign_in
    with first.client(account.id) as client:
        assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"


def test_signing_in_again_revokes_the_tokens_it_replaces(fresh_portal, profile, memory_secrets):
    manager = AccountManager(profile, memory_secrets)
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    old = _stored(manager, account.id)
    again = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    assert again.id == account.id
    with pytest.raises(OAuthError), new_session() as http:
        post_form(
            http,
            old.token_endpoint,
            {
                "grant_type": "refresh_token",
                "refresh_token": old.refresh_token or "",
                "client_id": "medcard",
            },
            (5, 10),
        )
    old_access = requests.get(
        f"{fresh_portal.base_url}/Patient/ivanov-sergey",
        headers={"Authorization": f"Bearer {old.access_token}"},
        timeout=10,
    )
    assert old_access.status_code == 401
    with manager.client(account.id) as client:
        assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"


# -- one sync per profile -----------------------------------------------------------------


def test_a_sync_waits_for_the_profile_lock_and_says_so_when_it_stays_taken(
    fresh_portal, tmp_path, memory_secrets
):
    manager = AccountManager(Profile(tmp_path / "profile"), memory_secrets)
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    other = FileLock(tmp_path / "profile" / LOCK_NAME)  # another Medcard's sync
    assert other.acquire(1)
    try:
        with pytest.raises(SyncBusy) as caught:
            sync_account(manager, account.id, lock_wait=0.3)
        assert "Another Medcard is syncing" in caught.value.user_message
    finally:
        other.release()
    assert sync_account(manager, account.id).transferred > 0


def test_the_windows_sync_gives_way_when_closed_while_waiting(tmp_path):
    from desktop.services.sync import SyncCancelled

    class Never:
        def run(self) -> None:
            raise AssertionError("must not run without the lock")

    cancel = threading.Event()
    with sync_lock(tmp_path, timeout=1):
        threading.Timer(0.2, cancel.set).start()
        with pytest.raises(SyncCancelled):
            LockedSync(Never(), tmp_path, cancel, timeout=30).run()


def test_two_medcard_syncs_at_once_both_succeed_and_stay_signed_in(fresh_portal, tmp_path):
    manager = AccountManager(Profile(tmp_path / "profile"), KeyringSecretStore())
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    command = [
        sys.executable,
        "-m",
        "desktop.services.cli",
        "sync",
        "--profile",
        str(tmp_path / "profile"),
        "--json",
    ]
    env = dict(os.environ)
    runs = [
        subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(2)
    ]
    results = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err for _, err in results]
    listed = AccountManager(Profile(tmp_path / "profile"), KeyringSecretStore())
    assert not listed.get(account.id).needs_sign_in
    with listed.client(account.id) as client:
        assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"
