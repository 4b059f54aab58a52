"""Lab trends models: the grouped, searchable analyte list and chart-series loading.

The analyte list is small (tens of rows), so a QStandardItemModel tree is enough; the
heavy part — series of thousands of points — is loaded off the GUI thread as numpy arrays
(`load_series`) and handed to the chart as plain dataclasses.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from desktop.models.formats import format_date, format_unit, local_moment
from desktop.models.formats import format_number as format_number  # re-exported
from desktop.models.labs.series import ChartSeries, LabPoint, build_series, companions
from desktop.services import units
from desktop.services.cache import Analyte, Cache
from desktop.services.diary import entries as diary
from desktop.services.i18n import N_

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
SELF_MEASURED_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3

GROUP_ORDER = ("blood chemistry", "blood count", "urine", "hormones", "vital signs", "diary")

# Measurements the app knows by LOINC code are named in the window's language whatever
# wrote the record (this app in another language, a device, the clinic): one name, so a
# diary series never splits into "Систолическое АД" and "Systolic blood pressure".
KNOWN_NAMES: dict[str, str] = {
    **{m.code: m.label for m in diary.MEASURES.values()},
    diary.BP_PANEL: N_("Blood pressure"),
    "8302-2": N_("Height"),
    "39156-5": N_("Body mass index"),
}
# The symbols of the two columns differ on purpose: triangles say where the value lies
# against its reference range, arrows how it moved since the previous one.
RANGE_MARKS = {1: "▲", -1: "▼"}
TREND_MARKS = {1: "↗", -1: "↘", 0: "→"}


def analyte_name(code: str, display: str) -> str:
    """The name the list and the chart show: translated when the code is a known one
    (the diary's measurements and the vital signs), else as the record names it."""
    known = KNOWN_NAMES.get(code)
    return QCoreApplication.translate("medcard", known) if known else display


def trend_tooltip(trend: int) -> str:
    return {
        1: QCoreApplication.translate("labs", "Rising since the previous value"),
        -1: QCoreApplication.translate("labs", "Falling since the previous value"),
    }.get(trend, QCoreApplication.translate("labs", "Same as the previous value"))


def range_tooltip(side: int, abnormal: bool) -> str:
    if side > 0:
        return QCoreApplication.translate("labs", "Above the reference range")
    if side < 0:
        return QCoreApplication.translate("labs", "Below the reference range")
    if abnormal:
        return QCoreApplication.translate("labs", "Out of the reference range")
    return QCoreApplication.translate("labs", "Within the reference range")


def group_label(group: str) -> str:
    labels = {
        "blood chemistry": QCoreApplication.translate("labs", "Blood chemistry"),
        "blood count": QCoreApplication.translate("labs", "Blood count"),
        "urine": QCoreApplication.translate("labs", "Urine"),
        "hormones": QCoreApplication.translate("labs", "Hormones"),
        "vital signs": QCoreApplication.translate("labs", "Vital signs"),
        "diary": QCoreApplication.translate("labs", "Health diary"),
    }
    return labels.get(group, group)


@dataclass(frozen=True)
class SeriesKey:
    """What the user selected: an analyte code, from the lab or from the diary."""

    code: str
    title: str
    self_measured: bool


class AnalyteTreeModel(QStandardItemModel):
    """Groups -> analytes; columns: name, latest value (with its range mark), date, trend."""

    COLUMNS = 4
    COL_NAME, COL_LATEST, COL_DATE, COL_TREND = range(COLUMNS)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, self.COLUMNS, parent)
        self.analytes: list[Any] = []
        self._set_headers()

    def _set_headers(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("labs", "Analyte"),
                QCoreApplication.translate("labs", "Latest"),
                QCoreApplication.translate("labs", "Date"),
                QCoreApplication.translate("labs", "Trend"),
            ]
        )
        tips = (
            "",
            QCoreApplication.translate("labs", "The latest value; ▲ above, ▼ below its range"),
            QCoreApplication.translate("labs", "Date of the latest value"),
            QCoreApplication.translate("labs", "Change since the previous value: ↗ ↘ →"),
        )
        for column, tip in enumerate(tips):
            self.setHeaderData(column, Qt.Orientation.Horizontal, tip, Qt.ItemDataRole.ToolTipRole)

    def set_analytes(self, analytes: Sequence[Any]) -> None:
        """Fill from `cache.labs.analytes()` rows (code, display, group, unit, latest_*...)."""
        self.analytes = list(analytes)
        self.removeRows(0, self.rowCount())
        self._set_headers()
        by_group: dict[str, list[Any]] = {}
        for analyte in analytes:
            by_group.setdefault(analyte.group, []).append(analyte)
        order = [g for g in GROUP_ORDER if g in by_group] + sorted(
            g for g in by_group if g not in GROUP_ORDER
        )
        locale = QLocale()
        for group in order:
            head = QStandardItem(group_label(group))
            head.setSelectable(False)
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setData(group_label(group).lower(), SEARCH_ROLE)
            fillers = [QStandardItem() for _ in range(self.COLUMNS - 1)]
            for filler in fillers:
                filler.setSelectable(False)
            for analyte in sorted(by_group[group], key=lambda a: a.display.lower()):
                head.appendRow(self._row(analyte, locale))
            self.appendRow([head, *fillers])

    def _row(self, analyte: Any, locale: QLocale) -> list[QStandardItem]:
        self_measured = analyte.group == "diary"
        shown = analyte_name(analyte.code, analyte.display)
        name = QStandardItem(shown)
        name.setData(analyte.code, CODE_ROLE)
        name.setData(self_measured, SELF_MEASURED_ROLE)
        name.setData(f"{shown} {analyte.display} {analyte.code}".lower(), SEARCH_ROLE)
        name.setToolTip(f"{shown} (LOINC {analyte.code})")
        value = f"{format_number(analyte.latest_value, locale)} {format_unit(analyte.unit)}"
        side = int(getattr(analyte, "range_side", 0))
        mark = RANGE_MARKS.get(side, "!" if analyte.abnormal else "")
        latest = QStandardItem(f"{mark} {value.strip()}".strip())
        latest.setToolTip(range_tooltip(side, analyte.abnormal))
        date = QStandardItem(format_date(local_moment(analyte.latest_time), locale))
        trend = QStandardItem(TREND_MARKS.get(analyte.trend, "→"))
        trend.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        trend.setToolTip(trend_tooltip(analyte.trend))
        trend.setForeground(QBrush(QColor(96, 96, 96)))
        if analyte.abnormal:
            latest.setForeground(QBrush(QColor(198, 40, 40)))
        row = [name, latest, date, trend]
        for item in row:
            item.setEditable(False)
        for item in row[1:]:
            item.setData(analyte.code, CODE_ROLE)
            item.setData(self_measured, SELF_MEASURED_ROLE)
        return row

    def first_key(self) -> SeriesKey | None:
        """The first analyte of the first group (what a card without defaults shows)."""
        group = self.index(0, 0)
        if not group.isValid() or self.rowCount(group) == 0:
            return None
        return self.key_for(self.index(0, 0, group))

    def key_for(self, index: QModelIndex) -> SeriesKey | None:
        code = index.data(CODE_ROLE)
        if not code:
            return None
        name = index.siblingAtColumn(0).data(Qt.ItemDataRole.DisplayRole)
        return SeriesKey(str(code), str(name), bool(index.data(SELF_MEASURED_ROLE)))


