"""Writing a resource's index rows (tokens, strings, dates) next to its body."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from demo_portal.indexing import IndexEntry

_TABLES = ("tokens", "strings", "dates")


def insert_index(conn: Any, rows: Iterable[tuple[int, IndexEntry]]) -> None:
    """Index rows of (seq, entry) pairs, with plain executemany (bulk loads stay fast)."""
    token_rows: list[tuple] = []
    string_rows: list[tuple] = []
    date_rows: list[tuple] = []
    for seq, entry in rows:
        token_rows.extend((seq, p, s, v) for p, s, v in entry.tokens)
        string_rows.extend((seq, p, v) for p, v in entry.strings)
        date_rows.extend((seq, p, low, high) for p, low, high in entry.dates)
    if token_rows:
        conn.exec_driver_sql(
            "INSERT INTO tokens (seq, param, system, value) VALUES (?, ?, ?, ?)", token_rows
        )
    if string_rows:
        conn.exec_driver_sql(
            "INSERT INTO strings (seq, param, value) VALUES (?, ?, ?)", string_rows
        )
    if date_rows:
        conn.exec_driver_sql(
            "INSERT INTO dates (seq, param, low, high) VALUES (?, ?, ?, ?)", date_rows
        )


def delete_index(conn: Any, seqs: Sequence[int]) -> None:
    for start in range(0, len(seqs), 500):
        chunk = list(seqs[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for table in _TABLES:
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE seq IN ({marks})", tuple(chunk))
