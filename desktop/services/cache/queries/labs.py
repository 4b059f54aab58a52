"""Numeric observations for the Lab trends tab: the analyte list and one analyte's series."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..types import Analyte, ObsPoint

if TYPE_CHECKING:
    from ..core import Cache

# Grouping by LOINC code first, then by words in the name (Russian and English).
_GROUP_CODES = {
    "blood count": {
        "718-7",
        "789-8",
        "6690-2",
        "777-3",
        "4544-3",
        "787-2",
        "785-6",
        "786-4",
        "788-0",
        "30341-2",
        "4537-7",
        "770-8",
        "731-0",
        "26464-8",
        "26515-7",
        "32623-1",
        "21000-5",
    },
    "urine": {
        "5811-5",
        "5803-2",
        "5804-0",
        "5794-3",
        "2514-8",
        "5792-7",
        "20454-5",
        "25428-4",
        "5770-3",
        "5799-2",
        "14959-1",
        "2888-6",
    },
    "hormones": {
        "3016-3",
        "3024-7",
        "3026-2",
        "3051-0",
        "2143-6",
        "2986-8",
        "2243-4",
        "20448-7",
        "2842-3",
        "1986-9",
        "83098-4",
    },
}
_GROUP_WORDS = (
    ("urine", ("urine", "моч", "urin")),
    (
        "hormones",
        (
            "тиреотроп",
            "ттг",
            "tsh",
            "thyroxine",
            "тироксин",
            "insulin",
            "инсулин",
            "cortisol",
            "кортизол",
            "testosterone",
            "тестостерон",
            "estradiol",
            "эстрадиол",
            "prolactin",
            "пролактин",
            "hormone",
            "гормон",
        ),
    ),
    (
        "blood count",
        (
            "hemoglobin",
            "гемоглобин",
            "erythrocyte",
            "эритроцит",
            "leukocyte",
            "лейкоцит",
            "platelet",
            "тромбоцит",
            "hematocrit",
            "гематокрит",
            "mcv",
            "mch",
            "rdw",
            "соэ",
            "esr",
            "neutrophil",
            "нейтрофил",
            "lymphocyte",
            "лимфоцит",
            "blood count",
        ),
    ),
)


def analyte_group(code: str, display: str, category: str | None, self_measured: bool) -> str:
    if self_measured:
        return "diary"
    if category == "vital-signs":
        return "vital signs"
    name = display.lower()
    if ("glyc" in name or "гликир" in name or "a1c" in name) and code != "718-7":
        return "blood chemistry"  # HbA1c mentions haemoglobin but is chemistry
    for group, codes in _GROUP_CODES.items():
        if code in codes:
            return group
    for group, words in _GROUP_WORDS:
        if any(w in name for w in words):
            return group
    return "blood chemistry"


def _abnormal(value: float, low: float | None, high: float | None, interp: str | None) -> bool:
    if interp and interp.upper() in ("H", "HH", "L", "LL", "A", "AA", "HU", "LU"):
        return True
    return (low is not None and value < low) or (high is not None and value > high)


def _range_side(value: float, low: float | None, high: float | None, interp: str | None) -> int:
    """+1 above the reference range, -1 below, 0 within it or when the side is unknown."""
    code = (interp or "").upper()
    if code in ("H", "HH", "HU") or (high is not None and value > high):
        return 1
    if code in ("L", "LL", "LU") or (low is not None and value < low):
        return -1
    return 0


class LabQueries:
    """`cache.labs`."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def analytes(self, patient_id: str) -> list[Analyte]:
        """Every numeric analyte of the person with its latest value and trend, by group/name.

        A diary and a lab value of the same code are separate analytes (self-measured
        readings are marked apart on the charts). One grouped count, then two index seeks
        per analyte: fast with 100 000 values, where a window over all rows is not.
        """
        groups_sql = (
            "SELECT code, self_measured, count(*) FROM observations"
            " WHERE patient_id = ? GROUP BY code, self_measured"
        )
        latest_sql = (
            "SELECT display, unit, value, time, ref_low, ref_high, interpretation, category"
            " FROM observations WHERE patient_id = ? AND code = ? AND self_measured = ?"
            " ORDER BY time DESC, id DESC LIMIT 2"
        )
        found: list[Analyte] = []
        with self._cache.read() as conn:
            for code, self_measured, n in conn.exec_driver_sql(groups_sql, (patient_id,)).all():
                rows = conn.exec_driver_sql(latest_sql, (patient_id, code, self_measured)).all()
                display, unit, value, time, low, high, interp, category = rows[0]
                previous = rows[1][2] if len(rows) > 1 else None
                trend = 0 if previous is None else (value > previous) - (value < previous)
                found.append(
                    Analyte(
                        code=code,
                        display=display,
                        unit=unit,
                        latest_value=value,
                        latest_time=time or 0.0,
                        previous_value=previous,
                        trend=trend,
                        group=analyte_group(code, display, category, bool(self_measured)),
                        abnormal=_abnormal(value, low, high, interp),
                        count=n,
                        range_side=_range_side(value, low, high, interp),
                    )
                )
        return sorted(found, key=lambda a: (a.group, a.display.lower()))

    def series(
        self, patient_id: str, code: str, self_measured: bool | None = None
    ) -> list[ObsPoint]:
        """All values of one analyte, oldest first (both lab and diary unless chosen)."""
        sql = (
            "SELECT time, value, unit, ref_low, ref_high, interpretation, source,"
            " self_measured, resource_id, component FROM observations"
            " WHERE patient_id = ? AND code = ? AND time IS NOT NULL"
        )
        params: list[object] = [patient_id, code]
        if self_measured is not None:
            sql += " AND self_measured = ?"
            params.append(int(self_measured))
        sql += " ORDER BY time, id"
        with self._cache.read() as conn:
            rows = conn.exec_driver_sql(sql, tuple(params)).all()
        return [
            ObsPoint(
                time=t,
                value=v,
                unit=u,
                ref_low=lo,
                ref_high=hi,
                interpretation=i,
                abnormal=_abnormal(v, lo, hi, i),
                source=s,
                self_measured=bool(sm),
                resource_id=rid,
                component=comp,
            )
            for t, v, u, lo, hi, i, s, sm, rid, comp in rows
        ]
