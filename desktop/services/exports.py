"""What leaves Medcard as a file the user saves: private, safely named, safely written.

- Files are readable by their owner only (0600): a record PDF or a CSV of lab values is
  medical data, and a shared computer's other users must not read it by default.
- Suggested file names built from portal text (a record title, a ticket number) are
  cleaned: no folders (``/../../a``), no characters or names a file system refuses.
- CSV cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
  carriage return) are quoted with a leading apostrophe; plain numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

PRIVATE_MODE = 0o600
MAX_NAME = 80
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_SPACES = re.compile(r"\s+")
# Names Windows reserves for devices, with or without an extension.
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_file_name(text: Any, default: str = "export", max_length: int = MAX_NAME) -> str:
    """A file name (without folder) made from any text: path separators, control and
    reserved characters become "_", no leading dots, at most ``max_length`` characters."""
    name = unicodedata.normalize("NFC", str(text or ""))
    name = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Co"))
    name = _FORBIDDEN.sub("_", name)
    name = _SPACES.sub(" ", name).strip(" ._")
    name = name[:max_length].rstrip(" .")
    if not name or name.split(".")[0].lower() in _RESERVED:
        return default
    return name


def csv_cell(value: Any) -> str:
    """One CSV cell as text, defused: a cell a spreadsheet would evaluate gets a leading
    apostrophe (OWASP's advice); numbers, including negative ones, are left alone."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_STARTS) and not _NUMBER.match(text):
        return "'" + text
    return text


def private_file(path: str | Path) -> Path:
    """Make ``path`` an empty or existing file only its owner can read, before a library
    (Qt's PDF writer) writes into it: it keeps the mode of a file it opens."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_MODE)
    try:
        if hasattr(os, "fchmod"):  # an existing file keeps its mode when opened: set it
            os.fchmod(fd, PRIVATE_MODE)
    finally:
        os.close(fd)
    return path


def make_private(path: str | Path) -> None:
    """Owner-only mode for a file another library has written (after the fact)."""
    try:
        os.chmod(path, PRIVATE_MODE)
    except FileNotFoundError:
        pass


def write_private(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (beside it, then renamed over it), 0600."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=".medcard-", dir=path.parent)  # mkstemp: 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def csv_bytes(rows: Iterable[Iterable[Any]]) -> bytes:
    """Rows as CSV, UTF-8 with a BOM (spreadsheets on Windows then read Cyrillic)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(path: str | Path, rows: Iterable[Iterable[Any]]) -> Path:
    """A CSV export: defused cells, written atomically, readable by its owner only."""
    return write_private(path, csv_bytes(rows))
