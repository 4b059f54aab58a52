"""Producers: network threads that turn search/$everything pages into `Page`s.

Each stream is one job on the engine's pool of network threads; its pages go to the one
writer through a bounded queue. What each page commits besides its records (the stream's
watermark, and the marks that let a killed first sync resume) is explained in
watermarks.py.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

import orjson

from desktop.services.errors import (
    AccessDenied,
    MedcardError,
    OperationNotSupported,
    ValidationFailed,
)

from .compartment import EVERYTHING_TYPES
from .fetch import (
    CARD_TYPES,
    EVERYTHING,
    Client,
    JobEnded,
    Page,
    Stopped,
    StreamDone,
    StreamFailed,
    _later,
    bundle_total,
    has_next,
    read_entries,
)
from .paired import PairedNewestFirst
from .watermarks import (
    NewestFirst,
    SortedStream,
    last_updated,
    next_since,
    older_mark,
    resume_mark,
)

log = logging.getLogger("medcard.sync")

# The kinds that fill most of a card, each a stream of its own, newest first. Everything
# else of the patient's compartment (a few pages at most) comes with one $everything run:
# over a link tens of milliseconds long, a request per small type cost more round trips
# than its data (measured, issue 19).
TYPE_STREAMS = ("Observation", "DiagnosticReport", "Encounter")
# Reports and their results: fetched side by side, committed together (see paired.py).
PAIRED = ("Observation", "DiagnosticReport")
_REST_SEARCHES = 3  # searches at once for the small types when there is no $everything
# When the portal has no $everything: every card type as a stream, the big ones first.
STREAM_ORDER = TYPE_STREAMS + tuple(t for t in CARD_TYPES if t not in TYPE_STREAMS)


class Producer:
    """Fetches streams and hands pages to the writer through a bounded queue."""

    def __init__(
        self, client: Client, out: queue.Queue[Any], stop: threading.Event, page_size: int
    ) -> None:
        self._client = client
        self._out = out
        self._stop = stop
        self._page_size = page_size

    def _put(self, item: Any) -> None:
        while not self._stop.is_set():
            try:
                self._out.put(item, timeout=0.2)
                return
            except queue.Full:
                continue
        raise Stopped

    def run_safely(self, job: Any, *args: Any) -> None:
        try:
            job(*args)
            self._put(JobEnded())  # the writer stops waiting as soon as the last one ends
        except Stopped:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the writer thread
            try:
                self._put(StreamFailed(exc))
            except Stopped:
                pass

    def _pages(self, pages: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for bundle in pages:
            if self._stop.is_set():
                raise Stopped
            yield bundle

    # -- type searches ------------------------------------------------------------------

    def _params(self, patient_id: str, resource_type: str) -> list[tuple[str, str]]:
        return [
            ("_id" if resource_type == "Patient" else "patient", patient_id),
            ("_count", str(self._page_size)),
        ]

    def type_job(
        self, patient_id: str, resource_type: str, watermark: str | None, older: str | None
    ) -> None:
        """One type of one patient: newest first when it has never been synced (or such a
        pass was interrupted), then what changed since the watermark."""
        fresh = watermark is None and older is None
        if fresh or older is not None:
            self.newest_first(patient_id, resource_type, older, fresh)
        if not fresh:
            self.changed_since(patient_id, resource_type, watermark)
        self._put(StreamDone(patient_id, resource_type, fresh=fresh))

    def paired_job(self, patient_id: str, marks: dict[str, tuple[str | None, str | None]]) -> None:
        """The PAIRED types of one patient: their newest-first passes as one stream (see
        paired.py), then what changed since each one's watermark."""
        fresh = {t: marks[t] == (None, None) for t in PAIRED}
        unfinished = [t for t in PAIRED if fresh[t] or marks[t][1] is not None]
        if unfinished:
            searches = {
                t: partial(
                    self._client.search, t, self._newest_first_params(patient_id, t, marks[t][1])
                )
                for t in unfinished
            }
            PairedNewestFirst(
                patient_id, searches, {t: fresh[t] for t in unfinished}, self._put, self._stop
            ).run()
        for resource_type in PAIRED:
            if not fresh[resource_type]:
                self.changed_since(patient_id, resource_type, marks[resource_type][0])
            self._put(StreamDone(patient_id, resource_type, fresh=fresh[resource_type]))

    def _newest_first_params(
        self, patient_id: str, resource_type: str, older: str | None
    ) -> list[tuple[str, str]]:
        params = [*self._params(patient_id, resource_type), ("_sort", "-_lastUpdated")]
        if older:
            params.append(("_lastUpdated", f"lt{older}"))
        return params

    def newest_first(
        self, patient_id: str, resource_type: str, older: str | None, fresh: bool
    ) -> None:
        params = self._newest_first_params(patient_id, resource_type, older)
        mark = older_mark(resource_type)
        stream = NewestFirst(older)
        total: int | None = None
        first = True
        for bundle in self._pages(self._client.search(resource_type, params)):
            if first:
                total = bundle_total(bundle)
            resources, skipped = read_entries(bundle)
            more = has_next(bundle)
            edge = stream.page(resources, more)
            watermark: str | None = None
            marks: dict[str, str | None] = {}
            if not more:
                marks[mark] = None  # the pass is complete
                if fresh:
                    watermark = stream.newest
            elif fresh and first and stream.newest is not None:
                # The type's watermark from its first page on: anything changed after this
                # page was served is newer, and comes with the next `gt` search.
                watermark = stream.newest
                marks[mark] = edge or next_since(stream.newest)
            elif edge is not None:
                marks[mark] = edge
            self._put(
                Page(patient_id, resource_type, resources, watermark, total, first, skipped, marks)
            )
            first = False

    def changed_since(self, patient_id: str, resource_type: str, watermark: str | None) -> None:
        params = [*self._params(patient_id, resource_type), ("_sort", "_lastUpdated")]
        if watermark:
            params.append(("_lastUpdated", f"gt{watermark}"))
        stream = SortedStream(watermark)
        total: int | None = None
        first = True
        for bundle in self._pages(self._client.search(resource_type, params)):
            if first:
                total = bundle_total(bundle)
            resources, skipped = read_entries(bundle)
            mark = stream.page(resources, has_next(bundle))
            self._put(Page(patient_id, resource_type, resources, mark, total, first, skipped))
            first = False

    # -- Patient/$everything --------------------------------------------------------------

    def everything_job(
        self,
        patient_id: str,
        since: str | None,
        saved: str | None,
        fallback: dict[str, tuple[str | None, str | None]] | None,
        types: list[str] | None = None,
    ) -> None:
        """$everything (of `types` only, when given), continuing an interrupted run from
        its saved next link; without the operation, the type searches in `fallback`."""
        resumed = _resume_state(saved)
        pages: Iterator[dict[str, Any]] | None = None
        newest, run_since = None, since
        if resumed is not None:
            try:
                pages = self._client.resume(resumed["next"])
                newest, run_since = resumed["newest"], resumed["since"]
            except MedcardError as exc:  # e.g. the server forgot its paging state
                log.info("sync: $everything starts again (%s)", type(exc).__name__)
                pages = None
        if pages is None:
            try:
                pages = self._everything(patient_id, since, types)
            except OperationNotSupported:
                for resource_type in STREAM_ORDER if fallback is not None else ():
                    assert fallback is not None
                    self.type_job(
                        patient_id, resource_type, *fallback.get(resource_type, (None, None))
                    )
                self._put(StreamDone(patient_id, EVERYTHING))
                return
        fresh = since is None and resumed is None
        self._everything_pages(patient_id, pages, run_since, newest)
        self._put(StreamDone(patient_id, EVERYTHING, fresh=fresh))

    def _everything(
        self, patient_id: str, since: str | None, types: list[str] | None
    ) -> Iterator[dict[str, Any]]:
        client: Any = self._client
        if not types:
            return client.everything(patient_id, since=since, count=self._page_size)
        try:
            # Straight away, without asking the CapabilityStatement first (a round trip).
            return client.everything(
                patient_id, since=since, count=self._page_size, types=types, ask=False
            )
        except (OperationNotSupported, ValidationFailed, AccessDenied):
            pass  # no $everything, or not with these types: ask what the portal has
        if client.supports_everything() is False:
            raise OperationNotSupported("Patient/$everything is not in the CapabilityStatement")
        listed = [t for t in client.resource_types() if t not in TYPE_STREAMS]
        try:
            return client.everything(
                patient_id, since=since, count=self._page_size, types=listed or None
            )
        except ValidationFailed:  # a server without `_type`: the whole compartment then
            return client.everything(patient_id, since=since, count=self._page_size)

    def rest_job(
        self,
        patient_id: str,
        since: str | None,
        saved: str | None,
        fallback: dict[str, tuple[str | None, str | None]],
    ) -> None:
        """Everything but the TYPE_STREAMS: the card's smaller kinds, what the card does
        not show (claims, care plans, goals, ...) and the doctors and clinics the records
        name, in one $everything run over the other types a patient's record may hold;
        without the operation, the card's other types by search."""
        types = [t for t in EVERYTHING_TYPES if t not in TYPE_STREAMS]
        self.everything_job(patient_id, since, saved, fallback, types)

    def _rest_by_type(
        self, patient_id: str, fallback: dict[str, tuple[str | None, str | None]]
    ) -> None:
        """Without $everything: the card's other types, a few searches at once (a search
        per type in a row would cost a round trip each over a slow link)."""
        types = [t for t in STREAM_ORDER if t not in TYPE_STREAMS]

        def one(resource_type: str) -> None:
            self.type_job(patient_id, resource_type, *fallback.get(resource_type, (None, None)))

        with ThreadPoolExecutor(_REST_SEARCHES, thread_name_prefix="medcard-fetch-rest") as pool:
            list(pool.map(one, types))  # the first failure is raised here
        self._put(StreamDone(patient_id, EVERYTHING))

    def _everything_pages(
        self,
        patient_id: str,
        pages: Iterator[dict[str, Any]],
        since: str | None,
        newest: str | None,
    ) -> None:
        mark = resume_mark(EVERYTHING)
        total: int | None = None
        first = True
        for bundle in self._pages(pages):
            if first:
                total = bundle_total(bundle)
            resources, skipped = read_entries(bundle)
            for resource in resources:
                stamp = last_updated(resource)
                if stamp and (newest is None or _later(stamp, newest)):
                    newest = stamp
            next_url = _next_url(bundle)
            if next_url is None:
                watermark = next_since(newest) if newest else since
                marks: dict[str, str | None] = {mark: None}
            else:
                watermark = None
                state = {"next": next_url, "newest": newest, "since": since}
                marks = {mark: orjson.dumps(state).decode()}
            self._put(
                Page(patient_id, EVERYTHING, resources, watermark, total, first, skipped, marks)
            )
            first = False


def _next_url(bundle: dict[str, Any]) -> str | None:
    from desktop.services.portal import next_link

    return next_link(bundle)


def _resume_state(saved: str | None) -> dict[str, Any] | None:
    """The saved state of an interrupted $everything run, or None (none, or unreadable)."""
    if not saved:
        return None
    try:
        state = orjson.loads(saved)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(state, dict) or not isinstance(state.get("next"), str):
        return None
    newest, since = state.get("newest"), state.get("since")
    return {
        "next": state["next"],
        "newest": newest if isinstance(newest, str) else None,
        "since": since if isinstance(since, str) else None,
    }
