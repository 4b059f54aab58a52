"""Producers: network threads that turn search/$everything pages into `Page`s."""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from desktop.services.errors import MalformedAnswer, OperationNotSupported
from desktop.services.portal import next_link

from .watermarks import SortedStream, last_updated, next_since

EVERYTHING = "$everything"
RESOURCE_TYPE = re.compile(r"^[A-Z][A-Za-z]{1,63}$")
# FHIR ids are [A-Za-z0-9-.]{1,64}; some servers use longer ones, so a little latitude.
FHIR_ID = re.compile(r"^[A-Za-z0-9\-.]{1,256}$")
# What a card holds, in an order that lets records find what they refer to early
# (documents after visits, reports before their results are fine either way).
CARD_TYPES = (
    "Patient",
    "Encounter",
    "Composition",
    "DocumentReference",
    "DiagnosticReport",
    "Observation",
    "Condition",
    "Procedure",
    "AllergyIntolerance",
    "MedicationRequest",
    "Immunization",
    "ImagingStudy",
    "ExplanationOfBenefit",
    "Claim",  # the services tab shows a Claim that no ExplanationOfBenefit explains
    "Coverage",
    "Appointment",
    "Task",
    "RelatedPerson",
)


class Client(Protocol):
    def search(self, resource_type: str, params: Any = None) -> Iterator[dict[str, Any]]: ...

    def everything(
        self, patient_id: str, since: Any = None, count: int = 1000
    ) -> Iterator[dict[str, Any]]: ...


@dataclass
class Page:
    """One server page, to be committed in one transaction with its watermark."""

    patient_id: str
    stream: str  # resource type, or EVERYTHING
    resources: list[dict[str, Any]]
    watermark: str | None  # None: leave the stream's watermark as it is
    total: int | None  # Bundle.total of the stream, when the server gives it
    first: bool
    skipped: int = 0  # entries that could not be understood (not in `resources`)


@dataclass
class StreamDone:
    patient_id: str
    stream: str


@dataclass
class StreamFailed:
    error: BaseException


class Stopped(Exception):
    """The consumer asked the producers to stop (cancel or an error elsewhere)."""


def read_entries(bundle: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """The resources of a page, and how many entries could not be understood (no resource,
    no type or id): those are skipped and counted, never a reason to drop the page.
    OperationOutcome entries are warnings, not data."""
    entries = bundle.get("entry")
    if entries is None:
        return [], 0
    if not isinstance(entries, list):
        raise MalformedAnswer("Bundle.entry is not a list")
    found: list[dict[str, Any]] = []
    skipped = 0
    for entry in entries:
        resource = entry.get("resource") if isinstance(entry, dict) else None
        search = entry.get("search") if isinstance(entry, dict) else None
        if isinstance(search, dict) and search.get("mode") == "outcome":
            continue
        if isinstance(resource, dict) and resource.get("resourceType") == "OperationOutcome":
            continue
        if not isinstance(resource, dict) or not _usable(resource):
            skipped += 1
            continue
        found.append(resource)
    return found, skipped


def bundle_resources(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    """The resources of a page that can be understood (see read_entries)."""
    return read_entries(bundle)[0]


def _usable(resource: dict[str, Any]) -> bool:
    rtype, rid = resource.get("resourceType"), resource.get("id")
    return (
        isinstance(rtype, str)
        and RESOURCE_TYPE.match(rtype) is not None
        and isinstance(rid, str)
        and FHIR_ID.match(rid) is not None
    )


def _total(bundle: dict[str, Any]) -> int | None:
    total = bundle.get("total")
    valid = isinstance(total, int) and not isinstance(total, bool) and total >= 0
    return total if valid else None


def _has_next(bundle: dict[str, Any]) -> bool:
    return next_link(bundle) is not None


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
        except Stopped:
            pass
        except BaseException as exc:  # noqa: BLE001 - handed to the writer thread
            try:
                self._put(StreamFailed(exc))
            except Stopped:
                pass

    def type_stream(self, patient_id: str, resource_type: str, watermark: str | None) -> None:
        params: list[tuple[str, str]] = [
            ("_id" if resource_type == "Patient" else "patient", patient_id),
            ("_sort", "_lastUpdated"),
            ("_count", str(self._page_size)),
        ]
        if watermark:
            params.append(("_lastUpdated", f"gt{watermark}"))
        stream = SortedStream(watermark)
        total: int | None = None
        first = True
        for bundle in self._client.search(resource_type, params):
            if self._stop.is_set():
                raise Stopped
            if first:
                total = _total(bundle)
            resources, skipped = read_entries(bundle)
            mark = stream.page(resources, _has_next(bundle))
            self._put(Page(patient_id, resource_type, resources, mark, total, first, skipped))
            first = False
        self._put(StreamDone(patient_id, resource_type))

    def everything_stream(
        self, patient_id: str, since: str | None, fallback: dict[str, str | None]
    ) -> None:
        """$everything; without the operation, the per-type searches instead."""
        try:
            pages = self._client.everything(patient_id, since=since, count=self._page_size)
            first_bundle = next(iter(pages))
        except OperationNotSupported:
            for resource_type in CARD_TYPES:
                self.type_stream(patient_id, resource_type, fallback.get(resource_type))
            return
        newest: str | None = None
        total = _total(first_bundle)
        first = True
        for bundle in _chain(first_bundle, pages):
            if self._stop.is_set():
                raise Stopped
            resources, skipped = read_entries(bundle)
            for resource in resources:
                stamp = last_updated(resource)
                if stamp and (newest is None or _later(stamp, newest)):
                    newest = stamp
            final = not _has_next(bundle)
            mark = (next_since(newest) if newest else since) if final else None
            self._put(Page(patient_id, EVERYTHING, resources, mark, total, first, skipped))
            first = False
        self._put(StreamDone(patient_id, EVERYTHING))


def _chain(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest


def _later(a: str, b: str) -> bool:
    """Whether instant `a` is after `b` (called for every $everything resource)."""
    if len(a) == len(b) and a[-1:] == "Z" and b[-1:] == "Z":
        # Both UTC in the same layout (same count of fraction digits): the text order is
        # the time order, no need to parse two datetimes per resource (0.3 s per 100k).
        return a > b
    from .watermarks import parse_instant

    pa, pb = parse_instant(a), parse_instant(b)
    if pa is None or pb is None:
        return a > b
    return pa > pb
