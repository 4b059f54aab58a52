"""Home-device CSV import: preview, line-numbered problems, deterministic identifiers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from desktop.services.diary import csv_import as diary_import
from desktop.services.diary.entries import DiaryKind

MSK = timezone(timedelta(hours=3))
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)

GOOD_AND_BAD = (
    "Дата;Время;SYS;DIA;Пульс;Заметка;Device\n"
    "24.11.2026;08:10;138;88;72;после сна;X1\n"
    "\n"
    "24.11.2026;21:40;400;20;68;;X1\n"  # line 4: implausible pressure
    "2026-11-25;07:55;131;84;;;X1\n"
    "25.11.2026;25:99;131;84;70;;X1\n"  # line 6: bad time
    "25.11.2026;08:00;abc;84;70;;X1\n"  # line 7: not a number
    "26.12.2026;08:00;120;80;70;;X1\n"  # line 8: future
)


def test_preview_lists_entries_and_problems_with_line_numbers():
    preview = diary_import.parse(GOOD_AND_BAD.encode("utf-8"), "p1", MSK, NOW)
    assert preview.ok
    lines = [line for line, _ in preview.entries]
    assert lines == [2, 2, 5]
    kinds = [e.kind for _, e in preview.entries]
    assert kinds == [DiaryKind.BLOOD_PRESSURE, DiaryKind.PULSE, DiaryKind.BLOOD_PRESSURE]
    first = preview.entries[0][1]
    assert first.values == {"systolic": 138, "diastolic": 88}
    assert first.measured_at == datetime(2026, 11, 24, 8, 10, tzinfo=MSK)
    assert first.note == "после сна"
    bad_lines = sorted({p.line for p in preview.problems})
    assert bad_lines == [4, 6, 7, 8]
    by_line = {p.line: p.problem for p in preview.problems}
    assert by_line[7].text() == "“abc” is not a number."
    assert diary_import.kinds_in(preview) == {DiaryKind.BLOOD_PRESSURE: 2, DiaryKind.PULSE: 1}


def test_identifiers_are_deterministic_and_content_based():
    a = diary_import.parse(GOOD_AND_BAD, "p1", MSK, NOW)
    b = diary_import.parse(GOOD_AND_BAD.encode("cp1251"), "p1", MSK, NOW)
    ids_a = [e.identifier for _, e in a.entries]
    assert ids_a == [e.identifier for _, e in b.entries]
    assert len(set(ids_a)) == len(ids_a)
    # Another patient importing the same file gets other identifiers.
    other = diary_import.parse(GOOD_AND_BAD, "p2", MSK, NOW)
    assert not set(ids_a) & {e.identifier for _, e in other.entries}
    # A longer export of the same device keeps the identifiers of the old lines.
    longer = GOOD_AND_BAD + "25.11.2026;09:00;125;80;66;;X1\n"
    ids_longer = [e.identifier for _, e in diary_import.parse(longer, "p1", MSK, NOW).entries]
    assert ids_longer[: len(ids_a)] == ids_a and len(ids_longer) == len(ids_a) + 2


def test_comma_separated_with_glucose_and_temperature():
    text = "date,time,glucose,temperature,weight\n2026-11-20,07:30,6.2,36.6,\n"
    preview = diary_import.parse(text, "p1", UTC, NOW)
    assert [(e.kind, dict(e.values)) for _, e in preview.entries] == [
        (DiaryKind.GLUCOSE, {"glucose": 6.2}),
        (DiaryKind.TEMPERATURE, {"temperature": 36.6}),
    ]
    assert preview.problems == []


def test_unusable_files_are_refused_whole():
    assert diary_import.parse(b"", "p1", UTC, NOW).file_problem is not None
    no_measures = diary_import.parse("date;time;foo\n2026-01-01;10:00;1\n", "p1", UTC, NOW)
    assert no_measures.file_problem is not None and not no_measures.ok
    binary = diary_import.parse(bytes(range(256)) * 4, "p1", UTC, NOW)
    assert binary.file_problem is not None or binary.entries == []
    huge = diary_import.parse(b"x" * (diary_import.MAX_BYTES + 1), "p1", UTC, NOW)
    assert huge.file_problem is not None
