"""Medical card tab on a 100 000-record cache: first rows, search/filter latency, memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/card_tab.py [--scale N] [--data DIR]

The first run builds the data once (demo portal `--scale N`, then a real SMART sign-in and
a real sync into an encrypted cache file) and keeps it in DIR for later runs; the cache
key of this synthetic benchmark data is fixed and stored next to it. Figures are printed,
never asserted (timings belong in benchmarks, not tests).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "medcard-bench"
MAIN = "ivanov-sergey"
SEARCHES = ("глюк", "анализ крови", "эндокрин", "холестерин", "приём")


def build_cache(scale: int, data: Path) -> tuple[Path, str]:
    """Portal at `scale`, sign-in via autologin, one full sync; reused when present."""
    meta_file = data / f"cache-{scale}.json"
    if meta_file.exists():
        meta = json.loads(meta_file.read_text())
        if Path(meta["cache"]).exists():
            return Path(meta["cache"]), meta["key"]
    from demo_portal import autologin
    from demo_portal.embedded import DemoPortal
    from desktop.models.signin import open_session_parts, sign_in_account, sync_factory
    from desktop.services.accounts import AccountManager
    from desktop.services.profile import Profile
    from desktop.services.secrets import MemorySecretStore

    data.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with DemoPortal(db_path=data / f"portal-{scale}.db", scale=scale) as portal:
        print(f"portal ready in {time.perf_counter() - started:.0f} s", flush=True)
        accounts = AccountManager(Profile(data / f"profile-{scale}"), MemorySecretStore())
        account = sign_in_account(
            accounts,
            portal.base_url,
            lambda url: autologin.follow(url, "family@demo.medcard", "demo1234"),
        )
        parts = open_session_parts(accounts, account)
        synced = time.perf_counter()
        import threading

        result = sync_factory(
            parts.client, parts.cache, parts.patient_ids, lambda *_: None, threading.Event()
        ).run()
        parts.cache.close()
        print(
            f"synced {result.transferred} resources in {time.perf_counter() - synced:.0f} s",
            flush=True,
        )
        path, key = accounts.cache_path(account.id), accounts.cache_key(account.id)
    meta_file.write_text(json.dumps({"cache": str(path), "key": key}))
    return path, key


TEMPLATE_TYPES = {
    "Encounter",
    "DiagnosticReport",
    "Condition",
    "Immunization",
    "MedicationRequest",
    "Procedure",
    "AllergyIntolerance",
    "DocumentReference",
    "Composition",
}


def build_timeline_cache(records: int, data: Path) -> tuple[Path, str]:
    """A cache whose *timeline* holds `records` rows: the demo card, then copies of its
    records (new ids) stored through the cache's own ingest and projection code."""
    from demo_portal.datagen import generate
    from desktop.services.cache import Cache

    path, key = data / f"timeline-{records}.db", "11" * 32
    done_marker = path.with_suffix(".done")
    if done_marker.exists():
        return path, key
    data.mkdir(parents=True, exist_ok=True)  # an interrupted build resumes below
    resources = generate(seed=42).resources
    templates = [
        r
        for r in resources
        if r.get("resourceType") in TEMPLATE_TYPES and MAIN in json.dumps(r.get("subject", ""))
    ]
    started = time.perf_counter()
    with Cache.open(path, key) as cache:
        cache.ingest(resources)  # idempotent: the same ids replace themselves
        made = cache.card.count(MAIN, None)
        round_no = made  # copy ids from earlier (interrupted) runs are never reused
        reported = 0
        while made < records:
            round_no += 1
            batch = []
            for template in templates[: records - made]:
                copy = json.loads(json.dumps(template))
                copy["id"] = f"{template['id']}-copy{round_no}"
                batch.append(copy)
            # Big batches (each template is one timeline row): counting the whole
            # timeline after every small batch made a 100k build take hours.
            while len(batch) < 5_000 and made + len(batch) < records:
                round_no += 1
                for template in templates[: records - made - len(batch)]:
                    copy = json.loads(json.dumps(template))
                    copy["id"] = f"{template['id']}-copy{round_no}"
                    batch.append(copy)
            cache.ingest(batch)
            # Some copies add no row of their own (a document shown as its visit): count.
            made = cache.card.count(MAIN, None)
            if made - reported >= 10_000 or made >= records:
                reported = made
                elapsed = time.perf_counter() - started
                print(f"  {made:,} / {records:,} timeline rows ({elapsed:.0f} s)", flush=True)
        cache.vacuum_index()
    done_marker.touch()
    print(f"built {made:,} timeline rows in {time.perf_counter() - started:.0f} s", flush=True)
    return path, key


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def measure(cache_path: Path, key: str) -> dict[str, float]:
    """Each figure is the time until the answer is on screen: queries run on the read
    pool, so every step waits for the model's answer and a repaint."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from offline import OfflineClient  # benchmarks/offline.py

    from desktop.models.context import AppContext
    from desktop.models.session import AccountSession, SessionParts
    from desktop.models.tasks import TaskRunner
    from desktop.services.accounts import Account
    from desktop.services.cache import Cache
    from desktop.views.card import CardTab

    cache = Cache.open(cache_path, key)
    runner = TaskRunner()
    ctx = AppContext(runner)
    account = Account("bench", "http://127.0.0.1:9/fhir", "Bench", MAIN, (MAIN,))
    parts = SessionParts(account, OfflineClient(), cache, MAIN, [MAIN])  # type: ignore[arg-type]

    from PySide6.QtCore import QEventLoop, QTimer

    def settle(paint: bool = True) -> None:
        """Wait in an event loop (as the app does) until the answers are in, then paint."""
        while runner.is_busy() or tab.model.loading:
            loop = QEventLoop()
            runner.busyChanged.connect(loop.quit)
            QTimer.singleShot(5, loop.quit)
            loop.exec()
            runner.busyChanged.disconnect(loop.quit)
        if paint:
            app.processEvents()

    started = time.perf_counter()
    ctx.set_session(AccountSession(runner, parts), MAIN)
    tab = CardTab(ctx)
    tab.resize(1280, 760)
    tab.show()
    settle()
    first_rows = time.perf_counter() - started
    total = tab.model.total

    def timed(action) -> float:  # noqa: ANN001
        t0 = time.perf_counter()
        action()
        settle()
        return time.perf_counter() - t0

    search_times = []
    for text in SEARCHES:
        tab.filters.search.blockSignals(True)
        tab.filters.search.setText(text)
        tab.filters.search.blockSignals(False)
        search_times.append(timed(tab.reload))  # what the debounce timer triggers
    tab.filters.reset()
    settle()
    filter_times = [timed(tab.filters.chips[k].click) for k in ("lab", "visit", "lab", "visit")]
    tab.filters.reset()
    settle()

    def ten_pages() -> None:  # as the old synchronous figure: ten pages, one paint
        for _ in range(10):
            tab.model.fetchMore()
            settle(paint=False)

    scroll = timed(ten_pages)
    tab.table.selectRow(0)
    settle()
    detail = timed(lambda: tab.table.selectRow(1))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    ctx.set_session(None)
    runner.stop()
    cache.close()
    return {
        "records": total,
        "first_rows": first_rows,
        "search_median": statistics.median(search_times),
        "search_max": max(search_times),
        "filter_median": statistics.median(filter_times),
        "filter_max": max(filter_times),
        "ten_more_pages": scroll,
        "open_record": detail,
        "peak_rss_mb": rss_mb,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--timeline",
        type=int,
        metavar="N",
        help="instead of syncing a scaled portal, fill a cache with N timeline records",
    )
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.build_only:
        if args.timeline:
            build_timeline_cache(args.timeline, args.data)
        else:
            build_cache(args.scale, args.data)
        return 0
    # Build in a child process, so the portal and the sync do not count in our memory.
    extra = ["--timeline", str(args.timeline)] if args.timeline else []
    command = [sys.executable, __file__, "--build-only", "--scale", str(args.scale)]
    subprocess.run([*command, "--data", str(args.data), *extra], check=True)
    if args.timeline:  # now both just find what the child built
        cache_path, key = build_timeline_cache(args.timeline, args.data)
    else:
        cache_path, key = build_cache(args.scale, args.data)
    r = measure(cache_path, key)
    print(f"records in the timeline:     {r['records']:,}")
    print(f"first rows after opening:    {ms(r['first_rows'])}  (goal < 300 ms)")
    print(
        f"search (median / worst):     {ms(r['search_median'])} / {ms(r['search_max'])}"
        "  (goal < 100 ms)"
    )
    print(
        f"filter (median / worst):     {ms(r['filter_median'])} / {ms(r['filter_max'])}"
        "  (goal < 100 ms)"
    )
    print(f"10 more pages (2 000 rows):  {ms(r['ten_more_pages'])}")
    print(f"open a record:               {ms(r['open_record'])}")
    print(f"peak resident memory:        {r['peak_rss_mb']:.0f} MB  (goal < 300 MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
