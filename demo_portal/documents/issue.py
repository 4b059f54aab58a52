"""Issuing a document: the PDF, its signature and the FHIR resources that carry them.

For an order Task (document-order or paper-copy) the portal stores
- `DocumentReference/doc-<task id>`: kind, patient, date, author (the doctor), custodian
  and authenticator (the clinic), `content[0].attachment` = {contentType application/pdf,
  url `Binary/bin-<task id>`, size, hash (SHA-1, base64, as FHIR R4 defines it), title,
  creation}, `context.related` = the order (and, for a paper copy, the copied records);
- `Binary/bin-<task id>`: the PDF (securityContext = the DocumentReference);
- `Provenance/prov-<task id>`: target = both, `signature[0]` = the detached CMS signature
  (`sigFormat` application/pkcs7-signature) by the clinic's certificate;
all three tagged `issued-document`, which is what the registry desk may print.
`Binary/demo-ca-certificate` (DER) is the CA that issued the clinics' certificates.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import datetime
from typing import Any

from demo_portal.documents.content import build_content
from demo_portal.documents.fonts import NoFont
from demo_portal.documents.kinds import KINDS, SYSTEM
from demo_portal.documents.pdf import Content, SignatureStamp, render
from demo_portal.documents.signing import Signer, ca_certificate_der, clinic_signer, sign_detached
from demo_portal.errors import FhirError

TAGS_SYSTEM = "http://demo.medcard/fhir/CodeSystem/tags"
ISSUED_TAG = {"system": TAGS_SYSTEM, "code": "issued-document", "display": "Выданный документ"}
CA_BINARY_ID = "demo-ca-certificate"
SEED_SETTING = "demo-seed"
SIGNATURE_TYPE = {
    "system": "urn:iso-astm:E1762-95:2013",
    "code": "1.2.840.10065.1.12.1.1",
    "display": "Author's Signature",
}
PAPER_COPY_TITLE = "Копии медицинских документов"
OGRN = "urn:oid:1.2.643.100.1"


def seed_of(store: Any) -> int:
    return int(store.setting(SEED_SETTING, "42"))


def publish_ca(store: Any, seed: int) -> None:
    """Remember the seed the keys derive from and publish the CA certificate."""
    store.set_setting(SEED_SETTING, str(seed))
    store.put(
        {
            "resourceType": "Binary",
            "id": CA_BINARY_ID,
            "meta": {"tag": [ISSUED_TAG]},
            "contentType": "application/pkix-cert",
            "data": base64.b64encode(ca_certificate_der(seed)).decode("ascii"),
        }
    )


def _ref_id(value: Any, rtype: str) -> str:
    ref = str((value or {}).get("reference") or "") if isinstance(value, dict) else ""
    return ref[len(rtype) + 1 :] if ref.startswith(f"{rtype}/") else ""


def _doctor(store: Any, patient: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """The attached (district) doctor: reference and "position, name" for the page."""
    gp = (patient.get("generalPractitioner") or [{}])[0]
    practitioner_id = _ref_id(gp, "Practitioner")
    name = str(gp.get("display") or "")
    roles = store.query(
        "PractitionerRole", [("practitioner", f"Practitioner/{practitioner_id}")], 1
    )
    position = (roles[0].get("code") or [{}])[0].get("text", "") if roles else ""
    return gp, f"{position} {name}".strip()


def signer_of(store: Any, org: dict[str, Any]) -> tuple[Signer, SignatureStamp]:
    """The clinic's signing key and what the e-signature block on the page says."""
    ogrn = next(
        (i["value"] for i in org.get("identifier") or [] if i.get("system") == OGRN),
        "",
    )
    name, short = org.get("name", ""), (org.get("alias") or [""])[0]
    signer = clinic_signer(seed_of(store), str(org.get("id", "")), name, short, ogrn)
    cert = signer.certificate
    stamp = SignatureStamp(
        owner=name,
        serial=f"{cert.serial_number:x}",
        valid=f"с {cert.not_valid_before_utc:%d.%m.%Y} по {cert.not_valid_after_utc:%d.%m.%Y}",
    )
    return signer, stamp


def render_signed(store: Any, content: Content, signer: Signer) -> tuple[bytes, bytes]:
    """(PDF, detached CMS signature); no font → 503, nothing half-issued."""
    try:
        pdf = render(content)
    except NoFont as exc:
        raise FhirError(
            503,
            f"The portal cannot make PDFs here: {exc}",
            "Портал сейчас не может сформировать документ (нет шрифта для PDF). "
            "Попробуйте позже или обратитесь в регистратуру.",
        ) from exc
    return pdf, sign_detached(pdf, signer, seed_of(store))


