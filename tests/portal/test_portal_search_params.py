"""Issue 18, portal side: standard R4 search parameter names, strict about unknown ones
(unless `Prefer: handling=lenient`), and listed in the CapabilityStatement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SERGEY, MASHA = "ivanov-sergey", "ivanova-masha"
R4 = json.loads(
    (Path(__file__).parents[1] / "data" / "fhir-r4-search-parameters.json").read_text("utf-8")
)


def ids(answer) -> set[str]:
    assert answer.status_code == 200, answer.text
    return {e["resource"]["id"] for e in answer.json().get("entry", [])}


def test_capability_statement_lists_only_r4_parameters_with_their_types(family):
    statement = family.get("metadata").json()
    resources = {r["type"]: r for r in statement["rest"][0]["resource"]}
    for rtype, entry in resources.items():
        assert entry["searchParam"], rtype
        for param in entry["searchParam"]:
            name, kind = param["name"], param["type"]
            expected = R4["Resource"].get(name) or R4["types"][rtype].get(name)
            assert expected == kind, f"{rtype}.{name}: {kind}, R4 says {expected}"
    slot = {p["name"] for p in resources["Slot"]["searchParam"]}
    assert {"start", "schedule", "status"} <= slot and "date" not in slot
    patient = {p["name"] for p in resources["Patient"]["searchParam"]}
    assert {"family", "given", "birthdate", "identifier", "telecom", "phone"} <= patient
    offered = {e["valueCode"] for e in resources["Task"]["extension"]}
    assert {"change-of-clinic", "document-order", "paper-copy", "service-not-received"} <= offered


def test_an_unknown_parameter_is_refused_in_both_languages(family):
    answer = family.get("Slot", params={"date": "ge2020-01-01"})
    assert answer.status_code == 400
    issue = answer.json()["issue"][0]
    assert "'date'" in issue["diagnostics"] and "Slot" in issue["diagnostics"]
    assert "«date»" in issue["details"]["text"]
    assert family.get("Patient", params={"family:sounds-like": "ив"}).status_code == 400


def test_lenient_handling_ignores_unknown_parameters_and_says_what_it_applied(family):
    answer = family.get(
        "Slot",
        params={"date": "ge2020-01-01", "status": "free", "_count": 2},
        headers={"Prefer": "handling=lenient"},
    )
    assert answer.status_code == 200, answer.text
    bundle = answer.json()
    assert all(e["resource"]["status"] == "free" for e in bundle["entry"])
    own = next(link["url"] for link in bundle["link"] if link["relation"] == "self")
    assert "status=free" in own and "date=" not in own


def test_free_slots_by_start_schedule_and_status(family, portal):
    slots = portal.store.search("Slot", limit=100000)
    first = min(s["start"] for s in slots)
    day = first[:10]
    schedule = slots[0]["schedule"]["reference"]
    found = family.get(
        "Slot",
        params=[
            ("schedule", schedule),
            ("status", "free"),
            ("start", f"ge{day}"),
            ("start", f"lt{day}T23:59:59+03:00"),
            ("_count", "1000"),
        ],
    )
    expected = {
        s["id"]
        for s in slots
        if s["schedule"]["reference"] == schedule
        and s["status"] == "free"
        and s["start"][:10] == day
    }
    assert ids(found) == expected


def test_appointments_by_date_practitioner_actor_and_status(family, portal):
    mine = [
        a
        for a in portal.store.search("Appointment", patient=SERGEY, limit=1000)
        if a["status"] == "booked"
    ]
    booked = mine[0]
    doctor = next(
        p["actor"]["reference"]
        for p in booked["participant"]
        if p["actor"]["reference"].startswith("Practitioner/")
    )
    by_doctor = family.get(
        "Appointment",
        params={"patient": SERGEY, "practitioner": doctor, "status": "booked"},
    )
    assert booked["id"] in ids(by_doctor)
    assert ids(family.get("Appointment", params={"actor": doctor, "patient": SERGEY})) >= {
        booked["id"]
    }
    on_day = family.get("Appointment", params={"patient": SERGEY, "date": booked["start"][:10]})
    assert booked["id"] in ids(on_day)
    # `practitioner` holds only Practitioner references: a patient id finds nothing there
    assert ids(family.get("Appointment", params={"practitioner": f"Patient/{SERGEY}"})) == set()


def test_schedules_and_roles_by_actor_specialty_and_organization(family, portal):
    schedule = portal.store.get("Schedule", "sched-morozov")
    doctor = schedule["actor"][0]["reference"]
    specialty = schedule["specialty"][0]["coding"][0]
    assert "sched-morozov" in ids(family.get("Schedule", params={"actor": doctor}))
    by_specialty = family.get(
        "Schedule", params={"specialty": f"{specialty['system']}|{specialty['code']}"}
    )
    assert "sched-morozov" in ids(by_specialty)
    assert ids(family.get("Schedule", params={"service-type": "no-such-code"})) == set()
    roles = ids(family.get("PractitionerRole", params={"practitioner": doctor}))
    assert roles == {"role-morozov"}
    at_clinic = ids(
        family.get("PractitionerRole", params={"organization": "Organization/org-gp12"})
    )
    assert "role-morozov" in at_clinic and "role-belova" not in at_clinic
    cardiology = ids(family.get("PractitionerRole", params={"specialty": "394579002"}))
    assert "role-volkova" in cardiology and "role-morozov" not in cardiology


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"family": "иван"}, {SERGEY, MASHA}),  # prefix, any case
        ({"family": "ИВАНОВА"}, {MASHA}),
        ({"family:exact": "иванов"}, {SERGEY}),
        ({"given": "мар"}, {MASHA}),
        ({"name": "сергеевна"}, {MASHA}),
        ({"family:contains": "анов"}, {SERGEY, MASHA}),
        ({"family": "петр"}, set()),  # not theirs to see
    ],
)
def test_patient_string_search_by_prefix_within_what_the_account_may_see(family, params, expected):
    assert ids(family.get("Patient", params=params)) == expected


def test_patient_by_birthdate_identifier_and_phone(family, portal):
    sergey = portal.store.get("Patient", SERGEY)
    assert ids(family.get("Patient", params={"birthdate": sergey["birthDate"]})) == {SERGEY}
    policy = next(i for i in sergey["identifier"] if i["type"]["text"] == "Полис ОМС")
    assert ids(family.get("Patient", params={"identifier": policy["value"]})) == {SERGEY}
    with_system = f"{policy['system']}|{policy['value']}"
    assert ids(family.get("Patient", params={"identifier": with_system})) == {SERGEY}
    mobile = next(t["value"] for t in sergey["telecom"] if t["system"] == "phone")
    digits = "".join(ch for ch in mobile if ch.isdigit())
    for typed in (mobile, "8" + digits[1:], digits):  # as written, with 8, digits only
        assert ids(family.get("Patient", params={"phone": typed})) == {SERGEY}, typed
    assert ids(family.get("Patient", params={"telecom": f"phone|{digits}"})) == {SERGEY}


def test_organizations_and_locations_by_name_word_and_address(family):
    clinics = ids(family.get("Organization", params={"name": "поликлиника"}))
    assert {"org-gp12", "org-child94"} <= clinics and "org-smo" not in clinics
    assert ids(family.get("Organization", params={"address": "Волынская"})) == {"org-gkb17"}
    rooms = ids(family.get("Location", params={"organization": "Organization/org-gp12"}))
    assert "loc-gp12-214" in rooms
    assert "loc-gp12-214" in ids(family.get("Location", params={"address-city": "моск"}))
