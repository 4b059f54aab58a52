"""Cancelling a sync: every long step asks `check` between requests, so sign-out, an
account switch or quitting never waits for a whole pass to finish."""

from __future__ import annotations

import threading
from collections.abc import Callable


class SyncCancelled(Exception):
    """The user cancelled; everything committed so far stays (and is consistent)."""


CancelCheck = Callable[[], None]


def checker(event: threading.Event) -> CancelCheck:
    def check() -> None:
        if event.is_set():
            raise SyncCancelled

    return check


def never() -> None:
    """A `CancelCheck` for callers that cannot cancel (scripts, tests)."""
