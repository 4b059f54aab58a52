"""Refresh, rotation, expiry and the 401 path of TokenManager + FhirClient."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest

from desktop.services.accounts import AccountManager, cache_key_name
from desktop.services.auth import TokenManager, TokenSet, revoke, tokens_key
from desktop.services.auth.oauth import OAuthError, post_form
from desktop.services.errors import SessionExpired
from desktop.services.portal import new_session
from tests.services.conftest import FAMILY, browser_for


def _stored(accounts: AccountManager, account_id: str) -> TokenSet:
    text = accounts.secrets.get(tokens_key(account_id))
    assert text is not None
    return TokenSet.from_json(text)


def test_refresh_rotates_and_stores_the_newest(family_account, accounts):
    manager = accounts.token_manager(family_account.id)
    before = _stored(accounts, family_account.id)
    after = manager.refresh()
    assert after.refresh_token != before.refresh_token
    assert after.access_token != before.access_token
    assert _stored(accounts, family_account.id).refresh_token == after.refresh_token
    assert after.patients == before.patients
    with accounts.client(family_account.id) as client:
        assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"
    # Its successor used, the old refresh token is void at the portal: reuse must fail.
    with pytest.raises(OAuthError), new_session() as http:
        post_form(
            http,
            before.token_endpoint,
            {
                "grant_type": "refresh_token",
                "refresh_token": before.refresh_token or "",
                "client_id": "medcard",
            },
            (5, 10),
        )


def test_concurrent_401s_refresh_only_once(family_account, accounts):
    manager = accounts.token_manager(family_account.id)
    rejected = manager.access_token()
    results: list[str] = []

    def worker() -> None:
        results.append(manager.refresh(rejected_token=rejected).access_token)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 1 and results[0] != rejected


def test_401_triggers_one_refresh_and_a_retry(family_account, accounts):
    manager = accounts.token_manager(family_account.id)
    good = manager.tokens()
    # A token the portal does not know, though we believe it valid for an hour.
    manager.store(dataclasses.replace(good, access_token="not-a-real-token"))
    with accounts.client(family_account.id) as client:
        assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"
    assert _stored(accounts, family_account.id).refresh_token != good.refresh_token


def test_failed_refresh_expires_the_session_but_keeps_the_cache_key(family_account, accounts):
    key = accounts.cache_key(family_account.id)
    manager = accounts.token_manager(family_account.id)
    tokens = manager.tokens()
    with new_session() as http:
        assert revoke(http, family_account.revocation_endpoint or "", tokens.refresh_token or "")
    # Access token revoked too (RFC 7009 revokes the grant): next call gets 401, refresh fails.
    with accounts.client(family_account.id) as client, pytest.raises(SessionExpired):
        client.read("Patient", "ivanov-sergey")
    assert accounts.get(family_account.id).needs_sign_in
    assert accounts.secrets.get(tokens_key(family_account.id)) is None
    assert accounts.secrets.get(cache_key_name(family_account.id)) == key
    # Signing in again renews the same account.
    again = accounts.sign_in(family_account.portal_url, open_url=browser_for(FAMILY), timeout=30)
    assert again.id == family_account.id and not again.needs_sign_in


def test_short_lived_tokens_are_renewed_transparently(tmp_path, profile, memory_secrets):
    from demo_portal.embedded import DemoPortal

    with DemoPortal(db_path=tmp_path / "p.db", access_token_ttl=2) as short:
        manager = AccountManager(profile, memory_secrets)
        account = manager.sign_in(short.base_url, open_url=browser_for(FAMILY), timeout=30)
        first = manager.token_manager(account.id).tokens()
        with manager.client(account.id) as client:
            deadline = first.expires_at + 0.5
            while time.time() < deadline:  # keep working across the expiry
                assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"
                time.sleep(0.2)
        assert manager.token_manager(account.id).tokens().access_token != first.access_token


def test_no_stored_tokens_means_session_expired(memory_secrets):
    with pytest.raises(SessionExpired):
        TokenManager("nobody", memory_secrets, "http://127.0.0.1:9/token").access_token()


def test_needs_refresh_margin_scales_with_lifetime():
    tokens = TokenSet("a", "r", expires_at=1002.0, issued_at=1000.0)
    assert not tokens.needs_refresh(now=1000.5)
    assert tokens.needs_refresh(now=1001.5)
    hour = TokenSet("a", "r", expires_at=4600.0, issued_at=1000.0)
    assert not hour.needs_refresh(now=4000.0) and hour.needs_refresh(now=4550.0)


def test_refresh_updates_the_accounts_patients(fresh_portal, profile, memory_secrets):
    manager = AccountManager(profile, memory_secrets)
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    assert "ivanova-masha" in account.patient_ids
    fresh_portal.store.revoke_access(FAMILY, "ivanova-masha")
    renewed = manager.token_manager(account.id).refresh()
    assert "ivanova-masha" not in renewed.patients
    assert manager.get(account.id).patient_ids == ("ivanov-sergey",)


def test_a_second_process_renewing_does_not_end_the_session(family_account, accounts):
    # Two managers over one profile and secret store stand for the app and a CLI sync.
    other_process = AccountManager(accounts.profile, accounts.secrets)
    ours = accounts.token_manager(family_account.id)
    theirs = other_process.token_manager(family_account.id)
    stale = ours.tokens()
    theirs.refresh()  # rotates: the refresh token in `ours` memory is now void
    renewed = ours.refresh(rejected_token=stale.access_token)
    assert renewed.refresh_token == theirs.tokens().refresh_token
    assert not accounts.get(family_account.id).needs_sign_in
    with accounts.client(family_account.id) as client:
        assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"


def test_logs_hold_no_tokens_or_queries(family_account, accounts, caplog):
    import logging

    caplog.set_level(logging.DEBUG, logger="medcard")
    manager = accounts.token_manager(family_account.id)
    renewed = manager.refresh()
    with accounts.client(family_account.id) as client:
        list(
            client.search(
                "Observation", {"patient": "ivanov-sergey", "code": "2345-7", "_count": "2"}
            )
        )
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("medcard")]
    assert any("GET /fhir/Observation" in line for line in ours)
    text = "\n".join(ours)
    for secret in (renewed.access_token, renewed.refresh_token or "?", "2345-7", "?"):
        assert secret not in text
