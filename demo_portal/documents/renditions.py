"""PDF originals of the documents the clinics already hold (issue 12): each demo
DocumentReference kept as text (visit protocols, the discharge summary) gets a second
`content` entry — the signed PDF the clinic would print, with its requisites — so the
app can open the original and check it. Made when the portal loads the data (signatures
cannot be generated deterministically); not tagged `issued-document`: clinical notes
stay closed to the registry desk. Benchmark-scale documents are left as text."""

from __future__ import annotations

import base64
from datetime import datetime
from typing import Any

from demo_portal.documents.content import clinic_of, number_of, patient_lines
from demo_portal.documents.issue import pdf_attachment, render_signed, signer_of, store_signed
from demo_portal.documents.pdf import Content


def _text_of(document: dict[str, Any]) -> str | None:
    for content in document.get("content") or []:
        attachment = content.get("attachment") or {}
        if attachment.get("contentType") == "application/pdf":
            return None  # it has its PDF already
    for content in document.get("content") or []:
        attachment = content.get("attachment") or {}
        if attachment.get("data") and "text/plain" in str(attachment.get("contentType")):
            return base64.b64decode(attachment["data"]).decode("utf-8", "replace")
    return None


def add_pdf_originals(store: Any) -> int:
    made = 0
    for document in store.search("DocumentReference", limit=100000):
        text = None if document["id"].startswith("scale-") else _text_of(document)
        if text is None:
            continue
        patient = store.get("Patient", document["subject"]["reference"].split("/", 1)[1]) or {}
        org = store.get("Organization", document["custodian"]["reference"].split("/", 1)[1]) or {}
        author = (document.get("author") or [{}])[0]
        signer, stamp = signer_of(store, org)
        when = datetime.fromisoformat(document["date"])
        title = str(document.get("description") or (document.get("type") or {}).get("text") or "")
        content = Content(
            clinic=clinic_of(org),
            title=title,
            form="",
            number=number_of(document["id"]),
            issued=when,
            patient=patient_lines(patient),
            paragraphs=tuple(line for line in text.splitlines() if line.strip()),
            doctor=str(author.get("display") or ""),
            stamp=stamp,
        )
        pdf, signature = render_signed(store, content, signer)
        doc_id = document["id"]
        bin_id = f"bin-{doc_id.removeprefix('doc-')}"
        creation = when.isoformat(timespec="seconds")
        with_pdf = dict(document)
        with_pdf["content"] = [
            *document["content"],
            {"attachment": pdf_attachment(pdf, bin_id, title, creation)},
        ]
        store.put(with_pdf)
        org_ref = {"reference": f"Organization/{org.get('id')}", "display": org.get("name")}
        store_signed(store, doc_id, pdf, signature, when, author or org_ref, org_ref, [])
        made += 1
    return made
