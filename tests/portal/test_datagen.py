"""The demo data generator: deterministic, consistent FHIR R4 in Russian."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta, timezone

import pytest

from demo_portal.datagen import DemoDataset, generate

TODAY = date(2026, 11, 25)
ID_RE = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
REF_RE = re.compile(r"^([A-Z][A-Za-z]+)/([A-Za-z0-9\-.]{1,64})$")


@pytest.fixture(scope="module")
def ds() -> DemoDataset:
    return generate(seed=42, today=TODAY)


def _references(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                yield value
            else:
                yield from _references(value)
    elif isinstance(node, list):
        for item in node:
            yield from _references(item)


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def test_same_seed_and_day_give_identical_output(ds: DemoDataset) -> None:
    again = generate(seed=42, today=TODAY)
    assert json.dumps(again.resources, sort_keys=True) == json.dumps(ds.resources, sort_keys=True)
    assert again.users == ds.users and again.links == ds.links


def test_another_seed_changes_values_not_structure(ds: DemoDataset) -> None:
    other = generate(seed=7, today=TODAY)
    assert json.dumps(other.resources) != json.dumps(ds.resources)
    assert {r["id"] for r in other.by_type("Patient")} == {r["id"] for r in ds.by_type("Patient")}


def test_ids_are_valid_and_unique_per_type(ds: DemoDataset) -> None:
    seen: set[tuple[str, str]] = set()
    for r in ds.resources:
        assert ID_RE.match(r["id"]), r["id"]
        key = (r["resourceType"], r["id"])
        assert key not in seen, key
        seen.add(key)


def test_every_reference_resolves(ds: DemoDataset) -> None:
    known = {(r["resourceType"], r["id"]) for r in ds.resources}
    for r in ds.resources:
        for target in _references(r):
            m = REF_RE.match(target)
            assert m, f"{r['resourceType']}/{r['id']} has malformed reference {target!r}"
            assert (m.group(1), m.group(2)) in known, f"{r['id']} -> {target} is dangling"


def test_last_updated_is_utc_and_before_today_began_anywhere(ds: DemoDataset) -> None:
    """Before 00:00 of today at UTC+14, so a demo write is newer in every time zone."""
    first_midnight = datetime.combine(TODAY, time(0), tzinfo=timezone(timedelta(hours=14)))
    for r in ds.resources:
        stamp = r["meta"]["lastUpdated"]
        assert stamp.endswith("Z"), stamp
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        assert moment < first_midnight, f"{r['resourceType']}/{r['id']}"


@pytest.mark.parametrize(
    ("patient_id", "age", "gender"),
    [
        ("ivanov-sergey", 45, "male"),
        ("ivanova-masha", 8, "female"),
        ("petrova-anna", 72, "female"),
    ],
)
def test_demo_patients_have_their_ages(
    ds: DemoDataset, patient_id: str, age: int, gender: str
) -> None:
    patient = next(p for p in ds.by_type("Patient") if p["id"] == patient_id)
    assert _age(date.fromisoformat(patient["birthDate"]), TODAY) == age
    assert patient["gender"] == gender


@pytest.mark.parametrize("today", [date(2028, 2, 29), date(2027, 1, 1), date(2026, 12, 31)])
def test_ages_hold_on_awkward_days(today: date) -> None:
    patients = {p["id"]: p for p in generate(today=today).by_type("Patient")}
    assert _age(date.fromisoformat(patients["ivanov-sergey"]["birthDate"]), today) == 45
    assert _age(date.fromisoformat(patients["ivanova-masha"]["birthDate"]), today) == 8


def test_demo_accounts(ds: DemoDataset) -> None:
    users = {u.email: u for u in ds.users}
    assert users["family@demo.medcard"].patient_id == "ivanov-sergey"
    assert users["elder@demo.medcard"].patient_id == "petrova-anna"
    assert not users["unverified@demo.medcard"].snils_verified
    assert not users["region@demo.medcard"].region_available
    assert users["region@demo.medcard"].region != "Москва"
    assert all(u.password == "demo1234" for u in ds.users)
    patient_ids = {p["id"] for p in ds.by_type("Patient")}
    assert {u.patient_id for u in ds.users if u.role == "patient"} <= patient_ids
    desks = {u.email: u for u in ds.users if u.role == "registry"}
    assert set(desks) == {"desk@demo.medcard", "desk2@demo.medcard"}
    assert desks["desk@demo.medcard"].organization_id != desks["desk2@demo.medcard"].organization_id
    assert all(u.patient_id == "" and u.practitioner_role_id for u in desks.values())
    family = [
        (link.patient_id, link.status)
        for link in ds.links
        if link.user_email == "family@demo.medcard"
    ]
    assert family == [("ivanova-masha", "accepted")]
    other_patient = users["other@demo.medcard"].patient_id
    assert other_patient not in {"ivanov-sergey", "ivanova-masha"}


def test_children_carry_birth_certificates_and_one_is_not_linked_yet(ds: DemoDataset) -> None:
    patients = {p["id"]: p for p in ds.by_type("Patient")}
    certificates = {}
    for pid, patient in patients.items():
        for ident in patient["identifier"]:
            if ident["type"]["text"] == "Свидетельство о рождении":
                certificates[pid] = ident
    assert set(certificates) == {"ivanova-masha", "smirnov-artem", "ivanov-petr"}
    assert re.match(r"^[IVX]+-[А-Я]{2} \d{6}$", certificates["ivanova-masha"]["value"])
    assert "Тул" in certificates["ivanov-petr"]["assigner"]["display"]
    assert "ivanov-petr" not in {link.patient_id for link in ds.links}
    assert _age(date.fromisoformat(patients["ivanov-petr"]["birthDate"]), TODAY) < 15


def _strings(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)
    elif isinstance(node, str):
        yield node


def test_no_empty_strings_or_empty_lists(ds: DemoDataset) -> None:
    """FHIR forbids empty strings and empty arrays (validators reject them)."""
    for r in ds.resources:
        assert all(s.strip() for s in _strings(r)), f"{r['resourceType']}/{r['id']}"
        assert "[]" not in json.dumps(r), f"{r['resourceType']}/{r['id']}"
