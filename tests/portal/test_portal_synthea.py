"""The real Synthea transaction Bundles load, keep their ids, resolve urn:uuid references
and are searchable; each loaded patient can sign in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import orjson
import pytest
from oauth_helpers import FhirSession, sign_in
from shared_fixtures import SYNTHEA_DIR as SYNTHEA
from shared_fixtures import require_synthea

from demo_portal.embedded import DemoPortal

pytestmark = require_synthea()


@pytest.fixture(scope="module")
def synthea() -> Iterator[DemoPortal]:
    with DemoPortal(load_dir=SYNTHEA) as portal:
        yield portal


def bundles() -> list[dict]:
    return [orjson.loads(p.read_bytes()) for p in sorted(SYNTHEA.glob("*.json"))]


def test_every_patient_gets_a_login(synthea):
    patients = [
        e["resource"]["id"]
        for b in bundles()
        for e in b["entry"]
        if e["resource"]["resourceType"] == "Patient"
    ]
    assert sorted(pid for _, pid in synthea.loaded_accounts) == sorted(patients)
    assert all(
        email.endswith("@synthea.demo") and email.isascii() for email, _ in synthea.loaded_accounts
    )


def test_loaded_patient_searches_match_the_bundle(synthea):
    bundle = bundles()[0]
    patient_id = next(
        e["resource"]["id"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    )
    email = next(e for e, pid in synthea.loaded_accounts if pid == patient_id)
    fhir = FhirSession(synthea, sign_in(synthea, email)["access_token"])
    expected = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    for rtype in ("Observation", "Encounter", "Condition", "Immunization"):
        answer = fhir.get(rtype, params={"patient": patient_id, "_count": 1})
        assert answer.status_code == 200
        assert answer.json()["total"] == expected[rtype], rtype
    observation = fhir.get("Observation", params={"patient": patient_id, "_count": 1}).json()
    resource = observation["entry"][0]["resource"]
    assert resource["subject"]["reference"] == f"Patient/{patient_id}"
    encounter_ref = resource["encounter"]["reference"]
    assert encounter_ref.startswith("Encounter/")
    assert fhir.get(encounter_ref).status_code == 200  # urn:uuid resolved to a real id
    code = resource["code"]["coding"][0]
    by_code = fhir.get(
        "Observation", params={"patient": patient_id, "code": f"{code['system']}|{code['code']}"}
    ).json()
    assert by_code["total"] >= 1


def test_no_urn_uuid_reference_is_served(synthea):
    email, patient_id = synthea.loaded_accounts[0]
    fhir = FhirSession(synthea, sign_in(synthea, email)["access_token"])
    answer = fhir.get(f"Patient/{patient_id}/$everything", params={"_count": 1000})
    assert answer.status_code == 200
    assert b"urn:uuid:" not in answer.content


def test_synthea_patients_stay_separate(synthea):
    (email, own), (_, stranger) = synthea.loaded_accounts[:2]
    fhir = FhirSession(synthea, sign_in(synthea, email)["access_token"])
    assert fhir.get(f"Patient/{own}").status_code == 200
    assert fhir.get(f"Patient/{stranger}").status_code == 403
