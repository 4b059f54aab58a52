"""Trend charts: one stacked plot per analyte, X axes linked, dates in the user's zone.

Each plot shows the reference range as a shaded band, the values as a line with points,
out-of-range points in red, self-measured (diary) points as hollow diamonds, and a tooltip
with value, unit, date and lab on hover. Plots of different units are never merged.
"""

from __future__ import annotations

import html
import time as _time
from dataclasses import dataclass
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLocale, QPointF, Qt, QTimeZone, Signal
from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import QToolTip, QVBoxLayout, QWidget

from desktop.models.formats import format_date, format_time, format_unit
from desktop.models.labs.series import ChartSeries
from desktop.services.units import same_unit
from desktop.views.labs.date_ticks import choose_levels, tick_label, tick_times

_YEAR = 365.25 * 86400
BAND = QColor(76, 175, 80, 40)
LINE = QColor(33, 100, 170)
ABNORMAL = QColor(211, 47, 47)
DIARY = QColor(123, 31, 162)
PLOT_GAP = 12  # between stacked plots: each title sits clear of the plot above
DENSE_POINTS = 1500  # above this many visible points ordinary lab dots are not drawn


@dataclass
class PointLayers:
    lab: pg.ScatterPlotItem
    diary: pg.ScatterPlotItem
    pending: pg.ScatterPlotItem
    abnormal: pg.ScatterPlotItem  # lab values out of range
    diary_abnormal: pg.ScatterPlotItem  # own readings out of range


def system_zone() -> tzinfo:
    """The computer's IANA time zone (DST-aware), UTC when it cannot be named."""
    try:
        return ZoneInfo(bytes(QTimeZone.systemTimeZoneId().data()).decode())
    except (ZoneInfoNotFoundError, ValueError, UnicodeDecodeError):
        return datetime.now().astimezone().tzinfo or ZoneInfo("UTC")


class LocaleDateAxis(pg.DateAxisItem):
    """DateAxisItem (epoch seconds) whose ticks sit on local midnights across DST changes
    and whose labels use the UI language's month names."""

    def __init__(self, zone: tzinfo, locale: QLocale | None = None, **kwargs: object) -> None:
        super().__init__(orientation="bottom", **kwargs)
        self._zone = zone
        self._fixed_locale = locale  # None: the application's current language
        self._level = choose_levels(_YEAR, 100)[0]

    def _month(self, month: int, standalone: bool) -> str:
        fmt = QLocale.FormatType.ShortFormat
        if standalone:
            return self.locale.standaloneMonthName(month, fmt)
        return self.locale.monthName(month, fmt)

    @property
    def locale(self) -> QLocale:
        return self._fixed_locale or QLocale()

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802
        self._level, _ = choose_levels(maxVal - minVal, size)
        return [(self._level.approx, tick_times(minVal, maxVal, self._level, self._zone))]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [tick_label(v, self._level, self._zone, self._month) for v in values]


