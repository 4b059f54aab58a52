"""The demo's electronic signatures: a demo certification authority, one signing
certificate per clinic, and detached CMS (PKCS#7) signatures of issued PDFs.

Keys are derived from the demo seed (EC P-256: a private key is just a number), so the
same portal database signs with the same keys after a restart and a document signed
yesterday still verifies against today's CA certificate (its public key is the same).
Certificates carry fixed dates and serials. The CA certificate is published as
`Binary/demo-ca-certificate` (DER); each signature carries its signer's certificate.

`verify_detached` checks a signature the way a client must: the content's digest, the
signature over the signed attributes, and the signer certificate issued by the CA.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import NameOID, ObjectIdentifier

OGRN_OID = ObjectIdentifier("1.2.643.100.1")  # ОГРН in Russian qualified certificates
_NOT_BEFORE = datetime(2020, 1, 1, tzinfo=UTC)
_NOT_AFTER = datetime(2045, 1, 1, tzinfo=UTC)
_ORDER = int("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16)  # P-256 n


@dataclass(frozen=True)
class Signer:
    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey


def _fit(text: str) -> str:
    """X.500 names hold at most 64 bytes (UTF-8): Cyrillic names are cut to fit."""
    while len(text.encode()) > 64:
        text = text[:-1]
    return text


def _key(seed: int, label: str) -> ec.EllipticCurvePrivateKey:
    digest = hashlib.sha256(f"medcard-demo/{seed}/{label}".encode()).digest()
    return ec.derive_private_key(int.from_bytes(digest, "big") % (_ORDER - 1) + 1, ec.SECP256R1())


def _serial(label: str) -> int:
    return int.from_bytes(hashlib.sha256(label.encode()).digest()[:8], "big") >> 1


@cache
def ca(seed: int) -> Signer:
    key = _key(seed, "ca")
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "RU"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Медкарта (демонстрационный портал)"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Демо-УЦ Медкарты"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(_serial("ca"))
        .not_valid_before(_NOT_BEFORE)
        .not_valid_after(_NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return Signer(cert, key)


@cache
def clinic_signer(seed: int, org_id: str, org_name: str, short_name: str, ogrn: str) -> Signer:
    """The clinic's signing certificate (an organisation's seal, as ЭЦП of the clinic)."""
    authority = ca(seed)
    key = _key(seed, f"org/{org_id}")
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "RU"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, _fit(org_name)),
        x509.NameAttribute(NameOID.COMMON_NAME, _fit(short_name or org_name)),
    ]
    if ogrn:
        attributes.append(x509.NameAttribute(OGRN_OID, ogrn))
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name(attributes))
        .issuer_name(authority.certificate.subject)
        .public_key(key.public_key())
        .serial_number(_serial(f"org/{org_id}"))
        .not_valid_before(_NOT_BEFORE)
        .not_valid_after(_NOT_AFTER)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(authority.key, hashes.SHA256())
    )
    return Signer(cert, key)


def sign_detached(data: bytes, signer: Signer, seed: int) -> bytes:
    """CMS SignedData (DER) over `data`, not embedding it; with the signer's and the CA's
    certificates and the signing time."""
    return (
        pkcs7.PKCS7SignatureBuilder()
        .set_data(data)
        .add_signer(signer.certificate, signer.key, hashes.SHA256())
        .add_certificate(ca(seed).certificate)
        .sign(
            serialization.Encoding.DER,
            [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
        )
    )


def ca_certificate_der(seed: int) -> bytes:
    return ca(seed).certificate.public_bytes(serialization.Encoding.DER)


# -- checking a signature (a minimal DER reader: only what CMS SignedData needs) ---------


def _tlv(data: bytes, at: int) -> tuple[int, int, int, int]:
    """(tag, start of content, end of content, end of element) of the DER element at `at`."""
    tag, length, pos = data[at], data[at + 1], at + 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    return tag, pos, pos + length, pos + length


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    out, at = [], start
    while at < end:
        tag, content, content_end, after = _tlv(data, at)
        out.append((tag, at, content, content_end))
        at = after
    return out


class SignatureProblem(ValueError):
    """The signature does not hold: why, in plain words."""


def verify_detached(content: bytes, signature: bytes, ca_der: bytes) -> x509.Certificate:
    """Check a detached CMS signature over `content`; returns the signer's certificate.
    Raises SignatureProblem when the content was changed, the signature is broken or the
    signer's certificate was not issued by the CA."""
    certificates = pkcs7.load_der_pkcs7_certificates(signature)
    authority = x509.load_der_x509_certificate(ca_der)
    signers = [c for c in certificates if c.subject != authority.subject]
    if not signers:
        raise SignatureProblem("no signer certificate in the signature")
    signer = signers[0]
    try:
        signer.verify_directly_issued_by(authority)
    except (ValueError, TypeError, InvalidSignature) as exc:
        raise SignatureProblem("the signer's certificate is not from the demo CA") from exc
    # ContentInfo -> [0] -> SignedData -> signerInfos (the last SET) -> SignerInfo
    _, top, top_end, _ = _tlv(signature, 0)
    explicit = _children(signature, top, top_end)[1]
    signed_data = _children(signature, explicit[2], explicit[3])[0]
    parts = _children(signature, signed_data[2], signed_data[3])
    signer_infos = parts[-1]
    info = _children(signature, signer_infos[2], signer_infos[3])[0]
    fields = _children(signature, info[2], info[3])
    attrs = next(f for f in fields if f[0] == 0xA0)
    signature_value = fields[-1]
    digest = hashlib.sha256(content).digest()
    raw_attrs = signature[attrs[1] : attrs[3]]
    if digest not in raw_attrs:  # the messageDigest attribute holds the content's SHA-256
        raise SignatureProblem("the document was changed after it was signed")
    to_check = b"\x31" + raw_attrs[1:]  # signed attributes are signed as a SET
    try:
        public = signer.public_key()
        assert isinstance(public, ec.EllipticCurvePublicKey)
        public.verify(
            signature[signature_value[2] : signature_value[3]], to_check, ec.ECDSA(hashes.SHA256())
        )
    except InvalidSignature as exc:
        raise SignatureProblem("the signature itself is broken") from exc
    return signer
