"""Townspeople for the registry desk (issue 14): `--patients N` adds N synthetic patients,
each with an OMS policy (Coverage) and an attachment to the clinic of their district,
the same for the same (seed, today), found by the desk's searches."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import date

import pytest
import requests

from demo_portal.datagen.clinics import CLINICS
from demo_portal.datagen.population import BASE_POPULATION, townspeople
from demo_portal.embedded import DemoPortal

TODAY = date(2026, 11, 25)
OMS = "urn:oid:1.2.643.5.1.13.2.1.1.635"


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    seen: list[tuple[int, int]] = []
    home = tmp_path_factory.mktemp("town")
    with DemoPortal(
        db_path=home / "portal.db", today=TODAY, patients=300, progress=lambda *p: seen.append(p)
    ) as portal:
        yield portal, seen


def _age(birth: str) -> int:
    born = date.fromisoformat(birth)
    return TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))


def test_patients_adds_that_many_with_policy_and_attachment(town):
    portal, progress = town
    store = portal.store
    city = [p for p in store.search("Patient", limit=10000) if p["id"].startswith("city-")]
    assert len(city) == BASE_POPULATION + 300
    assert progress[-1] == (300, 300)
    for patient in city:
        policy = next(i["value"] for i in patient["identifier"] if i["system"] == OMS)
        coverage = store.get("Coverage", f"cov-oms-{patient['id']}")
        assert coverage["identifier"][0]["value"] == policy
        assert coverage["beneficiary"]["reference"] == f"Patient/{patient['id']}"
        clinic = CLINICS[patient["managingOrganization"]["reference"].removeprefix("Organization/")]
        assert (clinic.kind == "children") == (_age(patient["birthDate"]) < 18)
        assert patient["address"][0]["district"] in clinic.districts
        assert (
            patient["generalPractitioner"][0]["reference"]
            == f"Practitioner/{clinic.district_doctor}"
        )
        attachment = {e["url"]: e for e in patient["extension"][0]["extension"]}
        assert attachment["organization"]["valueReference"] == patient["managingOrganization"]
        assert attachment["reason"]["valueCode"] == "residence"


def test_the_same_seed_and_day_give_the_same_people():
    first = [t.person for chunk in townspeople(42, TODAY, 100, 50) for t in chunk]
    again = [t.person for chunk in townspeople(42, TODAY, 100, 50) for t in chunk]
    assert first == again and len(first) == 50
    assert [p.id for p in first] == [f"city-{n:06d}" for n in range(100, 150)]
    other = [t.person for chunk in townspeople(7, TODAY, 100, 50) for t in chunk]
    assert [p.family for p in other] != [p.family for p in first]


def test_desk_search_finds_townspeople_by_surname_prefix_and_birth_date(town):
    portal, _ = town
    someone = portal.store.get("Patient", "city-000200")
    family = someone["name"][0]["family"]
    found = portal.store.query(
        "Patient", [("family", family[:3].lower()), ("birthdate", someone["birthDate"])]
    )
    assert "city-000200" in {p["id"] for p in found}


def test_cli_prints_progress_on_stderr_and_the_url_first(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "demo_portal", "--db", str(tmp_path / "p.db"), "--patients", "40"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        assert base_url.endswith("/fhir")
        assert requests.get(f"{base_url}/metadata", timeout=30).status_code == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 0
    assert "patients: 40 / 40" in err
