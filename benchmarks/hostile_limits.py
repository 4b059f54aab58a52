"""What a hostile portal costs the client now: time and peak memory of each case (issue 15).

    python benchmarks/hostile_limits.py [--case NAME]

Each case runs in a fresh process against the adversarial test server (tests/hostile_server)
with the client's default limits (64 MB per answer, 10 000 entries per page, 180 s per
request) unless noted, and prints the typed error it ended in, the seconds it took and
the process's peak resident memory above its baseline after imports.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from desktop.services.portal import FhirClient, Limits, RetryPolicy  # noqa: E402
from tests.hostile_server import HostileServer, Reply, endless, json_reply, trickle  # noqa: E402

ONCE = RetryPolicy(attempts=1)


def _obs(n: int) -> dict:
    return {"resource": {"resourceType": "Observation", "id": f"o{n}"}}


def endless_body(server: HostileServer) -> Limits:
    server.route("GET", "/fhir/Observation", Reply(body=endless()))
    return Limits()


def _streamed_page(entries: int, entry: bytes, close: bytes = b"]}") -> Iterator[bytes]:
    """A Bundle page generated as it is sent (the server holds no copy of it)."""
    yield b'{"resourceType": "Bundle", "type": "searchset", "entry": ['
    batch = 1000
    for start in range(0, entries, batch):
        count = min(batch, entries - start)
        yield (b"," if start else b"") + b",".join([entry] * count)
    yield close


def page_200_mb(server: HostileServer) -> Limits:
    entry = orjson.dumps({"resource": {"resourceType": "Observation", "id": "o", "x": "y" * 900}})
    body = _streamed_page(200 * 2**20 // (len(entry) + 1), entry)
    server.route("GET", "/fhir/Observation", Reply(body=body))  # no Content-Length: streamed
    return Limits()


def entries_200_000(server: HostileServer) -> Limits:
    entry = orjson.dumps(_obs(1))
    server.route("GET", "/fhir/Observation", Reply(body=_streamed_page(200_000, entry)))
    return Limits()


def trickling_body(server: HostileServer) -> Limits:
    server.route("GET", "/fhir/Observation", Reply(body=trickle(b"{" + b" " * 10_000, 10.0)))
    return Limits(deadline=30.0)  # 180 s by default; shortened so the run stays short


def endless_paging(server: HostileServer) -> Limits:
    def page(request):  # noqa: ANN001, ANN202
        n = int(request.query.get("page", "0"))
        next_url = f"{server.base_url}/Observation?page={n + 1}"
        entries = [_obs(n * 1000 + i) for i in range(1000)]
        return json_reply(
            {
                "resourceType": "Bundle",
                "total": 5000,
                "entry": entries,
                "link": [{"relation": "next", "url": next_url}],
            }
        )

    server.route("GET", "/fhir/Observation", page)
    return Limits()


CASES = {
    "endless-body": endless_body,
    "page-200-mb": page_200_mb,
    "entries-200000": entries_200_000,
    "trickling-body": trickling_body,
    "endless-paging": endless_paging,
}


def run_case(name: str) -> dict:
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with HostileServer() as server:
        limits = CASES[name](server)
        started = time.monotonic()
        pages = 0
        try:
            with FhirClient(server.base_url, retry=ONCE, limits=limits) as client:
                for _ in client.search("Observation"):
                    pages += 1
            error = "none"
        except Exception as exc:  # noqa: BLE001 - the kind of ending is the measurement
            error = type(exc).__name__
        seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": name, "error": error, "seconds": round(seconds, 2), "pages": pages,
            "peak_mb": round(peak), "above_baseline_mb": round(peak - baseline)}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--case", choices=sorted(CASES))
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return 0
    for name in CASES:
        done = subprocess.run(
            [sys.executable, __file__, "--case", name], capture_output=True, text=True, timeout=600
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{name:16s} -> {result['error']:14s} in {result['seconds']:6.2f} s, "
            f"{result['pages']} page(s), peak {result['peak_mb']} MB "
            f"(+{result['above_baseline_mb']} MB over the baseline)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
