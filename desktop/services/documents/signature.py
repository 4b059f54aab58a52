"""Is the original the document the clinic issued? The file's hash and size, and its
detached CMS (PKCS#7) signature.

- `check_file`: `attachment.hash` is the base64 SHA-1 of the bytes (FHIR R4) and
  `attachment.size` their length; a mismatch means the file is not the one described.
- `check_signature`: RFC 5652 SignedData, detached: the signed `messageDigest` must equal
  the digest of the PDF, the signature must hold over the signed attributes with the
  signer certificate's key, and that certificate must chain (through certificates the
  signature carries) to a CA the portal publishes and be valid when it signed. A CA
  certificate inside the signature is never trusted on its own word.
asn1crypto reads the structure; cryptography does every check of the mathematics.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from asn1crypto import cms
from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.oid import NameOID

from desktop.services.i18n import N_

# File states
FILE_OK, FILE_HASH_MISMATCH, FILE_SIZE_MISMATCH, FILE_UNDESCRIBED = (
    "ok",
    "hash-mismatch",
    "size-mismatch",
    "undescribed",
)
# Signature states
INTACT, CHANGED, BROKEN, UNTRUSTED, UNSIGNED, UNCHECKED = (
    "intact",
    "changed",
    "broken",
    "untrusted",
    "unsigned",
    "unchecked",
)
SIGNATURE_TEXT = {
    CHANGED: N_("Warning: the document was changed after it was signed."),
    BROKEN: N_("Warning: the electronic signature is damaged and does not hold."),
    UNTRUSTED: N_(
        "Warning: the signature is not from a certificate the portal's certification "
        "authority issued."
    ),
    UNSIGNED: N_("This document has no electronic signature."),
    UNCHECKED: N_("The signature could not be checked yet (connect to the portal once)."),
}
FILE_TEXT = {
    FILE_HASH_MISMATCH: N_(
        "Warning: the downloaded file does not match the document's checksum: it is not "
        "the file the clinic described."
    ),
    FILE_SIZE_MISMATCH: N_(
        "Warning: the downloaded file has a different size than the document says."
    ),
}
_HASHES: dict[str, type[hashes.SHA1 | hashes.SHA256 | hashes.SHA384 | hashes.SHA512]] = {
    "sha1": hashes.SHA1,
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


@dataclass(frozen=True)
class SignatureCheck:
    state: str
    signer: str = ""  # the organisation (and common name) of the signing certificate
    signed_at: datetime | None = None
    detail: str = ""  # technical, for the log

    @property
    def intact(self) -> bool:
        return self.state == INTACT


def check_file(data: bytes, expected_hash: str, expected_size: int | None) -> str:
    """FILE_OK, or what does not match (the hash first: it says the most)."""
    if expected_hash:
        try:
            wanted = base64.b64decode(expected_hash, validate=True)
        except ValueError:
            return FILE_HASH_MISMATCH
        if hashlib.sha1(data).digest() != wanted:
            return FILE_HASH_MISMATCH
    if expected_size is not None and expected_size != len(data):
        return FILE_SIZE_MISMATCH
    return FILE_OK if expected_hash or expected_size is not None else FILE_UNDESCRIBED


def _name_of(certificate: x509.Certificate) -> str:
    def first(oid: x509.ObjectIdentifier) -> str:
        values = certificate.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    org, common = first(NameOID.ORGANIZATION_NAME), first(NameOID.COMMON_NAME)
    if org and common and common != org:
        return f"{org} ({common})"
    return org or common or certificate.subject.rfc4514_string()


def _verify(certificate: x509.Certificate, signature: bytes, data: bytes, digest: str) -> None:
    key = certificate.public_key()
    algorithm = _HASHES[digest]()
    if isinstance(key, ec.EllipticCurvePublicKey):
        key.verify(signature, data, ec.ECDSA(algorithm))
    elif isinstance(key, rsa.RSAPublicKey):
        key.verify(signature, data, padding.PKCS1v15(), algorithm)
    else:
        raise UnsupportedAlgorithm(f"signer key {type(key).__name__}")


def _chain_to(
    signer: x509.Certificate, carried: list[x509.Certificate], anchors: list[x509.Certificate]
) -> bool:
    """Whether `signer` is issued by an anchor, directly or through carried certificates."""
    current, seen = signer, 0
    while seen <= len(carried):
        for anchor in anchors:
            try:
                current.verify_directly_issued_by(anchor)
                return True
            except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
                continue
        parents = [c for c in carried if c.subject == current.issuer and c != current]
        parent = None
        for candidate in parents:
            try:
                current.verify_directly_issued_by(candidate)
                parent = candidate
                break
            except (ValueError, TypeError, InvalidSignature, UnsupportedAlgorithm):
                continue
        if parent is None:
            return False
        current, seen = parent, seen + 1
    return False


def check_signature(content: bytes, cms_der: bytes, trusted_ders: list[bytes]) -> SignatureCheck:
    """Check a detached CMS signature over `content` against the trusted CA certificates."""
    try:
        info = cms.ContentInfo.load(cms_der)
        signed = info["content"]
        signer_info = signed["signer_infos"][0]
        carried = [
            x509.load_der_x509_certificate(c.chosen.dump())
            for c in signed["certificates"] or []
            if c.name == "certificate"
        ]
        sid = signer_info["sid"].chosen
        serial, issuer = sid["serial_number"].native, sid["issuer"].dump()
        signer = next(
            c for c in carried if c.serial_number == serial and c.issuer.public_bytes() == issuer
        )
        digest = signer_info["digest_algorithm"]["algorithm"].native
        attributes = signer_info["signed_attrs"]
        values = {a["type"].native: a["values"][0] for a in attributes}
        claimed = values["message_digest"].native
        signed_at = values.get("signing_time")
        when = signed_at.native if signed_at is not None else None
        to_check = b"\x31" + attributes.dump()[1:]  # signed as a SET OF, not [0] IMPLICIT
        signature = signer_info["signature"].native
        anchors = [x509.load_der_x509_certificate(der) for der in trusted_ders]
    except (ValueError, TypeError, KeyError, IndexError, StopIteration, AttributeError) as exc:
        return SignatureCheck(BROKEN, detail=f"unreadable signature: {type(exc).__name__}")
    name = _name_of(signer)
    if digest not in _HASHES:
        return SignatureCheck(BROKEN, name, when, f"digest {digest} not supported")
    hasher = hashlib.new(digest)
    hasher.update(content)
    if hasher.digest() != claimed:
        return SignatureCheck(CHANGED, name, when, "messageDigest differs from the content")
    try:
        _verify(signer, signature, to_check, digest)
    except (InvalidSignature, UnsupportedAlgorithm, ValueError) as exc:
        return SignatureCheck(BROKEN, name, when, f"signature value: {type(exc).__name__}")
    if not anchors:
        return SignatureCheck(UNCHECKED, name, when, "no trusted certificate at hand")
    if not _chain_to(signer, carried, anchors):
        return SignatureCheck(UNTRUSTED, name, when, "the signer does not chain to the CA")
    moment = when or datetime.now(UTC)
    if not signer.not_valid_before_utc <= moment <= signer.not_valid_after_utc:
        return SignatureCheck(UNTRUSTED, name, when, "the certificate was not valid then")
    return SignatureCheck(INTACT, name, when)
