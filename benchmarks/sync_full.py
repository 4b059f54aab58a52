"""Full sync of one big patient vs the floor of plain GETs + JSON parsing, same run.

    python benchmarks/sync_full.py [--scale 100000] [--rounds 2]

The demo portal runs in its own process (as a real server would), so client and server
do not share one interpreter lock. The floor walks the patient's records
(Patient/$everything, _count=1000) with `requests` + `orjson.loads` and nothing else.
The sync writes everything into a fresh SQLCipher cache (projections + FTS included).
Also measured (issue 19): when the first screen of the card's newest records is in the
cache during a first sync, and a no-change re-sync as the command `medcard sync` — a new
process, its start and imports included — on a profile with a file keyring.
Targets: sync <= 2.0x floor; first screen < 2 s; `medcard sync` with no change < 1 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
WORK = Path(tempfile.mkdtemp(prefix="medcard-bench-"))
# A file keyring inside the work folder, for this process and the `medcard sync` children.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
os.environ["XDG_DATA_HOME"] = str(WORK / "xdg")

from bulk_records import bulk_records  # noqa: E402

from demo_portal.autologin import follow  # noqa: E402
from demo_portal.embedded import DemoPortal  # noqa: E402
from desktop.services.accounts import AccountManager  # noqa: E402
from desktop.services.cache import Cache, TimelineFilter  # noqa: E402
from desktop.services.profile import Profile  # noqa: E402
from desktop.services.secrets import KeyringSecretStore, MemorySecretStore  # noqa: E402
from desktop.services.sync import SyncEngine, SyncProgress  # noqa: E402

PATIENT = "ivanov-sergey"


def build_portal_db(path: Path, scale: int) -> int:
    """Generate the demo data (+ bulk records when the generator's scale falls short)."""
    with DemoPortal(db_path=path, scale=scale) as portal:
        with portal.store.engine.connect() as conn:
            have = conn.exec_driver_sql(
                "SELECT count(*) FROM resources WHERE patient_id = ?", (PATIENT,)
            ).scalar()
        if have < scale:
            portal.store.load(bulk_records(PATIENT, scale - have))
        with portal.store.engine.connect() as conn:
            return int(
                conn.exec_driver_sql(
                    "SELECT count(*) FROM resources WHERE patient_id = ?", (PATIENT,)
                ).scalar()
            )


def floor(base: str, token: str) -> tuple[float, int]:
    """Seconds and resources for GET + parse of every $everything page."""
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/fhir+json"})
    url: str | None = f"{base}/Patient/{PATIENT}/$everything?_count=1000"
    count = 0
    started = time.perf_counter()
    while url:
        answer = session.get(url, timeout=(5, 120))
        answer.raise_for_status()
        bundle = orjson.loads(answer.content)
        count += len(bundle.get("entry") or [])
        url = next(
            (link["url"] for link in bundle.get("link", []) if link.get("relation") == "next"), None
        )
    return time.perf_counter() - started, count


def first_screen(client: object, path: Path, rows: int = 30) -> tuple[float, float]:
    """A first sync that looks at the card's first screen after each page: seconds from
    the start until it showed the final first screen (the newest records), and the sync's."""
    seen: list[tuple[float, list[tuple[str, str]]]] = []
    with Cache.open(path, Cache.new_key()) as cache:
        started = time.perf_counter()
        last = [0.0]

        def look(_progress: SyncProgress) -> None:
            now = time.perf_counter()
            if now - last[0] >= 0.1:  # as the window does: a few times a second
                last[0] = now
                page = cache.card.page(PATIENT, TimelineFilter(), 0, rows)
                seen.append((now - started, [(r.resource_type, r.resource_id) for r in page]))

        SyncEngine(client, cache, [PATIENT], progress=look).run()  # type: ignore[arg-type]
        total = time.perf_counter() - started
        final = [(r.resource_type, r.resource_id) for r in cache.card.page(PATIENT, None, 0, rows)]
    return next((t for t, keys in seen if keys == final), total), total


def command_resyncs(base: str, runs: int) -> list[float]:
    """`medcard sync` with nothing changed, as a new process each time (wall seconds)."""
    profile = WORK / "cli-profile"
    manager = AccountManager(Profile(profile), KeyringSecretStore())
    manager.sign_in(
        base, open_url=lambda url: follow(url, "family@demo.medcard", "demo1234"), timeout=60
    )
    command = [sys.executable, "-m", "desktop", "sync", "--profile", str(profile), "--json"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)  # the first sync
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        print(
            f"  medcard sync (no change): {walls[-1]:.2f} s wall, {done.stdout.decode().strip()[-60:]}",
            flush=True,
        )
    return walls


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2, help="floor/sync pairs")
    parser.add_argument("--commands", type=int, default=5, help="`medcard sync` re-syncs timed")
    args = parser.parse_args()
    work = WORK
    print(f"building the portal database ({args.scale} records)…", flush=True)
    total = build_portal_db(work / "portal.db", args.scale)
    server = subprocess.Popen(
        [sys.executable, "-m", "demo_portal", "--db", str(work / "portal.db")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        base = server.stdout.readline().strip()  # type: ignore[union-attr]
        manager = AccountManager(Profile(work / "profile"), MemorySecretStore())
        account = manager.sign_in(
            base, open_url=lambda url: follow(url, "family@demo.medcard", "demo1234"), timeout=60
        )
        client = manager.client(account.id)
        floors, syncs, resyncs = [], [], []
        for round_no in range(args.rounds):
            token = manager.token_manager(account.id).access_token()
            seconds, count = floor(base, token)
            floors.append(seconds)
            cache_path = work / f"cache-{round_no}.db"
            with Cache.open(cache_path, Cache.new_key()) as cache:
                result = SyncEngine(client, cache, [PATIENT]).run()
                syncs.append(result.seconds)
                again = SyncEngine(client, cache, [PATIENT]).run()
                resyncs.append(again.seconds)
            print(
                f"round {round_no + 1}: floor {seconds:.2f} s ({count} resources), "
                f"sync {result.seconds:.2f} s ({result.transferred} resources), "
                f"re-sync {again.seconds:.3f} s ({again.transferred} resources)",
                flush=True,
            )
        print("first sync watched from the card (first screen of newest records)…", flush=True)
        shown, whole = first_screen(client, work / "cache-watched.db")
        print(
            f"  first screen of the newest records after {shown:.2f} s of a {whole:.2f} s sync",
            flush=True,
        )
        print("`medcard sync` with nothing changed, as new processes…", flush=True)
        walls = command_resyncs(base, args.commands)
        ratio = statistics.median(syncs) / statistics.median(floors)
        size = (work / "cache-0.db").stat().st_size / 1e6
        print(f"patient resources on the server: {total}")
        print(f"floor (GET + JSON parse), median: {statistics.median(floors):.2f} s")
        print(f"full sync into the encrypted cache, median: {statistics.median(syncs):.2f} s")
        print(f"ratio sync/floor: {ratio:.2f} (target <= 2.0)")
        print(f"no-change re-sync inside the process, median: {statistics.median(resyncs):.3f} s")
        print(
            f"`medcard sync` with no change, new process, median: {statistics.median(walls):.2f} s wall (target < 1 s)"
        )
        print(
            f"first screen of the newest records: {shown:.2f} s into the first sync (target < 2 s)"
        )
        print(f"cache file: {size:.0f} MB")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
