"""`SyncEngine`: network threads fetch pages, this thread is the cache's one writer.

Pages travel through a small bounded queue, so downloading page N+1 overlaps writing
page N while memory stays bounded. Each page is committed in one transaction together
with its watermark (see watermarks.py), so a kill at any moment loses at most the page
in flight and the next run resumes from the last committed watermark; resources are
upserted by (type, id), so anything fetched twice lands once.
"""

from __future__ import annotations

import gc
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from desktop.services.cache import Cache
from desktop.services.cache.types import SyncProgress, SyncResult
from desktop.services.portal.client import PARALLEL_REQUESTS

from .cancel import SyncCancelled, checker
from .deletions import DeletionFinder, describe
from .directory import fetch_missing_directory
from .fetch import EVERYTHING, Client, JobEnded, Page, StreamDone, StreamFailed
from .pipeline import CommitPipeline
from .streams import PAIRED, STREAM_ORDER, TYPE_STREAMS, Producer
from .watermarks import older_mark, resume_mark

log = logging.getLogger("medcard.sync")


class SyncEngine:
    def __init__(
        self,
        client: Client,
        cache: Cache,
        patients: list[str],
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: threading.Event | None = None,
        *,
        use_everything: bool | None = None,
        workers: int = PARALLEL_REQUESTS,
        page_size: int = 1000,
        prepare_workers: int | None = None,
    ) -> None:
        """`patients`: every Patient id the token may read (own first). `use_everything`:
        None = the card's big kinds as type streams, several at once, newest first, and
        the rest of the compartment in one $everything run (measured fastest over a real
        link, issue 19); False = type searches for every card type, no $everything;
        True = Patient/$everything alone when the server offers it."""
        self.client = client
        self.cache = cache
        self.patients = list(dict.fromkeys(patients))
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.use_everything = use_everything
        self.workers = max(1, workers)
        self.page_size = page_size
        # Processes preparing a big sync's pages (None: as the cores allow, 0: none).
        self.prepare_workers = prepare_workers
        self._check_cancel = checker(self.cancel)
        self.skipped = 0  # records that could not be read (skipped and counted, issue 15)
        # (patient, stream) fetched whole in this run from an empty start: nothing of it
        # can have been deleted since, so the deletion check skips it.
        self._fresh: set[tuple[str, str]] = set()

    def run(self) -> SyncResult:
        started = time.monotonic()
        self._forget_patients_without_access()
        with _fewer_collections():
            transferred = self._pull()
        self._forget_deleted()
        transferred += fetch_missing_directory(
            self.client, self.cache, self._check_cancel, self.workers
        )
        seconds = time.monotonic() - started
        result = SyncResult(self.cache.counts(), transferred, seconds, self.skipped)
        log.info("sync: %d resources in %.1f s, %d unreadable", transferred, seconds, self.skipped)
        return result

    def _forget_patients_without_access(self) -> None:
        allowed = set(self.patients)
        for patient_id in self.cache.patients():
            if patient_id not in allowed:
                self.cache.delete_patient(patient_id)

    def _forget_deleted(self) -> None:
        """Drop what the portal deleted since the last sync (see deletions.py)."""
        skips: dict[str, set[str]] = {}
        for patient_id in self.patients:
            fresh = {stream for p, stream in self._fresh if p == patient_id}
            if EVERYTHING in fresh:
                if self._everything():
                    continue  # the whole compartment was fetched just now
                # the other types came whole with $everything just now
                cached = self.cache.patient_counts(patient_id)
                fresh |= {t for t in cached if t not in TYPE_STREAMS}
            skips[patient_id] = fresh
        self._check_cancel()
        finder = DeletionFinder(self.client, self.cache, self.workers)
        for gone in finder.find_all(skips, self._check_cancel).values():
            if gone:
                self.cache.remove_all(gone)
                log.info("sync: forgot resources deleted on the portal: %s", describe(gone))

    def _everything(self) -> bool:
        if not self.use_everything:
            return False
        supports = getattr(self.client, "supports_everything", None)
        return bool(supports()) if callable(supports) else True

    def _jobs(self, producer: Producer) -> list[tuple[Any, ...]]:
        """One job per stream: every patient's $everything; or every patient's big kinds,
        newest first, and one $everything of the rest (see streams.py)."""
        marks = self.cache.sync.watermarks()
        jobs: list[tuple[Any, ...]] = []
        for patient_id in self.patients:
            fallback = {
                t: (marks.get((patient_id, t)), marks.get((patient_id, older_mark(t))))
                for t in STREAM_ORDER
            }
            since = marks.get((patient_id, EVERYTHING))
            saved = marks.get((patient_id, resume_mark(EVERYTHING)))
            if self._everything():
                jobs.append((producer.everything_job, patient_id, since, saved, fallback))
                continue
            paired = (producer.paired_job, patient_id, {t: fallback[t] for t in PAIRED})
            if self.use_everything is False:  # type searches only, every card type
                singles = [t for t in STREAM_ORDER if t not in PAIRED]
                jobs += [
                    paired,
                    *((producer.type_job, patient_id, t, *fallback[t]) for t in singles),
                ]
                continue
            rest = (producer.rest_job, patient_id, since, saved, fallback)
            others = [t for t in TYPE_STREAMS if t not in PAIRED]
            jobs += [
                paired,
                rest,
                *((producer.type_job, patient_id, t, *fallback[t]) for t in others),
            ]
        # Each patient's longest stream first, so none waits behind short ones.
        jobs.sort(key=lambda job: job[0] != producer.paired_job)
        return jobs

    def _pull(self) -> int:
        pages: queue.Queue[Any] = queue.Queue(maxsize=2 * self.workers)
        stop = threading.Event()
        producer = Producer(self.client, pages, stop, self.page_size)
        jobs = self._jobs(producer)
        transferred = 0
        tracker = _Progress(self.progress)

        def committed(page: Page, skipped: int) -> None:
            nonlocal transferred
            self.skipped += skipped
            transferred += len(page.resources)
            tracker.page(page)

        writer = CommitPipeline(self.cache, committed, self.prepare_workers)
        pool = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="medcard-fetch")
        futures = [pool.submit(producer.run_safely, *job) for job in jobs]
        try:
            ended = 0
            while ended < len(jobs):
                if self.cancel.is_set():
                    raise SyncCancelled
                try:
                    item = pages.get(timeout=0.1)
                except queue.Empty:
                    if all(f.done() for f in futures) and pages.empty():
                        break
                    continue
                if isinstance(item, JobEnded):
                    ended += 1
                    continue
                if isinstance(item, StreamFailed):
                    writer.flush(block=True)  # what arrived before the failure is kept
                    raise item.error
                if isinstance(item, StreamDone):
                    if item.fresh:
                        self._fresh.add((item.patient_id, item.stream))
                    continue
                if item.first and item.total:
                    writer.announce(tracker.expected + item.total)
                writer.add(item)
            writer.flush(block=True)
        finally:
            writer.close()
            stop.set()
            # On cancel, do not wait for requests in flight (a slow page may take seconds):
            # producers see `stop` after their request and put nothing more.
            pool.shutdown(wait=not self.cancel.is_set(), cancel_futures=True)
        return transferred


