"""Secret stores: the keyring chosen by PYTHON_KEYRING_BACKEND, failing keyrings, the
encrypted file with a master password."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest
from keyrings.alt.file import PlaintextKeyring

from desktop.services.errors import KeyringUnavailable, WrongPassword
from desktop.services.secrets import (
    EncryptedFileSecretStore,
    KeyringSecretStore,
    MemorySecretStore,
    open_secret_store,
)


def test_keyring_from_environment_round_trip(keyring_secrets):
    assert "PlaintextKeyring" in keyring_secrets.backend_name
    keyring_secrets.set("test:round-trip", '{"a": 1}')
    assert keyring_secrets.get("test:round-trip") == '{"a": 1}'
    keyring_secrets.delete("test:round-trip")
    keyring_secrets.delete("test:round-trip")  # idempotent
    assert keyring_secrets.get("test:round-trip") is None


@pytest.mark.parametrize("backend", [keyring.backends.fail.Keyring, keyring.backends.null.Keyring])
def test_non_working_keyring_is_reported(backend):
    with pytest.raises(KeyringUnavailable) as caught:
        KeyringSecretStore(backend=backend())
    assert "encrypted file" in caught.value.user_message


def test_failing_backend_from_environment(monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.init_backend()
    try:
        with pytest.raises(KeyringUnavailable):
            KeyringSecretStore()
    finally:
        monkeypatch.undo()
        keyring.core.init_backend()
    assert "PlaintextKeyring" in KeyringSecretStore().backend_name


def test_plaintext_keyring_is_never_picked_silently(monkeypatch):
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    with pytest.raises(KeyringUnavailable):
        KeyringSecretStore(backend=PlaintextKeyring())


def test_encrypted_file_round_trip_and_wrong_password(tmp_path):
    path = tmp_path / "secrets.enc"
    store = EncryptedFileSecretStore(path, "correct horse", scrypt_n=2**12)
    store.set("tokens:abc", '{"refresh_token": "very-secret-value"}')
    store.set("cache-key:abc", "00ff")
    store.delete("cache-key:abc")
    assert b"very-secret-value" not in path.read_bytes()
    reopened = EncryptedFileSecretStore(path, "correct horse")
    assert reopened.get("tokens:abc") == '{"refresh_token": "very-secret-value"}'
    assert reopened.get("cache-key:abc") is None
    with pytest.raises(WrongPassword) as caught:
        EncryptedFileSecretStore(path, "wrong horse")
    assert caught.value.user_message == "The master password is wrong."
    assert EncryptedFileSecretStore(path, "correct horse").get("tokens:abc")  # file intact


def test_open_secret_store_choices(tmp_path):
    assert isinstance(open_secret_store("memory", tmp_path), MemorySecretStore)
    with pytest.raises(WrongPassword):
        open_secret_store("encrypted-file", tmp_path, None)
    assert isinstance(open_secret_store("keyring", tmp_path), KeyringSecretStore)


def test_long_values_survive_the_keyring_entry_limit(keyring_secrets):
    import orjson

    long_value = orjson.dumps({"access_token": "a" * 2600, "refresh_token": "r" * 900}).decode()
    keyring_secrets.set("test:long", long_value)
    assert keyring_secrets.get("test:long") == long_value
    backend = keyring.get_keyring()
    head = backend.get_password("medcard", "test:long")
    assert head.startswith("medcard-chunks:") and len(head) < 100
    keyring_secrets.set("test:long", "short now")  # old chunks are cleaned up
    assert keyring_secrets.get("test:long") == "short now"
    generation = head.split(":")[1]
    assert backend.get_password("medcard", f"test:long#{generation}.0") is None
    keyring_secrets.delete("test:long")
    assert keyring_secrets.get("test:long") is None
