"""How fast the demo portal finds a patient for the registry desk (issue 14), over loopback.

    python benchmarks/portal_patient_search.py [--patients 100000] [--rounds 200] [--db PATH]

Starts an embedded portal with `--patients` townspeople (with `--db`, a kept database is
reused: generate once, measure many times), signs in as the registry desk
(`desk@demo.medcard`, `user/` scopes) and times Patient searches as the desk makes them:
by surname prefix (2–5 letters of surnames that exist, as typed) and by OMS policy
number (`identifier`), `_count=20` (one screen of results). Each request is timed from
send to a parsed Bundle; prints the time to generate, then p50 / p95 / max per kind.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import orjson
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from demo_portal.autologin import obtain_token  # noqa: E402
from demo_portal.embedded import DemoPortal  # noqa: E402

DESK_SCOPE = "openid fhirUser offline_access user/*.cruds"


def sample_queries(portal: DemoPortal, rounds: int) -> dict[str, list[dict[str, str]]]:
    """Surname prefixes and policy numbers of patients that exist (a fixed seed)."""
    rng = random.Random(7)
    with portal.store.engine.connect() as conn:
        surnames = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT value FROM strings WHERE param = 'family' ORDER BY seq LIMIT 20000"
            )
        ]
        policies = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT t.value FROM tokens t JOIN resources r ON r.seq = t.seq "
                "WHERE r.rtype = 'Patient' AND t.param = 'identifier' "
                "AND t.system = 'urn:oid:1.2.643.5.1.13.2.1.1.635' ORDER BY t.seq LIMIT 20000"
            )
        ]
    prefixes = []
    for _ in range(rounds):
        name = rng.choice(surnames)
        prefixes.append({"family": name[: rng.randint(2, min(5, len(name)))].capitalize()})
    by_policy = [{"identifier": rng.choice(policies)} for _ in range(rounds)]
    return {"surname prefix": prefixes, "policy number": by_policy}


def timed(session: requests.Session, url: str, params: dict[str, str]) -> tuple[float, int]:
    started = time.perf_counter()
    answer = session.get(url, params={**params, "_count": "20"}, timeout=60)
    answer.raise_for_status()
    bundle = orjson.loads(answer.content)
    return (time.perf_counter() - started) * 1000, int(bundle["total"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--db", type=Path, default=None, help="keep (or reuse) the database")
    args = parser.parse_args()
    started = time.perf_counter()
    portal = DemoPortal(
        db_path=args.db,
        patients=args.patients,
        progress=lambda done, total: print(f"\r  {done} / {total} patients", end="", flush=True),
    )
    with portal:
        print(f"\nportal ready in {time.perf_counter() - started:.1f} s")
        print(f"patients on the portal: {portal.store.count('Patient')}")
        token = obtain_token(portal.base_url, "desk@demo.medcard", "demo1234", scope=DESK_SCOPE)
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {token['access_token']}"
        url = f"{portal.base_url}/Patient"
        queries = sample_queries(portal, args.rounds)
        for params in queries["surname prefix"][:10]:  # warm up the connection and cache
            timed(session, url, params)
        print(f"\n{'search':<16}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'hits p50':>10}")
        for kind, batch in queries.items():
            times, hits = [], []
            for params in batch:
                ms, total = timed(session, url, params)
                times.append(ms)
                hits.append(total)
            times.sort()
            p95 = times[int(len(times) * 0.95) - 1]
            print(
                f"{kind:<16}{len(times):>6}{statistics.median(times):>10.1f}{p95:>10.1f}"
                f"{times[-1]:>10.1f}{statistics.median(hits):>10.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
