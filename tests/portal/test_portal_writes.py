"""What patients write: diary Observations with conditional create, versioned updates,
deletes of their own entries, and refusals for everything else. Each test module gets a
portal of its own so the shared session portal stays untouched."""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import pytest
from oauth_helpers import FhirSession, sign_in

from demo_portal.embedded import DemoPortal

SERGEY = "ivanov-sergey"
DIARY_ID_SYSTEM = "urn:test:diary"


@pytest.fixture(scope="module")
def writable() -> Iterator[DemoPortal]:
    with DemoPortal(access_token_ttl=3600) as portal:
        yield portal


@pytest.fixture(scope="module")
def fhir(writable) -> FhirSession:
    return FhirSession(writable, sign_in(writable, "family@demo.medcard")["access_token"])


def diary_entry(
    value: float, key: str, patient: str = SERGEY, performer: str | None = None
) -> dict:
    return {
        "resourceType": "Observation",
        "meta": {
            "tag": [{"system": "http://demo.medcard/fhir/CodeSystem/tags", "code": "self-measured"}]
        },
        "status": "final",
        "identifier": [{"system": DIARY_ID_SYSTEM, "value": key}],
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "vital-signs",
                    }
                ]
            }
        ],
        "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
        "subject": {"reference": f"Patient/{patient}"},
        "performer": [{"reference": performer or f"Patient/{patient}"}],
        "effectiveDateTime": "2026-11-20T08:00:00+03:00",
        "valueQuantity": {
            "value": value,
            "unit": "/min",
            "system": "http://unitsofmeasure.org",
            "code": "/min",
        },
    }


def newest_stamp(fhir: FhirSession) -> str:
    bundle = fhir.get(
        "Observation", params={"patient": SERGEY, "_sort": "-_lastUpdated", "_count": 1}
    ).json()
    return bundle["entry"][0]["resource"]["meta"]["lastUpdated"]


def test_create_assigns_id_version_and_a_newer_last_updated(fhir):
    before = newest_stamp(fhir)
    answer = fhir.post("Observation", json=dict(diary_entry(64, "a"), id="client-chosen"))
    assert answer.status_code == 201, answer.text
    created = answer.json()
    assert created["id"] != "client-chosen"
    assert created["meta"]["versionId"] == "1"
    assert created["meta"]["lastUpdated"] > before
    assert answer.headers["ETag"] == 'W/"1"'
    assert f"/Observation/{created['id']}" in answer.headers["Location"]
    assert fhir.get(f"Observation/{created['id']}").json() == created
    assert fhir.get(answer.headers["Location"]).json() == created


def test_conditional_create_does_not_duplicate(fhir):
    condition = {"If-None-Exist": f"identifier={DIARY_ID_SYSTEM}|twice"}
    first = fhir.post("Observation", json=diary_entry(70, "twice"), headers=condition)
    second = fhir.post("Observation", json=diary_entry(70, "twice"), headers=condition)
    assert first.status_code == 201
    assert second.status_code == 200
    assert second.json()["id"] == first.json()["id"]
    found = fhir.get("Observation", params={"identifier": f"{DIARY_ID_SYSTEM}|twice"}).json()
    assert found["total"] == 1


def test_update_with_if_match_and_stale_version(fhir):
    created = fhir.post("Observation", json=diary_entry(80, "upd")).json()
    changed = dict(created, valueQuantity=dict(created["valueQuantity"], value=81))
    path = f"Observation/{created['id']}"
    ok = fhir.put(path, json=changed, headers={"If-Match": 'W/"1"'})
    assert ok.status_code == 200, ok.text
    assert ok.json()["meta"]["versionId"] == "2"
    assert ok.json()["meta"]["lastUpdated"] > created["meta"]["lastUpdated"]
    stale = fhir.put(path, json=changed, headers={"If-Match": 'W/"1"'})
    assert stale.status_code == 412
    assert stale.json()["issue"][0]["details"]["text"]
    assert fhir.get(path).json()["valueQuantity"]["value"] == 81
    mismatch = fhir.put(path, json=dict(changed, id="other-id"))
    assert mismatch.status_code == 400


