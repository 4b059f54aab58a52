"""Issue 13, portal side: clinics to choose from, the change-of-clinic application and its
rules over HTTP, and the new clinic's side through the operator commands."""

from __future__ import annotations

import contextlib
import io
import uuid
from datetime import date

import pytest
from oauth_helpers import FhirSession, sign_in

from demo_portal import operator
from demo_portal.embedded import DemoPortal

TASK = "https://medcard.app/fhir/CodeSystem/task-code"
INPUT = "https://medcard.app/fhir/CodeSystem/clinic-change-input"
CLINIC_KIND = "https://demo.medcard/fhir/CodeSystem/clinic-kind"
SERGEY, MASHA, OLGA = "ivanov-sergey", "ivanova-masha", "smirnova-olga"


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    home = tmp_path_factory.mktemp("clinics")
    with DemoPortal(db_path=home / "portal.db") as portal:
        yield {
            "portal": portal,
            "db": home / "portal.db",
            "family": FhirSession(portal, sign_in(portal, "family@demo.medcard")["access_token"]),
            "other": FhirSession(portal, sign_in(portal, "other@demo.medcard")["access_token"]),
        }


def application(patient: str, requester: str, clinic: str, reason: str, **extra: str) -> dict:
    inputs = [
        {
            "type": {"coding": [{"system": INPUT, "code": "clinic"}]},
            "valueReference": {"reference": f"Organization/{clinic}"},
        },
        {"type": {"coding": [{"system": INPUT, "code": "reason"}]}, "valueCode": reason},
    ]
    if "address" in extra:
        inputs.append(
            {
                "type": {"coding": [{"system": INPUT, "code": "new-address"}]},
                "valueString": extra["address"],
            }
        )
    return {
        "resourceType": "Task",
        "identifier": [{"system": "urn:medcard:client-request", "value": str(uuid.uuid4())}],
        "status": "requested",
        "intent": "order",
        "code": {"coding": [{"system": TASK, "code": "change-of-clinic"}]},
        "for": {"reference": f"Patient/{patient}"},
        "requester": {"reference": f"Patient/{requester}"},
        "authoredOn": "2026-11-25T10:00:00+03:00",
        "input": inputs,
    }


def send(fhir: FhirSession, task: dict) -> dict:
    guard = f"identifier=urn:medcard:client-request|{task['identifier'][0]['value']}"
    answer = fhir.post("Task", json=task, headers={"If-None-Exist": guard})
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def decision(task: dict) -> tuple[str, str]:
    return task["status"], task["statusReason"]["coding"][0]["code"]


