"""The demo portal as a remote one (issue 19): `latency_ms` delays every answer,
`max_count` caps the entries of a page whatever `_count` asks; also as CLI options."""

from __future__ import annotations

import time

from oauth_helpers import FhirSession, sign_in

from demo_portal.__main__ import parse_args
from demo_portal.embedded import DemoPortal

SERGEY = "ivanov-sergey"


def _pages(fhir: FhirSession, path: str, params: dict) -> list[int]:
    """Entries per page of a search, following the next links to the end."""
    bundle = fhir.get(path, params=params).json()
    sizes = []
    while True:
        sizes.append(len(bundle.get("entry") or []))
        following = [link["url"] for link in bundle["link"] if link["relation"] == "next"]
        if not following:
            return sizes
        bundle = fhir.get(following[0]).json()


def test_max_count_caps_searches_and_everything_and_paging_still_reaches_the_end():
    with DemoPortal(max_count=40) as portal:
        fhir = FhirSession(portal, sign_in(portal, "family@demo.medcard")["access_token"])
        total = fhir.get("Observation", params={"patient": SERGEY, "_summary": "count"}).json()
        sizes = _pages(fhir, "Observation", {"patient": SERGEY, "_count": "1000"})
        assert max(sizes) == 40 and sum(sizes) == total["total"] > 40
        everything = _pages(fhir, f"Patient/{SERGEY}/$everything", {"_count": "1000"})
        # the first page also carries the doctors and clinics the records name
        assert len(everything) > 1 and max(everything[1:]) == 40
        # a smaller _count is served as asked
        assert max(_pages(fhir, "Condition", {"patient": SERGEY, "_count": "3"})) <= 3


def test_latency_is_added_to_every_answer():
    with DemoPortal(latency_ms=150) as portal:
        started = time.monotonic()
        answer = FhirSession(portal, None).get("metadata")
        assert answer.status_code == 200
        assert time.monotonic() - started >= 0.15  # a lower bound: the delay, not a speed


def test_command_line_options():
    args = parse_args(["--latency", "40", "--max-count", "100"])
    assert args.latency == 40 and args.max_count == 100
    plain = parse_args([])
    assert plain.latency == 0 and plain.max_count is None
