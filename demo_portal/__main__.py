"""`python -m demo_portal`: serve the demo portal until Ctrl+C / SIGTERM.

The first line of output is the FHIR base URL (scripts read it to find the port).
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from datetime import date
from pathlib import Path

from demo_portal.embedded import DemoPortal


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m demo_portal", description="Medcard demo portal (FHIR R4 + SMART)"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument(
        "--db", type=Path, default=None, help="SQLite file (kept); default: a temporary file"
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--scale", type=int, default=0, help="extra records for the main demo patient (benchmarks)"
    )
    parser.add_argument(
        "--patients",
        type=int,
        default=0,
        metavar="N",
        help="N more synthetic patients with policies and attachments (a city for the desk)",
    )
    parser.add_argument(
        "--load",
        type=Path,
        default=None,
        metavar="DIR",
        help="also load the FHIR Bundles (*.json) in DIR",
    )
    parser.add_argument(
        "--token-ttl", type=int, default=3600, metavar="S", help="access token lifetime in seconds"
    )
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=None,
        help="the generator's 'today' (YYYY-MM-DD)",
    )
    parser.add_argument(
        "--latency",
        type=float,
        default=0.0,
        metavar="MS",
        help="add MS milliseconds to every answer (a portal far away)",
    )
    parser.add_argument(
        "--max-count",
        type=int,
        default=None,
        metavar="N",
        help="serve at most N entries per page, whatever _count asks (as real servers cap it)",
    )
    return parser.parse_args(argv)


def _progress(done: int, total: int) -> None:
    # stderr: the first line of stdout is the base URL, which scripts wait for
    print(f"patients: {done} / {total}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.load is not None and not args.load.is_dir():
        print(f"--load: {args.load} is not a folder", file=sys.stderr)
        return 2
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    portal = DemoPortal(
        db_path=args.db,
        seed=args.seed,
        scale=args.scale,
        load_dir=args.load,
        access_token_ttl=args.token_ttl,
        today=args.today,
        host=args.host,
        port=args.port,
        patients=args.patients,
        progress=_progress if args.patients else None,
        latency_ms=args.latency,
        max_count=args.max_count,
    )
    try:
        portal.start()
    except OSError as exc:
        print(f"cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1
    print(portal.base_url, flush=True)
    for email, patient_id in portal.loaded_accounts:
        print(f"loaded account {email} / demo1234 -> Patient/{patient_id}", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        portal.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
