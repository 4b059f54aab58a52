"""The app's log: a rotating file in the profile folder, with tracebacks, without medical
data or secrets.

Everything written passes through `scrub`: URLs lose their query strings and the ids in
their paths, quoted values (where Python puts data in exception messages), Cyrillic words
(names, diagnoses), e-mail addresses, long numbers (policy, SNILS, phone) and anything
shaped like a token are replaced. What stays is what a developer needs: which module,
which exception class, which line.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
from pathlib import Path
from types import TracebackType

LOG_NAME = "medcard.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

_URL = re.compile(r"\b(https?://[^/\s?#'\"]+)([^\s?#'\"]*)(\?[^\s#'\"]*)?(#\S*)?")
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"")
_CYRILLIC = re.compile(r"[\u0400-\u04FF][\u0400-\u04FF\w.\-]*")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_NUMBER = re.compile(r"\d[\d \-]{5,}\d")
_WORD = re.compile(r"[A-Za-z0-9_\-]{16,}")
_UUID = re.compile(
    r"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"
)
# Hyphenated lower-case words are how portals spell ids ("ivanov-sergey", "obs-12"); a
# lost "read-only" in a message is the price.
_HYPHENATED = re.compile(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b")
_FRAME = re.compile(r'^\s*File "[^"\n]+", line \d+, in \S+$')
# A URL path keeps its resource types, operations and the portal's own endpoints; the
# ids between them go.
_FHIR_SEGMENT = re.compile(
    r"^(|[A-Z][A-Za-z]+|\$[a-z-]+|_history|_search|fhir|metadata|oauth|authorize|token|"
    r"revoke|account|\.well-known|smart-configuration|[a-z]{2}(-[A-Z]{2})?)$"
)


def _scrub_url(match: re.Match[str]) -> str:
    origin, path = match.group(1), match.group(2) or ""
    kept = [seg if _FHIR_SEGMENT.match(seg) else "…" for seg in path.split("/")]
    query = "?…" if match.group(3) else ""
    return origin + "/".join(kept) + query


def _scrub_word(match: re.Match[str]) -> str:
    """Long words with digits and letters are tokens, keys or ids; code names stay."""
    word = match.group(0)
    has_digit = any(c.isdigit() for c in word)
    has_alpha = any(c.isalpha() for c in word)
    return "<secret>" if has_digit and has_alpha else word


def scrub(text: str) -> str:
    """Remove what could identify a person or unlock an account from a log text.
    Traceback frame lines (file, line, function) are code, and kept as they are."""
    return "\n".join(line if _FRAME.match(line) else _scrub_line(line) for line in text.split("\n"))


def _scrub_line(text: str) -> str:
    text = _URL.sub(_scrub_url, text)
    text = _EMAIL.sub("<email>", text)
    text = _QUOTED.sub(lambda m: m.group(0)[0] + "…" + m.group(0)[0], text)
    text = _CYRILLIC.sub("…", text)
    text = _UUID.sub("<id>", text)
    text = _HYPHENATED.sub("<id>", text)
    text = _WORD.sub(_scrub_word, text)
    return _NUMBER.sub("<number>", text)


class ScrubbingFormatter(logging.Formatter):
    """Scrubs the message and the traceback; the time stamp and names stay readable."""

    def format(self, record: logging.LogRecord) -> str:
        clean = logging.makeLogRecord(record.__dict__)
        clean.msg, clean.args = scrub(record.getMessage()), None
        if record.exc_info:
            clean.exc_text = scrub(self.formatException(record.exc_info))
            clean.exc_info = None
        if record.stack_info:
            clean.stack_info = scrub(record.stack_info)
        return super().format(clean)


class _PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """Log files readable by their owner only (0600), rotated files too."""

    def _open(self):  # type: ignore[no-untyped-def]  # the base class's signature
        old = os.umask(0o077)
        try:
            return super()._open()
        finally:
            os.umask(old)


def log_path(profile_dir: Path) -> Path:
    return Path(profile_dir) / "logs" / LOG_NAME


def setup_logging(profile_dir: Path | None, level: int = logging.INFO) -> Path | None:
    """Log to `<profile>/logs/medcard.log` (rotated) and warnings to stderr; returns the
    file's path (None when the folder cannot be written: logging must never stop the app)."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "medcard", False):
            root.removeHandler(handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(ScrubbingFormatter("%(levelname)s %(name)s: %(message)s"))
    console.medcard = True  # type: ignore[attr-defined]
    root.addHandler(console)
    if profile_dir is None:
        return None
    path = log_path(profile_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = _PrivateRotatingFile(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        logging.getLogger(__name__).warning("cannot write the log file; logging to stderr only")
        return None
    handler.setFormatter(ScrubbingFormatter(_FORMAT))
    handler.medcard = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    _log_uncaught_thread_errors()
    return path


def _log_uncaught_thread_errors() -> None:
    def hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        logging.getLogger("medcard.threads").error(
            "uncaught error in thread %s",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )

    threading.excepthook = hook


def format_error(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """A scrubbed traceback for the "copy details" button (what the log file holds)."""
    import traceback

    return scrub("".join(traceback.format_exception(exc_type, exc, tb)))
