"""The profile directory of one OS user, and its versioned settings.

Layout::

    <profile>/settings.json            plain values with a schema_version
    <profile>/accounts.json            account registry (no secrets)
    <profile>/accounts/<id>/cache.db   that account's encrypted cache
    <profile>/secrets.enc              only if the user chose the encrypted file store

Default location from platformdirs; ``--profile DIR`` or ``MEDCARD_PROFILE`` override it.
"""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import platformdirs

from desktop.services.errors import MedcardError
from desktop.services.i18n import N_

PROFILE_ENV = "MEDCARD_PROFILE"
APP_NAME = "Medcard"

SETTINGS_SCHEMA_VERSION = 1
DEFAULT_SETTINGS: dict[str, Any] = {
    "language": None,  # None: follow the system
    "theme": "system",
    "reminders": True,
    "last_tab": "card",
    "last_patient": None,
    "secret_store": "keyring",  # "keyring" | "encrypted-file"
}


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
    secrets; Qt-specific blobs are the Qt side's business (store them base64-encoded)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
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
        values = {**DEFAULT_SETTINGS, **data}
        if migrated:
            write_json_atomic(self.path, {"schema_version": SETTINGS_SCHEMA_VERSION, **values})
        return values

    def get(self, key: str, default: Any = None) -> Any:
        with self._lock:
            return self._values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.update({key: value})

    def update(self, values: dict[str, Any]) -> None:
        orjson.dumps(values)  # refuse anything that is not plain JSON before touching disk
        with self._lock:
            self._values.update(values)
            write_json_atomic(
                self.path, {"schema_version": SETTINGS_SCHEMA_VERSION, **self._values}
            )

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
