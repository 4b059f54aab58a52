"""Practitioners, organizations and locations the card refers to but the cache lacks.

$everything brings them along; type searches do not, so after the patient streams the
missing ones are fetched by `_id`. They are shared (no patient) and change rarely; an
updated name arrives when a record refers to someone new (documented limitation).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from desktop.services.cache import Cache

from .cancel import CancelCheck, never
from .fetch import bundle_resources

DIRECTORY_TYPES = ("Practitioner", "Organization", "Location", "PractitionerRole")
_CHUNK = 50


def fetch_missing_directory(
    client: Any, cache: Cache, check: CancelCheck = never, workers: int = 1
) -> int:
    """Fetch by `_id` the names the card refers to; `check` stops between requests. The
    ids are not typed (a reference names its type, the projections keep only the id), so
    each type is asked for all of them, the types at once (one round trip over a slow link)."""
    missing = cache.sync.missing_directory_ids()
    if not missing:
        return 0

    def of_type(resource_type: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = []
        for start in range(0, len(missing), _CHUNK):
            ids = ",".join(missing[start : start + _CHUNK])
            check()
            for bundle in client.search(resource_type, [("_id", ids)]):
                found += [
                    r for r in bundle_resources(bundle) if r.get("resourceType") == resource_type
                ]
        return found

    with ThreadPoolExecutor(max(1, workers), thread_name_prefix="medcard-directory") as pool:
        answers = list(pool.map(of_type, DIRECTORY_TYPES))
    return cache.ingest([r for found in answers for r in found])
