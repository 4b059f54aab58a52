"""Redraw time of a 10 000-point trend chart while panning (issue 5 target: < 30 ms).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/chart_pan.py [--points N]
Each step pans the X range by 2 % of its width and times the range change plus a
synchronous repaint of the whole chart (`viewport().repaint()`); prints median / 95th
percentile / max. Series: a glucose-like random walk, ~1/7 diary points, many out of range
(a worst case for the highlighted layer).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
from PySide6.QtCore import QLocale  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.models.labs.series import LabPoint, build_series  # noqa: E402
from desktop.views.labs.chart import TrendChart  # noqa: E402


def make_points(n: int) -> list[LabPoint]:
    rng = np.random.default_rng(5)
    start = 1_262_304_000.0  # 2010-01-01
    times = np.sort(start + rng.uniform(0, 16 * 365.25 * 86400, n))
    values = 6.0 + np.cumsum(rng.normal(0, 0.05, n))
    return [
        LabPoint(float(t), float(v), "mmol/L", 3.9, 6.1, None, "Лаборатория", bool(i % 7 == 0))
        for i, (t, v) in enumerate(zip(times, values, strict=True))
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=10_000)
    parser.add_argument("--steps", type=int, default=120)
    parser.add_argument(
        "--window-years",
        type=float,
        default=16.0,
        help="visible span while panning (default: the whole series)",
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    chart = TrendChart(zone=ZoneInfo("Europe/Moscow"), locale=QLocale(QLocale.Language.Russian))
    chart.resize(1280, 600)
    series = build_series("2345-7", "Глюкоза", make_points(args.points))
    chart.set_series([series])
    chart.show()
    app.processEvents()
    chart.repaint()
    lo = float(series.times[0])
    width = args.window_years * 365.25 * 86400
    plot = chart.plots[0]
    timings, cpu = [], []
    for step in range(args.steps):
        shift = (step % 60 - 30) * 0.02 * width
        started, started_cpu = time.perf_counter(), time.process_time()
        plot.setXRange(lo + shift, lo + shift + width, padding=0)  # handlers run here
        chart.view.viewport().repaint()  # synchronous paint of the whole scene
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        app.processEvents()  # drain queued events outside the measurement
    print(f"points={args.points} steps={args.steps} window={args.window_years} y")
    # Wall time is what the user sees; CPU time is less disturbed by other processes
    # on a busy machine.
    for name, values in (("wall", timings), ("cpu", cpu)):
        values.sort()
        print(
            f"redraw {name} ms: median={statistics.median(values):.1f} "
            f"p95={values[int(len(values) * 0.95) - 1]:.1f} max={values[-1]:.1f}"
        )
    chart.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
