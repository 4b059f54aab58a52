"""Card tab queries on a 100 000-record encrypted cache: first rows, filters, search, RSS.

    python benchmarks/card_queries.py [--records 100000] [--repeat 5]

The cache is built in a child process (so its memory does not count), then this process
opens it like the app does and times what the Medical card and Lab trends tabs ask for.
Targets (issue 4): first rows < 300 ms after opening; search/filter < 100 ms; RSS < 300 MB.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from desktop.services.cache import Cache, TimelineFilter  # noqa: E402

PATIENT = "ivanov-sergey"
PAGE = 100


def build(path: Path, key: str, records: int) -> None:
    from bulk_records import bulk_records

    items = bulk_records(PATIENT, records, panels=False)
    with Cache.open(path, key) as cache:
        for start in range(0, len(items), 1000):
            cache.ingest(items[start : start + 1000])
        cache.vacuum_index()


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median milliseconds over `repeat` runs (each a fresh call, SQLite cache warm)."""
    runs, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--build", nargs=2, metavar=("PATH", "KEY"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        build(Path(args.build[0]), args.build[1], args.records)
        return 0
    work = Path(tempfile.mkdtemp(prefix="medcard-card-bench-"))
    path, key = work / "cache.db", Cache.new_key()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, __file__, "--records", str(args.records), "--build", str(path), key],
        check=True,
    )
    print(
        f"built {args.records} records in {time.perf_counter() - started:.1f} s "
        f"({path.stat().st_size / 1e6:.0f} MB)"
    )

    started = time.perf_counter()
    cache = Cache.open(path, key)
    total = cache.card.count(PATIENT, TimelineFilter())
    first = cache.card.page(PATIENT, TimelineFilter(), 0, PAGE)
    cold = (time.perf_counter() - started) * 1000
    print(f"open + count + first {PAGE} rows (cold): {cold:.0f} ms  [{total} records]")

    cases: list[tuple[str, TimelineFilter, int]] = [
        ("first page", TimelineFilter(), 0),
        ("deep page (offset 90 000)", TimelineFilter(), 90_000),
        ("filter: visits", TimelineFilter(kinds=frozenset({"visit"})), 0),
        (
            "filter: lab + diagnosis, 2015-2018",
            TimelineFilter(
                kinds=frozenset({"lab", "diagnosis"}),
                date_from=date(2015, 1, 1),
                date_to=date(2018, 12, 31),
            ),
            0,
        ),
        ("search: гликир", TimelineFilter(text="гликир"), 0),
        ("search: two words", TimelineFilter(text="контроль гликем"), 0),
        ("search: rare word", TimelineFilter(text="ухудшения"), 0),
        (
            "search + filter",
            TimelineFilter(text="глюк", kinds=frozenset({"lab"}), date_from=date(2020, 1, 1)),
            0,
        ),
        ("search: 1 letter", TimelineFilter(text="г"), 0),
    ]
    for name, filt, offset in cases:
        ms, (count, rows) = timed(
            lambda f=filt, o=offset: (
                cache.card.count(PATIENT, f),
                cache.card.page(PATIENT, f, o, PAGE),
            ),
            args.repeat,
        )
        print(f"{name:38s} count+page: {ms:7.1f} ms  ({count} matching, {len(rows)} shown)")
    row = first[0]
    ms, _ = timed(lambda: cache.card.detail(row.resource_type, row.resource_id), args.repeat)
    print(f"{'detail of one record':38s} {ms:7.1f} ms")
    ms, analytes = timed(lambda: cache.labs.analytes(PATIENT), args.repeat)
    print(f"{'labs: analyte list':38s} {ms:7.1f} ms  ({len(analytes)} analytes)")
    ms, points = timed(lambda: cache.labs.series(PATIENT, "4548-4"), args.repeat)
    print(f"{'labs: one series':38s} {ms:7.1f} ms  ({len(points)} points)")
    print(f"resident memory: {rss_mb():.0f} MB")
    cache.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
