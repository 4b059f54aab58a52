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
from demo_portal.documents.pdf import SignatureStamp, render
from demo_portal.documents.signing import ca_certificate_der, clinic_signer, sign_detached
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
    seed = seed_of(store)
    patient = store.get("Patient", _ref_id(task.get("for"), "Patient")) or {}
    org_id = _ref_id(patient.get("managingOrganization"), "Organization")
    org = store.get("Organization", org_id) or {}
    ogrn = next(
        (
            i["value"]
            for i in org.get("identifier") or []
            if i.get("system") == "urn:oid:1.2.643.100.1"
        ),
        "",
    )
    signer = clinic_signer(seed, org_id, org.get("name", ""), (org.get("alias") or [""])[0], ogrn)
    cert = signer.certificate
    stamp = SignatureStamp(
        owner=org.get("name", ""),
        serial=f"{cert.serial_number:x}",
        valid=f"с {cert.not_valid_before_utc:%d.%m.%Y} по {cert.not_valid_after_utc:%d.%m.%Y}",
    )
    doctor_ref, doctor = _doctor(store, patient)
    content = build_content(
        store, kind_code, task, patient, org, doctor, when, stamp, period, records, purpose
    )
    try:
        pdf = render(content)
    except NoFont as exc:  # the machine has no Cyrillic font: say so, do not half-issue
        raise FhirError(
            503,
            f"The portal cannot make PDFs here: {exc}",
            "Портал сейчас не может сформировать документ (нет шрифта для PDF). "
            "Попробуйте позже или обратитесь в регистратуру.",
        ) from exc
    signature = sign_detached(pdf, signer, seed)
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
    doc_id, bin_id, prov_id = f"doc-{task['id']}", f"bin-{task['id']}", f"prov-{task['id']}"
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
        "content": [
            {
                "attachment": {
                    "contentType": "application/pdf",
                    "language": "ru",
                    "url": f"Binary/{bin_id}",
                    "size": len(pdf),
                    "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode("ascii"),
                    "title": f"{title}.pdf",
                    "creation": stamp,
                }
            }
        ],
        "context": {"related": related},
    }
    stored = store.put(document)
    store.put(
        {
            "resourceType": "Binary",
            "id": bin_id,
            "meta": {"tag": [ISSUED_TAG]},
            "contentType": "application/pdf",
            "securityContext": {"reference": f"DocumentReference/{doc_id}"},
            "data": base64.b64encode(pdf).decode("ascii"),
        }
    )
    store.put(
        {
            "resourceType": "Provenance",
            "id": prov_id,
            "meta": {"tag": [ISSUED_TAG]},
            "target": [
                {"reference": f"DocumentReference/{doc_id}"},
                {"reference": f"Binary/{bin_id}"},
            ],
            "recorded": when.isoformat(timespec="milliseconds"),
            "agent": [
                {
                    "type": {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                "code": "author",
                            }
                        ]
                    },
                    "who": doctor_ref if doctor_ref.get("reference") else org_ref,
                },
                {
                    "type": {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                "code": "attester",
                            }
                        ]
                    },
                    "who": org_ref,
                },
            ],
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
    return stored
