"""One sync of a profile at a time, whoever starts it: the window or `medcard sync`.

Two syncs of one profile at once would refresh the same tokens and write the same caches
side by side; a file lock in the profile folder (``sync.lock``) makes the second wait for
the first. The OS drops the lock when its holder dies, so a killed sync never leaves the
profile locked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.services.errors import SyncBusy
from desktop.services.filelock import FileLock

LOCK_NAME = "sync.lock"
WAIT_COMMAND_LINE = 900.0  # `medcard sync` waits out another sync (a big first one, too)
WAIT_WINDOW = 120.0  # the window says "another Medcard is syncing" sooner


def profile_of_cache(cache_path: str | Path) -> Path:
    """The profile folder of an account cache (``<profile>/accounts/<id>/cache.db``); for
    a cache elsewhere (tests, benchmarks) its own folder."""
    path = Path(cache_path)
    if path.parent.parent.name == "accounts":
        return path.parent.parent.parent
    return path.parent


@contextmanager
def sync_lock(
    profile_dir: str | Path,
    timeout: float = WAIT_COMMAND_LINE,
    cancel: threading.Event | None = None,
) -> Iterator[None]:
    """Hold the profile's sync lock; SyncBusy when it is not free within ``timeout``,
    SyncCancelled when ``cancel`` is set while waiting."""
    lock = FileLock(Path(profile_dir) / LOCK_NAME)
    if not lock.acquire(timeout, cancel):
        if cancel is not None and cancel.is_set():
            from desktop.services.sync import SyncCancelled

            raise SyncCancelled
        raise SyncBusy(f"the profile's sync lock stayed taken for {timeout:g} s")
    try:
        yield
    finally:
        lock.release()


class LockedSync:
    """A sync engine run under the profile's sync lock (what the window's sync uses)."""

    def __init__(
        self,
        engine: Any,
        profile_dir: str | Path,
        cancel: threading.Event | None = None,
        timeout: float = WAIT_WINDOW,
    ) -> None:
        self.engine = engine
        self.profile_dir = Path(profile_dir)
        self.cancel = cancel
        self.timeout = timeout

    def run(self) -> Any:
        with sync_lock(self.profile_dir, self.timeout, self.cancel):
            return self.engine.run()
