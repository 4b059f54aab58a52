"""Accounts of a profile: who is signed in to which portal, which one is current.

``accounts.json`` names nobody (portal URL, random id, the sign-in-needed flag): display
names and patient ids live in the secret store with the tokens and the cache key (see
account_registry.py); the account's cached card lives in ``<profile>/accounts/<id>/``.
Signing in again to an account revokes the tokens it replaces.
"""

from __future__ import annotations

import secrets
import shutil
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import requests

from desktop.services.account_registry import Account, AccountRegistry
from desktop.services.auth import TokenManager, TokenSet, revoke, sign_in, tokens_key
from desktop.services.cache.projections.common import human_name
from desktop.services.errors import MedcardError, NotFound
from desktop.services.i18n import N_
from desktop.services.portal import FhirClient, new_session
from desktop.services.portal.address import check_base_url
from desktop.services.profile import Profile
from desktop.services.secrets import SecretStore

__all__ = ["Account", "AccountManager", "cache_key_name", "display_name_of", "new_account_id"]


def cache_key_name(account_id: str) -> str:
    return f"cache-key:{account_id}"


def new_account_id() -> str:
    # Random, not derived from portal + user: two profiles on one machine share the OS
    # keyring, and must never overwrite (or sign out) each other's tokens.
    return secrets.token_hex(8)


def display_name_of(patient: Any) -> str | None:
    """A person's name from a Patient resource, whatever shape the portal sent it in."""
    names = patient.get("name") if isinstance(patient, dict) else None
    if isinstance(names, str):  # not FHIR, but plainly a name
        return names.strip()[:200] or None
    text = human_name(names if isinstance(names, list) else [names])
    return text[:200] if text else None


