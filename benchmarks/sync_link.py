"""First sync over a slow link vs fetch-only clients, same run (issue 19).

    python benchmarks/sync_link.py [--latency 40] [--max-count 100] [--rounds 3]
                                   [--synthea DIR] [--variants default,everything]

The demo portal runs in its own process with `--latency MS` (added to every answer) and
`--max-count N` (the largest page it serves), with the shared Synthea patients loaded.
For the demo family and for each Synthea patient, interleaved round by round, it times:
- `requests` sequential: the card's resource types one after another, all pages;
- `requests` sequential over Patient/$everything;
- fhirpy's AsyncFHIRClient: every type of every patient at once (asyncio.gather), all pages;
- Medcard: a first sync (`SyncEngine`) into a fresh encrypted cache — which also stores,
  projects, indexes, checks for deletions and fetches the doctors and clinics named.
Prints medians and the ratio of Medcard to the fastest fetch-only client per data set.
fhirpy is a benchmark-only dependency: `pip install -e .[bench]` (run.py bench does it).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import orjson
import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from demo_portal.autologin import follow  # noqa: E402
from desktop.services.accounts import AccountManager  # noqa: E402
from desktop.services.cache import Cache  # noqa: E402
from desktop.services.profile import Profile  # noqa: E402
from desktop.services.secrets import MemorySecretStore  # noqa: E402
from desktop.services.sync import CARD_TYPES, SyncEngine  # noqa: E402

SYNTHEA = ROOT.parent / "shared" / "fixtures" / "fhir-r4" / "synthea"
FAMILY = ("family@demo.medcard", "demo1234")


def type_params(rtype: str, patient: str, count: int) -> dict[str, str]:
    return {"_id" if rtype == "Patient" else "patient": patient, "_count": str(count)}


def requests_sequential(base: str, token: str, patients: list[str], count: int) -> int:
    """A plain client: each type of each patient in turn, following next links."""
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/fhir+json"})
    got = 0
    for patient in patients:
        for rtype in CARD_TYPES:
            url: str | None = f"{base}/{rtype}"
            params: dict[str, str] | None = type_params(rtype, patient, count)
            while url:
                answer = session.get(url, params=params, timeout=(5, 120))
                answer.raise_for_status()
                bundle = orjson.loads(answer.content)
                got += len(bundle.get("entry") or [])
                url, params = _next(bundle), None
    session.close()
    return got


def requests_everything(base: str, token: str, patients: list[str], count: int) -> int:
    """A plain client over Patient/$everything, one page after another."""
    session = requests.Session()
    session.headers.update({"Authorization": f"Bearer {token}", "Accept": "application/fhir+json"})
    got = 0
    for patient in patients:
        url: str | None = f"{base}/Patient/{patient}/$everything?_count={count}"
        while url:
            answer = session.get(url, timeout=(5, 120))
            answer.raise_for_status()
            bundle = orjson.loads(answer.content)
            got += len(bundle.get("entry") or [])
            url = _next(bundle)
    session.close()
    return got


def _next(bundle: dict[str, Any]) -> str | None:
    return next((k["url"] for k in bundle.get("link", []) if k.get("relation") == "next"), None)


def fhirpy_gather(base: str, token: str, patients: list[str], count: int) -> int:
    """fhirpy's AsyncFHIRClient: every type of every patient at once, all pages each."""
    from fhirpy import AsyncFHIRClient

    client = AsyncFHIRClient(base, authorization=f"Bearer {token}")

    async def one(rtype: str, patient: str) -> int:
        search = client.resources(rtype).search(**type_params(rtype, patient, count))
        return len(await search.fetch_all())

    async def everything() -> int:
        jobs = [one(t, p) for p in patients for t in CARD_TYPES]
        return sum(await asyncio.gather(*jobs))

    return asyncio.run(everything())


OPENED: list[float] = []  # seconds to create each fresh cache (not in the sync's time)


