"""No working keyring at start: the app says so and offers an encrypted file with a
master password (typed twice), remembers the choice, and asks for the password at the
next start; quitting stores nothing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop.services.profile import Profile
from desktop.services.secrets import SECRETS_FILE_NAME, EncryptedFileSecretStore
from desktop.views.secrets_dialogs import open_profile_secrets


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    keyring.core.init_backend()
    yield
    monkeypatch.undo()
    keyring.core.init_backend()


class Answers:
    """Answers the modal dialogs as they open, in order, and records what they said."""

    def __init__(self, *answers: Any) -> None:
        self.pending = list(answers)
        self.seen: list[str] = []
        self.deadline = time.monotonic() + 20
        QTimer.singleShot(20, self._step)

    def _step(self) -> None:
        widget = QApplication.activeModalWidget()
        if not self.pending or time.monotonic() > self.deadline:
            if widget is not None and time.monotonic() > self.deadline:
                widget.close()  # an unexpected dialog: fail the test rather than hang
            return
        if isinstance(widget, QMessageBox):
            self.seen.append(widget.text() + " " + widget.informativeText())
            wanted = self.pending.pop(0)
            button = next(b for b in widget.buttons() if b.text() == wanted)
            button.click()
        elif isinstance(widget, QInputDialog):
            self.seen.append(widget.labelText())
            answer = self.pending.pop(0)
            if answer is None:
                widget.reject()
            else:
                widget.setTextValue(answer)
                widget.accept()
        QTimer.singleShot(20, self._step)


def test_no_keyring_offers_an_encrypted_file_and_remembers_it(
    qtbot: Any, tmp_path: Path, no_keyring: None
) -> None:
    profile = Profile(tmp_path / "profile")
    answers = Answers(
        "Use an encrypted file",
        "short",
        "long enough 1",
        "different 2",
        "long enough 1",
        "long enough 1",
    )
    store = open_profile_secrets(profile)
    assert isinstance(store, EncryptedFileSecretStore)
    assert "No working system keyring" in answers.seen[0]
    assert "Too short" in answers.seen[2] and "differ" in answers.seen[4]
    assert (profile.path / SECRETS_FILE_NAME).exists()
    assert Profile(tmp_path / "profile").settings.get("secret_store") == "encrypted-file"
    store.set("tokens:x", "secret-token-value")
    assert b"secret-token-value" not in (profile.path / SECRETS_FILE_NAME).read_bytes()

    # Next start: the password is asked (a wrong one first), the tokens are there.
    answers = Answers("wrong password", "long enough 1")
    again = open_profile_secrets(Profile(tmp_path / "profile"))
    assert again is not None and again.get("tokens:x") == "secret-token-value"
    assert "wrong" in answers.seen[1]


def test_quitting_at_the_offer_stores_nothing(qtbot: Any, tmp_path: Path, no_keyring: None) -> None:
    profile = Profile(tmp_path / "profile")
    answers = Answers("Quit")
    assert open_profile_secrets(profile) is None
    assert not (profile.path / SECRETS_FILE_NAME).exists()
    assert Profile(tmp_path / "profile").settings.get("secret_store") != "encrypted-file"
    assert "master password" in answers.seen[0]


def test_a_profile_folder_that_cannot_be_made_is_said_in_a_window(
    qtbot: Any, tmp_path: Path
) -> None:
    """Started from a desktop icon there is no terminal: the reason appears in a window."""
    from desktop.app import build_parser, run_gui

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the profile folder should be")
    answers = Answers("OK")
    args = build_parser().parse_args(["--profile", str(blocker / "profile")])
    assert run_gui(args, (800, 600)) == 2
    assert "profile" in answers.seen[0].lower() or "folder" in answers.seen[0].lower()


def test_a_forgotten_master_password_can_start_over(qtbot: Any, tmp_path: Path, portal) -> None:
    """Three wrong passwords, then "Start over": the old sign-in and its cached card are
    removed, a new password is set, and the profile is ready for a new sign-in."""
    from demo_portal import autologin
    from desktop.services.accounts import AccountManager

    profile = Profile(tmp_path / "profile")
    profile.settings.set("secret_store", "encrypted-file")
    old = EncryptedFileSecretStore(profile.path / SECRETS_FILE_NAME, "the old password")
    accounts = AccountManager(profile, old)
    account = accounts.sign_in(
        portal.base_url,
        timeout=30,
        open_url=lambda url: autologin.follow(url, "family@demo.medcard", "demo1234"),
    )
    from desktop.services.auth import tokens_key

    folder = profile.account_dir(account.id)
    assert folder.exists() and accounts.list() and old.get(tokens_key(account.id))

    answers = Answers(
        "not it 1", "not it 2", "not it 3", "Start over", "a new password", "a new password"
    )
    store = open_profile_secrets(Profile(tmp_path / "profile"))
    assert store is not None
    assert "Forgot the master password?" in answers.seen[3]
    assert not folder.exists()
    assert AccountManager(Profile(tmp_path / "profile"), store).list() == []
    reopened = EncryptedFileSecretStore(profile.path / SECRETS_FILE_NAME, "a new password")
    assert reopened.get(tokens_key(account.id)) is None