def run(world, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = operator.main(["--db", str(world["db"]), *argv])
    return code, out.getvalue()


def test_clinics_are_found_by_name_district_and_address_with_registry_hours(world):
    fhir = world["family"]
    adults = fhir.get("Organization", params={"type": f"{CLINIC_KIND}|adult-polyclinic"}).json()
    assert {e["resource"]["id"] for e in adults["entry"]} == {"org-gp12", "org-gp134", "org-gp22"}
    in_konkovo = fhir.get("Organization", params={"address": "Коньково"}).json()
    assert {e["resource"]["id"] for e in in_konkovo["entry"]} == {"org-gp134", "org-child118"}
    by_name = fhir.get("Organization", params={"name": "поликлиника № 134"}).json()
    assert [e["resource"]["id"] for e in by_name["entry"]] == ["org-gp134"]
    by_street = fhir.get(
        "Location", params={"address": "Профсоюзная", "name": "Регистратура"}
    ).json()
    registry = by_street["entry"][0]["resource"]
    assert registry["managingOrganization"]["reference"] == "Organization/org-gp134"
    assert registry["hoursOfOperation"][0]["openingTime"] == "07:30:00"
    assert registry["telecom"][0]["system"] == "phone"
    full = fhir.get("Organization/org-gp22").json()
    assert full["extension"][0] == {
        "url": "https://demo.medcard/fhir/StructureDefinition/accepts-attachment",
        "valueBoolean": False,
    }
    doctors = fhir.get("PractitionerRole", params={"organization": "Organization/org-gp134"}).json()
    assert any("участковый" in e["resource"]["code"][0]["text"] for e in doctors["entry"])


def test_each_demo_patient_is_attached_with_the_details(world):
    sergey = world["family"].get(f"Patient/{SERGEY}").json()
    assert sergey["managingOrganization"]["reference"] == "Organization/org-gp12"
    attachment = {e["url"]: e for e in sergey["extension"][0]["extension"]}
    assert attachment["reason"]["valueCode"] == "residence"
    assert attachment["site"]["valueString"].startswith("Участок № ")


@pytest.mark.parametrize(
    ("patient", "clinic", "reason", "expected"),
    [
        (SERGEY, "org-gp22", "by-choice", "clinic-full"),
        (SERGEY, "org-child118", "by-choice", "wrong-age-group"),
        (MASHA, "org-gp134", "by-choice", "wrong-age-group"),
        (SERGEY, "org-gp12", "by-choice", "already-attached"),
    ],
)
def test_refusals_say_which_rule(world, patient, clinic, reason, expected):
    task = send(world["family"], application(patient, SERGEY, clinic, reason))
    assert decision(task) == ("rejected", expected)
    assert task["statusReason"]["text"]  # Russian, for the screen


def test_a_second_change_by_choice_within_a_year_is_rejected_but_moving_is_not(world):
    other = world["other"]
    again = send(other, application(OLGA, OLGA, "org-gp134", "by-choice"))
    assert decision(again) == ("rejected", "once-a-year")
    assert "раза в год" in again["statusReason"]["text"]
    moving = send(
        other,
        application(
            OLGA,
            OLGA,
            "org-gp134",
            "residence",
            address="г. Москва, ул. Профсоюзная, д. 100, кв. 5",
        ),
    )
    assert decision(moving) == ("received", "in-review")
    assert moving["owner"]["reference"] == "Organization/org-gp134"
    code, out = run(world, "clinic-changes")
    assert code == 0 and f"{moving['id']}\treceived\tPatient/{OLGA}" in out
    code, out = run(world, "accept-clinic-change", moving["id"], "--today", "2026-11-25")
    assert code == 0, out
    olga = other.get(f"Patient/{OLGA}").json()
    assert olga["managingOrganization"]["reference"] == "Organization/org-gp134"
    assert olga["generalPractitioner"][0]["reference"] == "Practitioner/pr-ershova"
    attachment = {e["url"]: e for e in olga["extension"][0]["extension"]}
    assert attachment["since"]["valueDate"] == "2026-11-25"
    assert attachment["reason"]["valueCode"] == "residence"
    assert olga["address"][0]["text"].startswith("г. Москва, ул. Профсоюзная, д. 100")
    done = other.get(f"Task/{moving['id']}").json()
    assert decision(done) == ("completed", "accepted")


def test_a_parent_applies_for_a_child_once_withdraws_and_the_clinic_can_refuse(world):
    family, portal = world["family"], world["portal"]
    task = application(MASHA, SERGEY, "org-child118", "by-choice")
    first = send(family, task)
    assert send(family, task)["id"] == first["id"]  # a double click: one application
    assert decision(first) == ("received", "in-review")
    second = send(family, application(MASHA, SERGEY, "org-child118", "by-choice"))
    assert decision(second) == ("rejected", "already-pending")
    withdrawn = family.put(
        f"Task/{first['id']}",
        json=dict(first, status="cancelled"),
        headers={"If-Match": f'W/"{first["meta"]["versionId"]}"'},
    )
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "cancelled"
    anew = send(family, application(MASHA, SERGEY, "org-child118", "by-choice"))
    assert anew["status"] == "received"
    code, out = run(world, "reject-clinic-change", anew["id"], "--reason", "Нет мест на участке")
    assert code == 0, out
    refused = family.get(f"Task/{anew['id']}").json()
    assert decision(refused) == ("rejected", "rejected-by-clinic")
    assert refused["statusReason"]["text"] == "Нет мест на участке"
    masha = portal.store.get("Patient", MASHA)
    assert masha["managingOrganization"]["reference"] == "Organization/org-child94"


def test_others_children_and_bad_applications_are_refused(world):
    assert (
        world["other"]
        .post("Task", json=application(MASHA, OLGA, "org-child118", "by-choice"))
        .status_code
        == 403
    )
    no_address = world["family"].post(
        "Task", json=application(SERGEY, SERGEY, "org-gp134", "residence")
    )
    assert no_address.status_code == 422
    assert "адрес" in no_address.json()["issue"][0]["details"]["text"]
    code, out = run(world, "accept-clinic-change", "no-such-task")
    assert code == 1 and "error" in out


def test_today_is_the_default_day_of_acceptance(world):
    task = send(
        world["family"],
        application(
            SERGEY, SERGEY, "org-gp134", "residence", address="г. Москва, ул. Островитянова, д. 1"
        ),
    )
    code, _ = run(world, "accept-clinic-change", task["id"])
    assert code == 0
    sergey = world["portal"].store.get("Patient", SERGEY)
    since = next(e for e in sergey["extension"][0]["extension"] if e["url"] == "since")
    assert since["valueDate"] == date.today().isoformat()
