"""An advisory lock on a file, between processes and between threads of one process.

Used where two Medcards (a window and a `medcard sync`, or two command lines) share a
profile: syncs of one profile, the refresh of one account's tokens, and the encrypted
secrets file. The OS releases the lock when its holder dies, so a kill -9 never leaves a
profile locked (unlike a "lock file exists" scheme).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """``acquire`` waits (polling, so a cancel is seen) up to ``timeout`` seconds.

    Each acquisition opens the file anew: flock locks belong to the open file, so two
    holders in one process exclude each other just like two processes do.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None
        self._local = threading.Lock()  # one FileLock object, one holder at a time

    def acquire(
        self,
        timeout: float,
        cancelled: threading.Event | None = None,
        poll: float = 0.05,
    ) -> bool:
        """True once held; False on timeout or when ``cancelled`` is set."""
        deadline = time.monotonic() + max(0.0, timeout)
        if not self._local.acquire(timeout=max(0.0, timeout)):
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            self._local.release()
            raise
        while True:
            if _try_lock(fd):
                self._fd = fd
                return True
            if time.monotonic() >= deadline or (cancelled is not None and cancelled.is_set()):
                os.close(fd)
                self._local.release()
                return False
            time.sleep(poll)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)
            self._local.release()

    @contextmanager
    def held(self, timeout: float) -> Iterator[bool]:
        """``with lock.held(10) as ok:`` — ``ok`` says whether the lock was obtained."""
        ok = self.acquire(timeout)
        try:
            yield ok
        finally:
            if ok:
                self.release()
