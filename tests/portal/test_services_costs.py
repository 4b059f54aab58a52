"""Issue 12, portal side: the services each person received and their cost
(ExplanationOfBenefit), and the "I did not receive this service" report to the insurer
with the insurer's answer through the operator command."""

from __future__ import annotations

import contextlib
import io
import uuid
from datetime import date

import pytest
from oauth_helpers import FhirSession, sign_in

from demo_portal import operator
from demo_portal.embedded import DemoPortal

NOMENCLATURE = "urn:oid:1.2.643.5.1.13.13.11.1070"
PAYER_EXT = "https://demo.medcard/fhir/StructureDefinition/payer-kind"
TASK = "https://medcard.app/fhir/CodeSystem/task-code"
INPUT = "https://medcard.app/fhir/CodeSystem/service-report-input"
SERGEY = "ivanov-sergey"
PEOPLE = (
    "ivanov-sergey",
    "ivanova-masha",
    "petrova-anna",
    "smirnova-olga",
    "smirnov-artem",
    "kuznetsov-dmitry",
    "egorova-tatiana",
    "ivanov-petr",
    "lebedeva-ksenia",
)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    home = tmp_path_factory.mktemp("costs")
    with DemoPortal(db_path=home / "portal.db") as portal:
        yield {
            "portal": portal,
            "db": home / "portal.db",
            "family": FhirSession(portal, sign_in(portal, "family@demo.medcard")["access_token"]),
        }


def payer(eob: dict) -> str:
    return next(e["valueCoding"]["code"] for e in eob["extension"] if e["url"] == PAYER_EXT)


@pytest.mark.parametrize("person", PEOPLE)
def test_everyone_has_years_of_priced_services_and_one_they_paid_for(world, person):
    store = world["portal"].store
    eobs = store.search("ExplanationOfBenefit", patient=person, limit=10000)
    days = sorted(e["billablePeriod"]["start"] for e in eobs)
    assert (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days > 2 * 365
    assert "patient" in {payer(e) for e in eobs}
    for eob in eobs:
        total = 0.0
        for item in eob["item"]:
            coding = item["productOrService"]["coding"][0]
            assert coding["code"] and item["productOrService"]["text"]
            assert item["unitPrice"]["currency"] == "RUB" and item["quantity"]["value"] >= 1
            assert item["net"]["value"] == pytest.approx(
                item["unitPrice"]["value"] * item["quantity"]["value"]
            )
            total += item["net"]["value"]
        assert eob["total"][0]["amount"]["value"] == pytest.approx(total)
        insurer = store.get("Organization", eob["insurer"]["reference"].split("/")[1])
        assert insurer["name"]


def test_visits_labs_studies_a_hospital_stay_and_voluntary_insurance(world):
    store = world["portal"].store
    sergey = store.search("ExplanationOfBenefit", patient=SERGEY, limit=10000)
    codes = {i["productOrService"]["coding"][0]["code"] for e in sergey for i in e["item"]}
    assert {"B01.047.001", "A09.05.083", "A05.10.006", "A04.16.001"} <= codes  # visit, lab, ECG, US
    assert {payer(e) for e in sergey} == {"oms", "vhi", "patient"}
    vhi = next(e for e in sergey if payer(e) == "vhi")
    assert vhi["insurer"]["reference"] == "Organization/org-vhi"
    assert store.get("Coverage", "cov-dms-ivanov-sergey")["type"]["coding"][0]["code"] == "EHCPOL"
    visit = next(e for e in sergey if e.get("careTeam"))
    assert visit["careTeam"][0]["provider"]["reference"].startswith("Practitioner/")
    anna = store.search("ExplanationOfBenefit", patient="petrova-anna", limit=1000)
    stay = next(e for e in anna if e["type"]["coding"][0]["code"] == "institutional")
    days = next(
        i for i in stay["item"] if i["productOrService"]["coding"][0]["code"] == "B01.015.005"
    )
    assert days["quantity"]["value"] > 1
    assert all(
        i["productOrService"]["coding"][0]["system"] == NOMENCLATURE
        for e in sergey
        for i in e["item"]
    )


def report(eob: dict, *items: int, requester: str = SERGEY) -> dict:
    return {
        "resourceType": "Task",
        "identifier": [{"system": "urn:medcard:client-request", "value": str(uuid.uuid4())}],
        "status": "requested",
        "intent": "order",
        "code": {"coding": [{"system": TASK, "code": "service-not-received"}]},
        "for": eob["patient"],
        "requester": {"reference": f"Patient/{requester}"},
        "focus": {"reference": f"ExplanationOfBenefit/{eob['id']}"},
        "authoredOn": "2026-11-25T10:00:00+03:00",
        "input": [
            *(
                {"type": {"coding": [{"system": INPUT, "code": "item"}]}, "valuePositiveInt": i}
                for i in items
            ),
            {
                "type": {"coding": [{"system": INPUT, "code": "comment"}]},
                "valueString": "Я не был на этом приёме",
            },
        ],
    }


def send(fhir: FhirSession, task: dict):
    guard = f"identifier=urn:medcard:client-request|{task['identifier'][0]['value']}"
    return fhir.post("Task", json=task, headers={"If-None-Exist": guard})


def run(world, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = operator.main(["--db", str(world["db"]), *argv])
    return code, out.getvalue()


def test_a_report_reaches_the_insurer_once_and_gets_an_answer(world):
    fhir, store = world["family"], world["portal"].store
    eob = next(
        e
        for e in store.search("ExplanationOfBenefit", patient=SERGEY, limit=1000)
        if payer(e) == "oms"
    )
    task = report(eob, 1)
    first = send(fhir, task)
    assert first.status_code == 201, first.text
    again = send(fhir, task)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    sent = first.json()
    assert (
        sent["status"] == "received" and sent["statusReason"]["coding"][0]["code"] == "registered"
    )
    assert sent["owner"] == eob["insurer"]
    twice = send(fhir, report(eob, 1)).json()
    assert (
        twice["status"] == "rejected"
        and twice["statusReason"]["coding"][0]["code"] == "already-reported"
    )
    code, out = run(world, "service-reports")
    assert code == 0 and f"{sent['id']}\treceived\tPatient/{SERGEY}" in out
    code, out = run(
        world,
        "answer-service-report",
        sent["id"],
        "--confirmed",
        "--text",
        "Факт неоказания подтверждён, счёт клиники отозван",
    )
    assert code == 0, out
    answered = fhir.get(f"Task/{sent['id']}").json()
    assert answered["status"] == "completed"
    assert answered["statusReason"]["coding"][0]["code"] == "confirmed"
    assert answered["output"][0]["valueString"].startswith("Факт неоказания подтверждён")
    code, out = run(world, "answer-service-report", sent["id"], "--not-confirmed", "--text", "x")
    assert code == 1


def test_reports_must_name_a_line_of_one_s_own_services(world):
    fhir, store = world["family"], world["portal"].store
    anna = store.search("ExplanationOfBenefit", patient="petrova-anna", limit=1)[0]
    assert send(fhir, report(anna, 1)).status_code == 403  # not a card this account reaches
    sergey = store.search("ExplanationOfBenefit", patient=SERGEY, limit=1)[0]
    wrong = send(fhir, report(sergey, 99))
    assert wrong.status_code == 422
    assert "услуг" in wrong.json()["issue"][0]["details"]["text"]
