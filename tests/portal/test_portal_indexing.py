"""Date handling behind _lastUpdated/date searches: exact millisecond round trips and
ranges that follow the precision of the value (pure functions, no server)."""

from __future__ import annotations

import pytest

from demo_portal.indexing import NO_DATE, format_instant, index_resource, parse_fhir_datetime


@pytest.mark.parametrize("ms", [0, 1, 999, 1_764_097_200_123, 1_764_097_200_999, -1_000])
def test_instant_round_trip_is_exact(ms):
    text = format_instant(ms)
    assert text.endswith("Z") and len(text) == 24
    assert parse_fhir_datetime(text) == (ms, ms + 1)


@pytest.mark.parametrize(
    ("value", "span_ms"),
    [
        ("2020", 366 * 86_400_000),  # a leap year
        ("2021-02", 28 * 86_400_000),
        ("2021-12", 31 * 86_400_000),
        ("2021-03-05", 86_400_000),
        ("2021-03-05T10:15:30+03:00", 1000),
    ],
)
def test_ranges_follow_precision(value, span_ms):
    start, end = parse_fhir_datetime(value)
    assert end - start == span_ms


def test_offsets_are_normalised_to_utc():
    assert parse_fhir_datetime("2021-03-05T10:00:00+03:00") == parse_fhir_datetime(
        "2021-03-05T07:00:00Z"
    )


@pytest.mark.parametrize("bad", ["", "yesterday", "2021-13-01", "20-01-01"])
def test_garbage_is_rejected(bad):
    with pytest.raises(ValueError):
        parse_fhir_datetime(bad)


def test_index_extracts_patient_date_and_tokens():
    entry = index_resource(
        {
            "resourceType": "Observation",
            "id": "o1",
            "status": "final",
            "subject": {"reference": "Patient/p1"},
            "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4"}]},
            "category": [{"coding": [{"code": "laboratory"}]}],
            "encounter": {"reference": "Encounter/e1"},
            "effectivePeriod": {"start": "2020-05-01"},
        }
    )
    assert entry.patient_id == "p1"
    assert entry.date_key == parse_fhir_datetime("2020-05-01")[0]
    assert ("code", "http://loinc.org", "4548-4") in entry.tokens
    assert ("category", "", "laboratory") in entry.tokens
    assert ("encounter", "", "Encounter/e1") in entry.tokens
    shared = index_resource({"resourceType": "Practitioner", "id": "d1"})
    assert shared.patient_id is None and shared.date_key == NO_DATE
