"""The trend chart on its own: DST-safe date axis in Russian, bands, hover tooltips."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QPointF

from desktop.models.labs.series import LabPoint, build_series
from desktop.views.labs.chart import LocaleDateAxis, TrendChart
from desktop.views.labs.date_ticks import TickLevel, tick_label, tick_times

RU = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
BERLIN = ZoneInfo("Europe/Berlin")
MOSCOW = ZoneInfo("Europe/Moscow")
DAY = TickLevel("day", 1, 86400)
HOUR = TickLevel("hour", 1, 3600)


def _labels(axis: LocaleDateAxis, lo: float, hi: float, pixels: float) -> list[str]:
    [(spacing, values)] = axis.tickValues(lo, hi, pixels)
    return axis.tickStrings(values, 1.0, spacing)


def test_day_ticks_stay_on_local_midnight_across_spring_forward(qapp):
    axis = LocaleDateAxis(BERLIN, RU)
    lo = datetime(2026, 3, 27, 12, tzinfo=BERLIN).timestamp()
    hi = datetime(2026, 4, 1, 12, tzinfo=BERLIN).timestamp()
    [(_, values)] = axis.tickValues(lo, hi, 500)
    moments = [datetime.fromtimestamp(v, BERLIN) for v in values]
    assert [(m.day, m.hour, m.minute) for m in moments] == [
        (28, 0, 0),
        (29, 0, 0),
        (30, 0, 0),
        (31, 0, 0),
        (1, 0, 0),
    ]
    # 29 March 2026 lasts 23 hours: a fixed-offset axis would put 30 March at 23:00.
    assert values[2] - values[1] == 23 * 3600
    assert _labels(axis, lo, hi, 500) == ["28 мар.", "29 мар.", "30 мар.", "31 мар.", "1 апр."]


def test_hour_ticks_skip_the_missing_hour_and_keep_labels_unique():
    lo = datetime(2026, 3, 29, 0, 30, tzinfo=BERLIN).timestamp()
    hi = datetime(2026, 3, 29, 5, 30, tzinfo=BERLIN).timestamp()
    values = tick_times(lo, hi, HOUR, BERLIN)
    labels = [tick_label(v, HOUR, BERLIN, lambda m, s: "мар.") for v in values]
    assert labels == ["01:00", "03:00", "04:00", "05:00"]  # 02:00 does not exist that night
    assert all(b - a == 3600 for a, b in zip(values, values[1:], strict=False))


def test_moscow_autumn_2010_the_last_switch_back(qapp):
    # 31 October 2010, 03:00 MSD -> 02:00 MSK: that day lasted 25 hours.
    lo = datetime(2010, 10, 30, tzinfo=MOSCOW).timestamp()
    hi = datetime(2010, 11, 2, tzinfo=MOSCOW).timestamp()
    values = tick_times(lo, hi, DAY, MOSCOW)
    assert [datetime.fromtimestamp(v, MOSCOW).strftime("%d %H:%M") for v in values] == [
        "30 00:00",
        "31 00:00",
        "01 00:00",
        "02 00:00",
    ]
    assert values[2] - values[1] == 25 * 3600
    axis = LocaleDateAxis(MOSCOW, RU)
    assert _labels(axis, lo, hi, 400) == ["30 окт.", "31 окт.", "1 нояб.", "2 нояб."]


def test_coarse_levels_use_russian_month_names_and_years(qapp):
    axis = LocaleDateAxis(MOSCOW, RU)
    lo = datetime(2024, 1, 10, tzinfo=MOSCOW).timestamp()
    hi = datetime(2024, 12, 20, tzinfo=MOSCOW).timestamp()
    labels = _labels(axis, lo, hi, 1200)
    assert labels[:3] == ["февр.", "март", "апр."]
    years = _labels(
        axis,
        datetime(2012, 1, 1, tzinfo=MOSCOW).timestamp(),
        datetime(2026, 1, 1, tzinfo=MOSCOW).timestamp(),
        700,
    )
    assert years == [str(y) for y in range(2012, 2027, 2)]


def _series(zone):
    start = datetime(2026, 3, 28, 8, tzinfo=zone)
    points = [
        LabPoint(
            (start + timedelta(hours=12 * i)).timestamp(),
            v,
            "mmol/L",
            3.9,
            6.1,
            None,
            "Лаборатория №1",
            i == 3,
        )
        for i, v in enumerate([5.0, 6.5, 5.5, 7.2, 3.1])
    ]
    points.append(
        LabPoint(
            (start + timedelta(days=3)).timestamp(),
            95.0,
            "mg/dL",
            70,
            110,
            None,
            "Другая лаборатория",
        )
    )
    points.append(LabPoint((start + timedelta(days=4)).timestamp(), 6.0, "%", None, None))
    return build_series("2345-7", "Глюкоза", points)


def test_band_out_of_range_points_and_tooltip(qtbot):
    chart = TrendChart(zone=BERLIN, locale=RU)
    qtbot.addWidget(chart)
    chart.resize(900, 400)
    series = _series(BERLIN)
    chart.set_series([series])
    chart.show()
    qtbot.waitExposed(chart)
    # The latest lab reported mg/dL: its range is converted too, not mixed in.
    assert chart.bands[0].getRegion() == pytest.approx((70 / 18.016, 110 / 18.016), rel=1e-3)
    assert series.abnormal.tolist() == [False, True, False, True, True, False]
    assert series.values[5] == pytest.approx(95 / 18.016, rel=1e-3)  # converted from mg/dL
    assert [p.unit for p in series.apart] == ["%"]  # never drawn on the mmol/L axis
    layers = chart.layers[0]
    assert len(layers.abnormal.data) == 2 and len(layers.diary_abnormal.data) == 1
    assert len(layers.diary.data) == 0
    assert len(layers.lab.data) == 3
    # Hovering next to the second point finds it and describes it fully.
    vb = chart.plots[0].getViewBox()
    spot = vb.mapViewToScene(QPointF(series.times[1], series.values[1]))
    hit = chart.point_near(0, QPointF(spot.x() + 3, spot.y() - 2))
    assert hit == 1
    text = chart.tooltip(0, 1)
    assert text.splitlines()[0] == "6,5 mmol/L"
    assert "28.03.2026" in text and "20:00" in text  # the one date format of the app
    assert "Лаборатория №1" in text
    assert chart.tooltip(0, 5).splitlines()[2].endswith("95 mg/dL")
    assert chart.point_near(0, QPointF(spot.x() + 60, spot.y() + 60)) is None


def test_home_readings_are_judged_by_the_band_shown():
    points = [
        LabPoint(1.70e9, 5.2, "ммоль/л", 3.9, 6.1, None, "Лаборатория"),
        LabPoint(1.70e9 + 86400, 7.8, "ммоль/л", self_measured=True),
        LabPoint(1.70e9 + 2 * 86400, 5.6, "mmol/L", self_measured=True),
    ]
    series = build_series("2345-7", "Глюкоза", points)
    assert series.abnormal.tolist() == [False, True, False]
    assert series.self_measured.tolist() == [False, True, True]


@pytest.mark.parametrize("height", [560, 300])
def test_a_lower_plots_title_stays_clear_of_the_plot_above(qtbot, height):
    series = build_series("2345-7", "Глюкоза", _series(BERLIN).points)
    other = build_series("4548-4", "Гликированный гемоглобин (HbA1c)", series.points)
    chart = TrendChart(zone=BERLIN, locale=RU)
    qtbot.addWidget(chart)
    chart.resize(600, height)
    chart.set_series([other, series, other])
    chart.show()
    qtbot.waitExposed(chart)
    for upper, lower in zip(chart.plots, chart.plots[1:], strict=False):
        title = lower.titleLabel.sceneBoundingRect()
        taken = upper.getViewBox().sceneBoundingRect()
        bottom = upper.getAxis("bottom")
        if bottom.isVisible():
            taken = taken.united(bottom.sceneBoundingRect())
        # Clear air between them (it was 6 px from the axis line above: they touched).
        assert title.top() - taken.bottom() >= 10, (title, taken)
    # One date scale, under the lowest plot.
    assert chart.plots[-1].getAxis("bottom").isVisible()
    assert not any(p.getAxis("bottom").isVisible() for p in chart.plots[:-1])