class AnalyteFilter(QSortFilterProxyModel):
    """Search box filter: keeps a group when any analyte in it matches."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(0)

    def set_text(self, text: str) -> None:
        self.setFilterFixedString(text.strip().lower())


def analytes_of(cache: Cache, patient_id: str) -> list[Analyte]:
    """Read pool: the analyte list of one card."""
    return cache.labs.analytes(patient_id)


def load_series(
    cache: Cache,
    patient_id: str,
    keys: Iterable[SeriesKey],
    pending: Sequence[LabPoint] = (),
    pending_codes: Sequence[str] = (),
) -> list[ChartSeries]:
    """Series for the selected analytes (worker thread): one chart per analyte family.

    Lab values and diary readings of the same analyte share one chart (diary points are
    drawn apart); codes of one analyte measured in different specimens (plasma vs
    capillary glucose) too. ``pending`` are diary entries not yet sent, by code.
    """
    out: list[ChartSeries] = []
    seen: set[frozenset[str]] = set()
    for key in keys:
        family = companions(key.code)
        if family in seen:
            continue
        seen.add(family)
        points: list[Any] = []
        for code in sorted(family):
            points.extend(cache.labs.series(patient_id, code))
        points.extend(p for p, c in zip(pending, pending_codes, strict=True) if c in family)
        out.append(build_series(key.code, key.title, points, unit=_preferred_unit(points)))
    return out


def _preferred_unit(points: Sequence[Any]) -> str | None:
    """The unit of the lab values (not the diary's) decides, so the lab scale is kept."""
    lab_units = [
        str(getattr(p, "unit", "") or "") for p in points if not getattr(p, "self_measured", False)
    ]
    return units.choose_unit(lab_units) if lab_units else None


def series_rows(series: Sequence[ChartSeries], zone: Any) -> list[list[str]]:
    """CSV rows of the charted data: what is on screen, plus the values shown apart."""
    rows = [
        [
            "analyte",
            "code",
            "date_time",
            "value",
            "unit",
            "reported_value",
            "reported_unit",
            "lab",
            "self_measured",
            "out_of_range",
            "on_chart",
        ]
    ]
    for item in series:
        for index, point in enumerate(item.points):
            rows.append(
                [
                    item.title,
                    item.code,
                    _iso(point.time, zone),
                    f"{item.values[index]:.6g}",
                    item.unit,
                    f"{point.value:g}",
                    point.unit,
                    point.source or "",
                    _yes(point.self_measured),
                    _yes(bool(item.abnormal[index])),
                    "yes",
                ]
            )
        for point in item.apart:
            rows.append(
                [
                    item.title,
                    item.code,
                    _iso(point.time, zone),
                    "",
                    "",
                    f"{point.value:g}",
                    point.unit,
                    point.source or "",
                    _yes(point.self_measured),
                    "",
                    "no (unit not convertible)",
                ]
            )
    return rows


def _iso(epoch: float, zone: Any) -> str:
    return datetime.fromtimestamp(epoch, zone).isoformat(timespec="minutes")


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"
