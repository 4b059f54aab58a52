"""Which requests reached the portal (tests: "does the app speak standard FHIR?").

Off unless asked for (`DemoPortal(record_requests=True)`): URLs carry patient ids and
search terms, so nothing is kept by default.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl


@dataclass(frozen=True)
class SeenRequest:
    method: str
    path: str  # e.g. /fhir/Slot
    query: str  # the raw query string
    if_none_exist: str  # the conditional-create criteria, or ""
    if_match: str = ""  # the version an update or a patch expects, or ""
    prefer: str = ""

    def params(self) -> list[tuple[str, str]]:
        return parse_qsl(self.query, keep_blank_values=True)


class RequestRecorder:
    """WSGI middleware that notes every request before passing it on."""

    def __init__(self, app: Callable[..., Iterable[bytes]]):
        self.app = app
        self._lock = threading.Lock()
        self._seen: list[SeenRequest] = []

    def __call__(self, environ: dict[str, Any], start_response: Callable) -> Iterable[bytes]:
        seen = SeenRequest(
            environ.get("REQUEST_METHOD", ""),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
            environ.get("HTTP_IF_NONE_EXIST", ""),
            environ.get("HTTP_IF_MATCH", ""),
            environ.get("HTTP_PREFER", ""),
        )
        with self._lock:
            self._seen.append(seen)
        return self.app(environ, start_response)

    def seen(self) -> list[SeenRequest]:
        with self._lock:
            return list(self._seen)

    def clear(self) -> None:
        with self._lock:
            self._seen.clear()
