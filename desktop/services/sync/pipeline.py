"""The writer's side of a sync: pages committed in the order they arrived, one
transaction each, while the pages behind them are prepared in worker processes.

Until the sync proves big (POOL_FROM records announced), or where no worker can run,
each page is prepared here, just before its commit, as before. The pool's workers never
write: this thread stays the cache's one writer (see cache/prepare_pool.py).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from desktop.services.cache import Cache
from desktop.services.cache.prepare_pool import PreparePool, rebuild

from .fetch import Page

log = logging.getLogger("medcard.sync")

POOL_FROM = 5_000  # records announced before worker processes are worth their start
DEPTH = 4  # pages waiting for their commit at most (the rest wait in the fetch queue)


class CommitPipeline:
    def __init__(
        self, cache: Cache, on_committed: Callable[[Page, int], None], workers: int | None = None
    ) -> None:
        self._cache = cache
        self._on_committed = on_committed
        self._pool = PreparePool(workers)
        self._pending: deque[tuple[Page, Future[Any] | None]] = deque()

    def announce(self, records: int) -> None:
        """How many records the sync expects so far: a big sync starts the workers."""
        if records >= POOL_FROM:
            self._pool.start()

    def add(self, page: Page) -> None:
        self._pending.append((page, self._pool.submit(page.resources, page.patient_id)))
        self.flush(block=False)

    def flush(self, block: bool) -> None:
        """Commit the pages whose preparation is done (all of them when `block`)."""
        while self._pending:
            page, future = self._pending[0]
            if not (block or future is None or future.done() or len(self._pending) > DEPTH):
                return
            self._pending.popleft()
            self._commit(page, future)

    def close(self) -> None:
        """Drop what was not committed (cancel, or an error) and stop the workers."""
        self._pending.clear()
        if self._pool.used:
            log.info("sync: %d pages prepared in worker processes", self._pool.used)
        self._pool.close()

    def _commit(self, page: Page, future: Future[Any] | None) -> None:
        prepared = None
        if future is not None:
            try:
                prepared = rebuild(page.resources, future.result())
            except Exception as exc:  # noqa: BLE001 - a broken worker: prepare it here
                log.info("sync: a page is prepared here after all (%s)", type(exc).__name__)
        stored = self._cache.sync.commit_page(
            page.resources, page.patient_id, page.stream, page.watermark, page.marks, prepared
        )
        self._on_committed(page, page.skipped + stored.skipped)