def test_patients_may_not_write_clinical_records(fhir):
    condition = {"resourceType": "Condition", "subject": {"reference": f"Patient/{SERGEY}"}}
    assert fhir.post("Condition", json=condition).status_code == 403
    by_doctor = diary_entry(60, "doc", performer="Practitioner/someone")
    assert fhir.post("Observation", json=by_doctor).status_code == 403
    missing_code = diary_entry(60, "nocode")
    del missing_code["code"]
    assert fhir.post("Observation", json=missing_code).status_code == 422


def test_writing_for_another_family_is_403(writable, fhir):
    stranger = writable.store.user("other@demo.medcard").patient_id
    answer = fhir.post("Observation", json=diary_entry(60, "x", patient=stranger))
    assert answer.status_code == 403


def test_delete_only_own_diary_entries(fhir):
    created = fhir.post("Observation", json=diary_entry(90, "del")).json()
    assert fhir.delete(f"Observation/{created['id']}").status_code == 204
    assert fhir.get(f"Observation/{created['id']}").status_code == 404
    lab = fhir.get(
        "Observation", params={"patient": SERGEY, "category": "laboratory", "_count": 1}
    ).json()["entry"][0]["resource"]
    assert fhir.delete(f"Observation/{lab['id']}").status_code == 403
    assert fhir.delete("Observation/no-such-id").status_code == 404


def test_paging_is_stable_while_others_write(fhir):
    first = fhir.get("Observation", params={"patient": SERGEY, "_count": 100}).json()
    total = first["total"]
    seen = [e["resource"]["id"] for e in first["entry"]]
    # A write lands between pages: the walk still sees every original resource once.
    added = fhir.post("Observation", json=diary_entry(66, "during-walk")).json()
    following = next(link["url"] for link in first["link"] if link["relation"] == "next")
    while following:
        bundle = fhir.get(following).json()
        seen += [e["resource"]["id"] for e in bundle.get("entry", [])]
        following = next(
            (link["url"] for link in bundle["link"] if link["relation"] == "next"), None
        )
    assert len(seen) == len(set(seen))
    assert len(seen) == total + 1
    assert seen[-1] == added["id"]


def test_json_patch_goes_through_versioning_and_checks(fhir):
    created = fhir.post("Observation", json=diary_entry(72, "patch")).json()
    path = f"Observation/{created['id']}"
    json_patch = {"Content-Type": "application/json-patch+json"}
    ops = [
        {"op": "test", "path": "/valueQuantity/value", "value": 72},
        {"op": "replace", "path": "/valueQuantity/value", "value": 74},
        {"op": "add", "path": "/note", "value": [{"text": "после прогулки"}]},
    ]
    answer = fhir.http.patch(
        f"{fhir.base}/{path}",
        data=orjson.dumps(ops),
        timeout=10,
        headers={**json_patch, "If-Match": 'W/"1"'},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["valueQuantity"]["value"] == 74
    assert answer.json()["meta"]["versionId"] == "2"
    stale = fhir.http.patch(
        f"{fhir.base}/{path}",
        data=orjson.dumps(ops[1:]),
        timeout=10,
        headers={**json_patch, "If-Match": 'W/"1"'},
    )
    assert stale.status_code == 412
    failed_test = fhir.http.patch(
        f"{fhir.base}/{path}", data=orjson.dumps(ops[:1]), timeout=10, headers=json_patch
    )
    assert failed_test.status_code == 422
    removes_code = [{"op": "remove", "path": "/code"}]
    invalid = fhir.http.patch(
        f"{fhir.base}/{path}", data=orjson.dumps(removes_code), timeout=10, headers=json_patch
    )
    assert invalid.status_code == 422
    assert fhir.get(path).json()["valueQuantity"]["value"] == 74
