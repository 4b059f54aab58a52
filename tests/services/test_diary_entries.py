"""Diary entries: plausibility checks and the patient-authored Observation they become."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop.services.diary import entries as diary
from desktop.services.diary.entries import DiaryEntry, DiaryKind

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
MSK = timezone(timedelta(hours=3))


def _entry(kind: DiaryKind, **values: float) -> DiaryEntry:
    return DiaryEntry(kind=kind, measured_at=NOW - timedelta(hours=1), values=values)


def _fields(entry: DiaryEntry) -> list[str]:
    return [p.field for p in diary.validate(entry, NOW)]


@pytest.mark.parametrize(
    ("entry", "fields"),
    [
        (_entry(DiaryKind.BLOOD_PRESSURE, systolic=400, diastolic=20), ["systolic", "diastolic"]),
        (_entry(DiaryKind.BLOOD_PRESSURE, systolic=120, diastolic=130), ["diastolic"]),
        (_entry(DiaryKind.BLOOD_PRESSURE, systolic=120), ["diastolic"]),
        (_entry(DiaryKind.TEMPERATURE, temperature=52), ["temperature"]),
        (_entry(DiaryKind.TEMPERATURE, temperature=25), ["temperature"]),
        (_entry(DiaryKind.PULSE, pulse=400), ["pulse"]),
        (_entry(DiaryKind.GLUCOSE, glucose=0.2), ["glucose"]),
        (_entry(DiaryKind.GLUCOSE, glucose=float("nan")), ["glucose"]),
        (_entry(DiaryKind.SPO2, spo2=101), ["spo2"]),
        (_entry(DiaryKind.WEIGHT, weight=0), ["weight"]),
    ],
)
def test_implausible_values_are_refused(entry, fields):
    assert _fields(entry) == fields


@pytest.mark.parametrize(
    "entry",
    [
        _entry(DiaryKind.BLOOD_PRESSURE, systolic=135, diastolic=85),
        _entry(DiaryKind.PULSE, pulse=72),
        _entry(DiaryKind.GLUCOSE, glucose=6.4),
        _entry(DiaryKind.WEIGHT, weight=92.5),
        _entry(DiaryKind.TEMPERATURE, temperature=36.6),
        _entry(DiaryKind.SPO2, spo2=97),
    ],
)
def test_plausible_values_pass(entry):
    assert diary.validate(entry, NOW) == []


def test_message_names_the_value_and_the_range():
    problems = diary.validate(_entry(DiaryKind.TEMPERATURE, temperature=52), NOW)
    text = problems[0].text()
    assert "52.0 °C" in text and "32.0–43.0" in text
    # The template stays the untranslated lookup key; the view translates then formats.
    assert "{value}" in problems[0].message
    assert (
        problems[0]
        .text(lambda s: s.replace("is not plausible", "неправдоподобно"))
        .count("неправдоподобно")
        == 1
    )


def test_future_and_naive_times_are_refused():
    future = DiaryEntry(DiaryKind.PULSE, NOW + timedelta(hours=2), {"pulse": 70})
    naive = DiaryEntry(DiaryKind.PULSE, datetime(2026, 11, 25, 8, 0), {"pulse": 70})
    assert _fields(future) == ["measured_at"]
    assert _fields(naive) == ["measured_at"]
    with pytest.raises(diary.DiaryValidationError) as err:
        diary.ensure_valid(future, NOW)
    assert err.value.problems[0].field == "measured_at"


def test_parse_number_accepts_comma():
    assert diary.parse_number("36,6") == 36.6
    assert diary.parse_number(" 120 ") == 120.0
    assert diary.parse_number("abc") is None
    assert diary.parse_number("") is None


def test_blood_pressure_observation_shape():
    entry = DiaryEntry(
        DiaryKind.BLOOD_PRESSURE,
        datetime(2026, 11, 24, 8, 15, tzinfo=MSK),
        {"systolic": 142, "diastolic": 91},
        note="после кофе",
    )
    obs = diary.build_observation(entry, "ivanov-sergey")
    assert obs["resourceType"] == "Observation" and "id" not in obs
    assert obs["code"]["coding"][0] == {
        "system": diary.LOINC,
        "code": "85354-9",
        "display": "Blood pressure panel",
    }
    comps = {c["code"]["coding"][0]["code"]: c["valueQuantity"] for c in obs["component"]}
    assert comps["8480-6"]["value"] == 142 and comps["8462-4"]["value"] == 91
    assert comps["8480-6"]["code"] == "mm[Hg]" and comps["8480-6"]["system"] == diary.UCUM
    assert obs["performer"] == [{"reference": "Patient/ivanov-sergey"}]
    assert obs["subject"] == {"reference": "Patient/ivanov-sergey"}
    assert obs["category"][0]["coding"][0]["code"] == "vital-signs"
    assert diary.is_self_measured(obs)
    assert obs["effectiveDateTime"] == "2026-11-24T08:15:00+03:00"
    assert obs["identifier"] == [
        {"system": diary.DIARY_IDENTIFIER_SYSTEM, "value": entry.identifier}
    ]
    assert obs["note"] == [{"text": "после кофе"}]
    assert diary.is_own_entry(obs, "ivanov-sergey")
    assert not diary.is_own_entry(obs, "ivanova-masha")


@pytest.mark.parametrize(
    ("kind", "key", "value", "code", "unit"),
    [
        (DiaryKind.PULSE, "pulse", 72, "8867-4", "/min"),
        (DiaryKind.GLUCOSE, "glucose", 6.4, "2339-0", "mmol/L"),
        (DiaryKind.WEIGHT, "weight", 92.5, "29463-7", "kg"),
        (DiaryKind.TEMPERATURE, "temperature", 36.6, "8310-5", "Cel"),
        (DiaryKind.SPO2, "spo2", 97, "59408-5", "%"),
    ],
)
def test_single_value_observations_round_trip(kind, key, value, code, unit):
    entry = DiaryEntry(kind, NOW, {key: value})
    obs = diary.build_observation(entry, "p1")
    assert obs["code"]["coding"][0]["code"] == code
    assert obs["valueQuantity"]["code"] == unit and obs["valueQuantity"]["value"] == value
    back = diary.entry_from_observation(
        {**obs, "id": "42", "meta": {**obs["meta"], "versionId": "3"}}
    )
    assert back is not None
    assert (back.kind, back.values, back.identifier) == (kind, {key: value}, entry.identifier)
    assert (back.resource_id, back.version_id) == ("42", "3")
    assert back.measured_at == NOW


def test_clinic_observation_is_not_an_own_entry():
    clinic = {
        "resourceType": "Observation",
        "code": {"coding": [{"code": "8867-4"}]},
        "subject": {"reference": "Patient/p1"},
        "performer": [{"reference": "Practitioner/dr"}],
        "valueQuantity": {"value": 70},
        "effectiveDateTime": "2026-01-01T10:00:00Z",
    }
    assert not diary.is_own_entry(clinic, "p1")
    assert diary.entry_from_observation(clinic) is None
    # A forged tag on a clinic-performed observation still is not the patient's own.
    tagged = {
        **clinic,
        "meta": {"tag": [{"system": diary.DIARY_TAG_SYSTEM, "code": diary.DIARY_TAG_CODE}]},
    }
    assert not diary.is_own_entry(tagged, "p1")


def test_identifier_query():
    assert diary.identifier_query("abc") == f"identifier={diary.DIARY_IDENTIFIER_SYSTEM}|abc"
