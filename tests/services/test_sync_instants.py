"""The $everything stream's "newest instant" comparison (pure, no portal)."""

from __future__ import annotations

import itertools

from desktop.services.sync.fetch import _later
from desktop.services.sync.watermarks import parse_instant

STAMPS = [
    "2026-11-24T09:59:00.008Z",
    "2026-11-24T09:59:00.010Z",
    "2026-11-24T09:59:00Z",
    "2026-11-24T12:59:00.009+03:00",
    "2026-11-24T09:59:00.0085Z",
    "2006-02-07T12:05:49.000Z",
    "2026-11-24T10:00:00.000Z",
    "2025-12-31T23:59:59.999Z",
    "2026-01-01T00:00:00.000Z",
]


def test_later_agrees_with_parsed_time_for_every_pair() -> None:
    for a, b in itertools.product(STAMPS, repeat=2):
        pa, pb = parse_instant(a), parse_instant(b)
        assert pa is not None and pb is not None
        assert _later(a, b) == (pa > pb), (a, b)
