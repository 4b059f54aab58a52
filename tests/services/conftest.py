"""Fixtures shared by the services tests: profiles, secret stores, signed-in users.

Sign-in goes through the real SMART flow of the embedded demo portal, with
``demo_portal.autologin`` playing the browser.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.services.accounts import Account, AccountManager
from desktop.services.auth import TokenSet, sign_in
from desktop.services.cache import Cache
from desktop.services.profile import Profile
from desktop.services.secrets import KeyringSecretStore, MemorySecretStore

DEMO_PASSWORD = "demo1234"
FAMILY = "family@demo.medcard"
ELDER = "elder@demo.medcard"
OTHER = "other@demo.medcard"
UNVERIFIED = "unverified@demo.medcard"
REGION = "region@demo.medcard"


def browser_for(email: str, password: str = DEMO_PASSWORD) -> Callable[[str], str]:
    """An ``open_url`` that logs in and consents like a user in a browser would."""
    from demo_portal import autologin

    return lambda url: autologin.follow(url, email, password)


def sign_in_as(portal: object, email: str) -> TokenSet:
    return sign_in(portal.base_url, open_url=browser_for(email), timeout=30)  # type: ignore[attr-defined]


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    """An empty encrypted cache of the test's own."""
    with Cache.open(tmp_path / "cache.db", Cache.new_key()) as opened:
        yield opened


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile")


@pytest.fixture
def memory_secrets() -> MemorySecretStore:
    return MemorySecretStore()


@pytest.fixture
def keyring_secrets() -> KeyringSecretStore:
    """The OS keyring as tests configure it (PlaintextKeyring in a tmp XDG_DATA_HOME)."""
    return KeyringSecretStore()


@pytest.fixture
def accounts(profile: Profile, memory_secrets: MemorySecretStore) -> Iterator[AccountManager]:
    yield AccountManager(profile, memory_secrets)


@pytest.fixture
def family_account(portal: object, accounts: AccountManager) -> Account:
    """The demo family (Sergey + Masha) signed in on the session portal."""
    return accounts.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)  # type: ignore[attr-defined]
