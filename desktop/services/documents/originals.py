"""A document's original (the PDF), its signature and the CA: kept in the encrypted cache.

The PDF arrives as a Binary (the attachment's URL) and its signature as a Provenance
(`Provenance?target=`), neither of which a type-search sync brings (they have no patient
search), so they are fetched when a document is first opened, through the account's
door, and stored in the cache with the person's card (`owner`): never as loose files.
Opening reads the bytes from the cache and checks them (`signature.py`); nothing is
written to disk unless the user saves.

Three steps, each on its own lane (see `AccountDoor.write`): `stored_original(cache, doc)`
(read), `fetch_missing(client, doc, have)` (network), `keep(cache, patient, fetched)`
(writer). The CA certificate is the portal's (`Binary/demo-ca-certificate` in the demo
portal: the one place that id is named in the app).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from desktop.services.cache import Cache
from desktop.services.cache.projections.common import dicts, obj, ref_display
from desktop.services.errors import MalformedAnswer, NotFound
from desktop.services.fhir_time import parse_instant

from .fhir import Attachment, DocumentInfo
from .signature import (
    FILE_OK,
    FILE_UNDESCRIBED,
    UNCHECKED,
    UNSIGNED,
    SignatureCheck,
    check_file,
    check_signature,
)

CA_BINARY_ID = "demo-ca-certificate"
JSON = dict[str, Any]
PKCS7 = ("application/pkcs7-signature", "application/pkcs7-mime")


class PortalReader(Protocol):
    def get(self, url_or_path: str, params: Any = None, expect: str | None = None) -> JSON: ...
    def search(self, resource_type: str, params: Any = None) -> Any: ...


@dataclass(frozen=True)
class Original:
    """What the viewer shows: the bytes and what the checks found."""

    document: DocumentInfo
    data: bytes | None  # None: not downloaded yet (offline)
    file_state: str = FILE_UNDESCRIBED
    signature: SignatureCheck = field(default_factory=lambda: SignatureCheck(UNCHECKED))
    signed_by: str = ""  # the clinic's full name (a certificate holds at most 64 bytes)
    signed_at: datetime | None = None
    provenance_seen: bool = False  # the signature's Provenance is in the cache
    ca_seen: bool = False

    @property
    def missing(self) -> bool:
        """Something to fetch from the portal: the PDF, its signature, or the CA."""
        pdf = self.document.pdf
        if pdf is None:
            return False
        return self.data is None or not self.provenance_seen or not self.ca_seen


@dataclass
class Fetched:
    resources: list[JSON]  # Binary, Provenance(s), the CA Binary: stored as they came
    looked_for_signature: bool = False


def _bytes_of(binary: JSON | None) -> bytes | None:
    data = binary.get("data") if isinstance(binary, dict) else None
    if not isinstance(data, str):
        return None
    try:
        return base64.b64decode(data, validate=False)
    except (binascii.Error, ValueError):
        return None


def _signatures(provenances: list[JSON], targets: tuple[str, ...]) -> list[JSON]:
    """The CMS signatures among the Provenances that name one of the targets."""
    found = []
    for provenance in provenances:
        named = {str(obj(t).get("reference") or "") for t in dicts(provenance.get("target"))}
        if not named & set(targets):
            continue
        for signature in dicts(provenance.get("signature")):
            if str(signature.get("sigFormat") or "").split(";")[0] in PKCS7:
                found.append(signature)
    return found


def _pdf_bytes(cache: Cache, attachment: Attachment) -> bytes | None:
    if attachment.inline is not None:
        return attachment.inline
    if attachment.binary_id:
        return _bytes_of(cache.resources.get("Binary", attachment.binary_id))
    return None


def examine(
    document: DocumentInfo,
    data: bytes | None,
    provenances: list[JSON],
    ca: JSON | None,
    provenance_seen: bool,
) -> Original:
    """The checks on what we have (pure: also run on what was just fetched)."""
    pdf = document.pdf
    trusted = [c for c in (_bytes_of(ca),) if c]
    if data is None or pdf is None:
        return Original(document, None, provenance_seen=provenance_seen, ca_seen=bool(trusted))
    file_state = check_file(data, pdf.hash, pdf.size)
    signatures = _signatures(provenances, document.signature_targets)
    if not signatures:
        state = SignatureCheck(UNSIGNED if provenance_seen else UNCHECKED)
        return Original(
            document,
            data,
            file_state,
            state,
            provenance_seen=provenance_seen,
            ca_seen=bool(trusted),
        )
    signature = signatures[0]
    der = _bytes_of(signature) or b""
    check = check_signature(data, der, trusted)
    who = ref_display(signature.get("who")) or ""
    # The certificate's name is cut at 64 bytes; the Provenance names the clinic in full.
    signed_by = who if who and check.signer and who.startswith(check.signer[:20]) else ""
    return Original(
        document,
        data,
        file_state,
        check,
        signed_by=signed_by or check.signer,
        signed_at=check.signed_at or parse_instant(signature.get("when")),
        provenance_seen=True,
        ca_seen=bool(trusted),
    )


def stored_original(cache: Cache, patient_id: str, document: DocumentInfo) -> Original:
    """Read pool: the original as the cache holds it, checked."""
    pdf = document.pdf
    data = _pdf_bytes(cache, pdf) if pdf is not None else None
    provenances = [
        p
        for p in cache.resources.of_patient(patient_id, "Provenance")
        if _signatures([p], document.signature_targets)
    ]
    ca = cache.resources.get("Binary", CA_BINARY_ID)
    return examine(document, data, provenances, ca, provenance_seen=bool(provenances))


def fetch_missing(client: PortalReader, document: DocumentInfo, have: Original) -> Fetched:
    """Network pool: the PDF's Binary, the signature's Provenance and the CA, as missing."""
    fetched = Fetched([])
    pdf = document.pdf
    if have.data is None and pdf is not None and pdf.url:
        binary = client.get(pdf.url, expect="Binary")
        if _bytes_of(binary) is None:
            raise MalformedAnswer("the document's Binary carries no data")
        fetched.resources.append(binary)
    if not have.provenance_seen:
        fetched.looked_for_signature = True
        targets = [t for t in document.signature_targets if not t.startswith("Composition/")]
        for target in targets:
            found = [
                e["resource"]
                for page in client.search("Provenance", [("target", target)])
                for e in dicts(page.get("entry"))
                if obj(e.get("resource")).get("resourceType") == "Provenance"
            ]
            fetched.resources += found
            if found:
                break
    if not have.ca_seen:
        try:
            fetched.resources.append(client.get(f"Binary/{CA_BINARY_ID}", expect="Binary"))
        except NotFound:
            pass  # a portal without a published CA: the signature stays unchecked
    return fetched


def keep(cache: Cache, patient_id: str, document: DocumentInfo, fetched: Fetched) -> Original:
    """Writer queue: store what arrived with the person's card, then check it all."""
    own = [r for r in fetched.resources if r.get("id") != CA_BINARY_ID]
    shared = [r for r in fetched.resources if r.get("id") == CA_BINARY_ID]
    if own:
        cache.ingest(own, owner=patient_id)
    if shared:
        cache.ingest(shared)  # the portal's CA certificate belongs to no card
    found = stored_original(cache, patient_id, document)
    if fetched.looked_for_signature and not found.provenance_seen and found.data is not None:
        # The portal was asked: there is no signature (not merely "not downloaded yet").
        ca = cache.resources.get("Binary", CA_BINARY_ID)
        return examine(document, found.data, [], ca, provenance_seen=True)
    return found


def verdict_ok(original: Original) -> bool:
    """Whether the original is what the clinic issued, as far as we can tell."""
    return original.file_state in (FILE_OK, FILE_UNDESCRIBED) and original.signature.intact
