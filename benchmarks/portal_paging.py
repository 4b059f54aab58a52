"""How fast the demo portal pages through one big patient, with plain requests.

    python benchmarks/portal_paging.py [--scale 100000] [--count 1000]

Starts an embedded portal with `--scale` extra records for the main demo patient, signs
in as the demo family, pages through all of the patient's Observations with `_count`, and
prints resources per second plus the size of the generated data per resource type.
"""

from __future__ import annotations

import argparse
import re
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
            "ORDER BY 3 DESC"
        ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


# The portal writes `link` before `entry`, so the next URL can be read without a full parse.
_NEXT = re.compile(rb'\{"relation":"next","url":"([^"]+)"\}')


def page_through(
    portal: DemoPortal, token: str, rtype: str, count: int, parse: bool = True
) -> tuple[int, int, float, int]:
    """(resources, bytes, seconds, pages) for one full walk; without `parse` only the
    transfer is measured (what the server and the loopback deliver)."""
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    url: str | None = f"{portal.base_url}/{rtype}?patient={PATIENT}&_count={count}"
    resources = transferred = pages = 0
    started = time.perf_counter()
    while url:
        answer = session.get(url, timeout=120)
        answer.raise_for_status()
        transferred += len(answer.content)
        pages += 1
        if parse:
            bundle = orjson.loads(answer.content)
            resources += len(bundle.get("entry", []))
            url = next((link["url"] for link in bundle["link"] if link["relation"] == "next"), None)
        else:
            resources += answer.content.count(b'"fullUrl":')
            found = _NEXT.search(answer.content, 0, 4096)
            url = found.group(1).decode() if found else None
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
        print()
        for label, parse in (
            ("GET + orjson parse", True),
            ("GET + orjson parse", True),
            ("GET only (transfer)", False),
        ):
            n, size, seconds, pages = page_through(portal, token, "Observation", args.count, parse)
            print(
                f"{label}: {n} Observations in {pages} pages of {args.count}: "
                f"{seconds:.2f} s, {n / seconds:,.0f} resources/s, "
                f"{size / 1e6 / seconds:.1f} MB/s"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
