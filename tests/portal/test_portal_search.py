"""Search over real HTTP: paging to the end, _lastUpdated/date/code/category/status filters,
sorting, the patient list and Patient/$everything. Expectations are computed from a full
walk of the same data, so they hold whatever the generator produces."""

from __future__ import annotations

import pytest

SERGEY = "ivanov-sergey"


def walk(fhir, path: str, params: dict | list) -> tuple[list[dict], int]:
    """Every resource of a search, following next links; and the first page's total."""
    answer = fhir.get(path, params=params)
    assert answer.status_code == 200, answer.text
    bundle = answer.json()
    total = bundle["total"]
    resources = []
    while True:
        assert bundle["resourceType"] == "Bundle" and bundle["type"] == "searchset"
        resources += [e["resource"] for e in bundle.get("entry", [])]
        following = [link["url"] for link in bundle["link"] if link["relation"] == "next"]
        if not following:
            return resources, total
        answer = fhir.get(following[0])
        assert answer.status_code == 200, answer.text
        bundle = answer.json()


@pytest.fixture(scope="module")
def sergey_observations(family) -> list[dict]:
    resources, total = walk(family, "Observation", {"patient": SERGEY, "_count": 1000})
    assert len(resources) == total > 100
    return resources


def test_paging_reaches_the_end_with_matching_total(family, sergey_observations):
    resources, total = walk(family, "Observation", {"patient": SERGEY, "_count": 37})
    assert total == len(sergey_observations)
    ids = [r["id"] for r in resources]
    assert len(ids) == len(set(ids)) == total
    stamps = [r["meta"]["lastUpdated"] for r in resources]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)  # strictly increasing: usable as a watermark


def test_every_resource_has_meta(sergey_observations):
    for resource in sergey_observations:
        assert resource["meta"]["versionId"]
        assert resource["meta"]["lastUpdated"].endswith("Z")
        assert len(resource["meta"]["lastUpdated"]) == len("2026-11-25T10:00:00.000Z")


def test_last_updated_filters_split_the_set(family, sergey_observations):
    stamps = sorted(r["meta"]["lastUpdated"] for r in sergey_observations)
    middle = stamps[len(stamps) // 2]
    newer, newer_total = walk(
        family, "Observation", {"patient": SERGEY, "_lastUpdated": f"gt{middle}"}
    )
    older, _ = walk(family, "Observation", {"patient": SERGEY, "_lastUpdated": f"le{middle}"})
    assert newer_total == len([s for s in stamps if s > middle]) == len(newer)
    assert len(newer) + len(older) == len(stamps)
    assert all(r["meta"]["lastUpdated"] > middle for r in newer)
    low, high = stamps[10], stamps[20]
    window, _ = walk(
        family,
        "Observation",
        [("patient", SERGEY), ("_lastUpdated", f"ge{low}"), ("_lastUpdated", f"lt{high}")],
    )
    assert sorted(r["meta"]["lastUpdated"] for r in window) == stamps[10:20]


def _clinical_date(observation: dict) -> str:
    return observation.get("effectiveDateTime") or observation["effectivePeriod"]["start"]


def test_date_filter_uses_the_clinical_date(family, sergey_observations):
    dated = sorted(_clinical_date(o) for o in sergey_observations)
    year = dated[len(dated) // 2][:4]
    found, total = walk(
        family,
        "Observation",
        [("patient", SERGEY), ("date", f"ge{year}-01-01"), ("date", f"le{year}-12-31")],
    )
    expected = [d for d in dated if d[:4] == year]
    assert total == len(expected) == len(found) > 0
    assert all(_clinical_date(o)[:4] == year for o in found)


def test_sort_by_date_descending(family, sergey_observations):
    found, total = walk(family, "Observation", {"patient": SERGEY, "_sort": "-date", "_count": 50})
    assert total == len(found) == len(sergey_observations)
    dates = [_clinical_date(o) for o in found]
    assert dates == sorted(dates, reverse=True)


def _codes(resource: dict, element: str) -> set[tuple[str, str]]:
    values = resource.get(element) or []
    concepts = values if isinstance(values, list) else [values]
    return {(c.get("system", ""), c["code"]) for cc in concepts for c in cc.get("coding", [])}


def test_code_filter_with_and_without_system(family, sergey_observations):
    system, code = sorted(_codes(sergey_observations[0], "code"))[0]
    expected = {o["id"] for o in sergey_observations if (system, code) in _codes(o, "code")}
    with_system, _ = walk(family, "Observation", {"patient": SERGEY, "code": f"{system}|{code}"})
    bare, _ = walk(family, "Observation", {"patient": SERGEY, "code": code})
    assert {o["id"] for o in with_system} == expected
    assert {o["id"] for o in bare} >= expected
    none, total = walk(family, "Observation", {"patient": SERGEY, "code": "http://x|no-such"})
    assert total == 0 and none == []


def test_category_and_status_filters(family, sergey_observations):
    labs = {
        o["id"]
        for o in sergey_observations
        if any(c[1] == "laboratory" for c in _codes(o, "category"))
    }
    found, _ = walk(family, "Observation", {"patient": SERGEY, "category": "laboratory"})
    assert {o["id"] for o in found} == labs and labs
    status = sergey_observations[0]["status"]
    by_status, _ = walk(family, "Observation", {"patient": SERGEY, "status": status})
    assert len(by_status) == sum(o["status"] == status for o in sergey_observations)


def test_count_is_capped_at_1000(family):
    bundle = family.get("Observation", params={"patient": SERGEY, "_count": 5000}).json()
    assert len(bundle["entry"]) == min(1000, bundle["total"])


def test_patient_list_is_what_the_token_reaches(family, family_token):
    patients, total = walk(family, "Patient", {})
    assert [p["id"] for p in patients] != []
    assert {p["id"] for p in patients} == set(family_token["medcard_patients"])
    by_id, _ = walk(family, "Patient", {"_id": "ivanova-masha"})
    assert [p["id"] for p in by_id] == ["ivanova-masha"]


def test_subject_is_an_alias_of_patient(family):
    by_patient = family.get("Observation", params={"patient": SERGEY, "_count": 1}).json()
    by_subject = family.get(
        "Observation", params={"subject": f"Patient/{SERGEY}", "_count": 1}
    ).json()
    assert by_patient["total"] == by_subject["total"]


def test_everything_pages_over_the_patient_and_referenced_people(family):
    found, total = walk(family, f"Patient/{SERGEY}/$everything", {"_count": 200})
    assert total == len(found)
    types = {r["resourceType"] for r in found}
    assert {"Patient", "Observation"} <= types
    referenced = {r["id"] for r in found if r["resourceType"] in ("Practitioner", "Organization")}
    assert referenced, "the referenced doctors/clinics travel with $everything"
    stamps = sorted(r["meta"]["lastUpdated"] for r in found)
    since = stamps[len(stamps) // 2]
    recent, recent_total = walk(family, f"Patient/{SERGEY}/$everything", {"_since": since})
    assert recent_total == len(recent)
    assert all(r["meta"]["lastUpdated"] >= since for r in recent)
    assert len(recent) < len(found)


def test_shared_directory_resources_are_searchable(family):
    practitioners, total = walk(family, "Practitioner", {})
    assert total == len(practitioners) > 0


def test_summary_count_gives_only_the_total(family, sergey_observations):
    bundle = family.get("Observation", params={"patient": SERGEY, "_summary": "count"}).json()
    assert bundle["total"] == len(sergey_observations)
    assert bundle.get("entry", []) == []
    assert family.get("Observation", params={"_summary": "text"}).status_code == 400
