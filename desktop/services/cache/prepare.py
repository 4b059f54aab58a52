"""The database-free half of storing a batch.

`prepare(batch, owner)` serialises the resources and projects them *speculatively*, with
only the batch itself to look things up in. Whatever needed something outside the batch
is marked, and `writer.apply` re-projects exactly those with the cache at hand (in a sync
page that is a handful: results whose report came on an earlier page, and the like).

Being free of the database, it could run off the writer thread. Measured on 2 cores, a
separate preparing thread gained nothing (the work is Python, serialised by the GIL), so
the sync prepares on the writer thread; a process pool would be the next step.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import orjson

from .projections import DIRECTORY_TYPES, Projection, links_of, patient_of, project
from .projections.common import JSON
from .resolver import Key

log = logging.getLogger("medcard.cache")


@dataclass
class Prepared:
    by_key: dict[Key, JSON]
    rows: list[tuple[Any, ...]]  # resources table rows
    patients: dict[Key, str | None]
    links: list[tuple[str, str, str]]  # (src_type, src_id, dst_id)
    projections: dict[Key, tuple[JSON, Projection]] = field(default_factory=dict)
    unsure: set[Key] = field(default_factory=set)  # looked outside the batch
    skipped: int = 0  # resources that could not be understood: neither stored nor shown


class _BatchOnly:
    """A resolver that knows only the batch and remembers when that was not enough."""

    def __init__(self, by_key: dict[Key, JSON], links: list[tuple[str, str, str]]) -> None:
        self._by_key = by_key
        self._by_id = {rid: res for (_, rid), res in by_key.items()}
        self._referrers: dict[str, list[Key]] = {}
        for src_type, src_id, dst in links:
            self._referrers.setdefault(dst, []).append((src_type, src_id))
        self.missed = False

    def get(self, rid: str | None, rtype: str | None = None) -> JSON | None:
        if not rid:
            return None
        found = self._by_key.get((rtype, rid)) if rtype else self._by_id.get(rid)
        if found is None:
            self.missed = True
        return found

    def has_referrers(self, rid: str, types: tuple[str, ...]) -> bool:
        return any(t in types for t, _ in self._referrers.get(rid, ()))

    def referrers(self, rid: str, types: tuple[str, ...]) -> list[JSON]:
        return [self._by_key[k] for k in self._referrers.get(rid, ()) if k[0] in types]


def meta_of(resource: JSON) -> dict[str, Any]:
    meta = resource.get("meta")
    return meta if isinstance(meta, dict) else {}


def safe_links(resource: JSON) -> set[str]:
    try:
        return {dst for dst in links_of(resource) if isinstance(dst, str)}
    except Exception:  # noqa: BLE001 - malformed references: no dependencies then
        return set()


class Unreadable(Exception):
    """A resource that cannot be understood (its projection failed or gave values no
    table can hold): skipped, counted, and not stored."""


def safe_project(resource: JSON, resolver: Any, patient: str | None) -> Projection:
    """The projection, or Unreadable. `patient`: its `patient_of`."""
    try:
        projection = project(resource, resolver, patient)
    except Exception as exc:  # noqa: BLE001 - malformed FHIR from a server
        # Type and exception class only: ids and values may be medical data.
        log.warning(
            "skipped a %s that could not be read (%s)",
            _type_name(resource),
            type(exc).__name__,
        )
        raise Unreadable from None
    if not sql_ready(projection):
        log.warning("skipped a %s with values of the wrong kind", _type_name(resource))
        raise Unreadable
    return projection


def _type_name(resource: JSON) -> str:
    rtype = resource.get("resourceType")
    return rtype if isinstance(rtype, str) and rtype.isalpha() and len(rtype) < 64 else "?"


_INT64 = (-(2**63), 2**63 - 1)


def _cell_ok(value: Any) -> bool:
    if value is None or isinstance(value, str | float | bool):
        return True
    return isinstance(value, int) and _INT64[0] <= value <= _INT64[1]


def sql_ready(projection: Projection) -> bool:
    """Whether every value of every row is something SQLite can store (a projection of an
    odd resource might pass a dict or a 100-digit number through)."""
    rows: list[dict[str, Any]] = [*projection.observations]
    for row in (projection.timeline, projection.directory):
        if row is not None:
            rows.append(row)
    for row in rows:
        for value in row.values():
            # Checked for every value of a big sync (1.5 million at 100k records): the
            # exact common types first, the general test only for the rest.
            kind = type(value)
            if kind is str or kind is float or value is None or kind is bool:
                continue
            if not _cell_ok(value):
                return False
    return True


def key_of(resource: Any) -> Key | None:
    """(type, id) of a resource we can store, None for one we cannot."""
    if not isinstance(resource, dict):
        return None
    rtype, rid = resource.get("resourceType"), resource.get("id")
    if not isinstance(rtype, str) or not rtype or not isinstance(rid, str) or not rid:
        return None
    return rtype, rid


def _row(key: Key, resource: JSON, patient: str | None) -> tuple[Any, ...]:
    meta = meta_of(resource)
    updated, version = meta.get("lastUpdated"), meta.get("versionId")
    return (
        key[0],
        key[1],
        patient,
        updated if isinstance(updated, str) else "",
        version if isinstance(version, str) else None,
        orjson.dumps(resource),  # TypeError for what JSON cannot hold (a 2**64 integer)
    )


def prepare(batch: list[JSON], owner: str | None = None) -> Prepared:
    """Everything about a batch that needs no database (see the module docstring).

    `owner`: the patient whose compartment the batch was fetched for; it is recorded for
    resources whose own subject names no patient (so access removal finds them).
    A resource that cannot be understood is left out and counted in `skipped`.
    """
    by_key: dict[Key, JSON] = {}
    skipped = 0
    for resource in batch:
        key = key_of(resource)
        if key is None:
            skipped += 1
        else:
            by_key[key] = resource
    patients: dict[Key, str | None] = {}
    own: dict[Key, str | None] = {}  # patient_of, before the owner fills gaps
    rows: dict[Key, tuple[Any, ...]] = {}
    for key, res in list(by_key.items()):
        try:
            patient = own[key] = patient_of(res)
            if patient is None and owner is not None and key[0] not in DIRECTORY_TYPES:
                patient = owner
            patients[key] = patient
            rows[key] = _row(key, res, patient)
        except Exception as exc:  # noqa: BLE001 - malformed FHIR from a server
            log.warning("skipped a %s that could not be read (%s)", key[0], type(exc).__name__)
            del by_key[key]
            patients.pop(key, None)
            skipped += 1
    links = [(k[0], k[1], dst) for k, res in by_key.items() for dst in safe_links(res)]
    resolver = _BatchOnly(by_key, links)
    projections: dict[Key, tuple[JSON, Projection]] = {}
    unsure: set[Key] = set()
    unreadable: set[Key] = set()
    for key, resource in by_key.items():
        resolver.missed = False
        try:
            projections[key] = (resource, safe_project(resource, resolver, own[key]))
        except Unreadable:
            unreadable.add(key)
            continue
        if resolver.missed:
            unsure.add(key)
    for key in unreadable:
        del by_key[key], rows[key], patients[key]
    if unreadable:
        links = [link for link in links if (link[0], link[1]) not in unreadable]
    prepared = Prepared(by_key, list(rows.values()), patients, links, projections, unsure)
    prepared.skipped = skipped + len(unreadable)
    return prepared
