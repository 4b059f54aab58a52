"""Reading what a portal answered: one JSON object of the expected kind within the limits,
and pages of a search that end (no more than the portal's own total allows, no loops)."""

from __future__ import annotations

import json
from typing import Any

import orjson
import requests

from desktop.services.errors import AnswerTooLarge, EndlessPaging, MalformedAnswer
from desktop.services.portal.outcome import outcome_texts
from desktop.services.portal.transport import Limits

# JSON objects ("{") in one answer: an upper bound on the dicts parsing would build, checked
# before parsing (64 MB of "{}" would otherwise become tens of millions of dicts).
MAX_OBJECTS = 2_000_000
# Empty pages in a row that still link to a next one: a real server has no reason for more.
MAX_EMPTY_PAGES = 3


def loads(content: bytes) -> Any:
    """JSON text -> Python. orjson first; the standard parser for what orjson refuses but
    JSON allows (numbers beyond a double, e.g. 1e400), so one odd value does not make a
    whole page unreadable. NaN and Infinity literals (not JSON) are refused."""
    try:
        return orjson.loads(content)
    except orjson.JSONDecodeError:
        pass
    try:
        return json.loads(content, parse_constant=_no_constants)
    except (ValueError, RecursionError):
        raise MalformedAnswer("not JSON") from None


def _no_constants(name: str) -> Any:
    raise ValueError(name)


def parse_answer(
    response: requests.Response,
    where: str,
    expect: str | None,
    allow_empty: bool,
    limits: Limits | None = None,
) -> dict[str, Any] | None:
    """Validate a 2xx answer: a JSON object of the expected resourceType."""
    limits = limits or Limits()
    content = response.content
    if not content:
        if allow_empty:
            return None
        raise MalformedAnswer(f"{where}: empty answer")
    content_type = response.headers.get("Content-Type", "")
    if "html" in content_type.lower():
        raise MalformedAnswer(f"{where}: HTML page instead of data")
    if content.count(b"{") > MAX_OBJECTS:
        raise AnswerTooLarge(f"{where}: more than {MAX_OBJECTS} JSON objects")
    # Each Bundle entry has one "resource" key: far more than the entry limit is refused
    # before parsing builds them all (exactly checked after parsing).
    if content.count(b'"resource"') > 2 * limits.max_entries:
        raise AnswerTooLarge(f"{where}: more than {2 * limits.max_entries} entries")
    try:
        answer = loads(content)
    except MalformedAnswer:
        raise MalformedAnswer(f"{where}: not JSON") from None
    if not isinstance(answer, dict):
        raise MalformedAnswer(f"{where}: not a JSON object")
    kind = answer.get("resourceType")
    if expect is not None and kind != expect:
        if kind == "OperationOutcome" and allow_empty:
            return None  # e.g. a delete that describes itself with an OperationOutcome
        raise MalformedAnswer(
            f"{where}: expected {expect}, got {str(kind)[:40]}",
            portal_texts=outcome_texts(answer),
        )
    entries = answer.get("entry") if kind == "Bundle" else None
    if isinstance(entries, list) and len(entries) > limits.max_entries:
        raise AnswerTooLarge(f"{where}: {len(entries)} entries in one page")
    return answer


def next_link(bundle: dict[str, Any]) -> str | None:
    links = bundle.get("link")
    for link in links if isinstance(links, list) else ():
        if isinstance(link, dict) and link.get("relation") == "next":
            url = link.get("url")
            if isinstance(url, str) and url:
                return url
    return None


def _fingerprint(bundle: dict[str, Any]) -> int | None:
    """What a page holds, as one number (None for an empty page)."""
    entries = bundle.get("entry")
    if not isinstance(entries, list) or not entries:
        return None
    keys = []
    for entry in entries:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        if isinstance(resource, dict):
            meta = resource.get("meta")
            meta = meta if isinstance(meta, dict) else {}
            keys.append(
                repr((resource.get("resourceType"), resource.get("id"), meta.get("versionId")))
            )
        else:
            keys.append(repr(entry)[:200])
    return hash(tuple(keys))


def _entry_count(bundle: dict[str, Any]) -> int:
    entries = bundle.get("entry")
    return len(entries) if isinstance(entries, list) else 0


class PagingGuard:
    """Ends a search that would not end by itself.

    The portal's ``Bundle.total`` (when given) bounds the entries: more than the total plus
    one page of slack (records added while paging) means the pages are invented. Without a
    total, ``Limits.max_pages`` bounds the count. Always: a next link seen before, the same
    page content again, or several empty pages in a row that still link on.
    """

    def __init__(self, first: dict[str, Any], limits: Limits) -> None:
        total = first.get("total")
        valid_total = isinstance(total, int) and not isinstance(total, bool) and total >= 0
        self._total: int | None = total if valid_total else None
        self._limits = limits
        first_size = _entry_count(first)
        self._slack = max(first_size, 100)
        self._received = first_size
        self._pages = 1
        self._empty_run = 0 if first_size else 1
        self._urls: set[str] = set()
        print_ = _fingerprint(first)
        self._prints: set[int] = {print_} if print_ is not None else set()

    def follow(self, next_url: str) -> None:
        """Called before fetching ``next_url``."""
        if next_url in self._urls:
            raise EndlessPaging("the next links go round in a circle")
        self._urls.add(next_url)
        self._pages += 1
        if self._total is None and self._pages > self._limits.max_pages:
            raise EndlessPaging(f"more than {self._limits.max_pages} pages without a total")
        if self._total is not None and self._pages > self._total + self._slack:
            raise EndlessPaging("more pages than the portal's total allows")

    def page(self, bundle: dict[str, Any]) -> None:
        """Called with each page after the first."""
        size = _entry_count(bundle)
        self._received += size
        self._empty_run = self._empty_run + 1 if size == 0 else 0
        if self._empty_run > MAX_EMPTY_PAGES:
            raise EndlessPaging("empty pages that keep linking to more")
        if self._total is not None and self._received > self._total + self._slack:
            raise EndlessPaging(
                f"{self._received} entries where the portal announced {self._total}"
            )
        print_ = _fingerprint(bundle)
        if print_ is not None:
            if print_ in self._prints:
                raise EndlessPaging("the same page again")
            self._prints.add(print_)
