"""The idle lock's clock: any key press, click or mouse movement in the app restarts it.

After `lock_after_ms` without input, `lockDue`; after `sign_out_after_ms` more while
locked, `signOutDue` (the staff session then ends at the portal). A shared clinic PC is
left alone often: the patient on screen must not stay there for the next person.
Settings: `desk_lock_minutes` (default 3) and `desk_sign_out_minutes` (default 30).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

LOCK_MINUTES_DEFAULT = 3
SIGN_OUT_MINUTES_DEFAULT = 30
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


def minutes_setting(value: object, default: int) -> int:
    """A minutes setting as stored (plain JSON): sane whole minutes, else the default."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value <= 24 * 60:
        return int(value)
    return default


class IdleWatch(QObject):
    lockDue = Signal()
    signOutDue = Signal()

    def __init__(
        self, lock_after_ms: int, sign_out_after_ms: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.lock_after_ms = lock_after_ms
        self.sign_out_after_ms = sign_out_after_ms
        self._locked = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timeout)
        self._watching = False

    def start(self) -> None:
        if not self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self._watching = True
        self._restart()

    def stop(self) -> None:
        self._timer.stop()
        if self._watching:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self._watching = False

    def set_times(self, lock_after_ms: int, sign_out_after_ms: int) -> None:
        self.lock_after_ms, self.sign_out_after_ms = lock_after_ms, sign_out_after_ms
        if self._watching:
            self._restart()

    def set_locked(self, locked: bool) -> None:
        """Locked: the clock now counts to the sign-out, and input does not reset it
        (typing at the lock screen is not work at the desk)."""
        self._locked = locked
        if self._watching:
            self._restart()

    def _restart(self) -> None:
        self._timer.start(self.sign_out_after_ms if self._locked else self.lock_after_ms)

    def _on_timeout(self) -> None:
        if self._locked:
            self.signOutDue.emit()
        else:
            self.lockDue.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._locked and event.type() in _INPUT:
            self._timer.start(self.lock_after_ms)
        return False
