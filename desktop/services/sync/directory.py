"""Practitioners, organizations and locations the card refers to but the cache lacks.

$everything brings them along; type searches do not, so after the patient streams the
missing ones are fetched by `_id`. They are shared (no patient) and change rarely; an
updated name arrives when a record refers to someone new (documented limitation).
"""

from __future__ import annotations

from typing import Any

from desktop.services.cache import Cache

from .cancel import CancelCheck, never
from .fetch import bundle_resources

DIRECTORY_TYPES = ("Practitioner", "Organization", "Location", "PractitionerRole")
_CHUNK = 50


def fetch_missing_directory(client: Any, cache: Cache, check: CancelCheck = never) -> int:
    """Fetch by `_id` the names the card refers to; `check` stops between requests."""
    missing = cache.sync.missing_directory_ids()
    if not missing:
        return 0
    found: list[dict[str, Any]] = []
    for resource_type in DIRECTORY_TYPES:
        wanted = [i for i in missing if i not in {r["id"] for r in found}]
        for start in range(0, len(wanted), _CHUNK):
            ids = ",".join(wanted[start : start + _CHUNK])
            check()
            for bundle in client.search(resource_type, [("_id", ids)]):
                found += [
                    r for r in bundle_resources(bundle) if r.get("resourceType") == resource_type
                ]
    return cache.ingest(found)
