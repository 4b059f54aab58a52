"""The card during a first sync (issue 19): records appear as pages land, newest first,
merged in place — the selection survives, and the labs tab waits for the end.

Every next page of the portal answers late, so the sync lasts seconds; the card tab is
live on an empty cache meanwhile (real session, real SQLCipher, loopback HTTP)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from demo_portal import autologin
from demo_portal.embedded import DemoPortal
from desktop.models.card.timeline import RecordKeyRole
from desktop.services.accounts import AccountManager
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.views.card import CardTab
from tests.ui.conftest import TabHarness

SERGEY = "ivanov-sergey"
NEWEST = datetime(2026, 12, 31, 12, 0, tzinfo=UTC)


def _extra_observations(n: int) -> list[dict]:
    return [
        {
            "resourceType": "Observation",
            "id": f"live-{i}",
            "status": "final",
            "subject": {"reference": f"Patient/{SERGEY}"},
            "category": [{"coding": [{"code": "laboratory"}]}],
            "code": {
                "coding": [{"system": "http://loinc.org", "code": "2339-0"}],
                "text": "Глюкоза",
            },
            # loaded last, so the newest by lastUpdated: and the newest by date, as on a
            # real portal where records are written when they happen
            "effectiveDateTime": (NEWEST - timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:00Z"),
            "valueQuantity": {"value": 5.1, "unit": "ммоль/л"},
            "meta": {"lastUpdated": (NEWEST - timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:00Z")},
        }
        for i in range(n)
    ]


def test_records_appear_while_the_sync_runs_and_the_selection_survives(
    qtbot: Any, tmp_path: Path
) -> None:
    with DemoPortal(db_path=tmp_path / "portal.db") as portal:
        portal.store.load(_extra_observations(3000))
        accounts = AccountManager(Profile(tmp_path / "family"), MemorySecretStore())
        account = accounts.sign_in(
            portal.base_url,
            timeout=30,
            open_url=lambda url: autologin.follow(url, "family@demo.medcard", "demo1234"),
        )
        harness = TabHarness(qtbot, accounts, account)
        harness.ctx.set_patient(SERGEY)
        tab = CardTab(harness.ctx)
        harness.show_tab(tab)
        model = tab.model
        try:
            harness.settle()
            qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
            assert tab.empty_note.isVisible()  # "no records yet" on the empty card
            portal.faults.slow(0.7, count=1000, path_contains="_page=")
            resets: list[int] = []
            model.modelReset.connect(lambda: resets.append(model.rowCount()))
            finished: list[bool] = []
            harness.ctx.syncFinished.connect(finished.append)
            harness.ctx.sync_now()
            # The first screen arrives long before the sync ends.
            qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=30_000)
            assert not finished, "the rows came only with the end of the sync"
            assert not tab.empty_note.isVisible(), "'no records yet' over the rows"
            tab.table.selectRow(0)
            chosen = model.index(0, 0).data(RecordKeyRole)
            total = model.total
            qtbot.waitUntil(lambda: model.total > total or bool(finished), timeout=30_000)
            assert not finished, "nothing was merged in while the sync ran"
            during = {model.index(r, 0).data(RecordKeyRole) for r in range(model.rowCount())}
            assert resets == [], "the model was reset under the user while the sync ran"
            selected = tab.table.selectionModel().selectedRows()
            assert [i.data(RecordKeyRole) for i in selected] == [chosen]
            qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
            assert finished == [True]
            harness.settle()
            qtbot.waitUntil(lambda: not model.loading, timeout=10_000)
            selected = tab.table.selectionModel().selectedRows()
            assert [i.data(RecordKeyRole) for i in selected] == [chosen]
            # Newest first: the final first screen was on screen early in the sync.
            final = {model.index(r, 0).data(RecordKeyRole) for r in range(30)}
            assert final <= during, final - during
        finally:
            portal.faults.clear()
            harness.close()