class TrendChart(QWidget):
    """Stacked, X-linked plots for the selected analytes."""

    pointsShown = Signal(int)  # how many points the plots hold (for status/tests)

    def __init__(
        self,
        parent: QWidget | None = None,
        zone: tzinfo | None = None,
        locale: QLocale | None = None,
    ) -> None:
        super().__init__(parent)
        self.zone = zone or system_zone()
        self._fixed_locale = locale  # None: follow the UI language as it changes
        self.view = pg.GraphicsLayoutWidget(self)
        self.view.setBackground("w")
        self.view.ci.setSpacing(PLOT_GAP)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.plots: list[pg.PlotItem] = []
        self.series: list[ChartSeries] = []
        self.bands: list[pg.LinearRegionItem | None] = []
        self.layers: list[PointLayers] = []
        self.markers: list[pg.ScatterPlotItem] = []
        self.view.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # -- content --------------------------------------------------------------------

    def set_series(self, series: list[ChartSeries]) -> None:
        self.view.clear()
        self.plots, self.bands, self.layers, self.markers = [], [], [], []
        self.series = [s for s in series if len(s)]
        first: pg.PlotItem | None = None
        for row, item in enumerate(self.series):
            axis = LocaleDateAxis(self.zone, self._fixed_locale)
            plot = self.view.addPlot(row=row, col=0, axisItems={"bottom": axis})
            self._fill(plot, item)
            if first is None:
                first = plot
            else:
                plot.setXLink(first)
            if row < len(self.series) - 1:
                # One date scale, under the lowest plot; an axis line without labels above
                # would crowd the next plot's title.
                plot.hideAxis("bottom")
            self.plots.append(plot)
        if first is not None:
            self.show_all()
        self.pointsShown.emit(sum(len(s) for s in self.series))

    def _fill(self, plot: pg.PlotItem, item: ChartSeries) -> None:
        plot.showGrid(x=False, y=True, alpha=0.15)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        view_box = plot.getViewBox()
        view_box.setMouseMode(pg.ViewBox.PanMode)
        # Drag and wheel move through time; the value axis follows what is visible.
        view_box.setMouseEnabled(x=True, y=False)
        unit = format_unit(item.unit)
        title = f"{item.title}, {unit}" if unit else item.title
        if item.converted_from:
            note = QCoreApplication.translate("labs", "converted from {units}")
            title += " — " + note.format(
                units=", ".join(format_unit(u) for u in item.converted_from)
            )
        plot.setTitle(html.escape(title), size="10pt", color="#333")  # the label is HTML
        plot.getAxis("left").setWidth(56)
        self.bands.append(self._band(plot, item))
        # ~200 anchors are enough for auto-range in any zoomed window, and cost nothing.
        anchors = np.append(item.times[:: max(1, len(item) // 200)], item.times[-1])
        for edge in (item.ref_low, item.ref_high):
            if edge is not None:
                # Invisible, but counted by auto-range: the normal range stays in view even
                # when every value is far from it (HbA1c 8 % against 4–6 %).
                plot.addItem(
                    pg.ScatterPlotItem(
                        x=anchors, y=np.full(len(anchors), edge), size=0, pen=None, brush=None
                    )
                )
        # Lab values and home readings get lines of their own: one line through both
        # would zigzag between two kinds of measurement. Width 1 is the fast cosmetic path.
        for mask, pen in (
            (~item.self_measured, pg.mkPen(LINE, width=1)),
            (item.self_measured, pg.mkPen(DIARY, width=1, style=Qt.PenStyle.DotLine)),
        ):
            if mask.any():
                line = plot.plot(item.times[mask], item.values[mask], pen=pen)
                line.setClipToView(True)
                line.setDownsampling(auto=True, method="peak")
        # Uniform-style layers draw far faster than per-point styles; the dense layer of
        # ordinary lab points is hidden while too many are visible to tell apart.
        lab, own, out = ~item.self_measured, item.self_measured, item.abnormal
        red_pen = pg.mkPen(ABNORMAL, width=1.5)
        layers = PointLayers(
            lab=self._layer(plot, item, lab & ~out, "o", 7, pg.mkBrush(LINE), pg.mkPen(LINE)),
            diary=self._layer(
                plot,
                item,
                own & ~item.pending & ~out,
                "d",
                9,
                pg.mkBrush("w"),
                pg.mkPen(DIARY, width=1.5),
            ),
            pending=self._layer(
                plot,
                item,
                item.pending & ~out,
                "d",
                9,
                pg.mkBrush(DIARY),
                pg.mkPen(DIARY, width=1.5),
            ),
            abnormal=self._layer(plot, item, lab & out, "o", 9, pg.mkBrush(ABNORMAL), red_pen),
            diary_abnormal=self._layer(plot, item, own & out, "d", 10, pg.mkBrush("w"), red_pen),
        )
        self.layers.append(layers)
        marker = pg.ScatterPlotItem(size=13, pen=pg.mkPen("k", width=2), brush=pg.mkBrush(None))
        marker.setZValue(20)
        plot.addItem(marker, ignoreBounds=True)
        self.markers.append(marker)
        plot.getViewBox().sigXRangeChanged.connect(self._on_range_changed)

    @staticmethod
    def _layer(
        plot: pg.PlotItem,
        item: ChartSeries,
        mask: np.ndarray,
        symbol: str,
        size: int,
        brush: object,
        pen: object,
    ) -> pg.ScatterPlotItem:
        layer = pg.ScatterPlotItem(
            x=item.times[mask], y=item.values[mask], symbol=symbol, size=size, brush=brush, pen=pen
        )
        plot.addItem(layer)
        return layer

    def _on_range_changed(self, *_: object) -> None:
        lo, hi = self.x_range()
        # While set_series links plot after plot, the later plots have no layers yet.
        for item, layers in zip(self.series, self.layers, strict=False):
            first, last = np.searchsorted(item.times, [lo, hi])
            layers.lab.setVisible(int(last - first) <= DENSE_POINTS)

    # -- hover ----------------------------------------------------------------------

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        for index, plot in enumerate(self.plots):
            vb = plot.getViewBox()
            if not vb.sceneBoundingRect().contains(scene_pos):
                continue
            hit = self.point_near(index, scene_pos)
            for other, marker in enumerate(self.markers):
                if other != index or hit is None:
                    marker.setData([], [])
            if hit is None:
                QToolTip.hideText()
                return
            item = self.series[index]
            self.markers[index].setData([item.times[hit]], [item.values[hit]])
            QToolTip.showText(QCursor.pos(), self.tooltip(index, hit), self.view)
            return
        for marker in self.markers:
            marker.setData([], [])

    def point_near(self, plot_index: int, scene_pos: QPointF, radius: float = 12.0) -> int | None:
        """Index of the point within ``radius`` pixels of a scene position, if any."""
        item = self.series[plot_index]
        vb = self.plots[plot_index].getViewBox()
        here = vb.mapSceneToView(scene_pos)
        at = int(np.searchsorted(item.times, here.x()))
        best, best_dist = None, radius
        # Neighbours in time only: O(log n) whatever the number of points.
        for candidate in range(max(at - 3, 0), min(at + 3, len(item))):
            spot = vb.mapViewToScene(QPointF(item.times[candidate], item.values[candidate]))
            dist = ((spot.x() - scene_pos.x()) ** 2 + (spot.y() - scene_pos.y()) ** 2) ** 0.5
            if dist <= best_dist:
                best, best_dist = candidate, dist
        return best

    def tooltip(self, plot_index: int, index: int) -> str:
        item = self.series[plot_index]
        point = item.points[index]
        when = datetime.fromtimestamp(point.time, self.zone)
        date_text = format_date(when, self.number_locale)
        lines = [
            f"{self._number(float(item.values[index]))} {format_unit(item.unit)}",
            f"{date_text}, {format_time(when, self.number_locale)}",
        ]
        if item.unit and point.unit and not same_unit(point.unit, item.unit):
            reported = QCoreApplication.translate("labs", "Reported as {value} {unit}")
            lines.append(
                reported.format(value=self._number(point.value), unit=format_unit(point.unit))
            )
        if point.self_measured:
            own = QCoreApplication.translate("labs", "Self-measured")
            if point.pending:
                own += " — " + QCoreApplication.translate("labs", "not sent yet")
            lines.append(own)
        elif point.source:
            lines.append(point.source)
        if item.abnormal[index]:
            lines.append(QCoreApplication.translate("labs", "Out of the reference range"))
        return "\n".join(lines)

    def _band(self, plot: pg.PlotItem, item: ChartSeries) -> pg.LinearRegionItem | None:
        low, high = item.ref_low, item.ref_high
        if low is None and high is None:
            return None
        values = item.values
        floor = min(float(values.min()), low if low is not None else np.inf)
        ceiling = max(float(values.max()), high if high is not None else -np.inf)
        pad = (ceiling - floor) * 0.5 or 1.0
        # A one-sided range ("below 5.2") is shaded from the plot's far edge.
        region = (
            low if low is not None else min(0.0, floor - pad),
            high if high is not None else ceiling + pad,
        )
        band = pg.LinearRegionItem(
            values=region,
            orientation="horizontal",
            movable=False,
            brush=pg.mkBrush(BAND),
            pen=pg.mkPen(None),
        )
        band.setZValue(-10)
        plot.addItem(band, ignoreBounds=True)
        return band

    @property
    def number_locale(self) -> QLocale:
        return self._fixed_locale or QLocale()

    def _number(self, value: float) -> str:
        text = self.number_locale.toString(value, "f", 2)
        decimal = self.number_locale.decimalPoint()
        return text.rstrip("0").rstrip(decimal) if decimal in text else text

    # -- navigation -----------------------------------------------------------------

    def show_all(self) -> None:
        if not self.plots:
            return
        lo = min(float(s.times[0]) for s in self.series)
        hi = max(float(s.times[-1]) for s in self.series)
        pad = max((hi - lo) * 0.03, 86400.0)
        self.plots[0].setXRange(lo - pad, hi + pad, padding=0)
        for plot in self.plots:
            plot.enableAutoRange(axis="y")
            plot.setAutoVisible(y=True)

    def show_years(self, years: float, now: float | None = None) -> None:
        if not self.plots:
            return
        end = now if now is not None else _time.time()
        latest = max(float(s.times[-1]) for s in self.series)
        end = max(end, latest)
        self.plots[0].setXRange(end - years * _YEAR, end + 86400.0 * 7, padding=0)
        for plot in self.plots:
            plot.setAutoVisible(y=True)
            plot.enableAutoRange(axis="y")

    def x_range(self) -> tuple[float, float]:
        if not self.plots:
            return 0.0, 0.0
        lo, hi = self.plots[0].getViewBox().viewRange()[0]
        return float(lo), float(hi)

    def export_png(self, path: str) -> bool:
        return bool(self.view.grab().save(path, "PNG"))
