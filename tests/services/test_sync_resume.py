"""A first sync killed with SIGKILL again and again makes progress and ends exact (issue 19).

Both ways of paging resume where they stopped: the newest-first type streams from the
lower edge each page commits, Patient/$everything from the next link each page saves.
The sync runs in a child process (`SyncEngine` on a real SQLCipher file over loopback
HTTP) killed once it has committed something new in that run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.services.cache import Cache

ROOT = Path(__file__).resolve().parents[2]
FAMILY = "family@demo.medcard"

CHILD = """
import json, sys
sys.path.insert(0, sys.argv[1])
from desktop.services.cache import Cache
from desktop.services.portal import FhirClient
from desktop.services.sync import SyncEngine

class Token:
    def access_token(self): return sys.argv[5]
    def refresh(self, rejected_token=None): return None

base, cache_path, key, _, patients, everything = sys.argv[2:8]
with Cache.open(cache_path, key) as cache, FhirClient(base, Token()) as client:
    result = SyncEngine(client, cache, patients.split(","), page_size=500,
                        use_everything=everything == "1").run()
print(json.dumps({"transferred": result.transferred}))
"""


def _extra_observations(n: int) -> list[dict]:
    return [
        {
            "resourceType": "Observation",
            "id": f"resume-{i}",
            "status": "final",
            "subject": {"reference": "Patient/ivanov-sergey"},
            "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0"}]},
            "effectiveDateTime": f"20{10 + i % 15:02d}-02-01T08:{i % 60:02d}:00Z",
            "valueQuantity": {"value": 5.5, "unit": "ммоль/л"},
            "meta": {"lastUpdated": f"2025-{1 + i % 12:02d}-01T00:00:00Z"},
        }
        for i in range(n)
    ]


def _content(cache: Cache) -> dict[tuple[str, str], str]:
    with cache.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT type, id, version_id FROM resources WHERE patient_id IS NOT NULL"
        ).all()
    return {(t, i): str(v) for t, i, v in rows}


def _count(path: Path, key: str) -> int:
    try:
        with Cache.open(path, key) as peek:
            return sum(peek.counts().values())
    except Exception:  # noqa: BLE001 - not created yet, or mid-creation
        return 0


@pytest.mark.parametrize("everything", [False, True], ids=["type-streams", "everything"])
def test_ten_kills_in_a_row_make_progress_and_the_sync_ends_exact(
    tmp_path: Path, everything: bool
) -> None:
    from demo_portal.autologin import obtain_token
    from demo_portal.embedded import DemoPortal

    with DemoPortal(db_path=tmp_path / "portal.db") as portal:
        portal.store.load(_extra_observations(6000))
        tokens = obtain_token(portal.base_url, FAMILY, "demo1234")
        patients = tokens["medcard_patients"]
        path, key = tmp_path / "cache.db", Cache.new_key()
        command = [
            sys.executable,
            "-c",
            CHILD,
            str(ROOT),
            portal.base_url,
            str(path),
            key,
            tokens["access_token"],
            ",".join(patients),
            "1" if everything else "0",
        ]
        # Every next page answers late, so each run commits a page or two before its kill.
        portal.faults.slow(0.4, count=1000, path_contains="_page=")
        seen = [0]
        for _ in range(10):
            child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            try:
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline and child.poll() is None:
                    if _count(path, key) > seen[-1]:
                        break  # something new committed in this run
                    time.sleep(0.02)
                if child.poll() is None:
                    os.kill(child.pid, signal.SIGKILL)
            finally:
                _, errors = child.communicate(timeout=30)
            assert child.returncode == -signal.SIGKILL, errors.decode()[-2000:]
            seen.append(_count(path, key))
        assert all(b > a for a, b in zip(seen, seen[1:], strict=False)), seen
        portal.faults.clear()

        done = subprocess.run(command, capture_output=True, timeout=120, check=True)
        transferred = json.loads(done.stdout)["transferred"]
        with portal.store.engine.connect() as conn:
            marks = ",".join("?" * len(patients))
            rows = conn.exec_driver_sql(
                f"SELECT rtype, rid, version FROM resources WHERE patient_id IN ({marks})",
                tuple(patients),
            ).all()
        expected = {(t, i): str(v) for t, i, v in rows}
        with Cache.open(path, key) as cache:
            assert _content(cache) == expected
            marks_left = [stream for (_, stream) in cache.sync.watermarks() if "|" in stream]
            assert marks_left == []  # no unfinished pass is left behind
        # the last run fetched only what the killed ones had not committed
        assert transferred < len(expected) - seen[-1] + 600
