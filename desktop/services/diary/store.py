"""Saving diary entries: to the portal when it answers, to the encrypted outbox when not.

Exactly-once: every entry has a client-generated identifier and is created with
``If-None-Exist: identifier=<system>|<id>``. Whatever happens between the request and the
answer (dropped connection, app killed, outbox flushed twice), sending it again finds the
existing Observation instead of creating a second one. The outbox lives in the cache, so
it is encrypted like the rest of the card and survives restarts.

Each operation comes in three phases, so the app can run each where it belongs: `queue_*`
and `settle_*` touch only the cache (the writer queue), `send_*` only the portal (the
network pool; it never waits behind a sync). `DiaryStore` chains them for callers that
may block (the command line, tests).

Edits (PUT with If-Match) and deletes go to the portal directly; an entry that has not been
sent yet is edited or removed in the outbox instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from desktop.services.cache import Cache
from desktop.services.cache.queries.diary import FAILED, PENDING
from desktop.services.diary import entries as diary
from desktop.services.diary.entries import DiaryEntry
from desktop.services.errors import (
    AccessDenied,
    Conflict,
    MalformedAnswer,
    MedcardError,
    NotFound,
    PortalUnreachable,
    ServerError,
    ValidationFailed,
)
from desktop.services.i18n import N_
from desktop.services.portal import FhirClient

__all__ = ["FAILED", "PENDING", "SENT", "DiaryRecord", "DiaryStore", "FlushResult", "SaveOutcome"]

SENT = "sent"
JSON = dict[str, Any]

# Failures that mean "try again later": the entry stays in the outbox (re-sending is safe,
# the create is conditional). A garbled answer may come from a proxy: retry it too.
_TRANSIENT = (PortalUnreachable, ServerError, MalformedAnswer)
# The portal looked at the entry and said no: retrying cannot help.
_REFUSED = (ValidationFailed, AccessDenied, NotFound, Conflict)


class NotOwnEntry(MedcardError):
    default_message = N_("Only your own diary entries can be changed or deleted.")


class EditNeedsPortal(MedcardError):
    default_message = N_(
        "The portal cannot be reached. Entries already sent can be changed or deleted only "
        "when the portal is available; new entries are kept and sent later."
    )


@dataclass(frozen=True)
class DiaryRecord:
    """An own diary entry as the list shows it."""

    entry: DiaryEntry
    state: str  # SENT, PENDING ("not sent yet") or FAILED (the portal refused it)
    error: str | None = None  # N_ message when FAILED


@dataclass(frozen=True)
class SaveOutcome:
    sent: bool
    resource: JSON | None = None  # the portal's version when sent


@dataclass(frozen=True)
class FlushResult:
    sent: int = 0
    failed: int = 0
    remaining: int = 0  # still pending (portal unreachable again)
    already_there: int = 0  # import: readings this card already had (same identifier)


@dataclass(frozen=True)
class Queued:
    """An entry in the outbox, ready to go to the portal."""

    identifier: str
    resource: JSON


@dataclass(frozen=True)
class Sent:
    """What the portal said to one entry: its stored version, a refusal, or nothing yet."""

    identifier: str
    answer: JSON | None = None
    refused: MedcardError | None = None

    @property
    def transient(self) -> bool:
        return self.answer is None and self.refused is None


@dataclass(frozen=True)
class Batch:
    """Several queued entries (an upload of the outbox, an import)."""

    items: list[Queued] = field(default_factory=list)
    already_there: int = 0


@dataclass(frozen=True)
class BatchSent:
    results: list[Sent]
    remaining: int  # not tried: the portal went away
    already_there: int = 0


@dataclass(frozen=True)
class Edit:
    """A change to an own entry: in the outbox (unsent) or on the portal (PUT)."""

    entry: DiaryEntry
    resource: JSON
    in_outbox: bool


# -- reading ------------------------------------------------------------------------------


def records(cache: Cache, patient_id: str) -> list[DiaryRecord]:
    """Own entries, newest first: sent ones from the cache plus the outbox."""
    found: dict[str, DiaryRecord] = {}
    for resource in cache.diary.own_entries(patient_id):
        entry = diary.entry_from_observation(resource)
        if entry is not None and diary.is_own_entry(resource, patient_id):
            found[entry.identifier] = DiaryRecord(entry, SENT)
    for item in cache.diary.outbox(patient_id):
        entry = diary.entry_from_observation(item.resource)
        if entry is not None:
            found[entry.identifier] = DiaryRecord(entry, item.status, item.error)
    return sorted(found.values(), key=lambda r: r.entry.measured_at, reverse=True)


# -- a new entry --------------------------------------------------------------------------


def queue_new(
    cache: Cache, entry: DiaryEntry, patient_id: str, now: datetime | None = None
) -> Queued:
    """Validate and keep a new entry in the outbox (so nothing is lost if sending fails)."""
    diary.ensure_valid(entry, now)
    resource = diary.build_observation(replace(entry, resource_id=None), patient_id)
    cache.diary.put(entry.identifier, patient_id, resource)
    return Queued(entry.identifier, resource)


def send(client: FhirClient, queued: Queued) -> Sent:
    """Create the Observation (conditionally); a refusal or an absent portal is an answer
    too. Anything else (an expired session...) propagates, the entry kept in the outbox."""
    try:
        answer = client.create(
            queued.resource, if_none_exist=diary.identifier_query(queued.identifier)
        )
    except _TRANSIENT:
        return Sent(queued.identifier)
    except _REFUSED as exc:
        return Sent(queued.identifier, refused=exc)
    return Sent(queued.identifier, answer=answer)


def settle(cache: Cache, sent: Sent) -> SaveOutcome:
    """Store what the portal answered: its version replaces the outbox row; a refused entry
    is dropped (nothing to retry) and the refusal raised; an unsent one stays queued."""
    if sent.refused is not None:
        cache.diary.drop(sent.identifier)
        raise sent.refused
    if sent.answer is None:
        return SaveOutcome(sent=False)
    # The cache gets the server's version first; only then is the outbox row dropped,
    # so a crash in between at worst re-sends, which the conditional create absorbs.
    cache.ingest([sent.answer])
    cache.diary.drop(sent.identifier)
    return SaveOutcome(sent=True, resource=sent.answer)


# -- uploading the outbox, importing --------------------------------------------------------


def queue_pending(cache: Cache) -> Batch:
    return Batch([Queued(i.identifier, i.resource) for i in cache.diary.pending()])


def queue_import(
    cache: Cache, entries: Iterable[DiaryEntry], patient_id: str, now: datetime | None = None
) -> Batch:
    """Queue the readings the card does not have yet, then everything pending.

    Readings already in the cache are skipped (and counted); any the cache does not know
    but the portal has are absorbed by the conditional create."""
    wanted = list(entries)
    known = {record.entry.identifier for record in records(cache, patient_id)}
    fresh = [entry for entry in wanted if entry.identifier not in known]
    for entry in fresh:
        diary.ensure_valid(entry, now)
    for entry in fresh:
        resource = diary.build_observation(replace(entry, resource_id=None), patient_id)
        cache.diary.put(entry.identifier, patient_id, resource)
    pending = queue_pending(cache)
    return Batch(pending.items, already_there=len(known & {e.identifier for e in wanted}))


def send_batch(client: FhirClient, batch: Batch) -> BatchSent:
    """Send in order; stop at the first sign the portal is away (the rest stays queued)."""
    results: list[Sent] = []
    for index, queued in enumerate(batch.items):
        try:
            sent = send(client, queued)
        except MedcardError:  # an expired session, say: try the rest later too
            return BatchSent(results, len(batch.items) - index, batch.already_there)
        if sent.transient:
            return BatchSent(results, len(batch.items) - index, batch.already_there)
        results.append(sent)
    return BatchSent(results, 0, batch.already_there)


def settle_batch(cache: Cache, batch: BatchSent) -> FlushResult:
    sent = failed = 0
    for result in batch.results:
        if result.refused is not None:
            failed += 1
            cache.diary.mark_failed(result.identifier, result.refused.user_message)
        elif result.answer is not None:
            cache.ingest([result.answer])
            cache.diary.drop(result.identifier)
            sent += 1
    return FlushResult(sent, failed, batch.remaining, batch.already_there)


# -- editing and deleting -----------------------------------------------------------------


def _own_stored(cache: Cache, entry: DiaryEntry, patient_id: str) -> JSON:
    stored = cache.resources.get("Observation", entry.resource_id) if entry.resource_id else None
    if stored is None or not diary.is_own_entry(stored, patient_id):
        raise NotOwnEntry()
    return stored


def queue_edit(
    cache: Cache, entry: DiaryEntry, patient_id: str, now: datetime | None = None
) -> Edit:
    """An unsent entry changes in the outbox; a sent one is checked to be our own."""
    diary.ensure_valid(entry, now)
    if cache.diary.holds(entry.identifier):
        resource = diary.build_observation(replace(entry, resource_id=None), patient_id)
        cache.diary.put(entry.identifier, patient_id, resource, status=PENDING)
        return Edit(entry, resource, in_outbox=True)
    _own_stored(cache, entry, patient_id)
    return Edit(entry, diary.build_observation(entry, patient_id), in_outbox=False)


def send_edit(client: FhirClient, edit: Edit) -> Sent:
    if edit.in_outbox:
        return send(client, Queued(edit.entry.identifier, edit.resource))
    try:
        answer = client.update(edit.resource, if_match=edit.entry.version_id)
    except PortalUnreachable as exc:
        raise EditNeedsPortal(str(exc)) from exc
    except AccessDenied as exc:
        raise NotOwnEntry(str(exc), portal_texts=exc.portal_texts) from exc
    return Sent(edit.entry.identifier, answer=answer)


def settle_edit(cache: Cache, sent: Sent, in_outbox: bool) -> SaveOutcome:
    if in_outbox:
        return settle(cache, sent)
    assert sent.answer is not None
    cache.ingest([sent.answer])
    return SaveOutcome(True, sent.answer)


def queue_delete(cache: Cache, entry: DiaryEntry, patient_id: str) -> str | None:
    """Drop an unsent entry from the outbox (None: done); else the portal id to delete."""
    if cache.diary.holds(entry.identifier):
        cache.diary.drop(entry.identifier)
        return None
    _own_stored(cache, entry, patient_id)
    return str(entry.resource_id)


def send_delete(client: FhirClient, resource_id: str | None) -> str | None:
    if resource_id is None:
        return None
    try:
        client.delete("Observation", resource_id)
    except PortalUnreachable as exc:
        raise EditNeedsPortal(str(exc)) from exc
    except AccessDenied as exc:
        raise NotOwnEntry(str(exc), portal_texts=exc.portal_texts) from exc
    return resource_id


def settle_delete(cache: Cache, resource_id: str | None) -> None:
    """Forget a deleted entry: its rows in every table and the search index."""
    if resource_id is not None:
        cache.remove("Observation", resource_id)


# -- all phases in one call ---------------------------------------------------------------


class DiaryStore:
    """Diary writes for one account, each operation's phases run one after the other
    (for the command line and tests; the app runs them through its AccountSession)."""

    def __init__(self, client: FhirClient, cache: Cache) -> None:
        self._client = client
        self._cache = cache

    def save(self, entry: DiaryEntry, patient_id: str, now: datetime | None = None) -> SaveOutcome:
        queued = queue_new(self._cache, entry, patient_id, now)
        return settle(self._cache, send(self._client, queued))

    def save_many(
        self, entries: Sequence[DiaryEntry], patient_id: str, now: datetime | None = None
    ) -> FlushResult:
        batch = queue_import(self._cache, entries, patient_id, now)
        return settle_batch(self._cache, send_batch(self._client, batch))

    def flush(self) -> FlushResult:
        batch = queue_pending(self._cache)
        return settle_batch(self._cache, send_batch(self._client, batch))

    def pending_count(self, patient_id: str | None = None) -> int:
        return self._cache.diary.pending_count(patient_id)

    def update(
        self, entry: DiaryEntry, patient_id: str, now: datetime | None = None
    ) -> SaveOutcome:
        edit = queue_edit(self._cache, entry, patient_id, now)
        return settle_edit(self._cache, send_edit(self._client, edit), edit.in_outbox)

    def delete(self, entry: DiaryEntry, patient_id: str) -> None:
        target = queue_delete(self._cache, entry, patient_id)
        settle_delete(self._cache, send_delete(self._client, target))

    def records(self, patient_id: str) -> list[DiaryRecord]:
        return records(self._cache, patient_id)
