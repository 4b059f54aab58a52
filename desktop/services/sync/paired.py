"""Reports and their results, newest first, committed together.

A DiagnosticReport shows its results and hides them from the card; fetched as two
separate streams, a report and its Observations land in different transactions, and
the cache projects each twice (once alone, once when the other arrives): measured, 75 %
more CPU for a big first sync than one $everything stream, where they share a page.

So the newest-first passes of the two types run as one job: both searches page
concurrently (each its own thread, one page ahead at most), and a transaction takes,
from both, every record newer than the *common frontier* — the older of the two edges
reached so far. Above it both searches have delivered everything, so each transaction
is complete for that span of time, and a report and results stamped together (as they
are written together) are stored together. Each type's lower edge B (see watermarks.py)
is committed with it, so a kill resumes both exactly. A search that turns out unsorted
or has records without `meta.lastUpdated` ends the pairing: the rest of it is committed
page by page, as a single stream would be.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .fetch import Page, Stopped, bundle_total, has_next, read_entries
from .watermarks import format_instant, last_updated, next_since, older_mark, parse_instant

_END = object()  # a search has delivered its last page


@dataclass
class _Stream:
    """One type's newest-first search as the pairing sees it."""

    resource_type: str
    fresh: bool
    pages: queue.Queue[Any] = field(default_factory=lambda: queue.Queue(maxsize=1))
    done: bool = False
    frontier: datetime | None = None  # the oldest time delivered so far
    newest: str | None = None  # the newest time seen (the watermark of a fresh pass)
    marked: bool = False  # the watermark has been committed
    total: int | None = None
    counted: bool = False  # its total was handed to the progress already
    sorted: bool = True
    held: list[tuple[datetime | None, dict[str, Any]]] = field(default_factory=list)
    skipped: int = 0


class PairedNewestFirst:
    """Runs the newest-first passes of several types of one patient as one stream."""

    def __init__(
        self,
        patient_id: str,
        searches: Mapping[str, Callable[[], Iterator[dict[str, Any]]]],
        fresh: dict[str, bool],
        put: Callable[[Page], None],
        stop: threading.Event,
    ) -> None:
        self._patient_id = patient_id
        self._searches = searches
        self._streams = {t: _Stream(t, fresh[t]) for t in searches}
        self._put = put
        self._stop = stop
        self._ended = threading.Event()  # the pairing is over: the fetchers stop offering

    def run(self) -> None:
        threads = [
            threading.Thread(target=self._fetch, args=(t,), name=f"medcard-fetch-{t}", daemon=True)
            for t in self._streams
        ]
        for thread in threads:
            thread.start()
        try:
            while not all(s.done for s in self._streams.values()):
                stream = self._laggard()
                item = self._next(stream)
                if item is _END:
                    stream.done = True
                elif isinstance(item, BaseException):
                    raise item
                else:
                    self._receive(stream, item)
                self._release(final=all(s.done for s in self._streams.values()))
        finally:
            self._stop_fetching(threads)

    # -- the two fetching threads ---------------------------------------------------------

    def _fetch(self, resource_type: str) -> None:
        stream = self._streams[resource_type]
        try:
            for bundle in self._searches[resource_type]():
                if not self._offer(stream, bundle):
                    return
            self._offer(stream, _END)
        except BaseException as exc:  # noqa: BLE001 - handed to the pairing thread
            self._offer(stream, exc)

    def _offer(self, stream: _Stream, item: Any) -> bool:
        while not self._stop.is_set() and not self._ended.is_set():
            try:
                stream.pages.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def _stop_fetching(self, threads: list[threading.Thread]) -> None:
        self._ended.set()
        for stream in self._streams.values():  # a thread waiting to hand a page gives up
            while not stream.pages.empty():
                stream.pages.get_nowait()
        if not self._stop.is_set():  # on cancel, requests in flight are not waited for
            for thread in threads:
                thread.join()

    def _next(self, stream: _Stream) -> Any:
        while True:
            if self._stop.is_set():
                raise Stopped
            try:
                return stream.pages.get(timeout=0.2)
            except queue.Empty:
                continue

    def _laggard(self) -> _Stream:
        """The search that has come least far back in time (the one to wait for)."""
        open_streams = [s for s in self._streams.values() if not s.done]
        never = [s for s in open_streams if s.frontier is None]
        if never:
            return never[0]
        return max(open_streams, key=lambda s: s.frontier or datetime.min)

    # -- pages in, transactions out ---------------------------------------------------------

    def _receive(self, stream: _Stream, bundle: dict[str, Any]) -> None:
        if stream.total is None:
            stream.total = bundle_total(bundle)
        resources, skipped = read_entries(bundle)
        stream.skipped += skipped
        previous = stream.frontier
        for resource in resources:
            stamp = last_updated(resource)
            moment = parse_instant(stamp) if stamp else None
            if moment is None or (previous is not None and moment > previous):
                stream.sorted = False
            if moment is not None:
                previous = moment
                if stream.newest is None:
                    stream.newest = stamp
            stream.held.append((moment, resource))
        stream.frontier = previous
        if not has_next(bundle):
            stream.done = True

    def _common_frontier(self) -> tuple[bool, datetime | None]:
        """(ready, F): everything newer than F has been delivered by every search still
        open (F None: by all of them, entirely); not ready while one has shown no time."""
        edges = [s.frontier for s in self._streams.values() if not s.done]
        if any(edge is None for edge in edges):
            return False, None
        return True, max(e for e in edges if e is not None) if edges else None

    def _release(self, final: bool) -> None:
        unsorted = any(not s.sorted for s in self._streams.values())
        if final or unsorted:
            frontier = None
        else:
            ready, frontier = self._common_frontier()
            if not ready:
                return
        resources: list[dict[str, Any]] = []
        marks: dict[str, str | None] = {}
        total, first, skipped = 0, False, 0
        for stream in self._streams.values():
            if frontier is None:
                taken, stream.held = stream.held, []
            else:
                taken = [(m, r) for m, r in stream.held if m is not None and m > frontier]
                stream.held = [(m, r) for m, r in stream.held if m is None or m <= frontier]
            resources += [r for _, r in taken]
            skipped, stream.skipped = skipped + stream.skipped, 0
            if not stream.counted and stream.total is not None:
                stream.counted, first = True, True
                total += stream.total
            marks.update(self._marks(stream, final, frontier))
        if resources or marks or skipped:
            kinds = "+".join(self._streams)
            self._put(Page(self._patient_id, kinds, resources, None, total, first, skipped, marks))

    def _marks(
        self, stream: _Stream, final: bool, frontier: datetime | None
    ) -> dict[str, str | None]:
        """The watermark rows of one type to commit with a transaction."""
        marks: dict[str, str | None] = {}
        new_watermark = stream.fresh and not stream.marked and stream.newest is not None
        if new_watermark:
            # From its first transaction on: anything changed later is newer.
            marks[stream.resource_type] = stream.newest
            stream.marked = True
        older = older_mark(stream.resource_type)
        if final:
            marks[older] = None  # the pass is complete
        elif frontier is not None and stream.sorted:
            marks[older] = next_since(format_instant(frontier))  # all from there on is in
        elif new_watermark and stream.newest is not None:
            marks[older] = next_since(stream.newest)  # unfinished, nothing whole yet
        return marks
