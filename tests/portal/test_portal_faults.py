"""Fault injection looks like a real outage to a plain HTTP client."""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import pytest
import requests
from oauth_helpers import FhirSession, root_of, sign_in

from demo_portal.embedded import DemoPortal

SERGEY = "ivanov-sergey"


@pytest.fixture(scope="module")
def faulty() -> Iterator[DemoPortal]:
    """One portal for this module; every test leaves it without pending faults."""
    with DemoPortal() as portal:
        yield portal


@pytest.fixture(autouse=True)
def no_leftover_faults(faulty) -> Iterator[None]:
    faulty.faults.clear()
    yield
    faulty.faults.clear()


@pytest.fixture(scope="module")
def fhir(faulty) -> FhirSession:
    return FhirSession(faulty, sign_in(faulty, "family@demo.medcard")["access_token"])


def test_503_with_retry_after_for_the_given_count(faulty, fhir):
    faulty.faults.add(status=503, count=2, path_contains="/Observation", retry_after=3)
    for _ in range(2):
        answer = fhir.get("Observation", params={"patient": SERGEY})
        assert answer.status_code == 503
        assert answer.headers["Retry-After"] == "3"
        assert answer.json()["resourceType"] == "OperationOutcome"
    assert fhir.get("Observation", params={"patient": SERGEY}).status_code == 200


def test_path_filter_leaves_other_requests_alone(faulty, fhir):
    faulty.faults.add(status=429, count=1, path_contains="/Encounter", retry_after=1)
    assert fhir.get(f"Patient/{SERGEY}").status_code == 200
    assert fhir.get("Encounter", params={"patient": SERGEY}).status_code == 429
    assert fhir.get("Encounter", params={"patient": SERGEY}).status_code == 200


def test_dropped_connection_has_no_answer(faulty, fhir):
    faulty.faults.add(drop=True, count=1)
    with pytest.raises(requests.ConnectionError):
        fhir.get(f"Patient/{SERGEY}")
    assert fhir.get(f"Patient/{SERGEY}").status_code == 200  # the server keeps serving


def test_malformed_body_with_success_status(faulty, fhir):
    faulty.faults.add(body=b"<html>oops</html>", status=200, count=1)
    answer = fhir.get(f"Patient/{SERGEY}")
    assert answer.status_code == 200
    with pytest.raises(orjson.JSONDecodeError):
        orjson.loads(answer.content)
    faulty.faults.add(status=503, count=5)
    faulty.faults.clear()
    assert fhir.get(f"Patient/{SERGEY}").json()["id"] == SERGEY


def test_faults_over_http_for_subprocess_tests(faulty, fhir):
    control = f"{root_of(faulty)}/_demo/faults"
    added = requests.post(control, json={"status": 503, "count": 1, "retry_after": 2}, timeout=10)
    assert added.status_code == 201
    assert fhir.get(f"Patient/{SERGEY}").status_code == 503
    requests.post(control, json={"status": 500, "count": 3}, timeout=10)
    assert requests.delete(control, timeout=10).status_code == 204
    assert fhir.get(f"Patient/{SERGEY}").status_code == 200
    assert requests.post(control, json={"stauts": 1}, timeout=10).status_code == 400


def test_oauth_endpoints_only_fail_when_named(faulty):
    faulty.faults.add(status=503, count=1)  # unnamed: FHIR only
    assert sign_in(faulty, "family@demo.medcard")["access_token"]
    faulty.faults.clear()
    faulty.faults.add(status=503, count=1, path_contains="/oauth/token", retry_after=1)
    answer = requests.post(
        f"{root_of(faulty)}/oauth/token",
        timeout=10,
        data={"grant_type": "refresh_token", "refresh_token": "x"},
    )
    assert answer.status_code == 503
    assert answer.headers["Retry-After"] == "1"
