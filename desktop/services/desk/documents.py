"""Documents ready for the patient: issued DocumentReferences and their PDFs (Qt-free).

The desk sees only documents the portal tagged as issued for handing out; the PDF comes
from the Binary the attachment names, checked against the attachment's SHA-1, and stays
in memory: it is rendered page by page for the printer (pypdfium2), never saved.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.services.booking.catalog import bundle_entries
from desktop.services.booking.fhir import concept_text, ref_id
from desktop.services.errors import MalformedAnswer
from desktop.services.i18n import N_

PDF = "application/pdf"


class DocumentDamaged(MalformedAnswer):
    default_message = N_("The document arrived damaged. Try printing it again.")


@dataclass(frozen=True)
class ReadyDocument:
    id: str
    title: str
    issued: date | None
    author: str
    binary_id: str
    size: int
    sha1: str  # base64, as in Attachment.hash


@dataclass(frozen=True)
class PageImage:
    """One rendered page: raw RGBX pixels (`stride` bytes a row), and the page's size in
    points (1/72 inch)."""

    width: int
    height: int
    stride: int
    pixels: bytes
    width_pt: float
    height_pt: float


def ready_documents(client: Any, patient_id: str) -> list[ReadyDocument]:
    """The patient's documents ready to print, newest first (only PDFs can be printed)."""
    params = [("patient", f"Patient/{patient_id}"), ("status", "current"), ("_count", "100")]
    found = []
    for doc in bundle_entries(client.search("DocumentReference", params), "DocumentReference"):
        for content in doc.get("content") or []:
            attachment = (content or {}).get("attachment") or {}
            binary_id = ref_id(attachment.get("url"), "Binary")
            if attachment.get("contentType") != PDF or not binary_id:
                continue
            author: dict[str, Any] = next(iter(doc.get("author") or []), {}) or {}
            found.append(
                ReadyDocument(
                    id=str(doc.get("id") or ""),
                    title=str(
                        attachment.get("title")
                        or doc.get("description")
                        or concept_text(doc.get("type"))
                    ),
                    issued=_date(doc.get("date")),
                    author=str(author.get("display") or ""),
                    binary_id=binary_id,
                    size=int(attachment.get("size") or 0),
                    sha1=str(attachment.get("hash") or ""),
                )
            )
            break
    found.sort(key=lambda d: d.issued or date.min, reverse=True)
    return found


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def document_pdf(client: Any, document: ReadyDocument) -> bytes:
    """The PDF bytes of the document, checked against the hash the portal published."""
    binary = client.read("Binary", document.binary_id)
    try:
        data = base64.b64decode(str(binary.get("data") or ""), validate=True)
    except ValueError:
        raise DocumentDamaged("Binary data is not base64") from None
    if document.sha1:
        digest = base64.b64encode(hashlib.sha1(data).digest()).decode("ascii")
        if digest != document.sha1:
            raise DocumentDamaged("the PDF does not match the attachment's hash")
    if not data.startswith(b"%PDF"):
        raise DocumentDamaged("not a PDF")
    return data


def render_pdf(data: bytes, dpi: int = 200) -> list[PageImage]:
    """Each page as an image at `dpi` (in memory), for painting onto a printer."""
    import pypdfium2  # a binary module: loaded when a document is printed

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        raise DocumentDamaged("pdfium could not open the PDF") from None
    pages = []
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            width_pt, height_pt = page.get_size()
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True, prefer_bgrx=True)
            pages.append(
                PageImage(
                    width=bitmap.width,
                    height=bitmap.height,
                    stride=bitmap.stride,
                    pixels=bytes(bitmap.buffer),  # raw pixels: no PIL needed
                    width_pt=width_pt,
                    height_pt=height_pt,
                )
            )
            bitmap.close()
            page.close()
    finally:
        pdf.close()
    return pages
