"""Shared state of one generation run: clock, random streams, ids and the output list."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta, timezone

MSK = timezone(timedelta(hours=3), "MSK")
EARLIEST_ZONE = timezone(timedelta(hours=14))  # Line Islands: the first place a day begins


def years_before(day: date, years: int) -> date:
    """The same calendar day ``years`` earlier (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def instant(moment: datetime) -> str:
    """FHIR instant in UTC with a Z suffix."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_dt(moment: datetime) -> str:
    """FHIR dateTime in the clinic's local time (Moscow)."""
    return moment.astimezone(MSK).isoformat(timespec="seconds")


class Builder:
    """Collects resources and stamps each with ``meta.lastUpdated``.

    Each part of the data draws from its own random stream (``rng(name)``), so adding
    records to one part never changes another part's output.
    """

    def __init__(self, seed: int, today: date) -> None:
        self.seed = seed
        self.today = today
        # Everything was recorded before ``today`` began anywhere on Earth (UTC+14), so
        # whatever the local time zone that made ``today``, a write made during the demo
        # is newer than all generated data (sync watermarks stay exact).
        self.cutoff = datetime.combine(today, time(0), tzinfo=EARLIEST_ZONE) - timedelta(minutes=1)
        self.resources: list[dict] = []
        self._counters: dict[str, int] = {}
        self.visit_log: list = []  # visits.VisitLog, for costs and appointment history
        # encounter id -> extra billed services (code, name, price, quantity)
        self.extra_items: dict[str, list[tuple[str, str, float, int]]] = {}

    def rng(self, name: str) -> random.Random:
        return random.Random(f"{self.seed}/{name}")

    def new_id(self, prefix: str) -> str:
        n = self._counters.get(prefix, 0) + 1
        self._counters[prefix] = n
        return f"{prefix}-{n}"

    def at(self, day: date, hour: int = 9, minute: int = 0) -> datetime:
        """A Moscow-local moment on ``day``."""
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=MSK)

    def days_ago(self, days: int, hour: int = 9, minute: int = 0) -> datetime:
        return self.at(self.today - timedelta(days=days), hour, minute)

    def recorded(self, key: str, clinical: datetime, late: bool | None = None) -> datetime:
        """When a record made at ``clinical`` reached the portal.

        Usually minutes to hours later; about one record in ten is entered days later
        (doctors fill records in late). Never after the cutoff. Drawn from the record's
        own key, so one record's delay does not depend on how many came before it.
        """
        rng = random.Random(f"{self.seed}/lag/{key}")
        if late is None:
            late = rng.random() < 0.1
        if late:
            lag = timedelta(days=rng.randint(1, 12), minutes=rng.randint(0, 600))
        else:
            lag = timedelta(minutes=rng.randint(3, 240), seconds=rng.randint(0, 59))
        return min(clinical + lag, self.cutoff)

    def add(
        self, resource: dict, clinical: datetime | None = None, late: bool | None = None
    ) -> dict:
        """Stamp and append ``resource``; ``clinical`` is when it happened (default: long ago)."""
        key = f"{resource['resourceType']}/{resource['id']}"
        moment = (
            self.recorded(key, clinical, late)
            if clinical is not None
            else self.cutoff - timedelta(days=400)
        )
        resource["meta"] = {"versionId": "1", "lastUpdated": instant(moment)}
        self.resources.append(resource)
        return resource
