"""Property-based fuzzing of the whole path a portal answer takes (issue 15): Bundles and
resources of every kind the app reads, mutated in type and shape, through projection into
the cache and every query the screens make — no traceback, ever.

A few hundred cases run with the suite; `MEDCARD_FUZZ_EXAMPLES=10000` runs more (see
benchmarks/fuzz_cache.py, which also prints what the cases ended in).
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.services.cache import Cache
from desktop.services.errors import MedcardError
from desktop.services.portal import FhirClient, Limits, RetryPolicy
from tests.fuzz_fhir import JSON_VALUE, Outcome, feed, pages, seed_resources
from tests.hostile_server import HostileServer, Reply

EXAMPLES = int(os.environ.get("MEDCARD_FUZZ_EXAMPLES", "300"))
REPORT = os.environ.get("MEDCARD_FUZZ_REPORT")
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # no example files in the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
OUTCOME = Outcome()


@pytest.fixture(scope="module")
def seeds(portal) -> list[dict]:
    found = seed_resources(portal.store)
    assert {r["resourceType"] for r in found} >= {
        "Patient",
        "Encounter",
        "Composition",
        "DocumentReference",
        "DiagnosticReport",
        "Observation",
        "Condition",
        "MedicationRequest",
        "Immunization",
        "Appointment",
        "Task",
        "RelatedPerson",
        "ServiceRequest",
        "Practitioner",
        "Organization",
    }
    return found


@pytest.fixture(scope="module")
def fuzz_cache(tmp_path_factory):
    with Cache.open(tmp_path_factory.mktemp("fuzz") / "cache.db", Cache.new_key()) as cache:
        yield cache
    if REPORT:
        Path(REPORT).write_bytes(orjson.dumps(dict(OUTCOME), option=orjson.OPT_INDENT_2))


def test_mutated_pages_go_through_the_cache_and_every_screen_query(seeds, fuzz_cache):
    @FUZZ
    @given(page=pages(seeds))
    def run(page: object) -> None:
        feed(fuzz_cache, page, OUTCOME)

    run()
    assert OUTCOME["pages"] >= EXAMPLES
    assert OUTCOME["records stored"] > 0 and OUTCOME["records shown"] > 0


@pytest.fixture(scope="module")
def hostile():
    with HostileServer() as server:
        yield server


def test_arbitrary_bytes_and_json_from_the_portal_end_in_typed_errors(hostile):
    """The client's side: whatever arrives is a page, or a typed error."""
    answer: dict[str, bytes] = {"body": b""}
    hostile.route("GET", "/fhir/Observation", lambda _request: Reply(body=answer["body"]))
    client = FhirClient(hostile.base_url, retry=RetryPolicy(attempts=1), limits=Limits(max_pages=5))
    bodies = st.one_of(
        st.binary(max_size=200),
        JSON_VALUE.map(orjson.dumps),
        st.builds(
            lambda entries, links, total: orjson.dumps(
                {"resourceType": "Bundle", "entry": entries, "link": links, "total": total}
            ),
            JSON_VALUE,
            JSON_VALUE,
            JSON_VALUE,
        ),
    )

    @settings(FUZZ, max_examples=max(50, EXAMPLES // 3))
    @given(body=bodies)
    def run(body: bytes) -> None:
        answer["body"] = body
        try:
            for _ in client.search("Observation"):
                pass
        except MedcardError:
            OUTCOME["typed error (HTTP)"] += 1

    try:
        run()
    finally:
        client.close()
