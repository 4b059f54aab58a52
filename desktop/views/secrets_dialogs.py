"""Where the sign-in tokens live, asked of the user when it is theirs to decide.

The OS keyring is the default. Where none works (a Linux session without Secret Service,
a disabled keyring) the app says so and offers an encrypted file protected by a master
password instead; nothing is ever stored in plain text behind the user's back. The
choice is remembered in the profile's settings, and later starts ask for the password.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.services.errors import KeyringUnavailable, MedcardError, WrongPassword
from desktop.services.profile import Profile
from desktop.services.secrets import SECRETS_FILE_NAME, SecretStore, open_secret_store
from desktop.views.language import tr_service

MIN_PASSWORD = 8
ENCRYPTED_FILE = "encrypted-file"


def open_profile_secrets(profile: Profile, parent: QWidget | None = None) -> SecretStore | None:
    """The profile's secret store, or None when the user chose to quit (or it cannot be
    opened: the reason is shown)."""
    try:
        return _open(profile, parent)
    except MedcardError as exc:  # e.g. a damaged secrets file
        QMessageBox.critical(parent, "Medcard", tr_service(exc.user_message))
        return None


def _open(profile: Profile, parent: QWidget | None) -> SecretStore | None:
    kind = str(profile.settings.get("secret_store") or "keyring")
    if kind == ENCRYPTED_FILE:
        return ask_master_password(profile, parent)
    try:
        return open_secret_store(kind, profile.path, None)
    except KeyringUnavailable as exc:
        if not offer_encrypted_file(exc, parent):
            return None
    store = ask_master_password(profile, parent)
    if store is not None:
        profile.settings.set("secret_store", ENCRYPTED_FILE)
    return store


def offer_encrypted_file(problem: KeyringUnavailable, parent: QWidget | None = None) -> bool:
    return _go_on_or_quit(
        parent,
        QMessageBox.Icon.Warning,
        tr_service(problem.user_message),
        QCoreApplication.translate(
            "medcard",
            "Your sign-in would then be kept in a file in your Medcard folder, encrypted with "
            "a master password that Medcard asks for at every start. If you forget it, you "
            "can start over: sign in again and the card is downloaded anew.",
        ),
        QCoreApplication.translate("medcard", "Use an encrypted file"),
    )


def _go_on_or_quit(
    parent: QWidget | None, icon: QMessageBox.Icon, text: str, details: str, go_on: str
) -> bool:
    """A question with two answers: `go_on` (the default) or Quit."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle("Medcard")
    box.setText(text)
    box.setInformativeText(details)
    chosen = box.addButton(go_on, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("medcard", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(chosen)
    box.exec()
    return box.clickedButton() is chosen


def ask_master_password(
    profile: Profile, parent: QWidget | None = None, attempts: int = 3
) -> SecretStore | None:
    """Unlock the encrypted file, or create it (the password typed twice); after wrong
    passwords, offer to start over."""
    if not (profile.path / SECRETS_FILE_NAME).exists():
        password = _choose_password(parent)
        return open_secret_store(ENCRYPTED_FILE, profile.path, password) if password else None
    prompt = QCoreApplication.translate("medcard", "Medcard master password:")
    for _ in range(attempts):
        password = _password(parent, prompt)
        if password is None:
            return None
        try:
            return open_secret_store(ENCRYPTED_FILE, profile.path, password)
        except WrongPassword:
            prompt = QCoreApplication.translate(
                "medcard", "The master password is wrong. Try again:"
            )
    return _start_over(profile, parent)


def _start_over(profile: Profile, parent: QWidget | None) -> SecretStore | None:
    """A forgotten master password: what it protected is unreadable for good, so the
    sign-ins and the cached cards go, and the user begins again (the cards stay on the
    portal)."""
    from desktop.services.accounts import AccountManager

    if not _go_on_or_quit(
        parent,
        QMessageBox.Icon.Question,
        QCoreApplication.translate("medcard", "Forgot the master password?"),
        QCoreApplication.translate(
            "medcard",
            "Medcard can start over: the sign-ins and the cards kept on this computer are "
            "removed (your cards stay on the portal), you choose a new master password and "
            "sign in again.",
        ),
        QCoreApplication.translate("medcard", "Start over"),
    ):
        return None
    password = _choose_password(parent)
    if password is None:
        return None
    (profile.path / SECRETS_FILE_NAME).unlink(missing_ok=True)
    store = open_secret_store(ENCRYPTED_FILE, profile.path, password)
    accounts = AccountManager(profile, store)
    for account in accounts.list():
        accounts.sign_out(account.id, revoke_at_portal=False)  # its tokens are lost anyway
    return store


def _choose_password(parent: QWidget | None) -> str | None:
    """A new master password, typed twice; None when the user gives up."""
    prompt = QCoreApplication.translate(
        "medcard", "Choose a master password (at least 8 characters):"
    )
    while True:
        first = _password(parent, prompt)
        if first is None:
            return None
        if len(first) < MIN_PASSWORD:
            prompt = QCoreApplication.translate(
                "medcard", "Too short. Choose a master password of at least 8 characters:"
            )
            continue
        again = _password(
            parent, QCoreApplication.translate("medcard", "Type the master password again:")
        )
        if again is None:
            return None
        if again == first:
            return first
        prompt = QCoreApplication.translate(
            "medcard", "The two passwords differ. Choose a master password:"
        )


def _password(parent: QWidget | None, prompt: str) -> str | None:
    text, ok = QInputDialog.getText(parent, "Medcard", prompt, QLineEdit.EchoMode.Password)
    return text if ok else None
