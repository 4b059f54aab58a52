"""Where tokens and cache keys live: the OS keyring, or an explicit encrypted file.

Values are JSON strings keyed like ``tokens:<account>`` / ``cache-key:<account>``. A keyring
that does not work is reported as KeyringUnavailable with an explanation; the app then
offers the encrypted file (master password) — it never falls back to plaintext silently.
"""

from __future__ import annotations

import base64
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import orjson

from desktop.services.errors import KeyringUnavailable, MedcardError, WrongPassword

if TYPE_CHECKING:
    pass

# cryptography is imported where the encrypted file is used: `medcard sync` with the
# system keyring starts faster without it (issue 19: the command's start counts).
from desktop.services.filelock import FileLock
from desktop.services.i18n import N_

SERVICE = "medcard"


class SecretStore(Protocol):
    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def delete(self, key: str) -> None: ...


class MemorySecretStore:
    """Secrets that vanish with the process (demo mode)."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._values.get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock:
            self._values[key] = value

    def delete(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)


# -- OS keyring ---------------------------------------------------------------------------


def keyring_problem(backend: Any) -> str | None:
    """Why ``backend`` cannot keep secrets safely, or None when it is fine."""
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith("keyring.backends.fail"):
        return "no keyring backend is available"
    if module.startswith("keyring.backends.null"):
        return "the keyring is disabled (null backend)"
    if module.startswith("keyring.backends.chainer") and not getattr(backend, "backends", None):
        return "no keyring backend is available"
    if module.startswith("keyrings.alt") and name in ("PlaintextKeyring", "Keyring"):
        # Acceptable only when chosen on purpose (tests, scripts); never picked by default.
        if not _explicitly_configured():
            return "the only keyring found stores secrets in plain text"
    return None


def _explicitly_configured() -> bool:
    if os.environ.get("PYTHON_KEYRING_BACKEND"):
        return True
    try:
        from keyring.core import load_config

        return load_config() is not None
    except Exception:  # an unreadable keyring config is simply "not configured"
        return False


CHUNK_CHARS = 1000
CHUNK_MARK = "medcard-chunks:"  # never the start of our values (JSON or hex)


def _chunk_head(head: str | None) -> tuple[str, int] | None:
    if head is None or not head.startswith(CHUNK_MARK):
        return None
    generation, _, count = head[len(CHUNK_MARK) :].partition(":")
    return (generation, int(count)) if count.isdigit() else None


class KeyringSecretStore:
    """Secrets in the OS keyring (Keychain, Credential Locker, Secret Service, KWallet)."""

    def __init__(self, service: str = SERVICE, backend: Any = None) -> None:
        import keyring

        self.service = service
        try:
            self._backend = backend if backend is not None else keyring.get_keyring()
        except Exception as exc:
            raise KeyringUnavailable(f"keyring failed to load: {type(exc).__name__}") from None
        problem = keyring_problem(self._backend)
        if problem:
            raise KeyringUnavailable(problem)

    @property
    def backend_name(self) -> str:
        return f"{type(self._backend).__module__}.{type(self._backend).__name__}"

    # Long values are split: Windows Credential Manager holds at most 2560 bytes (UTF-16)
    # per entry, and real JWT access tokens plus a refresh token can exceed that. The head
    # entry names a fresh generation of chunks, written first, so a crash midway leaves
    # the previous value intact.

    def get(self, key: str) -> str | None:
        head = self._raw_get(key)
        parsed = _chunk_head(head)
        if parsed is None:
            return head
        generation, count = parsed
        parts = [self._raw_get(f"{key}#{generation}.{i}") for i in range(count)]
        if any(part is None for part in parts):
            return None  # damaged entry: treated as absent (the user signs in again)
        return "".join(part or "" for part in parts)

    def set(self, key: str, value: str) -> None:
        old_head = self._raw_get(key)
        if len(value) <= CHUNK_CHARS:
            self._raw_set(key, value)
        else:
            generation = os.urandom(4).hex()
            chunks = [value[i : i + CHUNK_CHARS] for i in range(0, len(value), CHUNK_CHARS)]
            for i, chunk in enumerate(chunks):
                self._raw_set(f"{key}#{generation}.{i}", chunk)
            self._raw_set(key, f"{CHUNK_MARK}{generation}:{len(chunks)}")
        self._drop_chunks(key, old_head)

    def delete(self, key: str) -> None:
        old_head = self._raw_get(key)
        self._raw_delete(key)
        self._drop_chunks(key, old_head)

    def _drop_chunks(self, key: str, head: str | None) -> None:
        parsed = _chunk_head(head)
        if parsed is not None:
            generation, count = parsed
            for i in range(count):
                self._raw_delete(f"{key}#{generation}.{i}")

    def _raw_get(self, key: str) -> str | None:
        try:
            value = self._backend.get_password(self.service, key)
            return None if value is None else str(value)
        except Exception as exc:
            raise self._unavailable("read", exc) from None

    def _raw_set(self, key: str, value: str) -> None:
        try:
            self._backend.set_password(self.service, key, value)
        except Exception as exc:
            raise self._unavailable("write", exc) from None

    def _raw_delete(self, key: str) -> None:
        import keyring.errors

        try:
            self._backend.delete_password(self.service, key)
        except keyring.errors.PasswordDeleteError:
            pass  # already gone: deleting is idempotent
        except Exception as exc:
            raise self._unavailable("delete", exc) from None

    def _unavailable(self, action: str, exc: Exception) -> KeyringUnavailable:
        # The exception text may include the secret's key but never its value.
        return KeyringUnavailable(
            f"keyring {action} failed ({self.backend_name}): {type(exc).__name__}"
        )


# -- encrypted file (explicit opt-in) -----------------------------------------------------


class EncryptedFileSecretStore:
    """All secrets in one Fernet-encrypted file; the key comes from a master password via
    scrypt. For machines without a working keyring, chosen explicitly by the user.

    Two Medcards may share the file (a window and `medcard sync`): a change is made under a
    file lock on the newest contents, and a read picks up what the other one wrote — a
    rotated refresh token must never be overwritten with a stale one.
    """

    FORMAT = "medcard-secrets"
    LOCK_WAIT = 30.0

    def __init__(self, path: str | Path, master_password: str, *, scrypt_n: int = 2**15) -> None:
        if not master_password:
            raise WrongPassword(
                "empty master password", user_message=N_("Enter a master password.")
            )
        self.path = Path(path)
        self._lock = threading.Lock()
        self._file_lock = FileLock(self.path.with_name(self.path.name + ".lock"))
        self._password = master_password
        self._stamp: tuple[int, int, int] | None = None
        self._salt = b""
        self._n = scrypt_n
        self._values: dict[str, str] = {}
        if self.path.exists():
            self._reload()
        else:
            self._salt = os.urandom(16)
            from cryptography.fernet import Fernet

            self._fernet = Fernet(self._derive(master_password))
            with self._changing():
                pass

    def _derive(self, password: str) -> bytes:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        kdf = Scrypt(salt=self._salt, length=32, n=self._n, r=8, p=1)
        return base64.urlsafe_b64encode(kdf.derive(password.encode("utf-8")))

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        return stat.st_mtime_ns, stat.st_size, stat.st_ino

    def _reload(self) -> None:
        """Read the file again (another process may have written it)."""
        from cryptography.fernet import Fernet, InvalidToken

        stamp = self._file_stamp()
        header, token = self._read_file()
        salt, n = base64.b64decode(header["salt"]), int(header["n"])
        if salt != self._salt or n != self._n:
            self._salt, self._n = salt, n
            self._fernet = Fernet(self._derive(self._password))
        try:
            self._values = orjson.loads(self._fernet.decrypt(token))
        except InvalidToken:
            raise WrongPassword(f"cannot decrypt {self.path.name}") from None
        self._stamp = stamp

    def _fresh(self) -> None:
        stamp = self._file_stamp()
        if stamp is not None and stamp != self._stamp:
            self._reload()

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """Change the newest contents, then save; one process at a time."""
        if not self._file_lock.acquire(self.LOCK_WAIT):
            raise MedcardError(
                f"{self.path.name} is locked",
                user_message=N_("The encrypted secrets file is in use by another Medcard."),
            )
        try:
            self._fresh()
            yield
            self._save()
        finally:
            self._file_lock.release()

    def _read_file(self) -> tuple[dict[str, Any], bytes]:
        try:
            data = orjson.loads(self.path.read_bytes())
            if data.get("format") != self.FORMAT:
                raise ValueError("unknown format")
            return data, str(data["token"]).encode("ascii")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise MedcardError(
                f"{self.path.name}: {type(exc).__name__}",
                user_message=N_("The encrypted secrets file is damaged or unreadable."),
            ) from None

    def _save(self) -> None:
        payload = {
            "format": self.FORMAT,
            "version": 1,
            "kdf": "scrypt",
            "n": self._n,
            "r": 8,
            "p": 1,
            "salt": base64.b64encode(self._salt).decode("ascii"),
            "token": self._fernet.encrypt(orjson.dumps(self._values)).decode("ascii"),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(self.path.name + ".tmp")
        # Written beside the target and renamed over it: a crash never leaves half a file.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(orjson.dumps(payload))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
        self._stamp = self._file_stamp()

    def get(self, key: str) -> str | None:
        with self._lock:
            self._fresh()
            return self._values.get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock, self._changing():
            self._values[key] = value

    def delete(self, key: str) -> None:
        with self._lock, self._changing():
            self._values.pop(key, None)


SECRETS_FILE_NAME = "secrets.enc"


def open_secret_store(
    kind: str, profile_dir: str | Path, master_password: str | None = None
) -> SecretStore:
    """The store a profile is configured for: ``"keyring"`` (default), ``"encrypted-file"``
    (``<profile>/secrets.enc``, needs the master password) or ``"memory"``."""
    if kind == "memory":
        return MemorySecretStore()
    if kind == "encrypted-file":
        if master_password is None:
            raise WrongPassword(
                "master password required", user_message=N_("Enter a master password.")
            )
        return EncryptedFileSecretStore(Path(profile_dir) / SECRETS_FILE_NAME, master_password)
    return KeyringSecretStore()
