"""A signed-in account whose cache starts as a copy of a synced seed (no full sync per test),
and the portal's operator commands as the clinic would run them."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path
from typing import Any

from demo_portal import operator
from desktop.services.accounts import AccountManager, cache_key_name
from desktop.services.auth import sign_in
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from tests.ui.conftest import SyncedSeed, autologin_browser


def seeded_account(seed: SyncedSeed, profile_dir: Path) -> tuple[AccountManager, Any]:
    """Tokens of its own, the seed's cache copied in: open it with `TabHarness`."""
    accounts = AccountManager(Profile(profile_dir), MemorySecretStore())
    tokens = sign_in(seed.portal_url, open_url=autologin_browser(), timeout=30)
    account = accounts.add(seed.portal_url, tokens)
    shutil.copy(seed.cache_file, accounts.cache_path(account.id))
    accounts.secrets.set(cache_key_name(account.id), seed.cache_key)
    return accounts, account


def run_operator(db: Path, *argv: str) -> tuple[int, str]:
    """`python -m demo_portal.operator --db DB ...`, in this process (the portal keeps serving)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = operator.main(["--db", str(db), *argv])
    return code, out.getvalue()
