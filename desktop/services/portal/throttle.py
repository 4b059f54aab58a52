"""How hard one client presses the portal: parallel requests allowed, and not before when.

A sync runs several streams at once over one client. When the portal says it is busy
(429, or a 503) the whole client backs off, not only the request that was told: every
request waits out the Retry-After (or the backoff) and the parallel requests allowed are
halved; each run of successes gives one back. So a 429 slows all streams down instead of
letting each retry on its own schedule (a storm), and a portal that refuses parallel
requests ends up served one at a time, with about one refusal per `RECOVER_AFTER` requests.
"""

from __future__ import annotations

import threading
import time

RECOVER_AFTER = 16  # successes in a row before one more parallel request is tried


class Throttle:
    def __init__(self, limit: int = 6) -> None:
        self.max_limit = max(1, limit)
        self.limit = self.max_limit
        self._active = 0
        self._not_before = 0.0
        self._successes = 0
        self._cond = threading.Condition()

    def acquire(self, timeout: float) -> bool:
        """Wait for a slot and for any pause to end; False when `timeout` passes first."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                now = time.monotonic()
                if self._active < self.limit and now >= self._not_before:
                    self._active += 1
                    return True
                if now >= deadline:
                    return False
                wake = deadline if self._active >= self.limit else self._not_before
                self._cond.wait(max(0.001, min(wake, deadline) - now))

    def release(self) -> None:
        with self._cond:
            self._active -= 1
            self._cond.notify_all()

    def succeeded(self) -> None:
        with self._cond:
            self._successes += 1
            if self._successes >= RECOVER_AFTER and self.limit < self.max_limit:
                self.limit += 1
                self._successes = 0
                self._cond.notify_all()

    def busy(self, pause: float) -> None:
        """The portal refused for load: fewer requests at once, none for `pause` seconds."""
        with self._cond:
            self.limit = max(1, self.limit // 2)
            self._successes = 0
            self._not_before = max(self._not_before, time.monotonic() + max(0.0, pause))
            self._cond.notify_all()

    def paused_for(self) -> float:
        with self._cond:
            return max(0.0, self._not_before - time.monotonic())
