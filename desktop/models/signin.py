"""Sign-in and account opening for the GUI: the blocking parts run on the task runner.

`sign_in_account` and `open_session_parts` are plain functions (worker thread); the GUI
thread then wraps the result in an `AccountSession` with `make_session`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from desktop.models.session import AccountSession, SessionParts
from desktop.models.tasks import TaskRunner
from desktop.services.accounts import Account, AccountManager
from desktop.services.cache import Cache
from desktop.services.cache.types import SyncProgress
from desktop.services.errors import MedcardError
from desktop.services.onboarding.access import confirm_access
from desktop.services.portal import FhirClient
from desktop.services.sync import SyncEngine
from desktop.services.sync_lock import LockedSync, profile_of_cache


def sign_in_account(
    accounts: AccountManager,
    portal_url: str,
    open_url: Callable[[str], object],
    cancel: threading.Event | None = None,
) -> Account:
    """Browser (or demo autologin) sign-in; registers the account and makes it current.
    A portal that refuses the person (identity not verified, region not served) undoes it
    and its refusal is raised, with the next step in its message."""
    account = accounts.sign_in(portal_url, open_url=open_url, cancel=cancel)
    return confirm_access(accounts, account)


def open_session_parts(accounts: AccountManager, account: Account) -> SessionParts:
    """Client + opened cache for an account (cache key from the secret store)."""
    cache = Cache.open(accounts.cache_path(account.id), accounts.cache_key(account.id))
    client = accounts.client(account.id)
    own = account.patient_id or (account.patient_ids[0] if account.patient_ids else "")
    return SessionParts(
        account=account,
        client=client,
        cache=cache,
        own_patient_id=own,
        patient_ids=list(account.patient_ids) or [own],
        cleanup=[client.close],
    )


def management_url(client: FhirClient) -> str | None:
    """The portal's account page (SMART `management_endpoint`), if it offers one."""
    try:
        config = client.smart_configuration()
    except MedcardError:
        return None
    url = config.get("management_endpoint") if isinstance(config, dict) else None
    return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None


def sync_factory(
    client: FhirClient,
    cache: Cache,
    patients: list[str],
    progress: Callable[[SyncProgress], None],
    cancel: threading.Event,
) -> LockedSync:
    engine = SyncEngine(client, cache, patients, progress=progress, cancel=cancel)
    # One sync per profile at a time, also against a `medcard sync` (issue 15).
    return LockedSync(engine, profile_of_cache(cache.path), cancel)


def make_session(runner: TaskRunner, parts: SessionParts) -> AccountSession:
    return AccountSession(runner, parts, sync_factory=sync_factory)
