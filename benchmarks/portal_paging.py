"""How fast the demo portal pages through one big patient, with plain requests.

    python benchmarks/portal_paging.py [--scale 100000] [--count 1000]

Starts an embedded portal with `--scale` extra records for the main demo patient, signs
in as the demo family, pages through all of the patient's Observations with `_count`, and
prints resources per second plus the size of the generated data per resource type.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import orjson
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from demo_portal.autologin import obtain_token  # noqa: E402
from demo_portal.embedded import DemoPortal  # noqa: E402

PATIENT = "ivanov-sergey"


def data_sizes(portal: DemoPortal) -> list[tuple[str, int, int]]:
    """(type, count, bytes of stored JSON) per resource type, biggest first."""
    with portal.store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT rtype, COUNT(*), SUM(LENGTH(body)) FROM resources GROUP BY rtype "
            "ORDER BY 3 DESC").fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def page_through(portal: DemoPortal, token: str, rtype: str, count: int
                 ) -> tuple[int, int, float, int]:
    """(resources, bytes, seconds, pages) for one full walk."""
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    url: str | None = f"{portal.base_url}/{rtype}?patient={PATIENT}&_count={count}"
    resources = transferred = pages = 0
    started = time.perf_counter()
    while url:
        answer = session.get(url, timeout=120)
        answer.raise_for_status()
        bundle = orjson.loads(answer.content)
        transferred += len(answer.content)
        resources += len(bundle.get("entry", []))
        pages += 1
        url = next((link["url"] for link in bundle["link"] if link["relation"] == "next"), None)
    return resources, transferred, time.perf_counter() - started, pages


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    started = time.perf_counter()
    with DemoPortal(scale=args.scale) as portal:
        print(f"portal with scale={args.scale} ready in {time.perf_counter() - started:.1f} s")
        token = obtain_token(portal.base_url, "family@demo.medcard", "demo1234")["access_token"]
        print("\nGenerated data per resource type:")
        print(f"{'type':<24}{'count':>10}{'MB':>10}{'bytes/res':>12}")
        for rtype, n, size in data_sizes(portal):
            print(f"{rtype:<24}{n:>10}{size / 1e6:>10.2f}{size // max(n, 1):>12}")
        for attempt in (1, 2):
            n, size, seconds, pages = page_through(portal, token, "Observation", args.count)
            print(f"\nrun {attempt}: paged {n} Observations in {pages} pages of {args.count}: "
                  f"{seconds:.2f} s, {n / seconds:,.0f} resources/s, "
                  f"{size / 1e6 / seconds:.1f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
