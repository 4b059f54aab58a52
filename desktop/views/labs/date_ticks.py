"""Date-axis ticks computed in a real time zone (DST-aware), labelled in the UI language.

pyqtgraph's DateAxisItem works with one fixed UTC offset, so across a daylight-saving
change its "midnight" ticks drift by an hour and a day can be labelled twice. Here ticks
are generated as local calendar dates in a zoneinfo zone and converted to epoch seconds
one by one, so each lands on its own local midnight (or hour).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

HOUR = 3600.0
DAY = 86400.0


@dataclass(frozen=True)
class TickLevel:
    unit: str  # "year", "month", "day", "hour"
    step: int
    approx: float  # approximate spacing in seconds (for choosing a level)


LEVELS = [
    TickLevel("year", 10, 3652 * DAY),
    TickLevel("year", 5, 1826 * DAY),
    TickLevel("year", 2, 730 * DAY),
    TickLevel("year", 1, 365 * DAY),
    TickLevel("month", 6, 182 * DAY),
    TickLevel("month", 3, 91 * DAY),
    TickLevel("month", 1, 30.4 * DAY),
    TickLevel("day", 14, 14 * DAY),
    TickLevel("day", 7, 7 * DAY),
    TickLevel("day", 2, 2 * DAY),
    TickLevel("day", 1, DAY),
    TickLevel("hour", 12, 12 * HOUR),
    TickLevel("hour", 6, 6 * HOUR),
    TickLevel("hour", 3, 3 * HOUR),
    TickLevel("hour", 1, HOUR),
]


def choose_levels(
    span: float, pixels: float, min_px: float = 80.0
) -> tuple[TickLevel, TickLevel | None]:
    """The finest level whose labels keep ``min_px`` apart, and the next finer for minor ticks."""
    if span <= 0 or pixels <= 0:
        return LEVELS[3], None
    per_px = span / pixels
    for index, level in enumerate(LEVELS):
        finer = LEVELS[index + 1] if index + 1 < len(LEVELS) else None
        if finer is None or finer.approx / per_px < min_px:
            return level, finer
    return LEVELS[-1], None  # pragma: no cover


def _start(moment: datetime, level: TickLevel) -> datetime:
    """The first tick boundary at or before ``moment`` (local wall time, naive)."""
    if level.unit == "year":
        return datetime(moment.year - moment.year % level.step, 1, 1)
    if level.unit == "month":
        month0 = (moment.month - 1) - (moment.month - 1) % level.step
        return datetime(moment.year, month0 + 1, 1)
    if level.unit == "day":
        if level.step == 7:  # weeks start on Monday, as in Russia and most of Europe
            monday = moment - timedelta(days=moment.weekday())
            return datetime(monday.year, monday.month, monday.day)
        return datetime(moment.year, moment.month, 1)
    return datetime(moment.year, moment.month, moment.day)


def _advance(wall: datetime, level: TickLevel) -> datetime:
    if level.unit == "year":
        return wall.replace(year=wall.year + level.step)
    if level.unit == "month":
        months = wall.month - 1 + level.step
        return wall.replace(year=wall.year + months // 12, month=months % 12 + 1)
    if level.unit == "day":
        return wall + timedelta(days=level.step)
    return wall + timedelta(hours=level.step)


_ONE_MONTH = TickLevel("month", 1, 0)


def _walls(first: datetime, level: TickLevel) -> Iterator[datetime]:
    """Tick wall times from the boundary before ``first`` onwards (endless; caller stops)."""
    if level.unit == "day" and level.step in (2, 14):
        # Every-N-days ticks restart on the 1st so labels stay on round dates (1, 3, 5...).
        month = datetime(first.year, first.month, 1)
        while True:
            day = month
            while day.month == month.month:
                if not (level.step == 14 and day.day > 15):
                    yield day
                day += timedelta(days=level.step)
            month = _advance(month, _ONE_MONTH)
    wall = _start(first, level)
    while True:
        yield wall
        wall = _advance(wall, level)


def tick_times(lo: float, hi: float, level: TickLevel, zone: tzinfo) -> list[float]:
    """Epoch seconds of the ticks of ``level`` between ``lo`` and ``hi`` in ``zone``."""
    if hi <= lo:
        return []
    first = datetime.fromtimestamp(lo, zone).replace(tzinfo=None)
    out: list[float] = []
    for wall in _walls(first, level):
        # A wall time in a spring-forward gap maps onto the next real hour: skip repeats.
        epoch = wall.replace(tzinfo=zone).timestamp()
        if epoch > hi:
            break
        if epoch >= lo and (not out or epoch > out[-1]):
            out.append(epoch)
    return out


# (month 1..12, standalone) -> short month name in the UI language. Standalone is the
# nominative ("март 2024"); otherwise the form used after a day number ("29 мар.", "1 мая").
MonthName = Callable[[int, bool], str]


def tick_label(epoch: float, level: TickLevel, zone: tzinfo, month_name: MonthName) -> str:
    """A label at the precision of the level: "2024", "мар 2024", "29 мар", "03:00"."""
    moment = datetime.fromtimestamp(epoch, zone)
    if level.unit == "year":
        return str(moment.year)
    if level.unit == "month":
        if moment.month == 1 or level.step >= 3:
            return f"{month_name(moment.month, True)} {moment.year}"
        return month_name(moment.month, True)
    if level.unit == "day" or moment.hour == 0:
        return f"{moment.day} {month_name(moment.month, False)}"
    return f"{moment.hour:02d}:{moment.minute:02d}"
