"""The log file: tracebacks for bugs, never names, ids, numbers or secrets."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from desktop.services.logs import log_path, scrub, setup_logging


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        (
            "GET http://127.0.0.1:5000/fhir/Patient/ivanov-sergey/$everything?_since=2026&x=1 failed",
            ["ivanov-sergey", "_since", "2026"],
            ["/fhir/Patient/", "$everything", "failed"],
        ),
        ("KeyError: 'Иванов Сергей'", ["Иванов", "Сергей"], ["KeyError"]),
        ('ValueError: invalid literal for int(): "abc-123"', ["abc-123"], ["ValueError"]),
        ("policy 7700 0000 1234 5678, SNILS 112-233-445 95", ["7700", "1234", "445"], ["policy"]),
        ("user family@demo.medcard signed in", ["family@demo.medcard"], ["signed in"]),
        ("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl", ["eyJhbGci"], ["token"]),
        ("identifier 4f9c2a1e-5b7d-4c3e-9a8b-1234567890ab", ["4f9c2a1e"], ["identifier"]),
        ("Диагноз: сахарный диабет", ["Диагноз", "диабет"], []),
    ],
)
def test_scrub_removes_what_identifies_and_keeps_what_explains(text, gone, kept) -> None:
    clean = scrub(text)
    for needle in gone:
        assert needle not in clean
    for needle in kept:
        assert needle in clean


def test_the_log_file_is_private_and_holds_tracebacks(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    try:
        try:
            raise KeyError("Петрова Анна ivanov-sergey")
        except KeyError:
            logging.getLogger("medcard.test").error("reading failed", exc_info=True)
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert path == log_path(tmp_path)
        text = path.read_text(encoding="utf-8")
        assert "Traceback (most recent call last)" in text and "KeyError" in text
        assert "test_logs.py" in text  # where it happened
        assert "Петрова" not in text and "ivanov-sergey" not in text
        assert os.stat(path).st_mode & 0o077 == 0
    finally:
        _drop_handlers()


def _drop_handlers() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "medcard", False):
            root.removeHandler(handler)
            handler.close()