_gc_lock = threading.Lock()
_gc_depth = 0
_gc_saved: tuple[int, int, int] = (700, 10, 10)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """A big sync allocates millions of short-lived dicts, and the collector's default
    threshold (700 allocations) runs it thousands of times for nothing: about 20 % of a
    full sync, measured. Raise it for the duration (shared by overlapping syncs)."""
    global _gc_depth, _gc_saved
    with _gc_lock:
        if _gc_depth == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(max(_gc_saved[0], 20_000), _gc_saved[1], _gc_saved[2])
        _gc_depth += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_depth -= 1
            if _gc_depth == 0:
                gc.set_threshold(*_gc_saved)


class _Progress:
    """done/total over all streams, totals known as their first pages arrive."""

    def __init__(self, callback: Callable[[SyncProgress], None] | None) -> None:
        self._callback = callback
        self._done = 0
        self._total = 0
        self._per_stream: dict[tuple[str, str], int] = {}

    @property
    def expected(self) -> int:
        """Records announced so far (the streams' totals)."""
        return self._total

    def page(self, page: Page) -> None:
        key = (page.patient_id, page.stream)
        if page.first and page.total is not None:
            self._total += page.total
        self._per_stream[key] = self._per_stream.get(key, 0) + len(page.resources)
        self._done += len(page.resources)
        if self._callback is not None:
            self._callback(
                SyncProgress(
                    patient_id=page.patient_id,
                    resource_type=page.stream,
                    done=self._per_stream[key],
                    total=page.total,
                    overall_done=self._done,
                    overall_total=max(self._total, self._done) or None,
                )
            )
