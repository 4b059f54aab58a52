"""The staff member's shift on the Qt side: sign in, lock, unlock, finish.

Signing in and unlocking run the SMART sign-in on the network pool (the browser, or in
demo mode the autologin, does the portal's part); an unlock asks the portal for the
password again (`prompt=login`). Finishing the shift — or staying locked too long —
revokes the tokens at the portal; nothing of the shift is left in memory after it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

from desktop.models.desk.door import DeskDoor
from desktop.models.tasks import TaskRunner, user_message_for
from desktop.services.desk.shift import StaffShift, revoke_tokens
from desktop.services.desk.staff import StaffMember

REVOKE_WAIT_S = 15.0


class DeskShift(QObject):
    signedIn = Signal(object)  # StaffMember: the shift started
    signInFailed = Signal(str)  # translated
    lockedChanged = Signal(bool)
    staffChanged = Signal(object)  # StaffMember: someone else unlocked the desk
    unlockFailed = Signal(str)
    finished = Signal(bool)  # the shift ended; True when the portal confirmed the revocation

    def __init__(
        self,
        runner: TaskRunner,
        base_url: str,
        open_url: Callable[[str], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.shift = StaffShift(base_url, open_url)
        self.door = DeskDoor(runner, self.shift, self)
        self.staff: StaffMember | None = None
        self.locked = False
        self.busy = False  # a sign-in is waiting for the browser
        self._cancel = threading.Event()
        self._finished = False

    @property
    def active(self) -> bool:
        return self.staff is not None and not self._finished

    def set_portal(self, base_url: str, open_url: Callable[[str], object] | None = None) -> None:
        """Where the next sign-in goes (and how its page is shown: the browser, or demo
        mode's autologin)."""
        self.shift.base_url = base_url
        if open_url is not None:
            self.shift.open_url = open_url

    @property
    def portal(self) -> str:
        return self.shift.base_url

    def sign_in(self) -> None:
        """Start a shift (also a new one after `finish`)."""
        if self._finished and not self.busy:
            self._finished = False
            self.locked = False
            self.door.reopen()
        self._start_sign_in(prompt_login=False, done=self._on_signed_in, failed=self.signInFailed)

    def unlock(self) -> None:
        """A fresh sign-in with the password asked again (the browser shows the portal's
        page); the desk stays locked until it succeeds."""
        if self.locked and not self.busy:
            self._start_sign_in(prompt_login=True, done=self._on_unlocked, failed=self.unlockFailed)

    def _start_sign_in(
        self, prompt_login: bool, done: Callable[[StaffMember], None], failed: SignalInstance
    ) -> None:
        if self._finished or self.busy:
            return
        self.busy = True
        self._cancel = threading.Event()
        cancel = self._cancel

        def fail(exc: BaseException) -> None:
            self.busy = False
            failed.emit(user_message_for(exc))

        self.runner.submit(
            lambda: self.shift.sign_in(prompt_login=prompt_login, cancel=cancel),
            on_done=done,
            on_error=fail,
            owner=self,
        )

    def _on_signed_in(self, member: StaffMember) -> None:
        self.busy = False
        if self._finished:  # the shift ended while the browser was signing in
            self._revoke_late()
            return
        self.staff = member
        self.signedIn.emit(member)

    def _on_unlocked(self, member: StaffMember) -> None:
        self.busy = False
        if self._finished:
            self._revoke_late()
            return
        previous, self.staff = self.staff, member
        if previous is None or previous.role_id != member.role_id:
            self.staffChanged.emit(member)
        self.set_locked(False)

    def _revoke_late(self) -> None:
        if not self.runner.stopped:
            self.runner.submit(revoke_tokens, self.shift.detach(), owner=self)

    def set_locked(self, locked: bool) -> None:
        if locked == self.locked:
            return
        self.locked = locked
        if locked:
            self.door.forget_pending()  # nothing in flight reaches the locked screen
        self.lockedChanged.emit(locked)

    def cancel_sign_in(self) -> None:
        self._cancel.set()

    def finish(self) -> None:
        """End the shift: no more portal calls, tokens revoked at the portal (on the
        network pool; `finished` tells when)."""
        if self._finished:
            return
        self._finished = True
        self._cancel.set()
        self.door.close()
        self.staff = None
        tokens = self.shift.detach()
        if self.runner.stopped:  # quitting: the pools are gone; revoke on a thread of its own
            worker = threading.Thread(
                target=revoke_tokens, args=(tokens,), name="medcard-desk-sign-out"
            )
            worker.start()
            worker.join(REVOKE_WAIT_S)
            return
        self.runner.submit(revoke_tokens, tokens, on_done=self.finished.emit, owner=self)
