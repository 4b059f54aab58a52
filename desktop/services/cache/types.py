"""Plain, frozen values the cache hands out (never ORM rows or connections)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

RECORD_KINDS = (
    "visit",
    "lab",
    "study",
    "discharge",
    "prescription",
    "vaccination",
    "diagnosis",
    "procedure",
    "allergy",
    "document",
    "covid",
)


@dataclass(frozen=True)
class TimelineFilter:
    """What the card tab shows: kinds (None = all), a date range (inclusive) and search text."""

    kinds: frozenset[str] | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""


@dataclass(frozen=True)
class TimelineRow:
    id: int
    kind: str
    date: str  # ISO 8601: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC)
    title: str
    summary: str
    doctor: str | None  # short, for the list: "Соколова Е. В."
    clinic: str | None  # short, for the list: "Городская поликлиника № 12"
    abnormal: bool
    resource_type: str
    resource_id: str
    last_updated: str
    doctor_full: str | None = None  # for the tooltip and the detail
    clinic_full: str | None = None


@dataclass(frozen=True)
class LabResultRow:
    name: str
    value: str
    unit: str
    low: float | None
    high: float | None
    flag: str  # interpretation code ("H", "L", ...) or ""
    abnormal: bool


@dataclass(frozen=True)
class RecordDetail:
    resource_type: str
    resource_id: str
    resource: dict[str, Any]
    kind: str | None
    title: str
    date: str
    last_updated: str
    doctor: str | None  # full names (the list has the short ones)
    clinic: str | None
    text: str  # protocol / discharge / document text, decoded from attachments
    results: tuple[LabResultRow, ...] = ()
    dosage: str = ""
    abnormal: bool = False
    # A protocol or summary as (heading, text) pairs ("Жалобы", "…"); `text` holds the same
    # words without the structure (search, copy). Empty for records without sections.
    sections: tuple[tuple[str, str], ...] = ()
    # A visit: (N_ label, text) lines — type, kind of care, reason, participants...; its
    # period as (start, end) instants; `results` then are the measurements taken there.
    facts: tuple[tuple[str, str], ...] = ()
    period: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class ObsPoint:
    time: float  # epoch seconds, UTC
    value: float
    unit: str | None
    ref_low: float | None
    ref_high: float | None
    interpretation: str | None
    abnormal: bool
    source: str | None
    self_measured: bool
    resource_id: str
    component: int


@dataclass(frozen=True)
class Analyte:
    code: str
    display: str
    group: str  # blood chemistry | blood count | urine | hormones | vital signs | diary
    unit: str | None
    latest_value: float
    latest_time: float
    previous_value: float | None
    trend: int  # -1 falling, 0 steady/unknown, +1 rising
    abnormal: bool  # the latest value is out of range
    count: int
    range_side: int = 0  # the latest value: +1 above its range, -1 below, 0 within/unknown


@dataclass(frozen=True)
class SyncProgress:
    patient_id: str
    resource_type: str
    done: int
    total: int | None  # from Bundle.total when the server gives it
    overall_done: int = 0
    overall_total: int | None = None


@dataclass(frozen=True)
class SyncResult:
    counts: dict[str, int] = field(default_factory=dict)
    transferred: int = 0
    seconds: float = 0.0
    skipped: int = 0  # records that could not be read: skipped, not stored, reported
