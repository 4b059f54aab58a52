"""Qt-free parts of issue 12: Synthea's ExplanationOfBenefits and Claims (US dollars) as
services, a Claim shown only where no EOB explains it, and the checks of an original:
its hash and size, and its detached CMS signature (intact, changed, broken, untrusted)."""

from __future__ import annotations

import base64
import hashlib
from decimal import Decimal
from pathlib import Path

import orjson
import pytest
from shared_fixtures import SYNTHEA_DIR, require_synthea

from demo_portal.documents.signing import ca_certificate_der, clinic_signer, sign_detached
from desktop.services.cache import Cache
from desktop.services.costs.reports import ServicesData, read_services
from desktop.services.costs.totals import totals
from desktop.services.documents import signature as sig


def bundle_resources(path: Path) -> list[dict]:
    """The bundle's resources with its urn:uuid references made relative (as a portal
    serves them)."""
    bundle = orjson.loads(path.read_bytes())
    text = orjson.dumps([e["resource"] for e in bundle["entry"]]).decode()
    ids = {
        e["fullUrl"]: f"{e['resource']['resourceType']}/{e['resource']['id']}"
        for e in bundle["entry"]
    }
    for full, ref in ids.items():
        text = text.replace(f'"{full}"', f'"{ref}"')
    return orjson.loads(text)


@require_synthea()
def test_synthea_services_are_in_dollars_and_claims_are_not_counted_twice(tmp_path: Path) -> None:
    path = sorted(SYNTHEA_DIR.glob("*.json"))[0]
    resources = bundle_resources(path)
    patient = next(r["id"] for r in resources if r["resourceType"] == "Patient")
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest(resources)
        data: ServicesData = read_services(cache, patient)
    eobs = [r for r in resources if r["resourceType"] == "ExplanationOfBenefit"]
    claims = [r for r in resources if r["resourceType"] == "Claim"]
    explained = {e["claim"]["reference"].split("/")[1] for e in eobs}
    shown_claims = [v for v in data.visits if v.resource_type == "Claim"]
    assert {v.resource_id for v in shown_claims} == {c["id"] for c in claims} - explained
    assert len(data.visits) == len(eobs) + len(shown_claims)
    sums = totals(data.visits)
    assert set(sums.overall) == {"USD"}  # never mixed with roubles, labelled as dollars
    expected = sum(Decimal(str(e["total"][0]["amount"]["value"])) for e in eobs) + sum(
        Decimal(str(c["total"]["value"])) for c in claims if c["id"] not in explained
    )
    assert sums.overall["USD"] == expected
    eob_visit = next(v for v in data.visits if v.resource_type == "ExplanationOfBenefit")
    assert eob_visit.insurer and eob_visit.payer == "insurance"


@pytest.fixture(scope="module")
def signed() -> dict:
    signer = clinic_signer(42, "org-gp12", "ГБУЗ «Городская поликлиника № 12 ДЗМ»", "ГП № 12", "1")
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 200
    return {
        "pdf": pdf,
        "cms": sign_detached(pdf, signer, 42),
        "ca": ca_certificate_der(42),
        "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode(),
    }


def test_an_intact_signature_names_the_clinic(signed: dict) -> None:
    check = sig.check_signature(signed["pdf"], signed["cms"], [signed["ca"]])
    assert check.state == sig.INTACT
    assert check.signer.startswith("ГБУЗ «Городская поликлиника № 12")
    assert check.signed_at is not None


def test_a_changed_pdf_is_flagged(signed: dict) -> None:
    tampered = signed["pdf"].replace(b"%PDF-1.7", b"%PDF-1.6")
    assert sig.check_signature(tampered, signed["cms"], [signed["ca"]]).state == sig.CHANGED
    assert sig.check_file(tampered, signed["hash"], len(tampered)) == sig.FILE_HASH_MISMATCH


def test_a_wrong_hash_or_size_is_flagged(signed: dict) -> None:
    pdf = signed["pdf"]
    assert sig.check_file(pdf, signed["hash"], len(pdf)) == sig.FILE_OK
    other = base64.b64encode(hashlib.sha1(b"other").digest()).decode()
    assert sig.check_file(pdf, other, len(pdf)) == sig.FILE_HASH_MISMATCH
    assert sig.check_file(pdf, "not base64!", len(pdf)) == sig.FILE_HASH_MISMATCH
    assert sig.check_file(pdf, signed["hash"], len(pdf) + 1) == sig.FILE_SIZE_MISMATCH
    assert sig.check_file(pdf, "", None) == sig.FILE_UNDESCRIBED


def test_a_broken_or_foreign_signature_is_flagged(signed: dict) -> None:
    broken = bytearray(signed["cms"])
    broken[-10] ^= 0xFF  # inside the signature value
    assert sig.check_signature(signed["pdf"], bytes(broken), [signed["ca"]]).state == sig.BROKEN
    assert sig.check_signature(signed["pdf"], b"\x30\x03\x02\x01\x00", [signed["ca"]]).state == (
        sig.BROKEN
    )
    other_ca = ca_certificate_der(7)  # another authority: the signature is not from it
    assert sig.check_signature(signed["pdf"], signed["cms"], [other_ca]).state == sig.UNTRUSTED
    # The CA certificate the signature carries is not trusted on its own word.
    assert sig.check_signature(signed["pdf"], signed["cms"], []).state == sig.UNCHECKED
