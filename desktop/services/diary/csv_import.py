"""Import readings from a home device's CSV export (format: docs/diary-csv.md).

Parsing yields a preview: the entries each line makes and the problems of bad lines with
their line numbers. Every entry gets an identifier derived from its content (patient, kind,
time, values), so importing the same file again — or a longer export of the same device —
produces the same identifiers and the portal's conditional create stores nothing twice.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, tzinfo

from desktop.services.diary.entries import (
    KIND_MEASURES,
    DiaryEntry,
    DiaryKind,
    Problem,
    parse_number,
    validate,
)
from desktop.services.i18n import N_

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000

# A fixed namespace: identifiers must be the same on every machine and every run.
_ID_NAMESPACE = uuid.UUID("6f1d4a52-8d0e-5b4e-9a53-0c3f8e2d7b11")

# Column names (lower-case) and their aliases, including Russian device exports.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date", "дата"),
    "time": ("time", "время"),
    "systolic": ("systolic", "sys", "систолическое", "верхнее"),
    "diastolic": ("diastolic", "dia", "диастолическое", "нижнее"),
    "pulse": ("pulse", "pul", "heart rate", "пульс"),
    "glucose": ("glucose", "глюкоза", "сахар"),
    "weight": ("weight", "вес"),
    "temperature": ("temperature", "temp", "температура"),
    "spo2": ("spo2", "sp02", "сатурация"),
    "note": ("note", "comment", "заметка", "комментарий"),
}
_MEASURE_COLUMNS = ("systolic", "diastolic", "pulse", "glucose", "weight", "temperature", "spo2")
_DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y")
_TIME_FORMATS = ("%H:%M", "%H:%M:%S")


@dataclass(frozen=True)
class LineProblem:
    line: int  # 1-based line number in the file, as an editor shows it
    problem: Problem


@dataclass(frozen=True)
class ImportPreview:
    entries: list[tuple[int, DiaryEntry]] = field(default_factory=list)
    problems: list[LineProblem] = field(default_factory=list)
    file_problem: Problem | None = None  # the whole file is unusable (encoding, header...)

    @property
    def ok(self) -> bool:
        return self.file_problem is None


def entry_identifier(patient_id: str, entry: DiaryEntry) -> str:
    """A deterministic identifier for an imported reading."""
    values = ",".join(f"{k}={entry.values[k]:g}" for k in sorted(entry.values))
    moment = entry.measured_at.timestamp()  # the instant, whatever zone it was written in
    return str(uuid.uuid5(_ID_NAMESPACE, f"{patient_id}|{entry.kind}|{moment:.0f}|{values}"))


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    for encoding in ("utf-8-sig", "cp1251"):  # Windows device software often writes cp1251
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnicodeDecodeError("utf-8", b"", 0, 1, "not UTF-8 or Windows-1251")


def _header_map(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = name.strip().lower()
        for column, aliases in _COLUMNS.items():
            if key in aliases and column not in found:
                found[column] = index
    return found


def _parse_date(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _parse_time(text: str) -> time | None:
    if not text.strip():
        return time(0, 0)
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).time()
        except ValueError:
            continue
    return None


def _cell(row: list[str], columns: Mapping[str, int], name: str) -> str:
    index = columns.get(name)
    return row[index].strip() if index is not None and index < len(row) else ""


def parse(
    data: bytes | str, patient_id: str, tz: tzinfo, now: datetime | None = None
) -> ImportPreview:
    """Parse a device export; times without a zone are read in ``tz`` (the user's zone)."""
    if len(data) > MAX_BYTES:
        return ImportPreview(
            file_problem=Problem(
                "file",
                N_("The file is too large (more than {size} MB)."),
                {"size": MAX_BYTES // 2**20},
            )
        )
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        return ImportPreview(
            file_problem=Problem("file", N_("The file is not a text CSV file (unknown encoding)."))
        )
    lines = text.splitlines()
    if not lines:
        return ImportPreview(file_problem=Problem("file", N_("The file is empty.")))
    delimiter = ";" if lines[0].count(";") > lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return ImportPreview(file_problem=Problem("file", N_("The file is empty.")))
    columns = _header_map(header)
    if "date" not in columns or not any(c in columns for c in _MEASURE_COLUMNS):
        return ImportPreview(
            file_problem=Problem(
                "file",
                N_(
                    "The first line must name the columns: date, time and at least one measurement "
                    "(systolic, diastolic, pulse, glucose, weight, temperature, spo2)."
                ),
            )
        )
    preview = ImportPreview()
    try:
        for row in reader:
            line = reader.line_num
            if line > MAX_ROWS + 1:
                preview.problems.append(
                    LineProblem(
                        line,
                        Problem(
                            "file",
                            N_("Only the first {rows} lines are imported."),
                            {"rows": MAX_ROWS},
                        ),
                    )
                )
                break
            if not any(cell.strip() for cell in row):
                continue
            _parse_row(row, line, columns, patient_id, tz, now, preview)
    except csv.Error as exc:
        preview.problems.append(
            LineProblem(
                reader.line_num,
                Problem(
                    "file", N_("The line cannot be read as CSV: {reason}"), {"reason": str(exc)}
                ),
            )
        )
    return preview


def _parse_row(
    row: list[str],
    line: int,
    columns: Mapping[str, int],
    patient_id: str,
    tz: tzinfo,
    now: datetime | None,
    preview: ImportPreview,
) -> None:
    day = _parse_date(_cell(row, columns, "date"))
    moment = _parse_time(_cell(row, columns, "time"))
    if day is None or moment is None:
        preview.problems.append(
            LineProblem(
                line,
                Problem(
                    "date",
                    N_(
                        "Date or time not understood: “{text}” (expected 2026-11-25 or 25.11.2026 and "
                        "08:30)."
                    ),
                    {
                        "text": f"{_cell(row, columns, 'date')} {_cell(row, columns, 'time')}".strip()
                    },
                ),
            )
        )
        return
    measured_at = datetime.combine(day, moment).replace(tzinfo=tz)
    values: dict[str, float] = {}
    for name in _MEASURE_COLUMNS:
        raw = _cell(row, columns, name)
        if not raw:
            continue
        number = parse_number(raw)
        if number is None:
            preview.problems.append(
                LineProblem(line, Problem(name, N_("“{text}” is not a number."), {"text": raw}))
            )
            return
        values[name] = number
    if not values:
        preview.problems.append(
            LineProblem(line, Problem("file", N_("The line has no measurement.")))
        )
        return
    note = _cell(row, columns, "note")
    entries: list[DiaryEntry] = []
    for kind, keys in KIND_MEASURES.items():
        present = {k: values[k] for k in keys if k in values}
        if not present:
            continue
        entry = DiaryEntry(kind=kind, measured_at=measured_at, values=present, note=note)
        problems = validate(entry, now)
        if problems:
            preview.problems.extend(LineProblem(line, p) for p in problems)
            return  # a line is taken whole or not at all, so the user can fix and re-import
        entries.append(_with_identifier(entry, patient_id))
    preview.entries.extend((line, e) for e in entries)


def _with_identifier(entry: DiaryEntry, patient_id: str) -> DiaryEntry:
    return replace(entry, identifier=entry_identifier(patient_id, entry))


def kinds_in(preview: ImportPreview) -> dict[DiaryKind, int]:
    """How many readings of each kind the preview holds (for the summary line)."""
    counts: dict[DiaryKind, int] = {}
    for _, entry in preview.entries:
        counts[entry.kind] = counts.get(entry.kind, 0) + 1
    return counts
