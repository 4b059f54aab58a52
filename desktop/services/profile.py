"""The profile directory of one OS user, and its versioned settings.

Layout::

    <profile>/settings.json            plain values with a schema_version (nobody named)
    <profile>/accounts.json            account registry (no secrets, no names, no ids)
    <profile>/accounts/<id>/cache.db   that account's encrypted cache
    <profile>/secrets.enc              only if the user chose the encrypted file store

Default location from platformdirs; ``--profile DIR`` or ``MEDCARD_PROFILE`` override it.
"""

from __future__ import annotations

import errno
import os
import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import platformdirs

from desktop.services.errors import MedcardError
from desktop.services.i18n import N_

if TYPE_CHECKING:
    from desktop.services.secrets import SecretStore

PROFILE_ENV = "MEDCARD_PROFILE"
APP_NAME = "Medcard"

SETTINGS_SCHEMA_VERSION = 1
DEFAULT_SETTINGS: dict[str, Any] = {
    "language": None,  # None: follow the system
    "theme": "system",
    "reminders": True,
    "last_tab": "card",
    "secret_store": "keyring",  # "keyring" | "encrypted-file"
}
# Settings that identify a person: kept in the secret store, never in settings.json.
PRIVATE_KEYS = frozenset({"last_patient"})


class ProfileNotWritable(MedcardError):
    """The profile folder, or a file in it, cannot be written (read-only, not ours, full):
    says what and where, in every language."""

    default_message = N_(
        "Medcard cannot write to {path}: {reason}. Make the folder writable, or choose "
        "another profile folder with --profile DIR (or MEDCARD_PROFILE)."
    )
    REASONS = {
        errno.EACCES: N_("no permission to write there"),
        errno.EPERM: N_("no permission to write there"),
        errno.EROFS: N_("the disk is read-only"),
        errno.ENOSPC: N_("the disk is full"),
        getattr(errno, "EDQUOT", -1): N_("the disk quota is used up"),
    }

    def __init__(self, path: Path, error: OSError) -> None:
        self.path = str(path)
        self.reason = self.REASONS.get(error.errno or 0, "") or (error.strerror or "")
        super().__init__(f"cannot write {path}: {error.strerror}")

    def describe(self, lang: str = "en", translate: Callable[[str], str] = lambda s: s) -> str:
        return translate(self.user_message).format(path=self.path, reason=translate(self.reason))


def default_profile_dir() -> Path:
    override = os.environ.get(PROFILE_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def write_json_atomic(path: Path, data: Any) -> None:
    """Write beside the target, fsync, rename over it: a crash or a full disk leaves the
    previous file intact."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(orjson.dumps(data, option=orjson.OPT_INDENT_2))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only folder: nothing was written there either
        raise ProfileNotWritable(path, exc) from None


def read_json(path: Path) -> Any:
    """The JSON in ``path``, or None if it does not exist. A damaged file is kept aside
    (``.broken``) rather than overwritten, so nothing is silently lost."""
    try:
        return orjson.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (orjson.JSONDecodeError, OSError):
        path.replace(path.with_name(path.name + ".broken"))
        return None


# Each migration takes settings of version N (the key) and returns version N + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: lambda old: {**DEFAULT_SETTINGS, **old},  # unversioned file from early builds
}


class Settings:
    """Plain values only (str, int, float, bool, None, lists/dicts of them). Not for
    secrets; Qt-specific blobs are the Qt side's business (store them base64-encoded).

    Values that name a person (``PRIVATE_KEYS``: the last opened card's patient id) never
    go to ``settings.json``: once `keep_private_in` has a secret store they live there (per
    profile), before that only in memory.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._private: dict[str, Any] = {}
        self._secrets: SecretStore | None = None
        self._values = self._load()

    def _load(self) -> dict[str, Any]:
        data = read_json(self.path)
        if not isinstance(data, dict):
            return dict(DEFAULT_SETTINGS)
        version = int(data.pop("schema_version", 0))
        migrated = False
        while version < SETTINGS_SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
            migrated = True
        for key in PRIVATE_KEYS & set(data):
            value = data.pop(key)
            if value is not None:
                self._private[key] = value  # written in clear by an older Medcard
                migrated = True
        values = {**DEFAULT_SETTINGS, **data}
        if migrated:
            self._write(values)
        return values

    def keep_private_in(self, secrets: SecretStore) -> None:
        """From now on private values are read from and written to ``secrets``."""
        with self._lock:
            self._secrets = secrets
            found = dict(self._private)
            self._private.clear()
            for key, value in found.items():
                self._store_private(key, value)

    def _private_name(self, key: str) -> str:
        profile_id = self._values.get("profile_id")
        if not isinstance(profile_id, str) or not profile_id:
            profile_id = self._values["profile_id"] = secrets.token_hex(8)
            self._write(self._values)
        return f"setting:{profile_id}:{key}"

    def _store_private(self, key: str, value: Any) -> None:
        if self._secrets is None:
            self._private[key] = value
            return
        name = self._private_name(key)
        if value is None:
            self._secrets.delete(name)
        else:
            self._secrets.set(name, orjson.dumps(value).decode("utf-8"))
        self._private[key] = value

    def get(self, key: str, default: Any = None) -> Any:
        with self._lock:
            if key not in PRIVATE_KEYS:
                return self._values.get(key, default)
            if key in self._private or self._secrets is None:
                value = self._private.get(key)
                return default if value is None else value
            try:
                text = self._secrets.get(self._private_name(key))
                value = orjson.loads(text) if text else None
            except (MedcardError, orjson.JSONDecodeError):
                value = None  # a remembered card is a convenience, never a reason to fail
            self._private[key] = value
            return default if value is None else value

    def set(self, key: str, value: Any) -> None:
        self.update({key: value})

    def update(self, values: dict[str, Any]) -> None:
        orjson.dumps(values)  # refuse anything that is not plain JSON before touching disk
        with self._lock:
            public = {k: v for k, v in values.items() if k not in PRIVATE_KEYS}
            for key in PRIVATE_KEYS & set(values):
                self._store_private(key, values[key])
            if public:
                self._values.update(public)
                self._write(self._values)

    def _write(self, values: dict[str, Any]) -> None:
        write_json_atomic(self.path, {"schema_version": SETTINGS_SCHEMA_VERSION, **values})

    def as_dict(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._values)


class Profile:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path).expanduser() if path else default_profile_dir()
        try:
            self.path.mkdir(parents=True, exist_ok=True, mode=0o700)
            # A read-only folder is found now, before any password is asked or any
            # account is touched, and named in the message.
            probe = self.path / ".medcard-write-test"
            os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
            probe.unlink()
        except OSError as exc:
            raise ProfileNotWritable(self.path, exc) from None
        self.settings = Settings(self.path / "settings.json")

    @property
    def accounts_file(self) -> Path:
        return self.path / "accounts.json"

    def account_dir(self, account_id: str, create: bool = False) -> Path:
        folder = self.path / "accounts" / account_id
        if create:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder

    def cache_path(self, account_id: str) -> Path:
        """Where the account's encrypted cache lives (the folder is created)."""
        return self.account_dir(account_id, create=True) / "cache.db"