def issue(
    store: Any,
    task: dict[str, Any],
    kind_code: str,
    when: datetime,
    period: tuple[str, str] | None = None,
    records: list[str] | None = None,
    purpose: str = "",
) -> dict[str, Any]:
    """Make, sign and store the document of the order; returns the DocumentReference."""
    patient = store.get("Patient", _ref_id(task.get("for"), "Patient")) or {}
    org = (
        store.get("Organization", _ref_id(patient.get("managingOrganization"), "Organization"))
        or {}
    )
    signer, stamp = signer_of(store, org)
    doctor_ref, doctor = _doctor(store, patient)
    content = build_content(
        store, kind_code, task, patient, org, doctor, when, stamp, period, records, purpose
    )
    pdf, signature = render_signed(store, content, signer)
    return _store_document(
        store, task, kind_code, content.title, when, pdf, signature, doctor_ref, org, records
    )


def _store_document(
    store: Any,
    task: dict[str, Any],
    kind_code: str,
    title: str,
    when: datetime,
    pdf: bytes,
    signature: bytes,
    doctor_ref: dict[str, Any],
    org: dict[str, Any],
    records: list[str] | None,
) -> dict[str, Any]:
    doc_id, bin_id = f"doc-{task['id']}", f"bin-{task['id']}"
    stamp = when.isoformat(timespec="seconds")
    org_ref = {"reference": f"Organization/{org.get('id')}", "display": org.get("name")}
    kind_type = (
        {"coding": [{"system": SYSTEM, "code": kind_code}], "text": KINDS[kind_code].name}
        if kind_code in KINDS
        else {"text": PAPER_COPY_TITLE}
    )
    related = [{"reference": f"Task/{task['id']}"}, *({"reference": r} for r in records or [])]
    document = {
        "resourceType": "DocumentReference",
        "id": doc_id,
        "meta": {"tag": [ISSUED_TAG]},
        "status": "current",
        "docStatus": "final",
        "type": kind_type,
        "category": [
            {
                "coding": [{"system": TAGS_SYSTEM, "code": "issued-document"}],
                "text": "Справки и выписки",
            }
        ],
        "subject": task.get("for"),
        "date": stamp,
        "author": [doctor_ref] if doctor_ref.get("reference") else [org_ref],
        "authenticator": org_ref,
        "custodian": org_ref,
        "description": title,
        "content": [{"attachment": pdf_attachment(pdf, bin_id, title, stamp)}],
        "context": {"related": related},
    }
    stored = store.put(document)
    author = doctor_ref if doctor_ref.get("reference") else org_ref
    store_signed(store, doc_id, pdf, signature, when, author, org_ref, [ISSUED_TAG])
    return stored


def pdf_attachment(pdf: bytes, bin_id: str, title: str, creation: str) -> dict[str, Any]:
    return {
        "contentType": "application/pdf",
        "language": "ru",
        "url": f"Binary/{bin_id}",
        "size": len(pdf),
        "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode("ascii"),
        "title": f"{title}.pdf",
        "creation": creation,
    }


def _participant(code: str, who: dict[str, Any]) -> dict[str, Any]:
    system = "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
    return {"type": {"coding": [{"system": system, "code": code}]}, "who": who}


def store_signed(
    store: Any,
    doc_id: str,
    pdf: bytes,
    signature: bytes,
    when: datetime,
    author: dict[str, Any],
    org_ref: dict[str, Any],
    tags: list[dict[str, Any]],
) -> None:
    """`Binary/bin-<doc>` (the PDF) and `Provenance/prov-<doc>` (its signature)."""
    meta = {"tag": tags} if tags else {}
    bin_id = f"bin-{doc_id.removeprefix('doc-')}"
    store.put(
        {
            "resourceType": "Binary",
            "id": bin_id,
            **({"meta": meta} if meta else {}),
            "contentType": "application/pdf",
            "securityContext": {"reference": f"DocumentReference/{doc_id}"},
            "data": base64.b64encode(pdf).decode("ascii"),
        }
    )
    store.put(
        {
            "resourceType": "Provenance",
            "id": f"prov-{doc_id.removeprefix('doc-')}",
            **({"meta": meta} if meta else {}),
            "target": [
                {"reference": f"DocumentReference/{doc_id}"},
                {"reference": f"Binary/{bin_id}"},
            ],
            "recorded": when.isoformat(timespec="milliseconds"),
            "agent": [_participant("author", author), _participant("attester", org_ref)],
            "signature": [
                {
                    "type": [SIGNATURE_TYPE],
                    "when": when.isoformat(timespec="seconds"),
                    "who": org_ref,
                    "targetFormat": "application/pdf",
                    "sigFormat": "application/pkcs7-signature",
                    "data": base64.b64encode(signature).decode("ascii"),
                }
            ],
        }
    )
