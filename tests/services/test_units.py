"""Unit harmonisation: conversions with molar masses, and what must never be mixed."""

from __future__ import annotations

import pytest

from desktop.services import units


@pytest.mark.parametrize(
    ("value", "src", "dst", "code", "expected"),
    [
        (5.5, "mmol/L", "mg/dL", "2345-7", 99.09),  # glucose, 180.16 g/mol
        (99.0, "mg/dL", "mmol/L", "2339-0", 5.495),
        (200.0, "mg/dL", "mmol/L", "2093-3", 5.173),  # cholesterol, 386.65 g/mol
        (150.0, "mg/dL", "mmol/L", "2571-8", 1.694),  # triglycerides, 885.7 g/mol
        (88.4, "umol/L", "mg/dL", "2160-0", 1.0),  # creatinine, 113.12 g/mol
        (1.0, "mg/dL", "µmol/L", "2160-0", 88.40),
        (5.0, "mmol/L", "mg/dL", "22664-7", 30.03),  # urea, 60.06 g/mol
        (36.6, "Cel", "[degF]", None, 97.88),
        (6.2, "10*9/L", "10*3/uL", "6690-2", 6.2),
        (1.5, "g/dL", "g/L", "718-7", 15.0),
    ],
)
def test_conversions(value, src, dst, code, expected):
    assert units.convert(value, src, dst, code) == pytest.approx(expected, rel=1e-3)


@pytest.mark.parametrize(
    ("src", "dst", "code"),
    [
        ("mg/dL", "mmol/L", "4548-4"),  # no molar mass known for the analyte
        ("mg/dL", "mmol/L", None),
        ("%", "mmol/mol", "4548-4"),  # HbA1c NGSP vs IFCC is not a unit conversion
        ("%", "mmol/L", "2345-7"),
        ("mmHg", "kg", None),
        ("furlongs-ish", "mmol/L", "2345-7"),
        ("[IU]/L", "mg/L", None),
    ],
)
def test_unconvertible_units_raise(src, dst, code):
    with pytest.raises(units.UnitMismatch):
        units.convert(1.0, src, dst, code)


def test_harmonize_converts_to_majority_unit_and_keeps_unconvertible_apart():
    points = [(5.5, "mmol/L"), (108.0, "mg/dL"), (6.1, "mmol/L"), (7.0, "%")]
    series = units.harmonize(points, "2345-7")
    assert series.unit == "mmol/L"
    assert series.values[0] == 5.5
    assert series.values[1] == pytest.approx(5.995, rel=1e-3)
    assert series.values[3] is None
    assert series.apart == [3]
    assert series.converted_from == ("mg/dL",)


def test_harmonize_with_one_unit_reports_no_conversion():
    series = units.harmonize([(88.0, "umol/L"), (91.0, "µmol/L")], "2160-0")
    assert series.values == [88.0, 91.0]
    assert series.converted_from == ()
    assert series.apart == []


def test_harmonize_to_requested_unit():
    series = units.harmonize([(5.0, "mmol/L")], "2345-7", unit="mg/dL")
    assert series.unit == "mg/dL"
    assert series.values[0] == pytest.approx(90.08, rel=1e-3)
    assert series.converted_from == ("mmol/L",)


def test_tie_goes_to_latest_unit():
    assert units.choose_unit(["mg/dL", "mmol/L"]) == "mmol/L"
    assert units.choose_unit([]) == ""


def test_display_units():
    assert units.display_unit("umol/L") == "µmol/L"
    assert units.display_unit("mm[Hg]") == "mmHg"
    assert units.display_unit("Cel") == "°C"


def test_russian_display_spellings_convert():
    assert units.convert(100.0, "мг/дл", "ммоль/л", "2345-7") == pytest.approx(5.551, rel=1e-3)
    assert units.convert(1.0, "мг/дл", "мкмоль/л", "2160-0") == pytest.approx(88.40, rel=1e-3)
    assert units.same_unit("ммоль/л", "mmol/L")
    series = units.harmonize([(5.0, "ммоль/л"), (110.0, "мг/дл"), (5.5, "mmol/L")], "2345-7")
    assert series.apart == [] and series.converted_from == ("мг/дл",)
    with pytest.raises(units.UnitMismatch):
        units.convert(1.0, "мМЕ/л", "мг/л")
