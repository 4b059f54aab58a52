"""Who may see what: tokens, linked patients, refused accounts, malformed requests."""

from __future__ import annotations

import requests
from oauth_helpers import FhirSession, sign_in

SERGEY = "ivanov-sergey"


def other_patient(portal) -> str:
    return portal.store.user("other@demo.medcard").patient_id


def test_no_token_is_401_with_bearer_challenge(portal):
    answer = requests.get(f"{portal.base_url}/Observation", params={"patient": SERGEY}, timeout=10)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")
    assert answer.json()["resourceType"] == "OperationOutcome"


def test_unknown_token_is_401(portal):
    answer = FhirSession(portal, "not-a-token").get(f"Patient/{SERGEY}")
    assert answer.status_code == 401
    assert 'error="invalid_token"' in answer.headers["WWW-Authenticate"]


def test_another_familys_patient_is_403(portal, family):
    stranger = other_patient(portal)
    for path, params in (
        (f"Patient/{stranger}", None),
        ("Observation", {"patient": stranger}),
        ("Patient", {"_id": stranger}),
        (f"Patient/{stranger}/$everything", None),
    ):
        answer = family.get(path, params=params)
        assert answer.status_code == 403, path
        issue = answer.json()["issue"][0]
        assert issue["code"] == "forbidden"
        assert issue["details"]["text"]  # Russian text for the user


def test_search_without_patient_never_leaks_other_patients(portal, family, family_token):
    bundle = family.get("Observation", params={"_count": 1000}).json()
    subjects = {e["resource"]["subject"]["reference"] for e in bundle.get("entry", [])}
    assert subjects <= {f"Patient/{p}" for p in family_token["medcard_patients"]}


def test_other_family_sees_its_own_but_not_ours(portal, other):
    assert other.get(f"Patient/{other_patient(portal)}").status_code == 200
    assert other.get(f"Patient/{SERGEY}").status_code == 403


def test_access_follows_links_changed_at_runtime(fresh_portal):
    token = sign_in(fresh_portal, "other@demo.medcard")["access_token"]
    fhir = FhirSession(fresh_portal, token)
    assert fhir.get(f"Patient/{SERGEY}").status_code == 403
    fresh_portal.store.grant_access("other@demo.medcard", SERGEY, "spouse")
    assert fhir.get(f"Patient/{SERGEY}").status_code == 200
    fresh_portal.store.revoke_access("other@demo.medcard", SERGEY)
    assert fhir.get(f"Patient/{SERGEY}").status_code == 403
    fresh_portal.store.grant_access("other@demo.medcard", SERGEY, "spouse", status="requested")
    assert fhir.get(f"Patient/{SERGEY}").status_code == 403


REFUSAL = "https://demo.medcard/fhir/CodeSystem/refusal-reason"


def test_unverified_identity_is_refused_in_both_languages(portal):
    user = portal.store.user("unverified@demo.medcard")
    fhir = FhirSession(portal, sign_in(portal, "unverified@demo.medcard")["access_token"])
    answer = fhir.get(f"Patient/{user.patient_id}")
    assert answer.status_code == 403
    issue = answer.json()["issue"][0]
    assert "SNILS" in issue["diagnostics"] and "not verified" in issue["diagnostics"]
    assert "СНИЛС" in issue["details"]["text"]
    # The rule, for an app that explains what to do next (confirm the identity).
    assert issue["details"]["coding"] == [{"system": REFUSAL, "code": "identity-not-verified"}]
    assert issue["code"] == "forbidden"


def test_region_without_service_is_refused_in_both_languages(portal):
    user = portal.store.user("region@demo.medcard")
    fhir = FhirSession(portal, sign_in(portal, "region@demo.medcard")["access_token"])
    answer = fhir.get("Observation", params={"patient": user.patient_id})
    assert answer.status_code == 403
    issue = answer.json()["issue"][0]
    assert "not available in your region" in issue["diagnostics"]
    assert "регион" in issue["details"]["text"]
    assert issue["details"]["coding"] == [{"system": REFUSAL, "code": "region-not-served"}]


def test_malformed_requests_get_operation_outcomes(family):
    cases = [
        (family.get("NoSuchType"), 404),
        (family.get("Observation", params={"bogus": "1"}), 400),
        (family.get("Observation", params={"date": "ge-not-a-date"}), 400),
        (family.get("Observation", params={"_sort": "status"}), 400),
        (family.get("Observation", params={"_count": "-3"}), 400),
        (family.get("Observation", params={"_page": "%%%garbage"}), 400),
        (family.get(f"Observation/{'x' * 10}"), 404),
        (
            family.post(
                "Observation", data=b"{not json", headers={"Content-Type": "application/fhir+json"}
            ),
            400,
        ),
        (family.post("Observation", json=[1, 2]), 400),
        (family.post("Observation", json={"resourceType": "Condition"}), 400),
        (family.delete("Observation"), 405),
    ]
    for answer, status in cases:
        assert answer.status_code == status, (answer.request.url, answer.text)
        outcome = answer.json()
        assert outcome["resourceType"] == "OperationOutcome"
        assert outcome["issue"][0]["diagnostics"]
        assert outcome["issue"][0]["details"]["text"]
