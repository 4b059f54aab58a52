"""Chart-ready series of one analyte: one unit, flags per point, and what stays apart.

Built from the cache's numeric observations (plain objects with ``time, value, unit,
ref_low, ref_high, interpretation, source, self_measured``). Plain numpy arrays out, so
the chart draws 10 000 points without touching Python objects per point.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from desktop.services import units

ABNORMAL_CODES = frozenset({"H", "HH", "HU", "L", "LL", "LU", "A", "AA", ">", "<"})

# Analytes whose codes differ only by specimen or method: plotted together, so a
# glucometer's readings (blood, 2339-0) stand beside the lab's (plasma, 2345-7).
SAME_ANALYTE: tuple[frozenset[str], ...] = (
    frozenset({"2345-7", "2339-0", "41653-7", "15074-8", "14749-6", "14743-9"}),
)


def companions(code: str) -> frozenset[str]:
    """Codes to plot together with ``code`` (itself included)."""
    for family in SAME_ANALYTE:
        if code in family:
            return family
    return frozenset({code})


@dataclass(frozen=True)
class LabPoint:
    time: float  # epoch seconds, UTC
    value: float
    unit: str
    ref_low: float | None = None
    ref_high: float | None = None
    interpretation: str | None = None
    source: str | None = None  # lab / organization
    self_measured: bool = False
    pending: bool = False  # a diary entry not sent to the portal yet


def point_from(obj: Any) -> LabPoint | None:
    """Adapt a cache row/dataclass; None when it has no time or value."""

    def get(name: str, default: Any = None) -> Any:
        if isinstance(obj, dict):
            return obj.get(name, default)
        return getattr(obj, name, default)

    time, value = get("time"), get("value")
    if time is None or value is None:
        return None
    try:
        time_f, value_f = float(time), float(value)
    except (TypeError, ValueError):
        return None
    if math.isnan(value_f) or math.isnan(time_f):
        return None
    return LabPoint(
        time_f,
        value_f,
        str(get("unit") or ""),
        _float(get("ref_low")),
        _float(get("ref_high")),
        get("interpretation"),
        get("source"),
        bool(get("self_measured", False)),
        bool(get("pending", False)),
    )


def _float(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class ChartSeries:
    code: str
    title: str
    unit: str  # the one unit of ``values``
    times: np.ndarray  # float64 epoch seconds, ascending
    values: np.ndarray  # float64, in ``unit``
    abnormal: np.ndarray  # bool
    self_measured: np.ndarray  # bool
    pending: np.ndarray  # bool
    points: list[LabPoint]  # originals, same order (tooltips, CSV)
    ref_low: float | None = None  # latest reference range, in ``unit``
    ref_high: float | None = None
    converted_from: tuple[str, ...] = ()  # original units of converted values
    apart: list[LabPoint] = field(default_factory=list)  # not convertible to ``unit``

    def __len__(self) -> int:
        return len(self.points)


def _convert_or_none(value: float | None, unit: str, target: str, code: str) -> float | None:
    if value is None:
        return None
    try:
        return units.convert(value, unit, target, code)
    except units.UnitMismatch:
        return None


def build_series(code: str, title: str, raw: Iterable[Any], unit: str | None = None) -> ChartSeries:
    """Sort by time, bring to one unit, flag out-of-range points, set the apart ones aside."""
    points = sorted(
        (p for p in (point_from(r) for r in raw) if p is not None), key=lambda p: p.time
    )
    harmonized = units.harmonize([(p.value, p.unit) for p in points], code, unit)
    kept: list[LabPoint] = []
    values: list[float] = []
    abnormal: list[bool] = []
    low = high = None
    for point, value in zip(points, harmonized.values, strict=True):
        if value is None:
            continue
        point_low = _convert_or_none(point.ref_low, point.unit, harmonized.unit, code)
        point_high = _convert_or_none(point.ref_high, point.unit, harmonized.unit, code)
        if not point.self_measured and (point_low is not None or point_high is not None):
            low, high = point_low, point_high  # the latest lab's range wins
        out = (point_low is not None and value < point_low) or (
            point_high is not None and value > point_high
        )
        flagged = (point.interpretation or "").upper() in ABNORMAL_CODES
        kept.append(point)
        values.append(value)
        abnormal.append(bool(out or flagged))
    # Home readings carry no range of their own: they are judged by the band the chart
    # shows (the latest lab's), so a point outside the shaded band is always highlighted.
    for index, point in enumerate(kept):
        if point.self_measured and point.ref_low is None and point.ref_high is None:
            value = values[index]
            abnormal[index] = (
                abnormal[index]
                or (low is not None and value < low)
                or (high is not None and value > high)
            )
    apart = [points[i] for i in harmonized.apart]
    return ChartSeries(
        code=code,
        title=title,
        unit=harmonized.unit,
        times=np.fromiter((p.time for p in kept), dtype=np.float64, count=len(kept)),
        values=np.asarray(values, dtype=np.float64),
        abnormal=np.asarray(abnormal, dtype=bool),
        self_measured=np.fromiter((p.self_measured for p in kept), dtype=bool, count=len(kept)),
        pending=np.fromiter((p.pending for p in kept), dtype=bool, count=len(kept)),
        points=kept,
        ref_low=low,
        ref_high=high,
        converted_from=harmonized.converted_from,
        apart=apart,
    )


def trend(values: Sequence[float], tolerance: float = 0.03) -> int:
    """-1 falling, 0 steady, +1 rising: the last value against the one before."""
    if len(values) < 2:
        return 0
    last, before = values[-1], values[-2]
    scale = max(abs(before), 1e-9)
    change = (last - before) / scale
    return 0 if abs(change) < tolerance else (1 if change > 0 else -1)
