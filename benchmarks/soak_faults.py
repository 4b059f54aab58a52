"""Sync through injected faults and through kill -9, compared with a clean sync (issue 15).

    python benchmarks/soak_faults.py [--runs 20] [--rate 0.2] [--kills 20] [--extra 3000]

1. Faults: `--runs` syncs into fresh caches while the demo portal answers a share `--rate`
   of all FHIR requests with a random fault — 503, 429 with Retry-After, a dropped
   connection, a slow answer. A sync that still fails (retries exhausted) is run again,
   as the app's next sync would be. Each run's cache must end identical to a clean sync's
   (resources, every projection table, watermarks).
2. kill -9: `--kills` times `medcard sync` (a real subprocess on a real profile with a
   file keyring) is killed at a random moment of its run — during sign-in renewal,
   paging, a commit — then run again to the end. The profile must stay signed in and the
   cache end identical to a clean sync's.
Prints per-run lines and a summary (figures for the README).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
WORK = Path(tempfile.mkdtemp(prefix="medcard-soak-"))
# A file keyring inside the work folder, for this process and the `medcard sync` children.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
os.environ["XDG_DATA_HOME"] = str(WORK / "xdg")

from bulk_records import bulk_records  # noqa: E402

from demo_portal.autologin import follow  # noqa: E402
from demo_portal.embedded import DemoPortal  # noqa: E402
from desktop.services.accounts import AccountManager  # noqa: E402
from desktop.services.cache import Cache  # noqa: E402
from desktop.services.errors import MedcardError  # noqa: E402
from desktop.services.profile import Profile  # noqa: E402
from desktop.services.secrets import KeyringSecretStore, MemorySecretStore  # noqa: E402
from desktop.services.sync import SyncEngine  # noqa: E402

FAMILY = "family@demo.medcard"
TABLES = ("resources", "links", "directory", "timeline", "observations", "appointments",
          "family", "requests", "watermarks")  # fmt: skip
ROW_IDS = {"timeline": "id", "observations": "id"}  # depend on arrival order only


def snapshot(cache: Cache) -> dict[str, str]:
    """A digest of every table's rows (row ids aside), for an exact comparison."""
    digests = {}
    with cache.read() as conn:
        for table in TABLES:
            columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")]
            if not columns:
                continue  # a table a later schema dropped (migration 0002)
            wanted = [c for c in columns if c != ROW_IDS.get(table)]
            rows = conn.exec_driver_sql(f"SELECT {', '.join(wanted)} FROM {table}").all()
            text = "\n".join(sorted(repr(tuple(r)) for r in rows))
            digests[table] = f"{len(rows)}:{hashlib.sha256(text.encode()).hexdigest()[:16]}"
    return digests


def sign_in(portal: DemoPortal, manager: AccountManager) -> Any:
    return manager.sign_in(
        portal.base_url, open_url=lambda url: follow(url, FAMILY, "demo1234"), timeout=60
    )


def fault_runs(portal: DemoPortal, runs: int, rate: float, page_size: int) -> bool:
    manager = AccountManager(Profile(WORK / "faults-profile"), MemorySecretStore())
    account = sign_in(portal, manager)
    patients = list(account.patient_ids)
    with Cache.open(WORK / "clean.db", Cache.new_key()) as cache:
        started = time.monotonic()
        clean = SyncEngine(manager.client(account.id), cache, patients, page_size=page_size).run()
        reference = snapshot(cache)
    print(
        f"clean sync: {clean.transferred} resources in {time.monotonic() - started:.1f} s",
        flush=True,
    )
    identical = 0
    totals: dict[str, int] = {}
    for run in range(runs):
        chaos = portal.faults.chaos(rate, seed=run, retry_after=1, slow=0.5)
        attempts, started = 0, time.monotonic()
        with Cache.open(WORK / f"faults-{run}.db", Cache.new_key()) as cache:
            while True:
                attempts += 1
                try:
                    SyncEngine(
                        manager.client(account.id), cache, patients, page_size=page_size
                    ).run()
                    break
                except MedcardError as exc:  # the next sync picks up where this one ended
                    if attempts >= 10:
                        print(f"  run {run + 1}: gave up: {type(exc).__name__}")
                        break
            portal.faults.clear()
            same = snapshot(cache) == reference
        identical += same
        for kind, n in chaos.injected.items():
            totals[kind] = totals.get(kind, 0) + n
        print(
            f"run {run + 1:2d}: {sum(chaos.injected.values()):3d} faults "
            f"{dict(sorted(chaos.injected.items()))}, {attempts} sync(s), "
            f"{time.monotonic() - started:5.1f} s, identical: {same}",
            flush=True,
        )
    print(f"faults: {identical} of {runs} runs identical to the clean sync; injected {totals}")
    return identical == runs


def cli_sync(profile: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "desktop.services.cli", "sync", "--profile", str(profile)]
    return subprocess.Popen(
        [*command, "--json"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def kill_runs(portal: DemoPortal, kills: int, seed: int) -> bool:
    rnd = random.Random(seed)
    store = KeyringSecretStore()
    reference_profile = WORK / "kill-reference"
    manager = AccountManager(Profile(reference_profile), store)
    account = sign_in(portal, manager)
    started = time.monotonic()
    out, err = cli_sync(reference_profile).communicate(timeout=600)
    clean_seconds = time.monotonic() - started
    with Cache.open(manager.cache_path(account.id), manager.cache_key(account.id)) as cache:
        reference = snapshot(cache)
    print(f"clean `medcard sync`: {clean_seconds:.1f} s (process start included)", flush=True)
    exact = 0
    for run in range(kills):
        profile = WORK / f"kill-{run}"
        manager = AccountManager(Profile(profile), store)
        account = sign_in(portal, manager)
        moment = rnd.uniform(0.2, clean_seconds * 0.95)
        process = cli_sync(profile)
        time.sleep(moment)
        killed = process.poll() is None
        if killed:
            os.kill(process.pid, signal.SIGKILL)
        process.communicate(timeout=60)
        partial = 0
        if manager.cache_path(account.id).exists():
            with Cache.open(manager.cache_path(account.id), manager.cache_key(account.id)) as c:
                partial = sum(c.counts().values())
        resumed = cli_sync(profile)
        _, err = resumed.communicate(timeout=600)
        ok = resumed.returncode == 0
        manager = AccountManager(Profile(profile), store)  # what a new process sees
        signed_in = not manager.get(account.id).needs_sign_in
        with Cache.open(manager.cache_path(account.id), manager.cache_key(account.id)) as cache:
            same = snapshot(cache) == reference
        exact += ok and signed_in and same
        note = "" if ok else f" ({err.decode(errors='replace').strip()[:120]})"
        print(
            f"kill {run + 1:2d}: at {moment:4.1f} s ({'killed' if killed else 'had ended'}, "
            f"{partial} resources cached), "
            f"resume exit {resumed.returncode}, signed in: {signed_in}, identical: {same}{note}",
            flush=True,
        )
    print(f"kill -9: {exact} of {kills} resumes exact and still signed in")
    return exact == kills


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--rate", type=float, default=0.2)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--extra", type=int, default=3000, help="bulk records for Sergey")
    parser.add_argument("--page-size", type=int, default=200)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    try:
        with DemoPortal(db_path=WORK / "portal.db") as portal:
            portal.store.load(bulk_records("ivanov-sergey", args.extra))
            ok = fault_runs(portal, args.runs, args.rate, args.page_size)
            ok = kill_runs(portal, args.kills, args.seed) and ok
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
