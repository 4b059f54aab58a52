"""Data shaped like US Core / Synthea shows as well as ours (issue 18): a check-up visit
with its type, kind of care, reason, period, participants, clinic and the measurements
taken there (blood pressure panels, values without reference ranges); a clinical note
sent as a base64 attachment opens as text."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import orjson
import pytest
from shared_fixtures import SYNTHEA_DIR, require_synthea

from demo_portal import autologin
from demo_portal.embedded import DemoPortal
from desktop.services.accounts import AccountManager
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.views.card import CardTab
from desktop.views.labs.tab import LabsTab
from tests.ui.conftest import TabHarness

pytestmark = require_synthea()

NOTE = "Patient seen for a check-up.\nBlood pressure controlled; continue lisinopril."


def _first_bundle() -> dict[str, Any]:
    return orjson.loads(sorted(SYNTHEA_DIR.glob("*.json"))[0].read_bytes())


@pytest.fixture(scope="module")
def synthea(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    home = tmp_path_factory.mktemp("synthea")
    with DemoPortal(db_path=home / "portal.db", load_dir=SYNTHEA_DIR) as portal:
        bundle = _first_bundle()
        patient = next(
            e["resource"]["id"]
            for e in bundle["entry"]
            if e["resource"]["resourceType"] == "Patient"
        )
        email = next(e for e, pid in portal.loaded_accounts if pid == patient)
        check_ups = [
            e["resource"]
            for e in bundle["entry"]
            if e["resource"]["resourceType"] == "Encounter"
            and "check up" in e["resource"]["type"][0]["text"]
        ]
        visit = max(check_ups, key=lambda r: r["period"]["start"])  # vitals were taken
        # A US Core clinical note: plain text inside the attachment, base64 encoded.
        portal.store.load(
            [
                {
                    "resourceType": "DocumentReference",
                    "id": "synthea-note-1",
                    "status": "current",
                    "type": {
                        "coding": [{"system": "http://loinc.org", "code": "11506-3"}],
                        "text": "Progress note",
                    },
                    "subject": {"reference": f"Patient/{patient}"},
                    "date": "2019-03-21T06:40:00Z",
                    "content": [
                        {
                            "attachment": {
                                "contentType": "text/plain",
                                "data": base64.b64encode(NOTE.encode()).decode(),
                            }
                        }
                    ],
                    "meta": {"lastUpdated": "2019-03-21T06:40:00Z"},
                }
            ]
        )
        accounts = AccountManager(Profile(home / "profile"), MemorySecretStore())
        account = accounts.sign_in(
            portal.base_url,
            timeout=30,
            open_url=lambda url: autologin.follow(url, email, "demo1234"),
        )
        yield {"accounts": accounts, "account": account, "patient": patient, "visit": visit}


@pytest.fixture
def harness(qtbot: Any, synthea: dict[str, Any]) -> Iterator[TabHarness]:
    harness = TabHarness(qtbot, synthea["accounts"], synthea["account"])
    harness.sync()
    yield harness
    harness.close()


def _open(harness: TabHarness, tab: CardTab, resource_id: str) -> str:
    tab.filters.reset()
    harness.settle()
    model = tab.model
    while model.canFetchMore() and not any(
        model.row_at(i).resource_id == resource_id for i in range(model.rowCount())
    ):
        model.fetchMore()
        harness.settle()
    row = next(i for i in range(model.rowCount()) if model.row_at(i).resource_id == resource_id)
    tab.table.selectRow(row)
    harness.settle()
    return tab.detail.plain_text()


def test_a_synthea_check_up_shows_its_facts_and_measurements(harness, synthea) -> None:
    harness.ctx.set_patient(synthea["patient"])
    harness.show_tab(CardTab(harness.ctx))
    harness.settle()
    text = _open(harness, harness.tab, synthea["visit"]["id"])
    for label in (
        "When:",
        "Type:",
        "Kind of care: Outpatient visit",
        "Participants: Dr.",
        "Clinic:",
    ):
        assert label in text, label
    assert "Encounter for check up" in text
    # Vital signs taken at the visit, the blood-pressure panel as its two parts, rounded.
    assert "Systolic Blood Pressure" in text and "Diastolic Blood Pressure" in text
    assert "mm[Hg]" in text or "mmHg" in text or "мм рт. ст." in text


def test_a_base64_clinical_note_opens_as_text(harness, synthea) -> None:
    harness.ctx.set_patient(synthea["patient"])
    harness.show_tab(CardTab(harness.ctx))
    harness.settle()
    text = _open(harness, harness.tab, "synthea-note-1")
    assert "Patient seen for a check-up." in text and "continue lisinopril" in text


def test_blood_pressure_without_ranges_charts_both_parts(harness, synthea) -> None:
    harness.ctx.set_patient(synthea["patient"])
    tab = LabsTab(harness.ctx)
    harness.show_tab(tab)
    harness.settle()
    codes = {a.code for a in tab.model.analytes}
    assert {"8480-6", "8462-4"} <= codes  # systolic and diastolic from the panels
    systolic = next(a for a in tab.model.analytes if a.code == "8480-6")
    assert systolic.count >= 5 and not systolic.abnormal  # no range: nothing flagged
