"""Hypothesis strategies that bend FHIR JSON out of shape, and the path they are fed to.

Seeds are real resources of every kind Medcard reads (from the demo portal's generated
data, plus a ServiceRequest it lacks). A mutation replaces a value anywhere in a resource
with JSON of another type or shape, deletes a field, wraps a value in a list or takes one
out of its list; a page mutation does the same to the Bundle around the entries. The path
is the one a sync page takes: `read_entries` -> `prepare` -> `writer.apply` in one
transaction -> every read the screens make (`cache.card`, `cache.labs`,
the appointments, family, people and diary readers).
"""

from __future__ import annotations

import copy
from collections import Counter
from datetime import date
from typing import Any

from hypothesis import strategies as st

from desktop.services.accounts import display_name_of
from desktop.services.booking.cached import cached_appointments, patient_contacts
from desktop.services.cache import Cache, TimelineFilter
from desktop.services.cache import writer as cache_writer
from desktop.services.cache.prepare import prepare
from desktop.services.diary.store import records as diary_records
from desktop.services.errors import MedcardError
from desktop.services.family.service import read_requests
from desktop.services.people import load_people
from desktop.services.sync.fetch import CARD_TYPES, read_entries

READ_TYPES = (
    *CARD_TYPES,
    "ServiceRequest",
    "Practitioner",
    "Organization",
    "Location",
    "PractitionerRole",
)
PATIENTS = ("ivanov-sergey", "ivanova-masha")
_TABLES = (
    "resources",
    "links",
    "directory",
    "timeline",
    "timeline_fts",
    "observations",
    "outbox",
)
SERVICE_REQUEST = {
    "resourceType": "ServiceRequest",
    "id": "sr-1",
    "status": "active",
    "intent": "order",
    "code": {"text": "Выписка из медицинской карты"},
    "subject": {"reference": "Patient/ivanov-sergey"},
    "authoredOn": "2026-10-01T10:00:00+03:00",
    "reasonCode": [{"text": "для работы"}],
    "note": [{"text": "забрать лично"}],
    "meta": {"lastUpdated": "2026-10-01T07:00:00.000Z", "versionId": "1"},
}


class Seeds(list):
    """The seed resources (a short repr: Hypothesis prints strategies' arguments)."""

    def __repr__(self) -> str:
        return f"<{len(self)} seed resources>"


def seed_resources(store: Any, per_type: int = 3) -> Seeds:
    """A few real resources of each kind the app reads."""
    seeds = Seeds([copy.deepcopy(SERVICE_REQUEST)])
    for rtype in READ_TYPES:
        found = store.search(rtype, patient="ivanov-sergey", limit=per_type)
        if not found:
            found = store.search(rtype, limit=per_type)
        seeds += found[:per_type]
    return seeds


