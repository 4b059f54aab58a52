"""The door of an account: every read, portal call and write a tab makes goes through it.

- `read(query, ...)`: `query(cache, ...)` on the read pool (the cache's query objects);
- `fetch(call, ...)`: `call(client, ...)` on the network pool (portal reads not stored);
- `write(call, prepare=, store=)`: `prepare(cache)` on the writer queue, `call(client,
  prepared)` on the network pool, `store(cache, answer)` on the writer queue;
- `store(fn, ...)`: a cache-only write on the writer queue.
The client and cache are captured when the work is submitted, and every answer is dropped
once the door is closed, so a sign-out or an account switch in the middle of a request
can never store into (or show data of) the wrong account. Jobs that use the cache hold
closing off (`_Gate`), so the cache is closed only when none is left.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop.models.tasks import TaskCancelled, TaskRunner, user_message_for
from desktop.services.cache import Cache
from desktop.services.portal import FhirClient

T = TypeVar("T")
Callback = Callable[[Any], None]


class _Gate:
    """Counts the jobs using the cache; closing waits (off the GUI thread) until none is."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._users = 0
        self._closed = False

    def enter(self) -> bool:
        with self._cond:
            if self._closed:
                return False
            self._users += 1
            return True

    def leave(self) -> None:
        with self._cond:
            self._users -= 1
            self._cond.notify_all()

    def close_and_wait(self, timeout: float) -> bool:
        with self._cond:
            self._closed = True
            return self._cond.wait_for(lambda: self._users == 0, timeout)


class AccountDoor(QObject):
    errorOccurred = Signal(str)  # translated, user-facing

    def __init__(self, runner: TaskRunner, client: FhirClient, cache: Cache) -> None:
        super().__init__()
        self.runner = runner
        self._client = client
        self._cache = cache
        self._closing = False
        self._gate = _Gate()

    @property
    def closed(self) -> bool:
        return self._closing

    # The composition root (and tests) may reach these; tabs go through the methods below.
    @property
    def cache(self) -> Cache:
        return self._cache

    @property
    def client(self) -> FhirClient:
        return self._client

    # -- the door -----------------------------------------------------------------------
    def read(
        self,
        query: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None],
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """`query(cache, *args)` on the read pool; False once the session is closed."""
        return self._on_cache(self.runner.submit_read, query, args, on_done, on_error, owner)

    def fetch(
        self,
        call: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None],
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """`call(client, *args)` on the network pool: portal reads the cache does not keep."""
        if self._closing:
            return False
        client = self._client
        self.runner.submit(
            lambda: call(client, *args),
            on_done=self._deliver(on_done, owner),
            on_error=self._deliver(on_error or self._report, owner),
            owner=self,
        )
        return True

    def write(
        self,
        call: Callable[..., Any],
        *,
        prepare: Callable[[Cache], Any] | None = None,
        store: Callable[[Cache, Any], Any] | None = None,
        on_done: Callback,
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """Write to the portal, then store its answer: `prepare(cache)` (writer queue) ->
        `call(client, prepared)` or `call(client)` (network pool) -> `store(cache, answer)`
        (writer queue). Each step runs on the account that was current at submission; once
        the session is closed the remaining steps are skipped and nothing is delivered."""
        if self._closing:
            return False
        client, cache = self._client, self._cache
        done = self._deliver(on_done, owner)
        failed = self._deliver(on_error or self._report, owner)

        def after_call(answer: Any) -> None:
            if store is None:
                done(answer)
            elif not self._closing:
                self.runner.submit_write(
                    self._using_cache(store, cache), answer, on_done=done, on_error=failed
                )

        def network(prepared: Any = None, with_prepared: bool = False) -> None:
            if self._closing:
                return
            job = (lambda: call(client, prepared)) if with_prepared else (lambda: call(client))
            self.runner.submit(job, on_done=after_call, on_error=failed, owner=self)

        if prepare is None:
            network()
        else:
            self.runner.submit_write(
                self._using_cache(prepare, cache),
                on_done=lambda prepared: network(prepared, with_prepared=True),
                on_error=failed,
                owner=self,
            )
        return True

    def store(
        self,
        fn: Callable[..., T],
        *args: Any,
        on_done: Callable[[T], None],
        on_error: Callback | None = None,
        owner: QObject | None = None,
    ) -> bool:
        """`fn(cache, *args)` on the writer queue: a change that concerns only the cache."""
        return self._on_cache(self.runner.submit_write, fn, args, on_done, on_error, owner)

    def _on_cache(
        self,
        submit: Callable[..., int],
        fn: Callable[..., T],
        args: tuple[Any, ...],
        on_done: Callable[[T], None],
        on_error: Callback | None,
        owner: QObject | None,
    ) -> bool:
        if self._closing:
            return False
        submit(
            self._using_cache(fn, self._cache),
            *args,
            on_done=self._deliver(on_done, owner),
            on_error=self._deliver(on_error or self._report, owner),
            owner=self,
        )
        return True

    def _using_cache(self, fn: Callable[..., T], cache: Cache) -> Callable[..., T]:
        """Worker side: run only while the session is open, and hold closing off meanwhile."""

        def run(*args: Any) -> T:
            if not self._gate.enter():
                raise TaskCancelled()
            try:
                return fn(cache, *args)
            finally:
                self._gate.leave()

        run.__qualname__ = getattr(fn, "__qualname__", "cache job")
        return run

    def _deliver(self, callback: Callback, owner: QObject | None) -> Callback:
        """GUI side: an answer reaches the tab only while this account is still open."""

        def deliver(value: Any) -> None:
            if self._closing or (owner is not None and not shiboken6.isValid(owner)):
                return
            callback(value)

        return deliver

    def _report(self, exc: BaseException) -> None:
        self.errorOccurred.emit(user_message_for(exc))
