"""Practitioners, organizations and locations the card refers to but the cache lacks.

$everything brings them along; type searches do not, so after the patient streams the
missing ones are fetched by `_id`. They are shared (no patient) and change rarely; an
updated name arrives when a record refers to someone new (documented limitation).
"""

from __future__ import annotations

from typing import Any

from desktop.services.cache import Cache

from .fetch import bundle_resources

DIRECTORY_TYPES = ("Practitioner", "Organization", "Location", "PractitionerRole")
_MISSING_SQL = """
    SELECT id FROM (
        SELECT doctor_id AS id FROM timeline WHERE doctor_id IS NOT NULL
        UNION SELECT clinic_id FROM timeline WHERE clinic_id IS NOT NULL
        UNION SELECT practitioner_id FROM appointments WHERE practitioner_id IS NOT NULL)
    WHERE id NOT IN (SELECT id FROM directory)"""
_CHUNK = 50


def fetch_missing_directory(client: Any, cache: Cache) -> int:
    with cache.read() as conn:
        missing = sorted(r[0] for r in conn.exec_driver_sql(_MISSING_SQL))
    if not missing:
        return 0
    found: list[dict[str, Any]] = []
    for resource_type in DIRECTORY_TYPES:
        wanted = [i for i in missing if i not in {r["id"] for r in found}]
        for start in range(0, len(wanted), _CHUNK):
            ids = ",".join(wanted[start : start + _CHUNK])
            for bundle in client.search(resource_type, [("_id", ids)]):
                found += [
                    r for r in bundle_resources(bundle) if r.get("resourceType") == resource_type
                ]
    return cache.ingest(found)
