"""The desk's door to the portal: every portal call of the desk goes through `fetch`.

`fetch(call, *args)` runs `call(client, *args)` on the network pool with a client of the
staff member's shift (never on the GUI thread) and brings the answer back on the GUI
thread — unless the desk has moved on meanwhile: `forget_pending()` (the window locked,
"Next patient") drops every answer still on its way, so no patient's data reaches a
locked or cleared screen; `close()` (the shift ends) drops them for good. There is no
cache behind this door: the desk keeps nothing on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop.models.tasks import TaskRunner, user_message_for
from desktop.services.desk.shift import StaffShift

T = TypeVar("T")
Callback = Callable[[Any], None]


class DeskDoor(QObject):
    errorOccurred = Signal(str)  # translated, for answers without their own on_error

    def __init__(self, runner: TaskRunner, shift: StaffShift, parent: QObject | None = None):
        super().__init__(parent)
        self.runner = runner
        self._shift = shift
        self._generation = 0
        self._closed = False

    @property
    def closed(self) -> bool:
        return self._closed

    def fetch(
        self,
        call: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None],
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """`call(client, *args)` on the network pool; False once the shift has ended."""
        if self._closed or self.runner.stopped:
            return False
        shift, generation = self._shift, self._generation

        def job() -> T:
            with shift.client() as client:
                return call(client, *args)

        job.__qualname__ = getattr(call, "__qualname__", "desk call")
        self.runner.submit(
            job,
            on_done=self._deliver(on_done, owner, generation),
            on_error=self._deliver(on_error or self._report, owner, generation),
            owner=self,
        )
        return True

    def forget_pending(self) -> None:
        """Answers still on their way are dropped (the screen they were for is gone)."""
        self._generation += 1

    def close(self) -> None:
        self._closed = True
        self._generation += 1

    def reopen(self) -> None:
        """A new shift at the same desk (after the previous one was signed out)."""
        self._closed = False

    def _deliver(self, callback: Callback, owner: QObject | None, generation: int) -> Callback:
        def deliver(value: Any) -> None:
            if generation != self._generation:
                return
            if owner is not None and not shiboken6.isValid(owner):
                return
            callback(value)

        return deliver

    def _report(self, exc: BaseException) -> None:
        self.errorOccurred.emit(user_message_for(exc))
