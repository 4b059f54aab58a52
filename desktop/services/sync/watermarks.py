"""Watermark arithmetic: which `meta.lastUpdated` may be committed with a page.

Two schemes, both exact after a crash at any moment:

Type searches (`_lastUpdated=gt<W>&_sort=_lastUpdated`): the stream is sorted, so after a
page whose newest resource has time L, every resource older than L has been seen. More
resources with exactly L may follow on the next page, so the page commits the newest
time *below* L; the last page commits L itself. A stream that turns out unsorted (a
server ignoring `_sort`) stops committing until its end.

Patient/$everything (`_since=`): the specification promises no order, so the watermark
advances only after the whole run, to the newest time seen plus one millisecond
(`_since` includes its own instant; FHIR instants carry milliseconds).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from desktop.services import fhir_time


def parse_instant(value: Any) -> datetime | None:
    """meta.lastUpdated -> aware datetime; a bare date is no watermark."""
    if not isinstance(value, str) or len(value) < 19:
        return None
    return fhir_time.parse_instant(value)


def format_instant(moment: datetime) -> str:
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def last_updated(resource: dict[str, Any]) -> str | None:
    meta = resource.get("meta")
    value = meta.get("lastUpdated") if isinstance(meta, dict) else None
    return value if isinstance(value, str) else None


def next_since(newest: str) -> str:
    """`_since` for the next $everything run: just after the newest time received."""
    moment = parse_instant(newest)
    if moment is None:
        return newest
    return format_instant(moment + timedelta(milliseconds=1))


class SortedStream:
    """Tracks one type-search stream and says which watermark each page may commit."""

    def __init__(self, start: str | None) -> None:
        self.committed = start
        self._last: datetime | None = parse_instant(start) if start else None
        self._newest: tuple[datetime, str] | None = None
        self.sorted = True

    def page(self, resources: list[dict[str, Any]], has_next: bool) -> str | None:
        """The watermark to commit with this page (None: keep the previous one)."""
        stamps = [(parse_instant(s), s) for s in (last_updated(r) for r in resources) if s]
        valid = [(m, s) for m, s in stamps if m is not None]
        if len(valid) != len(resources):
            self.sorted = False  # resources without lastUpdated: cannot reason per page
        previous = self._last
        for moment, _ in valid:
            if previous is not None and moment < previous:
                self.sorted = False
            previous = moment
        if valid:
            self._last = valid[-1][0]
            newest = max(valid)
            if self._newest is None or newest[0] > self._newest[0]:
                self._newest = (newest[0], newest[1])
        if not has_next:
            if self._newest is not None:
                self.committed = self._newest[1]
            return self.committed
        if not self.sorted or not valid:
            return None
        edge = valid[-1][0]
        below = [(m, s) for m, s in valid if m < edge]
        if below:
            self.committed = max(below)[1]
            return self.committed
        return None


# -- the first sync of a type: newest first, resumable (issue 19) -------------------------
#
# A type's first sync asks for `_sort=-_lastUpdated`, so the newest records reach the card
# first. Its first page commits the type's watermark W (the newest time served: anything
# changed later is newer and comes with the next `_lastUpdated=gt W`), and every page
# commits the lower edge B of what has been seen whole under the mark `older_mark(type)`:
# after a kill the run continues with `_lastUpdated=lt B` (newest first again) and then
# `gt W`; the last page deletes the mark. Patient/$everything has no order to lean on, so
# each page commits the next link under `resume_mark` and a killed run continues from it.


def older_mark(stream: str) -> str:
    """The watermark row holding B while a newest-first pass of `stream` is unfinished."""
    return f"{stream}|older"


def resume_mark(stream: str) -> str:
    """The watermark row holding the next link of an unfinished $everything run."""
    return f"{stream}|next"


def is_mark(stream: str) -> bool:
    return "|" in stream


class NewestFirst:
    """Tracks one `_sort=-_lastUpdated` stream and says which lower edge B each page may
    commit: every resource at B or newer has been seen (more at the page's oldest time
    may follow on the next page, so B is the oldest time *above* it)."""

    def __init__(self, older: str | None) -> None:
        self.committed = older
        self._last: datetime | None = parse_instant(older) if older else None
        self.newest: str | None = None
        self._newest_moment: datetime | None = None
        self.sorted = True

    def page(self, resources: list[dict[str, Any]], has_next: bool) -> str | None:
        """B to commit with this page (None: keep the previous one)."""
        stamps = [(parse_instant(s), s) for s in (last_updated(r) for r in resources) if s]
        valid = [(m, s) for m, s in stamps if m is not None]
        if len(valid) != len(resources):
            self.sorted = False
        previous = self._last
        for moment, stamp in valid:
            if previous is not None and moment > previous:
                self.sorted = False
            previous = moment
            if self._newest_moment is None or moment > self._newest_moment:
                self._newest_moment, self.newest = moment, stamp
        if valid:
            self._last = valid[-1][0]
        if not has_next or not self.sorted or not valid:
            return None
        edge = valid[-1][0]
        above = [(m, s) for m, s in valid if m > edge]
        if above:
            self.committed = min(above)[1]
            return self.committed
        return None
