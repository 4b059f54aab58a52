"""Issue 14, portal side: registry staff sign in with `user/` scopes, see the desk's share
of every patient and nothing clinical, book / mark arrived / cancel with the staff member
recorded, and leave an AuditEvent for every read and write."""

from __future__ import annotations

import contextlib
import io
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
import requests
from oauth_helpers import (
    FhirSession,
    authorize_url,
    exchange,
    make_pkce,
    query_of,
    root_of,
)

from demo_portal import operator
from demo_portal.autologin import follow
from demo_portal.rules.appointments import add_schedule

DESK, DESK2 = "desk@demo.medcard", "desk2@demo.medcard"
STAFF_SCOPE = "openid fhirUser offline_access user/*.cruds"
SERGEY, OLGA = "ivanov-sergey", "smirnova-olga"


def staff_token(portal, email: str = DESK, scope: str = STAFF_SCOPE) -> dict:
    pkce = make_pkce()
    url = authorize_url(portal, pkce, scope=scope)
    code = query_of(follow(url, email, "demo1234", deliver=False))["code"]
    answer = exchange(portal, code, pkce.verifier)
    assert answer.status_code == 200, answer.text
    return answer.json()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from demo_portal.embedded import DemoPortal

    home = tmp_path_factory.mktemp("desk")
    with DemoPortal(db_path=home / "portal.db") as portal:
        start = (datetime.now(UTC) + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
        slots = add_schedule(
            portal.store,
            "desk-sched",
            ("pr-sokolova", "Соколова Елена Викторовна"),
            "loc-gp12-214",
            ("394814009", "Терапия"),
            start,
            count=6,
        )
        tokens = {email: staff_token(portal, email) for email in (DESK, DESK2)}
        yield {"portal": portal, "slots": slots, "tokens": tokens, "db": home / "portal.db"}


def desk(world, email: str = DESK) -> FhirSession:
    return FhirSession(world["portal"], world["tokens"][email]["access_token"])


def appointment_for(patient: str, slot: dict) -> dict:
    return {
        "resourceType": "Appointment",
        "status": "booked",
        "slot": [{"reference": f"Slot/{slot['id']}"}],
        "participant": [{"actor": {"reference": f"Patient/{patient}"}, "status": "accepted"}],
    }


def test_staff_token_has_user_scopes_and_no_patient_context(world):
    token = staff_token(world["portal"], scope=STAFF_SCOPE + " patient/*.cruds launch/patient")
    assert set(token["scope"].split()) == set(STAFF_SCOPE.split())
    assert "patient" not in token and token["medcard_patients"] == []
    assert token["medcard_role"] == "registry"
    assert token["medcard_organization"] == "Organization/org-gp12"
    role = desk(world).get(token["fhirUser"]).json()
    assert role["code"][0]["coding"][0]["code"] == "registrar"
    assert role["organization"]["reference"] == "Organization/org-gp12"


def test_desk_finds_anyone_by_surname_prefix_and_policy(world):
    fhir = desk(world)
    found = fhir.get("Patient", params={"family": "смирн", "_count": 100}).json()
    ids = {e["resource"]["id"] for e in found["entry"]}
    assert {OLGA, "smirnov-artem"} <= ids
    olga = world["portal"].store.get("Patient", OLGA)
    policy = next(i["value"] for i in olga["identifier"] if i["type"]["text"] == "Полис ОМС")
    by_policy = fhir.get("Patient", params={"identifier": policy}).json()
    assert [e["resource"]["id"] for e in by_policy["entry"]] == [OLGA]
    coverage = fhir.get("Coverage", params={"beneficiary": f"Patient/{OLGA}"})
    assert coverage.status_code == 200 and coverage.json()["total"] >= 1


@pytest.mark.parametrize(
    "path",
    [
        "Observation?patient=ivanov-sergey",
        "Condition?patient=ivanov-sergey",
        "DiagnosticReport?patient=ivanov-sergey",
        "Composition?patient=ivanov-sergey",
        "ExplanationOfBenefit?patient=ivanov-sergey",
        "Patient/ivanov-sergey/$everything",
    ],
)
def test_desk_is_refused_the_clinical_record(world, path):
    answer = desk(world).get(path)
    assert answer.status_code == 403
    issue = answer.json()["issue"][0]
    assert "Registry staff" in issue["diagnostics"] and "регистратур" in issue["details"]["text"]


def test_desk_cannot_read_a_clinical_document_or_observation_by_id(world):
    store = world["portal"].store
    note = next(  # a visit protocol, not a document issued for printing
        d
        for d in store.search("DocumentReference", patient=SERGEY, limit=100)
        if not d["meta"].get("tag")
    )
    observation = store.search("Observation", patient=SERGEY, limit=1)[0]
    fhir = desk(world)
    assert fhir.get(f"DocumentReference/{note['id']}").status_code == 403
    assert fhir.get(f"Observation/{observation['id']}").status_code == 403
    # a search of documents gives only those issued for printing (none of the notes)
    listed = fhir.get("DocumentReference", params={"patient": SERGEY}).json()
    assert all(
        any(t["code"] == "issued-document" for t in e["resource"]["meta"].get("tag", []))
        for e in listed.get("entry", [])
    )
    assert note["id"] not in {e["resource"]["id"] for e in listed.get("entry", [])}


def test_booked_by_the_desk_names_the_staff_member_and_two_desks_get_one_slot(world):
    slot = world["slots"][0]
    first = desk(world).post("Appointment", json=appointment_for(OLGA, slot))
    second = desk(world, DESK2).post("Appointment", json=appointment_for(SERGEY, slot))
    assert first.status_code == 201, first.text
    assert second.status_code == 409
    assert second.json()["issue"][0]["details"]["text"] == "Это время уже занято"
    booked = first.json()
    by = next(e for e in booked["extension"] if e["url"].endswith("/booked-by"))
    assert by["valueReference"]["reference"] == "PractitionerRole/role-desk-smirnova"
    assert "Смирнова" in by["valueReference"]["display"]
    assert world["portal"].store.get("Slot", slot["id"])["status"] == "busy"


def test_desk_marks_arrived_with_if_match_only(world):
    fhir = desk(world)
    booked = fhir.post("Appointment", json=appointment_for(SERGEY, world["slots"][1])).json()
    arrived = dict(booked, status="arrived")
    no_version = fhir.put(f"Appointment/{booked['id']}", json=arrived)
    assert no_version.status_code == 428
    stale = fhir.put(f"Appointment/{booked['id']}", json=arrived, headers={"If-Match": 'W/"9"'})
    assert stale.status_code == 412
    done = fhir.put(
        f"Appointment/{booked['id']}",
        json=arrived,
        headers={"If-Match": f'W/"{booked["meta"]["versionId"]}"'},
    )
    assert done.status_code == 200, done.text
    assert world["portal"].store.get("Appointment", booked["id"])["status"] == "arrived"
    back_to_proposed = dict(done.json(), status="proposed")
    refused = fhir.put(
        f"Appointment/{booked['id']}",
        json=back_to_proposed,
        headers={"If-Match": f'W/"{done.json()["meta"]["versionId"]}"'},
    )
    assert refused.status_code == 409


def test_desk_writes_nothing_but_appointments(world):
    task = {
        "resourceType": "Task",
        "status": "requested",
        "intent": "order",
        "for": {"reference": f"Patient/{SERGEY}"},
    }
    assert desk(world).post("Task", json=task).status_code == 403


def test_every_staff_read_and_write_is_audited(world):
    store, fhir = world["portal"].store, desk(world, DESK2)
    before = len(store.search("AuditEvent", where={"patient": f"Patient/{OLGA}"}, limit=10000))
    assert fhir.get(f"Patient/{OLGA}").status_code == 200
    assert fhir.get("Observation", params={"patient": OLGA}).status_code == 403
    events = store.search("AuditEvent", where={"patient": f"Patient/{OLGA}"}, limit=10000)
    new = events[before:]
    assert [(e["subtype"][0]["code"], e["outcome"], e["agent"][0]["altId"]) for e in new] == [
        ("read", "0", DESK2),
        ("search-type", "4", DESK2),
    ]
    assert new[0]["agent"][0]["who"]["reference"] == "PractitionerRole/role-desk-kravchenko"
    assert new[0]["source"]["site"] == "org-child94"
    assert datetime.fromisoformat(new[0]["recorded"].replace("Z", "+00:00")) <= datetime.now(UTC)
    # a patient's own reads are not the desk's business: no AuditEvent for them
    total = store.count("AuditEvent")
    patient = FhirSession(world["portal"], _patient_token(world["portal"]))
    assert patient.get(f"Patient/{SERGEY}").status_code == 200
    assert store.count("AuditEvent") == total


def _patient_token(portal) -> str:
    from oauth_helpers import sign_in

    return sign_in(portal, "family@demo.medcard")["access_token"]


def test_operator_lists_the_audit_trail(world):
    desk(world).get(f"Patient/{OLGA}")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = operator.main(["--db", str(world["db"]), "audit", "--patient", OLGA])
    assert code == 0
    lines = out.getvalue().splitlines()
    assert any(f"\t{DESK}\tread\tPatient/{OLGA}\tHTTP 200\t{OLGA}" in line for line in lines), lines
    assert all(OLGA in line.rsplit("\t", 1)[1] for line in lines)


def test_prompt_login_asks_for_the_password_again_and_prompt_none_cannot_skip_it(world):
    portal = world["portal"]
    browser = requests.Session()
    url = authorize_url(portal, make_pkce(), scope=STAFF_SCOPE, prompt="login")
    first = follow(url, DESK, "demo1234", deliver=False)  # a finished sign-in
    assert "code=" in first
    page = browser.get(url, timeout=10)
    assert page.status_code == 200 and 'type="password"' in page.text
    skipped = browser.post(url, data={"step": "consent", "decision": "allow"}, timeout=10)
    assert skipped.status_code == 200 and 'type="password"' in skipped.text  # no code
    silent = browser.get(
        authorize_url(portal, make_pkce(), scope=STAFF_SCOPE, prompt="none"),
        allow_redirects=False,
        timeout=10,
    )
    assert silent.status_code == 302
    assert query_of(silent.headers["Location"])["error"] == "login_required"
    assert urlsplit(silent.headers["Location"]).hostname == "127.0.0.1"


def test_revoked_staff_token_is_refused(world):
    token = staff_token(world["portal"])
    fhir = FhirSession(world["portal"], token["access_token"])
    assert fhir.get(f"Patient/{OLGA}").status_code == 200
    revoked = requests.post(
        f"{root_of(world['portal'])}/oauth/revoke",
        data={"token": token["refresh_token"], "client_id": "medcard"},
        timeout=10,
    )
    assert revoked.status_code == 200
    assert fhir.get(f"Patient/{OLGA}").status_code == 401


def test_without_user_scopes_the_desk_reads_nothing(world):
    token = staff_token(world["portal"], scope="openid patient/*.read launch/patient")
    assert token["scope"] == "openid"
    fhir = FhirSession(world["portal"], token["access_token"])
    assert fhir.get(f"Patient/{OLGA}").status_code == 403


def test_the_day_board_and_home_visit_queries_work_for_the_desk(world):
    fhir = desk(world)
    roles = fhir.get(
        "PractitionerRole", params={"organization": "Organization/org-gp12", "_count": 100}
    )
    doctors = sorted(
        {
            e["resource"]["practitioner"]["reference"]
            for e in roles.json()["entry"]
            if e["resource"]["id"] in ("role-sokolova", "role-orlov")
        }
    )
    schedules = fhir.get("Schedule", params={"actor": ",".join(doctors)}).json()["entry"]
    assert {"sched-sokolova", "sched-orlov"} <= {e["resource"]["id"] for e in schedules}
    today = datetime.now(UTC).date()
    slots = fhir.get(
        "Slot",
        params=[
            ("schedule", "Schedule/desk-sched"),
            ("start", f"ge{today.isoformat()}"),
            ("start", f"lt{(today + timedelta(days=3)).isoformat()}"),
        ],
    ).json()
    assert slots["total"] == len(world["slots"])
    home = fhir.get(
        "Appointment",
        params={
            "service-category": "https://demo.medcard/fhir/CodeSystem/visit-kind|home",
            "status": "proposed,pending,fulfilled",
        },
    ).json()
    assert home["total"] > 0
    assert all(
        e["resource"]["serviceCategory"][0]["coding"][0]["code"] == "home" for e in home["entry"]
    )
