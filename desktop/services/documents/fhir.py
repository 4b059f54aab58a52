"""The one reader of DocumentReference and Composition for the documents tab.

One document, one row: a DocumentReference whose `context.related` names a Composition is
the original of that Composition (the clinic's signed PDF of a visit protocol), so the
Composition's row carries its attachments instead of a second row.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from desktop.services.cache import Cache
from desktop.services.cache.projections.common import (
    attachment_text,
    concept_text,
    dicts,
    narrative,
    obj,
    organization_alias,
    ref_id,
    ref_type,
    referenced_name,
    strip_html,
)
from desktop.services.fhir_time import parse_instant

JSON = dict[str, Any]
Lookup = Callable[[str], JSON | None]
TAGS_SYSTEM = "http://demo.medcard/fhir/CodeSystem/tags"
ISSUED_TAG = "issued-document"
PDF = "application/pdf"


@dataclass(frozen=True)
class Attachment:
    content_type: str
    url: str  # "Binary/<id>" or an absolute URL on the portal; "" when inline
    size: int | None
    hash: str  # base64 SHA-1 as FHIR R4 defines it; "" when not given
    title: str
    inline: bytes | None = None  # `data` carried in the document itself

    @property
    def is_pdf(self) -> bool:
        return self.content_type.split(";")[0].strip().lower() == PDF

    @property
    def binary_id(self) -> str:
        """The Binary's id when the URL names one ("Binary/x" or ".../Binary/x")."""
        parts = self.url.split("?")[0].rstrip("/").split("/")
        return parts[-1] if len(parts) >= 2 and parts[-2] == "Binary" else ""


@dataclass(frozen=True)
class DocumentInfo:
    resource_type: str  # DocumentReference | Composition
    resource_id: str
    kind: str
    title: str
    date: datetime | None
    clinic: str
    author: str
    issued: bool  # issued on request (a certificate, an extract, a paper copy)
    attachments: tuple[Attachment, ...] = ()
    text: str = ""  # the readable text when there is no PDF (sections, a text attachment)
    clinic_short: str = ""  # the clinic's short name (alias), for a narrow column
    original_of: str = ""  # a DocumentReference that is a Composition's original: its id
    order_id: str = ""  # the order Task it was issued for

    @property
    def key(self) -> str:
        return f"{self.resource_type}/{self.resource_id}"

    @property
    def pdf(self) -> Attachment | None:
        return next((a for a in self.attachments if a.is_pdf), None)

    @property
    def signature_targets(self) -> tuple[str, ...]:
        """References a signature Provenance of the original may name."""
        pdf = self.pdf
        found = [self.key]
        if self.original_of:
            found.append(f"DocumentReference/{self.original_of}")
        if pdf is not None and pdf.binary_id:
            found.append(f"Binary/{pdf.binary_id}")
        return tuple(found)


def _attachment(value: Any) -> Attachment | None:
    if not isinstance(value, dict):
        return None
    data = value.get("data")
    inline = None
    if isinstance(data, str) and data:
        try:
            inline = base64.b64decode(data, validate=False)
        except (binascii.Error, ValueError):
            inline = None
    size = value.get("size")
    text = {k: value.get(k) for k in ("contentType", "url", "hash", "title")}
    return Attachment(
        content_type=text["contentType"] if isinstance(text["contentType"], str) else "",
        url=text["url"] if isinstance(text["url"], str) else "",
        size=size if isinstance(size, int) and not isinstance(size, bool) else None,
        hash=text["hash"] if isinstance(text["hash"], str) else "",
        title=text["title"] if isinstance(text["title"], str) else "",
        inline=inline,
    )


def _is_issued(resource: JSON) -> bool:
    tags = dicts(obj(resource.get("meta")).get("tag"))
    categories = [c for cat in dicts(resource.get("category")) for c in dicts(cat.get("coding"))]
    return any(t.get("code") == ISSUED_TAG for t in [*tags, *categories])


def parse_document(resource: JSON, lookup: Lookup) -> DocumentInfo:
    rtype = str(resource.get("resourceType"))
    kind = concept_text(resource.get("type"))
    authors = dicts(resource.get("author"))
    author = referenced_name(authors[0], lookup) if authors else ""
    clinic = referenced_name(resource.get("custodian"), lookup) or referenced_name(
        resource.get("authenticator"), lookup
    )
    when = parse_instant(resource.get("date"))
    short = organization_alias(resource.get("custodian"), lookup) or clinic
    if rtype == "Composition":
        sections = [
            f"{s.get('title')}\n{strip_html(str(obj(s.get('text')).get('div') or ''))}".strip()
            for s in dicts(resource.get("section"))
        ]
        text = "\n\n".join(s for s in sections if s) or narrative(resource)
        title = resource.get("title") if isinstance(resource.get("title"), str) else ""
        return DocumentInfo(
            rtype,
            str(resource.get("id")),
            kind,
            title or kind,
            when,
            clinic,
            author,
            False,
            text=text,
            clinic_short=short,
        )
    raw = [c.get("attachment") for c in dicts(resource.get("content"))]
    attachments = tuple(a for a in (_attachment(r) for r in raw) if a)
    text = next((t for t in (attachment_text(r) for r in raw) if t), "")
    related = dicts(obj(resource.get("context")).get("related"))
    composition = next((ref_id(r) for r in related if ref_type(r) == "Composition"), None)
    order = next((ref_id(r) for r in related if ref_type(r) == "Task"), None)
    description = resource.get("description")
    title = description if isinstance(description, str) and description else kind
    return DocumentInfo(
        rtype,
        str(resource.get("id")),
        kind,
        title,
        when,
        clinic,
        author,
        _is_issued(resource),
        attachments,
        text=text,
        clinic_short=short,
        original_of=composition or "",
        order_id=order or "",
    )


def merge_originals(documents: list[DocumentInfo]) -> list[DocumentInfo]:
    """One row per document: a Composition takes the attachments of the DocumentReference
    that is its original (the reference then is not listed on its own)."""
    compositions = {d.resource_id: d for d in documents if d.resource_type == "Composition"}
    merged: dict[str, DocumentInfo] = {}
    kept: list[DocumentInfo] = []
    for doc in documents:
        target = compositions.get(doc.original_of) if doc.original_of else None
        if doc.resource_type == "DocumentReference" and target is not None:
            base = merged.get(target.resource_id, target)
            merged[target.resource_id] = replace(
                base,
                attachments=base.attachments + doc.attachments,
                original_of=doc.resource_id,
                text=base.text or doc.text,
            )
        else:
            kept.append(doc)
    rows = [merged.get(d.resource_id, d) if d.resource_type == "Composition" else d for d in kept]
    rows.sort(key=lambda d: (d.date is not None, d.date.timestamp() if d.date else 0), reverse=True)
    return rows


def read_documents(cache: Cache, patient_id: str) -> list[DocumentInfo]:
    """Worker thread: every document of the person's card, newest first."""
    found = cache.resources.parse_all(patient_id, "DocumentReference", parse_document)
    found += cache.resources.parse_all(patient_id, "Composition", parse_document)
    return merge_originals(found)