def medcard(
    manager: AccountManager, account_id: str, patients: list[str], work: Path, **options: Any
) -> tuple[int, float]:
    """A first sync into a fresh encrypted cache: the sync's own time (the cache is created
    at sign-in, before it; its creation is reported apart)."""
    path = work / f"cache-{time.monotonic_ns()}.db"
    started = time.perf_counter()
    with Cache.open(path, Cache.new_key()) as cache:
        OPENED.append(time.perf_counter() - started)
        started = time.perf_counter()
        result = SyncEngine(manager.client(account_id), cache, patients, **options).run()
        seconds = time.perf_counter() - started
    path.unlink()
    return result.transferred, seconds


VARIANTS: dict[str, dict[str, Any]] = {
    "default": {},
    "everything": {"use_everything": True},
    "types": {"use_everything": False},
}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--latency", type=float, default=40.0, help="ms added to every answer")
    parser.add_argument("--max-count", type=int, default=100, help="largest page served")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--synthea", type=Path, default=SYNTHEA, help="Synthea bundles to load")
    parser.add_argument("--only", default="", help="data sets to run (comma-separated e-mails)")
    parser.add_argument(
        "--variants", default="default", help=f"Medcard set-ups: {', '.join(VARIANTS)}"
    )
    args = parser.parse_args()
    variants = [v for v in args.variants.split(",") if v]
    work = Path(tempfile.mkdtemp(prefix="medcard-link-"))
    command = [
        sys.executable,
        "-m",
        "demo_portal",
        "--db",
        str(work / "portal.db"),
        "--latency",
        str(args.latency),
        "--max-count",
        str(args.max_count),
    ]
    if args.synthea.is_dir():
        command += ["--load", str(args.synthea)]
    else:
        print(f"no Synthea bundles at {args.synthea}: the demo family only", flush=True)
    print(
        f"starting the demo portal (latency {args.latency:g} ms, pages of at most {args.max_count})…",
        flush=True,
    )
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        base = server.stdout.readline().strip()  # type: ignore[union-attr]
        logins = [FAMILY]
        while len(logins) < 7 and args.synthea.is_dir():
            line = server.stdout.readline().strip()  # type: ignore[union-attr]
            if not line.startswith("loaded account"):
                break
            logins.append((line.split()[2], "demo1234"))
        if args.only:
            logins = [login for login in logins if login[0] in args.only.split(",")]
        results: dict[str, dict[str, list[float]]] = {}
        for email, password in logins:
            manager = AccountManager(Profile(work / email), MemorySecretStore())
            account = manager.sign_in(
                base, open_url=lambda url, e=email, p=password: follow(url, e, p), timeout=60
            )
            patients = list(account.patient_ids)
            token = manager.token_manager(account.id).access_token()
            fetch_args = (base, token, patients, args.max_count)
            clients: dict[str, Callable[[], Any]] = {
                "requests sequential (types)": partial(requests_sequential, *fetch_args),
                "requests sequential ($everything)": partial(requests_everything, *fetch_args),
                "fhirpy async gather (types)": partial(fhirpy_gather, *fetch_args),
            }
            for name in variants:
                clients[f"medcard {name}"] = partial(
                    medcard, manager, account.id, patients, work, **VARIANTS[name]
                )
            times = results.setdefault(email, {})
            for round_no in range(args.rounds):
                for name, run in clients.items():  # interleaved: each round runs every client
                    started = time.perf_counter()
                    answer = run()
                    count, seconds = (
                        answer
                        if isinstance(answer, tuple)
                        else (answer, time.perf_counter() - started)
                    )
                    times.setdefault(name, []).append(seconds)
                    print(
                        f"{email} round {round_no + 1}: {name}: {times[name][-1]:.2f} s ({count} resources)",
                        flush=True,
                    )
        print()
        print(
            f"creating a fresh encrypted cache (at sign-in, not timed above): median {statistics.median(OPENED):.2f} s"
        )
        for email, times in results.items():
            medians = {name: statistics.median(t) for name, t in times.items()}
            fetch_only = {n: m for n, m in medians.items() if not n.startswith("medcard")}
            fastest = min(fetch_only, key=fetch_only.__getitem__)
            print(f"{email}: fastest fetch-only = {fastest} {fetch_only[fastest]:.2f} s")
            for name, median in medians.items():
                print(f"    {name:36s} {median:6.2f} s   {median / fetch_only[fastest]:.2f}x")
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
