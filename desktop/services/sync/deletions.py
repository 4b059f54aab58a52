"""Resources deleted on the portal since the last sync.

`_lastUpdated`/`_since` searches return what changed, never what disappeared, so without
this pass a record the clinic deleted (entered in error, merged, withdrawn) would stay in
the cache for ever. After the changes are in, the cache and the portal must hold the same
number of resources of each type for each patient; where the cache holds more:

1. the portal lists the ids it has (`_elements=id`, ignored or refused by some servers:
   then whole resources, or a plain search);
2. cached ids missing from that list are asked for once more by `_id`, and only those the
   portal does not return are forgotten. A search whose idea of "the patient's records"
   differs from ours (a document without a subject, a shared Medication) therefore never
   deletes anything.

A count costs one small request per cached type and patient, asked several at once;
nothing is listed when the counts agree, which is every sync in which nothing was deleted.
A type fetched whole in this very sync from an empty start (a first sync) is not counted:
no deletion can be missing from it. A server that gives no `Bundle.total`, or no
`patient` search for a type, gets no check for that type. Types that FHIR R4 gives no
`patient` search parameter (a shared Medication that $everything brought along) are never
searched by patient: their few cached ids are asked for by `_id` directly (issue 18: only
standard search parameters).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

from desktop.services.cache import Cache
from desktop.services.cache.projections import DIRECTORY_TYPES
from desktop.services.cache.resolver import Key
from desktop.services.errors import MedcardError, ValidationFailed

from .cancel import CancelCheck, SyncCancelled, never
from .fetch import Client, bundle_resources

log = logging.getLogger("medcard.sync")

_CHUNK = 100  # ids per `_id` search: keeps the URL well under common 8 KiB limits
# Types a card may hold (brought by $everything) that have no `patient` search parameter
# in FHIR R4 (directory types are left out of the check altogether).
NO_PATIENT_SEARCH = frozenset(
    {"Medication", "HealthcareService", "Schedule", "Slot", "Substance", "Binary", "Group"}
)


class DeletionFinder:
    def __init__(self, client: Client, cache: Cache, workers: int = 3) -> None:
        self._client = client
        self._cache = cache
        self._workers = max(1, workers)
        self._check: CancelCheck = never

    def find(
        self, patient_id: str, check: CancelCheck = never, skip: Iterable[str] = ()
    ) -> list[Key]:
        """(type, id) of this patient's cached resources the portal no longer has;
        `check` raises SyncCancelled between requests when the user cancels. Types in
        `skip` were fetched whole just now: nothing of them can be missing, no count asked."""
        return self.find_all({patient_id: set(skip)}, check).get(patient_id, [])

    def find_all(
        self, skips: dict[str, set[str]], check: CancelCheck = never
    ) -> dict[str, list[Key]]:
        """`find` for several patients (id -> types to skip), their counts asked at once."""
        self._check = check
        cached: dict[tuple[str, str], int] = {}
        for patient_id, skip in skips.items():
            for rtype, have in self._cache.patient_counts(patient_id).items():
                if rtype != "Patient" and rtype not in DIRECTORY_TYPES and rtype not in skip:
                    cached[(patient_id, rtype)] = have
        if not cached:
            return {}
        gone: dict[str, list[Key]] = {}
        # Types FHIR R4 gives no `patient` search (a shared Medication $everything brought):
        # their few cached ids are asked for by `_id` directly (issue 18).
        for patient_id, rtype in [k for k in cached if k[1] in NO_PATIENT_SEARCH]:
            del cached[(patient_id, rtype)]
            try:
                ids = self._cache.ids(patient_id, rtype)
                absent = [(rtype, rid) for rid in self._absent(rtype, ids)]
                gone.setdefault(patient_id, []).extend(absent)
            except MedcardError as exc:
                log.info("deletion check of %s skipped (%s)", rtype, type(exc).__name__)
        with ThreadPoolExecutor(self._workers, thread_name_prefix="medcard-count") as pool:
            counted = pool.map(lambda key: self._count(key[1], key[0]), cached)
            totals = dict(zip(cached, counted, strict=True))
        for (patient_id, rtype), have in cached.items():
            check()
            total = totals[(patient_id, rtype)]
            if total is None or total >= have:
                continue
            try:
                listed = self._ids(rtype, [("patient", patient_id)])
                candidates = sorted(self._cache.ids(patient_id, rtype) - listed)
                absent = [(rtype, rid) for rid in self._absent(rtype, candidates)]
                gone.setdefault(patient_id, []).extend(absent)
            except MedcardError as exc:
                # Type and error class only: ids may identify medical records.
                log.info("deletion check of %s skipped (%s)", rtype, type(exc).__name__)
        return gone

    def _count(self, rtype: str, patient_id: str) -> int | None:
        """The portal's count of this patient's resources of a type (None: cannot tell)."""
        try:
            self._check()
            first = next(
                iter(self._client.search(rtype, [("patient", patient_id), ("_summary", "count")])),
                None,
            )
        except SyncCancelled:
            return None  # the loop below raises it again
        except MedcardError:
            return None  # e.g. no `patient` search for this type on this server
        total = first.get("total") if isinstance(first, dict) else None
        return total if isinstance(total, int) and total >= 0 else None

    def _ids(self, rtype: str, params: list[tuple[str, str]]) -> set[str]:
        """Ids a search returns; `_elements=id` first, since only ids are needed."""
        try:
            return self._search_ids(rtype, [*params, ("_elements", "id"), ("_count", "1000")])
        except ValidationFailed:
            return self._search_ids(rtype, [*params, ("_count", "1000")])

    def _search_ids(self, rtype: str, params: list[tuple[str, str]]) -> set[str]:
        found: set[str] = set()
        self._check()
        for bundle in self._client.search(rtype, params):
            self._check()
            found.update(
                str(r["id"]) for r in bundle_resources(bundle) if r.get("resourceType") == rtype
            )
        return found

    def _absent(self, rtype: str, candidates: Iterable[str]) -> list[str]:
        wanted = list(candidates)
        absent: list[str] = []
        for start in range(0, len(wanted), _CHUNK):
            part = wanted[start : start + _CHUNK]
            present = self._ids(rtype, [("_id", ",".join(part))])
            absent += [rid for rid in part if rid not in present]
        return absent


def describe(gone: list[Key]) -> dict[str, int]:
    """How many of each type were forgotten (for the log: counts, never ids)."""
    return dict(Counter(rtype for rtype, _ in gone))