_ODD_TEXT = st.sampled_from(
    [
        "",
        " ",
        "Patient/ivanov-sergey",
        "Patient/",
        "urn:uuid:",
        "Observation/x/_history/2",
        "2024",
        "2024-13-45",
        "2024-02-30T25:61:00Z",
        "-2024-01-01",
        "9999-12-31T23:59:59+14:00",
        "<p>текст<br/>",
        "=HYPERLINK(1)",
        "\x00",
        "\ud800" if False else "\u202e",
        "a" * 300,
        "H",
        "final",
        "entered-in-error",
        "http://loinc.org",
        "2339-0",
    ]
)
LEAF = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    _ODD_TEXT,
)
JSON_VALUE = st.recursive(
    LEAF,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


def _get(value: Any, path: tuple) -> Any:
    for step in path:
        value = value[step]
    return value


def _set(root: Any, path: tuple, new: Any, delete: bool = False) -> Any:
    if not path:
        return new
    parent = _get(root, path[:-1])
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = new
    return root


@st.composite
def mutated(draw: st.DrawFn, resource: dict[str, Any], max_changes: int = 4) -> Any:
    """``resource`` with 1..max_changes values changed in type or shape."""
    value: Any = copy.deepcopy(resource)
    for _ in range(draw(st.integers(1, max_changes))):
        paths = _paths(value)
        path = draw(st.sampled_from(paths))
        current = _get(value, path)
        how = draw(st.sampled_from(["replace", "replace", "delete", "wrap", "unwrap", "stringify"]))
        if how == "delete" and path:
            value = _set(value, path, None, delete=True)
        elif how == "wrap":
            value = _set(value, path, [current])
        elif how == "unwrap" and isinstance(current, list | dict) and current:
            inner = current[0] if isinstance(current, list) else next(iter(current.values()))
            value = _set(value, path, inner)
        elif how == "stringify":
            value = _set(value, path, str(current)[:50])
        else:
            value = _set(value, path, draw(JSON_VALUE))
    return value


@st.composite
def pages(draw: st.DrawFn, seeds: list[dict[str, Any]]) -> Any:
    """A search page: some intact seeds (context to look things up in), some mutated ones,
    sometimes a Bundle bent out of shape around them."""
    intact = draw(st.lists(st.sampled_from(seeds), max_size=3))
    chosen = draw(st.lists(st.sampled_from(seeds), min_size=1, max_size=4))
    bent = [draw(mutated(seed)) for seed in chosen]
    entries: list[Any] = [{"resource": copy.deepcopy(r)} for r in intact]
    entries += [{"resource": r, "search": {"mode": "match"}} for r in bent]
    entries = draw(st.permutations(entries))
    page: Any = {
        "resourceType": "Bundle",
        "type": "searchset",
        "total": len(entries),
        "entry": entries,
    }
    if draw(st.integers(0, 4)) == 0:
        page = draw(mutated(page, max_changes=2))
    return page


class Outcome(Counter):
    """What the examples ended in: stored, skipped, typed errors (never a traceback)."""


def feed(cache: Cache, page: Any, outcome: Outcome) -> None:
    """One page through the whole path; anything but a typed error propagates."""
    with cache.write() as conn:
        for table in _TABLES:
            conn.exec_driver_sql(f"DELETE FROM {table}")
    outcome["pages"] += 1
    if not isinstance(page, dict):
        outcome["not a page"] += 1
        return
    try:
        resources, skipped = read_entries(page)
    except MedcardError:
        outcome["typed error (page)"] += 1
        return
    prepared = prepare(resources, "ivanov-sergey")
    with cache.write() as conn:
        cache_writer.apply(conn, prepared)
    outcome["records stored"] += len(prepared.by_key)
    outcome["records skipped"] += skipped + prepared.skipped
    read_everything(cache, outcome)
    for resource in resources:
        if resource.get("resourceType") == "Patient":
            display_name_of(resource)


def read_everything(cache: Cache, outcome: Outcome) -> None:
    """Every query the screens make, for every patient the cache knows."""
    people = {*PATIENTS, *(p for p in cache.patients() if isinstance(p, str))}
    filters = [
        TimelineFilter(),
        TimelineFilter(text="глюкоза анализ"),
        TimelineFilter(kinds=frozenset({"lab", "visit"}), date_from=date(2000, 1, 1)),
    ]
    cache.counts()
    for patient in people:
        cache.patient_counts(patient)
        for flt in filters:
            cache.card.count(patient, flt)
        for row in cache.card.page(patient, None, 0, 200):
            cache.card.row(row.id)
            cache.card.detail(row.resource_type, row.resource_id)
            outcome["records shown"] += 1
        for analyte in cache.labs.analytes(patient):
            cache.labs.series(patient, analyte.code)
            cache.labs.series(patient, analyte.code, self_measured=True)
        # The lists the appointments, family and diary screens read (each parses its
        # own resource kind from the cache's raw FHIR).
        cached_appointments(cache, patient)
        patient_contacts(cache, patient)
        read_requests(cache, patient)
        load_people(cache, [patient], patient)
        diary_records(cache, patient)
    with cache.read() as conn:  # records without a timeline row have a detail view too
        keys = conn.exec_driver_sql("SELECT type, id FROM resources").all()
    for rtype, rid in keys:
        cache.card.detail(rtype, rid)
