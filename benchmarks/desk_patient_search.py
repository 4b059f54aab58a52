"""How fast the registry desk finds a patient, through the app's service layer (issue 14).

    python benchmarks/desk_patient_search.py [--patients 100000] [--rounds 200] [--db PATH]

Starts an embedded demo portal with `--patients` townspeople (with `--db`, a kept
database is reused: generate once, measure many times), signs the desk in the way the
app does (`desktop.services.desk.shift.StaffShift`: SMART, `user/` scopes, tokens in
memory) and times what the desk runs for each search, by surname prefix (2–5 letters, as
typed) and by OMS policy number: the rows on screen — the typed text parsed
(`parse_query`) and the Patient search (`search_patients`, 50 rows at most) — and then
the policy states that follow into those rows (`policies_of`, one Coverage search per
patient; the app reads them in parallel chunks of 10 rows, so the time of the first chunk
is what the first screen of rows waits for). Prints p50 / p95 / max per kind and phase.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from demo_portal.autologin import follow  # noqa: E402
from demo_portal.embedded import DemoPortal  # noqa: E402
from desktop.services.desk.search import (  # noqa: E402
    parse_query,
    policies_of,
    search_patients,
)
from desktop.services.desk.shift import StaffShift  # noqa: E402

POLICY_CHUNK = 10  # desktop.models.desk.search.POLICY_CHUNK (Qt-side; not imported here)


def sample_texts(portal: DemoPortal, rounds: int) -> dict[str, list[str]]:
    """What a receptionist types: surname prefixes and policy numbers that exist."""
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
        prefixes.append(name[: rng.randint(2, min(5, len(name)))].capitalize())
    return {
        "surname prefix": prefixes,
        "policy number": [rng.choice(policies) for _ in range(rounds)],
    }


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
        shift = StaffShift(
            portal.base_url, lambda url: follow(url, "desk@demo.medcard", "demo1234"), timeout=60
        )
        shift.sign_in()
        today = date.today()
        texts = sample_texts(portal, args.rounds)
        print(f"\n{'search':<34}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'rows p50':>10}")
        with shift.client() as client:
            for text in texts["surname prefix"][:10]:  # warm up the connection and caches
                search_patients(client, parse_query(text), today)
            for kind, batch in texts.items():
                rows_ms, policies_ms, rows = [], [], []
                for text in batch:
                    t0 = time.perf_counter()
                    query = parse_query(text)
                    assert query is not None
                    result = search_patients(client, query, today)
                    t1 = time.perf_counter()
                    policies_of(client, [p.id for p in result.patients][:POLICY_CHUNK], today)
                    rows_ms.append((t1 - t0) * 1000)
                    policies_ms.append((time.perf_counter() - t1) * 1000)
                    rows.append(len(result.patients))
                for phase, times in (("rows", rows_ms), ("+ states of 10 rows", policies_ms)):
                    times.sort()
                    p95 = times[int(len(times) * 0.95) - 1]
                    print(
                        f"{kind + ': ' + phase:<34}{len(times):>6}{statistics.median(times):>10.1f}"
                        f"{p95:>10.1f}{times[-1]:>10.1f}{statistics.median(rows):>10.0f}"
                    )
        shift.sign_out()
    return 0


if __name__ == "__main__":
    sys.exit(main())
