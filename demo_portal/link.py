"""How far away the demo portal seems: answers delayed, pages capped (issue 19).

A real portal is tens of milliseconds away and serves at most some number of entries per
page whatever `_count` asks for. `--latency MS` and `--max-count N` make the demo portal
behave so on loopback, for the benchmarks and tests that measure a sync over such a link.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask import current_app


@dataclass(frozen=True)
class Link:
    latency_ms: float = 0.0  # added to every answer (FHIR, OAuth and pages alike)
    max_count: int | None = None  # the largest page served (None: the portal's own cap)


def max_count(requested: int) -> int:
    """`requested` entries per page, capped by the link's `max_count`."""
    link: Link | None = current_app.extensions.get("medcard_link")
    if link is None or link.max_count is None:
        return requested
    return max(1, min(requested, link.max_count))


class SlowLink:
    """WSGI middleware: every answer leaves `latency_ms` late (the request is handled at
    once; each connection of a threaded server waits on its own, as over a real link)."""

    def __init__(self, app: Callable, latency_ms: float) -> None:
        self.app = app
        self.delay = max(0.0, latency_ms) / 1000

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if self.delay:
            time.sleep(self.delay)
        return self.app(environ, start_response)
