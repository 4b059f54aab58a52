"""Accounts of a profile: who is signed in to which portal, which one is current.

``accounts.json`` holds only what is safe to show without signing in (portal URL, display
name, patient ids, the sign-in-needed flag). Tokens and the cache key live in the secret
store; the account's cached card lives in ``<profile>/accounts/<id>/``.
"""

from __future__ import annotations

import secrets
import shutil
import threading
import webbrowser
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import requests

from desktop.services.auth import TokenManager, TokenSet, revoke, sign_in, tokens_key
from desktop.services.errors import MedcardError, NotFound
from desktop.services.i18n import N_
from desktop.services.portal import FhirClient, new_session
from desktop.services.portal.address import check_base_url
from desktop.services.profile import Profile, read_json, write_json_atomic
from desktop.services.secrets import SecretStore

REGISTRY_VERSION = 1


def cache_key_name(account_id: str) -> str:
    return f"cache-key:{account_id}"


@dataclass(frozen=True)
class Account:
    id: str
    portal_url: str
    display_name: str
    patient_id: str | None  # the user's own Patient
    patient_ids: tuple[str, ...] = ()  # own first, then linked ones (children)
    needs_sign_in: bool = False
    token_endpoint: str = ""
    revocation_endpoint: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["patient_ids"] = list(self.patient_ids)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Account:
        known = set(cls.__dataclass_fields__)
        values = {k: v for k, v in data.items() if k in known}
        values["patient_ids"] = tuple(values.get("patient_ids") or ())
        return cls(**values)


def new_account_id() -> str:
    # Random, not derived from portal + user: two profiles on one machine share the OS
    # keyring, and must never overwrite (or sign out) each other's tokens.
    return secrets.token_hex(8)


def display_name_of(patient: dict[str, Any]) -> str | None:
    for name in patient.get("name") or []:
        if name.get("text"):
            return str(name["text"])
        parts = [*(name.get("given") or []), name.get("family") or ""]
        text = " ".join(p for p in parts if p).strip()
        if text:
            return text
    return None


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
        self._lock = threading.RLock()
        self._token_managers: dict[str, TokenManager] = {}

    # -- registry -----------------------------------------------------------------------

    def _load(self) -> dict[str, Any]:
        data = read_json(self.profile.accounts_file)
        if not isinstance(data, dict):
            data = {}
        data.setdefault("version", REGISTRY_VERSION)
        data.setdefault("current", None)
        data.setdefault("accounts", [])
        return data

    def _save(self, data: dict[str, Any]) -> None:
        write_json_atomic(self.profile.accounts_file, data)

    def list(self) -> list[Account]:
        with self._lock:
            return [Account.from_dict(a) for a in self._load()["accounts"]]

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
        with self._lock:
            data = self._load()
            accounts = [Account.from_dict(a) for a in data["accounts"]]
            for account in accounts:
                if account.id == data["current"]:
                    return account
            return accounts[0] if accounts else None

    def switch(self, account_id: str) -> Account:
        with self._lock:
            account = self.get(account_id)
            data = self._load()
            data["current"] = account_id
            self._save(data)
            return account

    def _put(self, account: Account, make_current: bool) -> None:
        with self._lock:
            data = self._load()
            others = [a for a in data["accounts"] if a.get("id") != account.id]
            data["accounts"] = [*others, account.to_dict()]
            if make_current or data["current"] is None:
                data["current"] = account.id
            self._save(data)

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
        open_url: Callable[[str], object] = webbrowser.open,
        timeout: float = 300,
        cancel: threading.Event | None = None,
    ) -> Account:
        """Browser sign-in, then register (or renew) the account and make it current."""
        tokens = sign_in(portal_url, open_url, timeout, cancel=cancel, session=self._session)
        return self.add(portal_url, tokens)

    def add(self, portal_url: str, tokens: TokenSet) -> Account:
        portal_url = check_base_url(portal_url)
        with self._lock:
            existing = self._existing(portal_url, tokens)
            account_id = existing.id if existing else new_account_id()
            manager = self.token_manager_for(account_id, tokens.token_endpoint)
            manager.store(tokens)
            name = self._display_name(portal_url, manager, tokens)
            account = Account(
                id=account_id,
                portal_url=portal_url,
                display_name=name,
                patient_id=tokens.patient,
                patient_ids=tokens.patients,
                needs_sign_in=False,
                token_endpoint=tokens.token_endpoint,
                revocation_endpoint=tokens.revocation_endpoint,
                extra={"user": tokens.id_claims.get("fhirUser") or tokens.patient},
            )
            self._put(account, make_current=True)
            self.profile.account_dir(account_id, create=True)
            return account

    def _existing(self, portal_url: str, tokens: TokenSet) -> Account | None:
        """The account this sign-in renews: same portal, same user (signing in again)."""
        user = tokens.id_claims.get("fhirUser") or tokens.patient
        for account in self.list():
            if (
                account.portal_url == portal_url
                and user
                and (account.extra.get("user") == user or account.patient_id == user)
            ):
                return account
        return None

    def _display_name(self, portal_url: str, manager: TokenManager, tokens: TokenSet) -> str:
        claims = tokens.id_claims
        if claims.get("name"):
            return str(claims["name"])
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
            stored = self.secrets.get(tokens_key(account_id))
            if revoke_at_portal and stored and account.revocation_endpoint:
                tokens = TokenSet.from_json(stored)
                if tokens.refresh_token:
                    revoked = revoke(
                        self._session, account.revocation_endpoint, tokens.refresh_token
                    )
            manager.forget()
            self.secrets.delete(cache_key_name(account_id))
            self._token_managers.pop(account_id, None)
            self._delete_folder(self.profile.account_dir(account_id))
            data = self._load()
            data["accounts"] = [a for a in data["accounts"] if a.get("id") != account_id]
            if data["current"] == account_id:
                data["current"] = data["accounts"][0]["id"] if data["accounts"] else None
            self._save(data)
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
