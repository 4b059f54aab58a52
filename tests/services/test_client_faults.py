"""Retries, dropped connections and malformed answers, injected at the demo portal."""

from __future__ import annotations

import time

import pytest

from desktop.services.accounts import AccountManager
from desktop.services.errors import MalformedAnswer, PortalUnreachable, ServerError
from desktop.services.portal import FhirClient, RetryPolicy, retry_after_seconds
from desktop.services.portal.outcome import outcome_texts
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from tests.services.conftest import FAMILY, browser_for

FAST = RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2, max_retry_after=2)


@pytest.fixture(scope="module")
def faulty_portal(tmp_path_factory):
    """One portal for this module (faults are cleared after every test)."""
    from demo_portal.embedded import DemoPortal

    with DemoPortal(db_path=tmp_path_factory.mktemp("faults") / "portal.db") as p:
        yield p


@pytest.fixture(scope="module")
def client(faulty_portal, tmp_path_factory):
    manager = AccountManager(Profile(tmp_path_factory.mktemp("profile")), MemorySecretStore())
    account = manager.sign_in(faulty_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    with FhirClient(account.portal_url, manager.token_manager(account.id), retry=FAST) as c:
        yield c


@pytest.fixture(autouse=True)
def _no_leftover_faults(faulty_portal):
    faulty_portal.faults.clear()
    yield
    faulty_portal.faults.clear()


def test_503_with_retry_after_is_retried(faulty_portal, client):
    faulty_portal.faults.add(status=503, count=1, path_contains="/Patient", retry_after=1)
    faulty_portal.faults.add(status=503, count=1, path_contains="/Patient")
    assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"
    assert faulty_portal.faults.pending() == 0


def test_429_is_retried(faulty_portal, client):
    faulty_portal.faults.add(status=429, count=1, path_contains="/Observation", retry_after=0)
    pages = list(client.search("Observation", {"patient": "ivanov-sergey", "_count": "3"}))
    assert pages
    assert faulty_portal.faults.pending() == 0


def test_dropped_connection_is_retried(faulty_portal, client):
    faulty_portal.faults.add(drop=True, count=1, path_contains="/Patient")
    assert client.read("Patient", "ivanov-sergey")["id"] == "ivanov-sergey"


def test_persistent_outage_ends_with_a_typed_error(faulty_portal, client):
    faulty_portal.faults.add(status=503, count=10, path_contains="/Patient")
    with pytest.raises(ServerError) as caught:
        client.read("Patient", "ivanov-sergey")
    assert caught.value.status == 503
    assert faulty_portal.faults.pending() == 10 - FAST.attempts  # bounded attempts
    faulty_portal.faults.clear()


def test_persistent_drops_mean_unreachable(faulty_portal, client):
    faulty_portal.faults.add(drop=True, count=10, path_contains="/Patient")
    with pytest.raises(PortalUnreachable):
        client.read("Patient", "ivanov-sergey")
    faulty_portal.faults.clear()


@pytest.mark.parametrize("body", [b"<html>oops</html>", b'{"resourceType": "Bund', b"[1, 2]"])
def test_malformed_answers(faulty_portal, client, body):
    faulty_portal.faults.add(body=body, status=200, count=1, path_contains="/Patient")
    with pytest.raises(MalformedAnswer):
        client.read("Patient", "ivanov-sergey")


def test_wrong_resource_type_is_malformed(faulty_portal, client):
    faulty_portal.faults.add(
        body=b'{"resourceType": "Observation", "id": "x"}',
        status=200,
        count=1,
        path_contains="/Patient",
    )
    with pytest.raises(MalformedAnswer):
        client.read("Patient", "ivanov-sergey")


def _diary_entry(marker: str) -> dict:
    return {
        "resourceType": "Observation",
        "status": "final",
        "identifier": [{"system": "urn:medcard:test", "value": marker}],
        "meta": {
            "tag": [{"system": "http://demo.medcard/fhir/CodeSystem/tags", "code": "self-measured"}]
        },
        "code": {
            "coding": [{"system": "http://loinc.org", "code": "8867-4", "display": "Heart rate"}]
        },
        "subject": {"reference": "Patient/ivanov-sergey"},
        "performer": [{"reference": "Patient/ivanov-sergey"}],
        "effectiveDateTime": "2026-11-20T08:00:00Z",
        "valueQuantity": {
            "value": 64,
            "unit": "/min",
            "system": "http://unitsofmeasure.org",
            "code": "/min",
        },
    }


def test_plain_post_is_not_retried(faulty_portal, client):
    faulty_portal.faults.add(status=503, count=1, path_contains="/Observation")
    with pytest.raises(ServerError):
        client.create(_diary_entry("plain-post"))
    assert faulty_portal.faults.pending() == 0


def test_conditional_create_is_retried_and_creates_once(faulty_portal, client):
    entry = _diary_entry("guarded-post")
    faulty_portal.faults.add(status=503, count=1, path_contains="/Observation")
    created = client.create(entry, if_none_exist={"identifier": "urn:medcard:test|guarded-post"})
    again = client.create(entry, if_none_exist={"identifier": "urn:medcard:test|guarded-post"})
    assert created["id"] == again["id"]
    updated = client.update(
        {**created, "valueQuantity": {**entry["valueQuantity"], "value": 66}},
        if_match=created["meta"]["versionId"],
    )
    assert updated["valueQuantity"]["value"] == 66
    client.delete("Observation", created["id"])


def test_retry_after_accepts_seconds_and_http_dates():
    assert retry_after_seconds("7") == 7
    future = time.time() + 30
    http_date = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(future))
    assert 25 <= (retry_after_seconds(http_date) or 0) <= 31
    assert retry_after_seconds("soon") is None


def test_outcome_texts_by_language():
    outcome = {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "error",
                "code": "forbidden",
                "diagnostics": "No",
                "details": {"text": "Нет"},
            }
        ],
    }
    assert outcome_texts(outcome) == {"en": "No", "ru": "Нет"}
    assert outcome_texts({"resourceType": "Patient"}) == {}
