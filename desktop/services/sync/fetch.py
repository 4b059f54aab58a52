"""What the sync fetches and how a page travels from a network thread to the writer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.services.errors import MalformedAnswer
from desktop.services.portal import next_link

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

    def resume(self, next_url: str) -> Iterator[dict[str, Any]]: ...

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
    # Other watermark rows of the patient to set (or delete: None) in the same transaction:
    # the lower edge of a newest-first pass, the next link of an $everything run.
    marks: dict[str, str | None] = field(default_factory=dict)


@dataclass
class StreamDone:
    patient_id: str
    stream: str
    fresh: bool = False  # fetched whole in this run, from an empty start


@dataclass
class JobEnded:
    """A producer job has put its last page."""


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


def bundle_total(bundle: dict[str, Any]) -> int | None:
    total = bundle.get("total")
    valid = isinstance(total, int) and not isinstance(total, bool) and total >= 0
    return total if valid else None


def has_next(bundle: dict[str, Any]) -> bool:
    return next_link(bundle) is not None


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
