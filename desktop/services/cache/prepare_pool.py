"""Preparing big sync pages in worker processes, while this process stays the one writer.

`prepare` (projections, the rows' JSON) is most of a big first sync's CPU, pure Python,
and free of the database, so on a machine with more than one core it can run beside the
writer: a page travels to a worker as the resources this process already parsed
(pickled: about a tenth of the cost of preparing it), and comes back as rows and
projections only — the resources themselves are not sent back, this process still holds
them. Nothing is written by a worker: the page is committed here, in one transaction
with its watermark, exactly as when prepared here, so a kill -9 loses at most the page
in flight.

The pool starts only for a big sync (its workers need a moment to start and import);
until they are up, pages are prepared here. Workers are started with "spawn" (never a
fork of a process that runs threads, such as the window's).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from .prepare import Prepared, key_of, prepare
from .projections import Projection
from .projections.common import JSON
from .resolver import Key

log = logging.getLogger("medcard.cache")

_Slim = tuple[
    list[Key],  # kept keys, in order
    list[tuple[Any, ...]],  # resources rows
    dict[Key, str | None],  # patients
    list[tuple[str, str, str]],  # links
    dict[Key, Projection],
    set[Key],  # unsure
    int,  # skipped
]


def _prepare_slim(batch: list[JSON], owner: str | None) -> _Slim:
    """In a worker: prepare, and send back everything but the resources."""
    done = prepare(batch, owner)
    projections = {key: proj for key, (_, proj) in done.projections.items()}
    return (
        list(done.by_key),
        done.rows,
        done.patients,
        done.links,
        projections,
        done.unsure,
        done.skipped,
    )


def _ready() -> int:
    return os.getpid()


def rebuild(batch: list[JSON], slim: _Slim) -> Prepared:
    """A worker's answer with this process's own resources put back in."""
    keys, rows, patients, links, projections, unsure, skipped = slim
    mine = {key: resource for resource in batch if (key := key_of(resource)) is not None}
    by_key = {key: mine[key] for key in keys}
    prepared = Prepared(
        by_key,
        rows,
        patients,
        links,
        {key: (by_key[key], proj) for key, proj in projections.items()},
        unsure,
    )
    prepared.skipped = skipped
    return prepared


def worker_count() -> int:
    """Workers worth starting. On two cores (this process, the workers and, on loopback, the
    portal itself share them) a worker made a 100 000-record first sync slower, not faster
    (measured, issue 19): none there; from four cores on, up to two."""
    cores = os.cpu_count() or 1
    return 0 if cores < 4 else min(2, cores - 2)


class PreparePool:
    """`submit(batch, owner)`: a future of the prepared page, or None (prepare it here:
    no pool, or its workers are still starting)."""

    def __init__(self, workers: int | None = None) -> None:
        self._workers = worker_count() if workers is None else workers
        self._pool: ProcessPoolExecutor | None = None
        self._warm: Future[int] | None = None
        self.used = 0  # pages prepared by workers (for the log)

    def start(self) -> None:
        if self._pool is not None or self._workers <= 0:
            return
        try:
            context = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(self._workers, mp_context=context)
            self._warm = self._pool.submit(_ready)
        except (OSError, RuntimeError, ValueError) as exc:  # no processes here: go on alone
            log.info("preparing pages in this process (%s)", type(exc).__name__)
            self._pool = None

    @property
    def ready(self) -> bool:
        warm = self._warm
        return self._pool is not None and warm is not None and warm.done() and not warm.exception()

    def submit(self, batch: list[JSON], owner: str | None) -> Future[_Slim] | None:
        if not self.ready or not batch:
            return None
        assert self._pool is not None
        try:
            future = self._pool.submit(_prepare_slim, batch, owner)
        except RuntimeError:  # the pool broke (a worker died): prepare here from now on
            self._pool = None
            return None
        self.used += 1
        return future

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
