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


def safe_project(resource: JSON, resolver: Any, patient: str | None) -> Projection:
    """One odd resource must not stop a sync: it is kept raw, without screen rows.
    `patient`: its `patient_of`."""
    try:
        return project(resource, resolver, patient)
    except Exception as exc:  # noqa: BLE001 - malformed FHIR from a server
        # Type and exception class only: ids and values may be medical data.
        log.warning(
            "cannot project a %s (%s); stored raw only",
            resource.get("resourceType"),
            type(exc).__name__,
        )
        return Projection()


def prepare(batch: list[JSON], owner: str | None = None) -> Prepared:
    """Everything about a batch that needs no database (see the module docstring).

    `owner`: the patient whose compartment the batch was fetched for; it is recorded for
    resources whose own subject names no patient (so access removal finds them).
    """
    by_key: dict[Key, JSON] = {(r["resourceType"], str(r["id"])): r for r in batch}
    patients: dict[Key, str | None] = {}
    own: dict[Key, str | None] = {}  # patient_of, before the owner fills gaps
    rows = []
    for key, res in by_key.items():
        meta = meta_of(res)
        patient = own[key] = patient_of(res)
        if patient is None and owner is not None and key[0] not in DIRECTORY_TYPES:
            patient = owner
        patients[key] = patient
        rows.append(
            (
                key[0],
                key[1],
                patient,
                str(meta.get("lastUpdated") or ""),
                meta.get("versionId"),
                orjson.dumps(res),
            )
        )
    links = [(k[0], k[1], dst) for k, res in by_key.items() for dst in safe_links(res)]
    prepared = Prepared(by_key, rows, patients, links)
    resolver = _BatchOnly(by_key, links)
    for key, resource in by_key.items():
        resolver.missed = False
        prepared.projections[key] = (resource, safe_project(resource, resolver, own[key]))
        if resolver.missed:
            prepared.unsure.add(key)
    return prepared
