"""Saving diary entries: to the portal when it answers, to the encrypted outbox when not.

Exactly-once: every entry has a client-generated identifier and is created with
``If-None-Exist: identifier=<system>|<id>``. Whatever happens between the request and the
answer (dropped connection, app killed, outbox flushed twice), sending it again finds the
existing Observation instead of creating a second one. The outbox lives in the cache, so
it is encrypted like the rest of the card and survives restarts.

Edits (PUT with If-Match) and deletes go to the portal directly; an entry that has not been
sent yet is edited or removed in the outbox instead.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import delete, insert, select, update

from desktop.services.cache.schema import observations, outbox, resources
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

PENDING = "pending"
FAILED = "failed"
SENT = "sent"

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
    resource: dict[str, Any] | None = None  # the portal's version when sent


@dataclass(frozen=True)
class FlushResult:
    sent: int = 0
    failed: int = 0
    remaining: int = 0  # still pending (portal unreachable again)
    already_there: int = 0  # import: readings this card already had (same identifier)


class DiaryStore:
    """Diary writes for one account: ``client`` is a FhirClient, ``cache`` a Cache."""

    def __init__(self, client: Any, cache: Any) -> None:
        self._client = client
        self._cache = cache
        self._flush_lock = threading.Lock()  # one upload of the outbox at a time

    # -- create ---------------------------------------------------------------------

    def save(self, entry: DiaryEntry, patient_id: str, now: datetime | None = None) -> SaveOutcome:
        """Validate and send a new entry; when the portal is unreachable keep it for later."""
        diary.ensure_valid(entry, now)
        resource = diary.build_observation(replace(entry, resource_id=None), patient_id)
        self._put_outbox(entry.identifier, patient_id, resource)
        try:
            answer = self._send(entry.identifier, resource)
        except _TRANSIENT:
            return SaveOutcome(sent=False)
        except _REFUSED:
            # The portal refused it (validation, access): nothing to retry, do not keep it.
            self._drop_outbox(entry.identifier)
            raise
        # Anything else (session expired...) propagates with the entry kept in the outbox:
        # it goes out with the next upload.
        return SaveOutcome(sent=True, resource=answer)

    def save_many(
        self, entries: Iterable[DiaryEntry], patient_id: str, now: datetime | None = None
    ) -> FlushResult:
        """Import: queue the entries the card does not have yet, then upload the queue.

        Readings already in the cache are skipped (and counted); any the cache does not
        know but the portal has are absorbed by the conditional create."""
        known = {record.entry.identifier for record in self.records(patient_id)}
        fresh = [entry for entry in entries if entry.identifier not in known]
        for entry in fresh:
            diary.ensure_valid(entry, now)
        for entry in fresh:
            resource = diary.build_observation(replace(entry, resource_id=None), patient_id)
            self._put_outbox(entry.identifier, patient_id, resource)
        result = self.flush()
        return replace(result, already_there=len(known & {e.identifier for e in entries}))

    def _send(self, identifier: str, resource: dict[str, Any]) -> dict[str, Any]:
        answer = self._client.create(resource, if_none_exist=diary.identifier_query(identifier))
        # The cache gets the server's version first; only then is the outbox row dropped,
        # so a crash in between at worst re-sends, which the conditional create absorbs.
        self._cache.ingest([answer])
        self._drop_outbox(identifier)
        return answer

    def flush(self) -> FlushResult:
        """Upload what waits in the outbox; stops at the first sign the portal is away."""
        with self._flush_lock:
            with self._cache.read() as conn:
                rows = conn.execute(
                    select(outbox.c.identifier, outbox.c.resource)
                    .where(outbox.c.status == PENDING, outbox.c.resource_type == "Observation")
                    .order_by(outbox.c.created)
                ).all()
            sent = failed = 0
            for index, (identifier, blob) in enumerate(rows):
                try:
                    self._send(identifier, orjson.loads(blob))
                except _REFUSED as exc:
                    failed += 1
                    with self._cache.write() as conn:
                        conn.execute(
                            update(outbox)
                            .where(outbox.c.identifier == identifier)
                            .values(status=FAILED, error=exc.user_message)
                        )
                    continue
                except MedcardError:  # away, expired session, garbled answer: later
                    return FlushResult(sent, failed, len(rows) - index)
                sent += 1
            return FlushResult(sent, failed, 0)

    def pending_count(self, patient_id: str | None = None) -> int:
        with self._cache.read() as conn:
            query = select(outbox.c.identifier).where(
                outbox.c.status == PENDING, outbox.c.resource_type == "Observation"
            )
            if patient_id is not None:
                query = query.where(outbox.c.patient_id == patient_id)
            return len(conn.execute(query).all())

    # -- edit / delete ----------------------------------------------------------------

    def update(
        self, entry: DiaryEntry, patient_id: str, now: datetime | None = None
    ) -> SaveOutcome:
        """Change an own entry: in the outbox if unsent, else PUT with If-Match."""
        diary.ensure_valid(entry, now)
        if self._in_outbox(entry.identifier):
            resource = diary.build_observation(replace(entry, resource_id=None), patient_id)
            self._put_outbox(entry.identifier, patient_id, resource, status=PENDING)
            try:
                return SaveOutcome(True, self._send(entry.identifier, resource))
            except _TRANSIENT:
                return SaveOutcome(sent=False)
        stored = self._stored(entry.resource_id)
        if stored is None or not diary.is_own_entry(stored, patient_id):
            raise NotOwnEntry()
        resource = diary.build_observation(entry, patient_id)
        try:
            answer = self._client.update(resource, if_match=entry.version_id)
        except PortalUnreachable as exc:
            raise EditNeedsPortal(str(exc)) from exc
        except AccessDenied as exc:
            raise NotOwnEntry(str(exc), portal_texts=exc.portal_texts) from exc
        self._cache.ingest([answer])
        return SaveOutcome(True, answer)

    def delete(self, entry: DiaryEntry, patient_id: str) -> None:
        """Delete an own entry (from the outbox if it was never sent)."""
        if self._in_outbox(entry.identifier):
            self._drop_outbox(entry.identifier)
            return
        stored = self._stored(entry.resource_id)
        if stored is None or not diary.is_own_entry(stored, patient_id):
            raise NotOwnEntry()
        try:
            self._client.delete("Observation", str(entry.resource_id))
        except PortalUnreachable as exc:
            raise EditNeedsPortal(str(exc)) from exc
        except AccessDenied as exc:
            raise NotOwnEntry(str(exc), portal_texts=exc.portal_texts) from exc
        self._forget(str(entry.resource_id))

    # -- listing ----------------------------------------------------------------------

    def records(self, patient_id: str) -> list[DiaryRecord]:
        """Own entries, newest first: sent ones from the cache plus the outbox."""
        found: dict[str, DiaryRecord] = {}
        with self._cache.read() as conn:
            ids = (
                conn.execute(
                    select(observations.c.resource_id)
                    .where(
                        observations.c.patient_id == patient_id,
                        observations.c.self_measured.is_(True),
                    )
                    .distinct()
                )
                .scalars()
                .all()
            )
            blobs = (
                conn.execute(
                    select(resources.c.json).where(
                        resources.c.type == "Observation", resources.c.id.in_(ids)
                    )
                )
                .scalars()
                .all()
                if ids
                else []
            )
            waiting = conn.execute(
                select(outbox.c.resource, outbox.c.status, outbox.c.error).where(
                    outbox.c.patient_id == patient_id, outbox.c.resource_type == "Observation"
                )
            ).all()
        for blob in blobs:
            resource = orjson.loads(blob)
            entry = diary.entry_from_observation(resource)
            if entry is not None and diary.is_own_entry(resource, patient_id):
                found[entry.identifier] = DiaryRecord(entry, SENT)
        for blob, status, error in waiting:
            entry = diary.entry_from_observation(orjson.loads(blob))
            if entry is not None:
                found[entry.identifier] = DiaryRecord(entry, status, error)
        return sorted(found.values(), key=lambda r: r.entry.measured_at, reverse=True)

    # -- cache helpers ----------------------------------------------------------------

    def _put_outbox(
        self, identifier: str, patient_id: str, resource: dict[str, Any], status: str = PENDING
    ) -> None:
        blob = orjson.dumps(resource)
        with self._cache.write() as conn:
            exists = conn.execute(
                select(outbox.c.identifier).where(outbox.c.identifier == identifier)
            ).first()
            if exists:
                conn.execute(
                    update(outbox)
                    .where(outbox.c.identifier == identifier)
                    .values(resource=blob, status=status, error=None)
                )
            else:
                conn.execute(
                    insert(outbox).values(
                        identifier=identifier,
                        patient_id=patient_id,
                        resource_type="Observation",
                        resource=blob,
                        status=status,
                        created=datetime.now(UTC).isoformat(timespec="microseconds"),
                    )
                )

    def _drop_outbox(self, identifier: str) -> None:
        with self._cache.write() as conn:
            conn.execute(delete(outbox).where(outbox.c.identifier == identifier))

    def _in_outbox(self, identifier: str) -> bool:
        with self._cache.read() as conn:
            return (
                conn.execute(
                    select(outbox.c.identifier).where(outbox.c.identifier == identifier)
                ).first()
                is not None
            )

    def _stored(self, resource_id: str | None) -> dict[str, Any] | None:
        if not resource_id:
            return None
        with self._cache.read() as conn:
            blob = conn.execute(
                select(resources.c.json).where(
                    resources.c.type == "Observation", resources.c.id == resource_id
                )
            ).scalar()
        return orjson.loads(blob) if blob is not None else None

    def _forget(self, resource_id: str) -> None:
        """Drop a deleted entry from the cache: its rows in every table, the search index."""
        self._cache.remove("Observation", resource_id)
