"""Where the account list is kept: the part that names nobody in ``accounts.json``, the
part that does (display name, patient ids, the fhirUser) in the secret store.

``accounts.json`` (version 2) holds per account only its random id, the portal address,
the "sign in again" flag and the portal's OAuth endpoints. A full name or a patient id in
a plain file would be medical data outside the encrypted places; the secret store keeps
them as ``account:<id>`` (a JSON object), next to the tokens. Version 1 files (everything
in clear) are moved over on first read.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

import orjson

from desktop.services.profile import Profile, read_json, write_json_atomic
from desktop.services.secrets import SecretStore

REGISTRY_VERSION = 2
PUBLIC_FIELDS = ("id", "portal_url", "needs_sign_in", "token_endpoint", "revocation_endpoint")
PRIVATE_FIELDS = ("display_name", "patient_id", "patient_ids", "extra")


def private_key(account_id: str) -> str:
    return f"account:{account_id}"


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
        values.setdefault("display_name", "")
        values.setdefault("patient_id", None)
        return cls(**values)


def fallback_name(portal_url: str) -> str:
    """What an account is called when its private part is gone (keyring reset)."""
    return urlsplit(portal_url).hostname or portal_url


class AccountRegistry:
    """Reads and writes the account list; callers hold ``lock`` for read-modify-write."""

    def __init__(self, profile: Profile, secrets: SecretStore) -> None:
        self.profile = profile
        self.secrets = secrets
        self.lock = threading.RLock()

    def load(self) -> tuple[str | None, list[Account]]:
        """(current account id, accounts)."""
        with self.lock:
            data = read_json(self.profile.accounts_file)
            if not isinstance(data, dict):
                return None, []
            rows = [r for r in data.get("accounts") or [] if isinstance(r, dict) and r.get("id")]
            if int(data.get("version") or 1) < REGISTRY_VERSION:
                accounts = [Account.from_dict(r) for r in rows]
                self.save(data.get("current"), accounts)  # names and ids leave the file
                return data.get("current"), accounts
            return data.get("current"), [self._joined(r) for r in rows]

    def save(self, current: str | None, accounts: list[Account]) -> None:
        with self.lock:
            for account in accounts:
                self._save_private(account)
            write_json_atomic(
                self.profile.accounts_file,
                {
                    "version": REGISTRY_VERSION,
                    "current": current,
                    "accounts": [
                        {k: v for k, v in a.to_dict().items() if k in PUBLIC_FIELDS}
                        for a in accounts
                    ],
                },
            )

    def forget_private(self, account_id: str) -> None:
        self.secrets.delete(private_key(account_id))

    def _save_private(self, account: Account) -> None:
        wanted = {k: v for k, v in account.to_dict().items() if k in PRIVATE_FIELDS}
        text = orjson.dumps(wanted, option=orjson.OPT_SORT_KEYS).decode("utf-8")
        if self.secrets.get(private_key(account.id)) != text:
            self.secrets.set(private_key(account.id), text)

    def _joined(self, public: dict[str, Any]) -> Account:
        text = self.secrets.get(private_key(str(public["id"])))
        try:
            private = orjson.loads(text) if text else {}
        except orjson.JSONDecodeError:
            private = {}
        if not isinstance(private, dict):
            private = {}
        merged = {**{k: private[k] for k in PRIVATE_FIELDS if k in private}, **public}
        if not merged.get("display_name"):
            merged["display_name"] = fallback_name(str(public.get("portal_url") or ""))
        return Account.from_dict(merged)
