"""Exports leave Medcard private (0600), safely named and defused (issue 15)."""

from __future__ import annotations

import csv
import os
import stat

import pytest

from desktop.services.exports import (
    csv_cell,
    make_private,
    private_file,
    safe_file_name,
    write_csv,
)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/../../a", "a"),
        ("..\\..\\windows\\system32", "windows_system32"),
        ("ticket-A1/B2", "ticket-A1_B2"),
        ("Анализ крови: общий", "Анализ крови_ общий"),
        ("CON", "export"),
        ("nul.txt", "export"),
        ("", "export"),
        (None, "export"),
        ("a\x00b\nc\u202ed", "abcd"),
        ("...", "export"),
        ("x" * 300, "x" * 80),
    ],
)
def test_safe_file_name(text, expected):
    assert safe_file_name(text) == expected


def test_a_safe_name_never_leaves_its_folder(tmp_path):
    for text in ("/../../a", "../x", "a/../../b", "\\\\server\\share"):
        target = (tmp_path / safe_file_name(text)).resolve()
        assert target.parent == tmp_path.resolve()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+cmd", "'+1+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5.4", "-5.4"),
        ("+7", "+7"),
        ("-0,8", "-0,8"),
        ("1e-3", "1e-3"),
        ("Глюкоза", "Глюкоза"),
        (5.4, "5.4"),
        (None, ""),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_defused(value, expected):
    assert csv_cell(value) == expected


def test_write_csv_is_owner_only_and_reads_back(tmp_path):
    path = tmp_path / "labs.csv"
    path.write_text("old")
    os.chmod(path, 0o644)
    write_csv(path, [["name", "value"], ["Глюкоза", "-0.5"], ["=cmd|' /C calc'!A0", "1"]])
    assert mode(path) == 0o600
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["name", "value"], ["Глюкоза", "-0.5"], ["'=cmd|' /C calc'!A0", "1"]]
    assert [p.name for p in tmp_path.iterdir()] == ["labs.csv"]  # no temp file left


def test_a_file_another_library_writes_is_made_private_first(tmp_path):
    existing = tmp_path / "record.pdf"
    existing.write_bytes(b"old")
    os.chmod(existing, 0o644)
    private_file(existing)
    assert mode(existing) == 0o600
    fresh = private_file(tmp_path / "new.pdf")
    assert mode(fresh) == 0o600
    with open(fresh, "wb") as handle:  # what Qt does: open, truncate, write
        handle.write(b"%PDF")
    assert mode(fresh) == 0o600
    other = tmp_path / "chart.png"
    other.write_bytes(b"png")
    os.chmod(other, 0o644)
    make_private(other)
    assert mode(other) == 0o600
