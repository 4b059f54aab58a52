"""Family changes that travel through sync: a new child's card arrives; after giving up
access or a 15th birthday the child's card leaves the cache completely (every table is
searched); the clinic's decision on an on-hold request shows after the next sync."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from PySide6.QtWidgets import QMessageBox

from demo_portal import operator
from demo_portal.embedded import DemoPortal
from demo_portal.rules import family as portal_rules
from desktop.services.accounts import AccountManager
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from tests.ui.test_family_tab import FAMILY, Family, form, send

MASHA = "ivanova-masha"


@pytest.fixture
def family(qtbot: Any, tmp_path: Path) -> Iterator[Family]:
    with DemoPortal(db_path=tmp_path / "portal.db", access_token_ttl=3600) as portal:
        fam = Family(portal, tmp_path)
        synced(qtbot, fam)
        yield fam
        fam.close()


def synced(qtbot: Any, family: Family) -> None:
    """Run a sync now and wait for the tab to have re-read the cache."""
    with qtbot.waitSignal(family.ctx.syncFinished, timeout=60_000) as done:
        family.ctx.sync_now()
    assert done.args == [True]
    qtbot.waitUntil(
        lambda: not family.tab.model.busy and not family.ctx.session.syncing, timeout=30_000
    )


def traces_of(cache: Any, needles: list[str]) -> list[str]:
    """Every table (and the full-text index) searched for any of `needles`."""
    found: list[str] = []
    with cache.read() as conn:
        tables = [
            r[0]
            for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            if table.startswith("timeline_fts"):
                continue  # binary index pages; queried through MATCH below
            for row in conn.exec_driver_sql(f'SELECT * FROM "{table}"'):
                text = " ".join(
                    v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v) for v in row
                )
                found += [f"{table}: {n}" for n in needles if n in text]
        for needle in needles:
            query = '"' + needle.replace('"', "") + '"'
            hits = conn.exec_driver_sql(
                "SELECT count(*) FROM timeline_fts WHERE timeline_fts MATCH ?", (query,)
            ).scalar()
            if hits:
                found.append(f"timeline_fts: {needle}")
    return found


def name_of(family: Family, patient_id: str) -> str | None:
    card = family.card_of(patient_id)
    return card.entry.name if card is not None else None


def state_of(family: Family, patient_id: str) -> str | None:
    card = family.card_of(patient_id)
    return card.entry.state if card is not None else None


def masha_needles(family: Family) -> list[str]:
    patient = family.store.get("Patient", MASHA)
    assert patient is not None
    needles = [MASHA, patient["name"][0]["family"] + " " + patient["name"][0]["given"][0]]
    needles += [i["value"] for i in patient.get("identifier") or [] if i.get("value")]
    return needles


def test_child_card_is_synced_and_named(qtbot: Any, family: Family) -> None:
    cache = family.ctx.session.cache
    assert MASHA in cache.patients()
    # The cached Patient gives the real name (the id is shown only before the first sync).
    qtbot.waitUntil(lambda: family.card_of(MASHA).entry.name != MASHA, timeout=30_000)
    assert family.card_of(MASHA).entry.name == "Мария Иванова"


def test_give_up_access_removes_every_trace(
    qtbot: Any, family: Family, monkeypatch: pytest.MonkeyPatch
) -> None:
    needles = masha_needles(family)
    assert traces_of(family.ctx.session.cache, needles)  # present before
    family.ctx.set_patient(MASHA)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    card = family.card_of(MASHA)
    with qtbot.waitSignal(family.ctx.syncFinished, timeout=60_000):
        card.give_up_button.click()
    qtbot.waitUntil(lambda: family.card_of(MASHA) is None, timeout=30_000)
    assert MASHA not in family.store.accessible_patients(family.store.user(FAMILY))
    assert MASHA not in [p.patient_id for p in family.ctx.patients]
    assert family.ctx.patient_id != MASHA  # the open card switched back to the holder
    assert traces_of(family.ctx.session.cache, needles) == []


def test_fifteenth_birthday_ends_access_at_next_sync(qtbot: Any, family: Family) -> None:
    """The first sync after the birthday learns the new patient list before it pulls:
    no 403 for the child, no error banner, and the child is gone everywhere at once."""
    needles = masha_needles(family)
    errors: list[str] = []
    family.ctx.errorOccurred.connect(errors.append)
    family.ctx.session.errorOccurred.connect(errors.append)
    family.ctx.set_patient(MASHA)  # her card is open when her access ends
    portal_rules.turn_15(family.store, MASHA, dt.date.today())
    needles.append(family.store.get("Patient", MASHA)["birthDate"])
    with qtbot.waitSignal(family.ctx.syncFinished, timeout=60_000) as done:
        family.ctx.sync_now()
    assert done.args == [True] and errors == []
    assert MASHA not in [p.patient_id for p in family.ctx.patients]  # the header's list
    assert MASHA not in family.ctx.session.patient_ids
    assert traces_of(family.ctx.session.cache, needles[:-1]) == []
    qtbot.waitUntil(lambda: family.card_of(MASHA) is None, timeout=30_000)
    assert family.ctx.patient_id == family.ctx.session.own_patient_id  # back to own card
    # The next app start begins from the right list.
    registry = AccountManager(Profile(family.accounts.profile.path), MemorySecretStore())
    assert MASHA not in registry.get(family.account.id).patient_ids
    assert errors == []


def test_request_accepted_then_its_card_syncs(qtbot: Any, family: Family) -> None:
    request = send(qtbot, family, form(child_name="Иванов Пётр Сергеевич"))
    child = request.child_patient_id
    qtbot.waitUntil(lambda: child in family.ctx.session.cache.patients(), timeout=60_000)
    # After the sync the name comes from the child's own Patient resource.
    qtbot.waitUntil(lambda: name_of(family, child) == "Пётр Иванов", timeout=30_000)
    assert family.card_of(child).entry.state == "active"


def test_clinic_decisions_show_after_sync(qtbot: Any, family: Family, tmp_path: Path) -> None:
    held = send(
        qtbot,
        family,
        form(
            child_name="Сидорова Анна",
            birth_date=dt.date(2016, 2, 2),
            certificate_issued=dt.date(2016, 2, 20),
        ),
    )
    other = send(
        qtbot,
        family,
        form(
            child_name="Сидоров Павел",
            birth_date=dt.date(2015, 1, 1),
            certificate_issued=dt.date(2015, 1, 20),
        ),
    )
    assert held.status == other.status == "on-hold"
    db = str(tmp_path / "portal.db")
    assert operator.main(["--db", db, "complete-check", held.task_id]) == 0
    assert (
        operator.main(
            ["--db", db, "reject-check", other.task_id, "--reason", "Свидетельство не совпадает"]
        )
        == 0
    )
    family.ctx.sync_now()
    # The accepted child appears (tokens refreshed on their own), the rejection says why.
    qtbot.waitUntil(lambda: family.states().get("Сидоров Павел") == "rejected", timeout=60_000)
    card = family.tab.card_for("Сидоров Павел")
    assert "Свидетельство не совпадает" in card.detail_label.text()
    child = orjson.loads(orjson.dumps(family.store.get("Task", held.task_id)))["focus"]
    child_id = child["reference"].split("/")[1]
    # First "accepted" (from the synced Task), then active once the tokens are refreshed.
    qtbot.waitUntil(lambda: state_of(family, child_id) == "active", timeout=60_000)
    assert child_id in family.ctx.session.patient_ids
