"""FHIR date-time text <-> aware datetimes, one implementation for the whole service layer."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def parse_instant(value: Any) -> datetime | None:
    """FHIR instant/dateTime -> aware datetime (UTC when the text has no offset)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