class AccountManager:
    """Thread-safe registry of accounts plus their secrets and folders."""

    def __init__(
        self,
        profile: Profile,
        secret_store: SecretStore,
        session: requests.Session | None = None,
    ) -> None:
        self.profile = profile
        self.secrets = secret_store
        self._session = session or new_session()
        self._registry = AccountRegistry(profile, secret_store)
        self._lock = self._registry.lock
        self._token_managers: dict[str, TokenManager] = {}
        # Settings that name a person (the last opened card) live in the secret store too.
        profile.settings.keep_private_in(secret_store)

    # -- registry -----------------------------------------------------------------------

    def list(self) -> list[Account]:
        return self._registry.load()[1]

    def get(self, account_id: str) -> Account:
        for account in self.list():
            if account.id == account_id:
                return account
        raise NotFound(
            f"no account {account_id}", user_message=N_("There is no such account in this profile.")
        )

    def find(self, text: str) -> Account:
        """An account by id, id prefix, display name or patient id (for the command line)."""
        accounts = self.list()
        exact = [a for a in accounts if text in (a.id, a.display_name, a.patient_id)]
        matches = exact or [a for a in accounts if a.id.startswith(text)]
        if len(matches) != 1:
            raise NotFound(
                f"{len(matches)} accounts match",
                user_message=N_("No single account matches; run 'medcard accounts' to see them."),
            )
        return matches[0]

    def current(self) -> Account | None:
        current, accounts = self._registry.load()
        for account in accounts:
            if account.id == current:
                return account
        return accounts[0] if accounts else None

    def switch(self, account_id: str) -> Account:
        with self._lock:
            current, accounts = self._registry.load()
            account = next((a for a in accounts if a.id == account_id), None)
            if account is None:
                raise NotFound(
                    f"no account {account_id}",
                    user_message=N_("There is no such account in this profile."),
                )
            self._registry.save(account_id, accounts)
            return account

    def _put(self, account: Account, make_current: bool) -> None:
        with self._lock:
            current, accounts = self._registry.load()
            others = [a for a in accounts if a.id != account.id]
            if make_current or current is None:
                current = account.id
            self._registry.save(current, [*others, account])

    def mark_needs_sign_in(self, account_id: str, needed: bool = True) -> None:
        with self._lock:
            try:
                account = self.get(account_id)
            except NotFound:
                return  # signed out meanwhile
            self._put(replace(account, needs_sign_in=needed), make_current=False)

    def _on_tokens_renewed(self, account_id: str, tokens: TokenSet) -> None:
        """A refresh answer carries the current list of patients (a child who turned 15
        drops out): keep the registry in step with it."""
        with self._lock:
            try:
                account = self.get(account_id)
            except NotFound:
                return
            if tokens.patients and tokens.patients != account.patient_ids:
                self._put(replace(account, patient_ids=tokens.patients), make_current=False)

    # -- signing in and out ---------------------------------------------------------------

    def sign_in(
        self,
        portal_url: str,
        open_url: Callable[[str], object] | None = None,  # None: the system browser
        timeout: float = 300,
        cancel: threading.Event | None = None,
    ) -> Account:
        """Browser sign-in, then register (or renew) the account and make it current."""
        tokens = sign_in(portal_url, open_url, timeout, cancel=cancel, session=self._session)
        return self.add(portal_url, tokens)

    def add(self, portal_url: str, tokens: TokenSet) -> Account:
        """Register (or renew) the account the tokens belong to and make it current. Tokens
        a renewed account held before are revoked at the portal (best effort)."""
        portal_url = check_base_url(portal_url)
        with self._lock:
            existing = self._existing(portal_url, tokens)
            account_id = existing.id if existing else new_account_id()
            manager = self.token_manager_for(account_id, tokens.token_endpoint)
            replaced = self._stored_tokens(account_id) if existing else None
            manager.store(tokens)
            try:
                account = Account(
                    id=account_id,
                    portal_url=portal_url,
                    display_name=self._display_name(portal_url, manager, tokens),
                    patient_id=tokens.patient,
                    patient_ids=tokens.patients,
                    needs_sign_in=False,
                    token_endpoint=tokens.token_endpoint,
                    revocation_endpoint=tokens.revocation_endpoint,
                    extra={"user": _user_of(tokens)},
                )
                self._put(account, make_current=True)
                self.profile.account_dir(account_id, create=True)
            except BaseException:
                if existing is None:  # no orphan tokens behind an account never made
                    manager.forget()
                    self._registry.forget_private(account_id)
                    self._token_managers.pop(account_id, None)
                raise
        if replaced is not None and replaced.refresh_token != tokens.refresh_token:
            self._revoke(replaced, replaced.revocation_endpoint or tokens.revocation_endpoint)
        return account

    def _stored_tokens(self, account_id: str) -> TokenSet | None:
        text = self.secrets.get(tokens_key(account_id))
        try:
            return TokenSet.from_json(text) if text else None
        except (ValueError, TypeError):
            return None

    def _revoke(self, tokens: TokenSet, endpoint: str | None) -> bool:
        if not endpoint:
            return False
        if tokens.refresh_token:
            return revoke(self._session, endpoint, tokens.refresh_token)
        return revoke(self._session, endpoint, tokens.access_token, hint="access_token")

    def _existing(self, portal_url: str, tokens: TokenSet) -> Account | None:
        """The account this sign-in renews: same portal, same user (signing in again)."""
        user = _user_of(tokens)
        for account in self.list():
            if (
                account.portal_url == portal_url
                and user
                and (account.extra.get("user") == user or account.patient_id == user)
            ):
                return account
        return None

    def _display_name(self, portal_url: str, manager: TokenManager, tokens: TokenSet) -> str:
        claimed = tokens.id_claims.get("name")
        if isinstance(claimed, str) and claimed.strip():
            return claimed.strip()[:200]
        if tokens.patient:
            try:
                with FhirClient(portal_url, manager, session=self._session) as client:
                    name = display_name_of(client.read("Patient", tokens.patient))
                if name:
                    return name
            except MedcardError:
                pass  # a name is a nicety; the account works without it
        return tokens.patient or portal_url

    def sign_out(self, account_id: str, revoke_at_portal: bool = True) -> bool:
        """Forget the account: revoke (best effort), delete its secrets and cached data.
        Returns whether the portal confirmed the revocation."""
        with self._lock:
            account = self.get(account_id)
            manager = self.token_manager_for(account_id)
            revoked = False
            stored = self._stored_tokens(account_id)
            if revoke_at_portal and stored is not None:
                revoked = self._revoke(stored, account.revocation_endpoint)
            manager.forget()
            self.secrets.delete(cache_key_name(account_id))
            self._token_managers.pop(account_id, None)
            self._delete_folder(self.profile.account_dir(account_id))
            current, accounts = self._registry.load()
            rest = [a for a in accounts if a.id != account_id]
            if current == account_id:
                current = rest[0].id if rest else None
            self._registry.save(current, rest)
            self._registry.forget_private(account_id)
            return revoked

    @staticmethod
    def _delete_folder(folder: Path) -> None:
        try:
            shutil.rmtree(folder)
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise MedcardError(
                f"cannot delete account data: {exc.strerror}",
                user_message=N_(
                    "The account's saved data could not be deleted. Close other Medcard "
                    "windows and try again."
                ),
            ) from None

    # -- what other services need -----------------------------------------------------------

    def token_manager_for(self, account_id: str, token_endpoint: str | None = None) -> TokenManager:
        """One TokenManager per account and process, so all threads share its lock."""
        with self._lock:
            manager = self._token_managers.get(account_id)
            if manager is None:
                manager = TokenManager(
                    account_id,
                    self.secrets,
                    token_endpoint or None,
                    session=self._session,
                    on_session_expired=self.mark_needs_sign_in,
                    on_renewed=self._on_tokens_renewed,
                    # Between processes (a window and `medcard sync`): one refresh at a time.
                    lock_path=self.profile.account_dir(account_id) / "refresh.lock",
                )
                self._token_managers[account_id] = manager
            return manager

    def token_manager(self, account_id: str) -> TokenManager:
        account = self.get(account_id)
        return self.token_manager_for(account_id, account.token_endpoint)

    def client(self, account_id: str, session: requests.Session | None = None) -> FhirClient:
        """A FHIR client for the account (pass ``session`` to get one per thread)."""
        account = self.get(account_id)
        return FhirClient(account.portal_url, self.token_manager(account_id), session=session)

    def cache_key(self, account_id: str) -> str:
        """The account cache's database key: 32 random bytes (hex), made once, kept secret."""
        with self._lock:
            key = self.secrets.get(cache_key_name(account_id))
            if key is None:
                key = secrets.token_hex(32)
                self.secrets.set(cache_key_name(account_id), key)
            return key

    def cache_path(self, account_id: str) -> Path:
        return self.profile.cache_path(account_id)


def _user_of(tokens: TokenSet) -> str | None:
    """Who signed in (fhirUser, else the patient): how a new sign-in finds its account."""
    user = tokens.id_claims.get("fhirUser")
    return user if isinstance(user, str) and user else tokens.patient
