"""Issue 13, portal side: OMS policies of the three kinds on Coverage, and a booking refused
because the policy ended (with a reason the app can explain)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from oauth_helpers import FhirSession, sign_in

from demo_portal.embedded import DemoPortal
from demo_portal.rules.appointments import add_schedule

FORM_EXT = "https://demo.medcard/fhir/StructureDefinition/oms-policy-form"
TERRITORY_EXT = "https://demo.medcard/fhir/StructureDefinition/oms-territory"


def form_of(coverage: dict) -> str:
    return next(e["valueCoding"]["code"] for e in coverage["extension"] if e["url"] == FORM_EXT)


def test_every_demo_person_has_a_policy_of_one_of_the_three_kinds(portal):
    store = portal.store
    people = [
        p["id"] for p in store.search("Patient", limit=1000) if not p["id"].startswith("city-")
    ]
    forms = {}
    for pid in people:
        coverage = store.get("Coverage", f"cov-oms-{pid}")
        forms[pid] = form_of(coverage)
        number = coverage["identifier"][0]["value"]
        territory = next(e for e in coverage["extension"] if e["url"] == TERRITORY_EXT)
        assert territory["valueCodeableConcept"]["text"]
        insurer = store.get("Organization", coverage["payor"][0]["reference"].split("/")[1])
        assert any(t["system"] == "phone" for t in insurer["telecom"])
        if forms[pid].startswith("new-"):
            assert re.fullmatch(r"\d{16}", number)
        elif forms[pid] == "old":
            assert re.fullmatch(r"\d{4} \d{10}", number)
        else:
            assert re.fullmatch(r"\d{9}", number) and coverage["period"]["end"]
        # the same number on the Patient, so the desk finds the person by it
        patient = store.get("Patient", pid)
        assert number in {i["value"] for i in patient["identifier"]}
    assert {"new-paper", "new-card", "new-electronic", "old", "temporary"} == set(forms.values())
    artem = store.get("Coverage", "cov-oms-smirnov-artem")
    assert form_of(artem) == "temporary"
    assert date.fromisoformat(artem["period"]["end"]) - date.today() == timedelta(days=5)


@pytest.fixture
def expired(tmp_path):
    with DemoPortal(db_path=tmp_path / "portal.db") as portal:
        start = (datetime.now(UTC) + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
        slots = add_schedule(
            portal.store,
            "t-sched",
            ("pr-orlov", "Орлов М. В."),
            "loc-gp12-216",
            ("394814009", "Терапия"),
            start,
            2,
        )
        yield portal, slots


def test_booking_is_refused_when_the_policy_has_ended_and_the_slot_stays_free(expired):
    portal, slots = expired
    fhir = FhirSession(portal, sign_in(portal, "nopolicy@demo.medcard")["access_token"])
    me = "lebedeva-ksenia"
    oms = fhir.get("Coverage", params={"patient": me, "type": "PUBLICPOL"}).json()
    coverage = oms["entry"][0]["resource"]
    assert form_of(coverage) == "temporary" and coverage["status"] == "cancelled"
    answer = fhir.post(
        "Appointment",
        json={
            "resourceType": "Appointment",
            "status": "booked",
            "slot": [{"reference": f"Slot/{slots[0]['id']}"}],
            "participant": [{"actor": {"reference": f"Patient/{me}"}, "status": "accepted"}],
        },
    )
    assert answer.status_code == 422
    issue = answer.json()["issue"][0]
    assert issue["code"] == "business-rule"
    assert issue["details"]["coding"] == [
        {
            "system": "https://demo.medcard/fhir/CodeSystem/refusal-reason",
            "code": "oms-policy-invalid",
        }
    ]
    ended = date.fromisoformat(coverage["period"]["end"]).strftime("%d.%m.%Y")
    assert "полиса ОМС" in issue["details"]["text"] and ended in issue["details"]["text"]
    assert "OMS policy" in issue["diagnostics"]
    assert portal.store.get("Slot", slots[0]["id"])["status"] == "free"
    # others book the same time as ever
    family = FhirSession(portal, sign_in(portal, "family@demo.medcard")["access_token"])
    booked = family.post(
        "Appointment",
        json={
            "resourceType": "Appointment",
            "status": "booked",
            "slot": [{"reference": f"Slot/{slots[0]['id']}"}],
            "participant": [
                {"actor": {"reference": "Patient/ivanov-sergey"}, "status": "accepted"}
            ],
        },
    )
    assert booked.status_code == 201, booked.text
