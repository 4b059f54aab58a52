"""A sync interrupted at any moment resumes to exactly the server's content.

One test kills a real `medcard sync` process with SIGKILL mid-run; one stops an
in-process type-search sync between pages, so the per-page watermarks are exercised.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.services.accounts import AccountManager
from desktop.services.cache import Cache
from desktop.services.profile import Profile
from desktop.services.secrets import KeyringSecretStore, MemorySecretStore
from desktop.services.sync import SyncCancelled, SyncEngine, SyncProgress
from tests.services.conftest import FAMILY, browser_for
from tests.services.test_sync import cache_content, server_content

ROOT = Path(__file__).resolve().parents[2]


def _extra_observations(n: int) -> list[dict]:
    """Home glucose readings for the main patient, to make a sync take a while."""
    return [
        {
            "resourceType": "Observation",
            "id": f"bulk-{i}",
            "status": "final",
            "subject": {"reference": "Patient/ivanov-sergey"},
            "category": [{"coding": [{"code": "laboratory"}]}],
            "code": {
                "coding": [{"system": "http://loinc.org", "code": "2339-0"}],
                "text": "Глюкоза",
            },
            "effectiveDateTime": f"20{10 + i % 15:02d}-01-01T08:{i % 60:02d}:00Z",
            "valueQuantity": {"value": 4 + (i % 30) / 10, "unit": "ммоль/л"},
            "meta": {"lastUpdated": "2026-01-01T00:00:00Z"},
        }
        for i in range(n)
    ]


def _no_duplicates(cache: Cache) -> None:
    with cache.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT (SELECT count(*) FROM timeline),"
            " (SELECT count(DISTINCT resource_type || '/' || resource_id) FROM timeline),"
            " (SELECT count(*) FROM observations),"
            " (SELECT count(DISTINCT resource_id || '#' || component) FROM observations)"
        ).one()
    assert rows[0] == rows[1] and rows[2] == rows[3]


def test_kill_9_of_medcard_sync_then_resume_gives_exact_content(tmp_path: Path) -> None:
    from demo_portal.embedded import DemoPortal

    with DemoPortal(db_path=tmp_path / "portal.db") as portal:
        portal.store.load(_extra_observations(6000))
        manager = AccountManager(Profile(tmp_path / "profile"), KeyringSecretStore())
        account = manager.sign_in(portal.base_url, open_url=browser_for(FAMILY), timeout=30)
        command = [
            sys.executable,
            "-m",
            "desktop.services.cli",
            "sync",
            "--profile",
            str(tmp_path / "profile"),
            "--json",
        ]
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        path, key = manager.cache_path(account.id), manager.cache_key(account.id)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and process.poll() is None:
                if path.exists():
                    with Cache.open(path, key) as peek:
                        if sum(peek.counts().values()) > 0:
                            break  # at least one page committed, more to come
                time.sleep(0.02)
            os.kill(process.pid, signal.SIGKILL)
        finally:
            process.wait(timeout=30)
            process.stdout.close()  # type: ignore[union-attr]
            process.stderr.close()  # type: ignore[union-attr]
        assert process.returncode == -signal.SIGKILL, "the sync ended before it was killed"
        with Cache.open(path, key) as cache:
            partial = cache_content(cache)
        expected = server_content(portal, list(account.patient_ids))
        assert 0 < len(partial) < len(expected)

        done = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120, check=True)
        assert b'"transferred"' in done.stdout
        with Cache.open(path, key) as cache:
            assert cache_content(cache) == expected
            _no_duplicates(cache)
            assert cache.labs.series("ivanov-sergey", "2339-0")


def test_type_search_sync_stopped_between_pages_resumes_from_its_watermarks(
    fresh_portal: object, tmp_path: Path
) -> None:
    fresh_portal.store.load(_extra_observations(700))  # type: ignore[attr-defined]
    manager = AccountManager(Profile(tmp_path / "profile"), MemorySecretStore())
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)  # type: ignore[attr-defined]
    patients = list(account.patient_ids)
    client = manager.client(account.id)
    stop = threading.Event()

    def stop_after_some(progress: SyncProgress) -> None:
        if progress.resource_type == "Observation" and progress.done >= 300:
            stop.set()

    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        with pytest.raises(SyncCancelled):
            SyncEngine(
                client,
                cache,
                patients,
                progress=stop_after_some,
                cancel=stop,
                use_everything=False,
                workers=1,
                page_size=100,
            ).run()
        first = len(cache_content(cache))
        expected = server_content(fresh_portal, patients)
        assert first < len(expected)
        resumed = SyncEngine(client, cache, patients, use_everything=False, page_size=100).run()
        assert cache_content(cache) == expected
        # the committed pages were not fetched again
        assert resumed.transferred < len(expected)
        _no_duplicates(cache)
