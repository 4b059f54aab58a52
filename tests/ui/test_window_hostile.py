"""The window against a misbehaving portal (issue 15): unreadable records are reported in
the banner and the rest of the card syncs; the window's sync holds the profile's lock."""

from __future__ import annotations

import orjson

from desktop.services.filelock import FileLock
from desktop.services.sync_lock import LOCK_NAME


def _unreadable_page() -> bytes:
    entries = [
        {"resource": {"resourceType": {"x": 1}, "id": "a"}},
        {"resource": {"resourceType": "Observation", "id": ["b"]}},
        {"nothing": True},
    ]
    return orjson.dumps({"resourceType": "Bundle", "type": "searchset", "entry": entries})


def test_unreadable_records_are_reported_and_the_sync_succeeds(qtbot, signed_in, portal):
    portal.faults.add(status=200, body=_unreadable_page(), path_contains="$everything")
    try:
        with qtbot.waitSignal(signed_in.ctx.syncFinished, timeout=60_000) as done:
            signed_in.window.header.sync_button.click()
    finally:
        portal.faults.clear()
    assert done.args == [True]
    banner = signed_in.window.banner
    assert banner.isVisible()
    # English is the source language (no catalogue): "3 record(s) could not be read…"
    assert banner.text().startswith("3 record") and "could not be read" in banner.text()
    assert signed_in.window.tab_widget("card").model.total > 0


def test_the_window_waits_for_another_sync_of_its_profile(qtbot, signed_in):
    other = FileLock(signed_in.profile.path / LOCK_NAME)  # a `medcard sync` running
    assert other.acquire(1)
    try:
        signed_in.window.header.sync_button.click()
        qtbot.wait(500)
        assert signed_in.ctx.session.syncing  # waiting for the lock, not syncing alongside
    finally:
        other.release()
    qtbot.waitUntil(lambda: not signed_in.ctx.session.syncing, timeout=60_000)
