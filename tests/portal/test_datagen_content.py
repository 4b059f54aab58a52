"""What the demo screens rely on in the generated data: labs, slots, documents, family."""

from __future__ import annotations

import base64
import re
from collections import defaultdict
from datetime import date, datetime, timedelta

import pytest

from demo_portal.datagen import DemoDataset, generate
from demo_portal.datagen.identifiers import luhn_digit
from demo_portal.datagen.schedule import is_working_day

TODAY = date(2026, 11, 25)
CYRILLIC = re.compile(r"[А-Яа-яЁё]")

# R4 elements with cardinality 1..* or 1..1 for the types we generate
REQUIRED = {
    "Observation": ("status", "code"),
    "DiagnosticReport": ("status", "code"),
    "Encounter": ("status", "class"),
    "Composition": ("status", "type", "date", "author", "title"),
    "DocumentReference": ("status", "content"),
    "Condition": ("subject",),
    "MedicationRequest": ("status", "intent", "subject"),
    "Immunization": ("status", "vaccineCode", "patient", "occurrenceDateTime"),
    "AllergyIntolerance": ("patient",),
    "Procedure": ("status", "subject"),
    "ImagingStudy": ("status", "subject"),
    "Appointment": ("status", "participant"),
    "Slot": ("schedule", "status", "start", "end"),
    "Schedule": ("actor",),
    "ExplanationOfBenefit": (
        "status",
        "type",
        "use",
        "patient",
        "created",
        "insurer",
        "provider",
        "outcome",
        "insurance",
    ),
    "Coverage": ("status", "beneficiary", "payor"),
    "RelatedPerson": ("patient",),
    "Task": ("status", "intent"),
    "PractitionerRole": (),
    "Patient": (),
    "Organization": (),
}


@pytest.fixture(scope="module")
def ds() -> DemoDataset:
    return generate(seed=42, today=TODAY)


def _of(ds: DemoDataset, rtype: str, patient: str) -> list[dict]:
    key = (
        "patient"
        if rtype in ("Immunization", "AllergyIntolerance", "ExplanationOfBenefit")
        else "subject"
    )
    return [r for r in ds.by_type(rtype) if r.get(key, {}).get("reference") == f"Patient/{patient}"]


def _code(r: dict) -> str:
    return r["code"]["coding"][0]["code"]


def test_required_elements_are_present(ds: DemoDataset) -> None:
    for r in ds.resources:
        for name in REQUIRED.get(r["resourceType"], ()):
            assert r.get(name), f"{r['resourceType']}/{r['id']} lacks {name}"
        for participant in r.get("participant", []) if r["resourceType"] == "Appointment" else []:
            assert participant["status"] in ("accepted", "tentative", "needs-action", "declined")


def test_sergey_has_ten_years_of_lab_results_with_flags_and_other_units(ds: DemoDataset) -> None:
    labs = [
        o
        for o in _of(ds, "Observation", "ivanov-sergey")
        if o["category"][0]["coding"][0]["code"] == "laboratory" and "valueQuantity" in o
    ]
    dates = sorted(o["effectiveDateTime"][:10] for o in labs)
    assert date.fromisoformat(dates[0]) <= TODAY - timedelta(days=10 * 365)
    by_code: dict[str, set[str]] = defaultdict(set)
    for o in labs:
        by_code[_code(o)].add(o["valueQuantity"]["code"])
        assert o["referenceRange"] and o["valueQuantity"]["system"] == "http://unitsofmeasure.org"
    for code in ("4548-4", "2345-7", "2093-3", "2160-0", "1742-6", "718-7", "6690-2", "777-3"):
        assert code in by_code, code
    assert by_code["2345-7"] == {"mmol/L", "mg/dL"}
    assert by_code["2093-3"] == {"mmol/L", "mg/dL"}
    assert by_code["2160-0"] == {"umol/L", "mg/dL"}
    flags = {o["interpretation"][0]["coding"][0]["code"] for o in labs}
    assert {"H", "N"} <= flags
    other_lab = {
        o["performer"][0]["reference"] for o in labs if o["valueQuantity"]["code"] == "mg/dL"
    }
    assert other_lab == {"Organization/org-medlab"}
    for o in labs:  # the flag agrees with the range in the result's own unit
        rr, value = o["referenceRange"][0], o["valueQuantity"]["value"]
        flag = o["interpretation"][0]["coding"][0]["code"]
        if "high" in rr and value > rr["high"]["value"]:
            assert flag == "H"
        assert rr.get("high", rr.get("low"))["code"] == o["valueQuantity"]["code"]


def test_hba1c_improves_with_treatment(ds: DemoDataset) -> None:
    series = sorted(
        (o["effectiveDateTime"], o["valueQuantity"]["value"])
        for o in _of(ds, "Observation", "ivanov-sergey")
        if _code(o) == "4548-4"
    )
    first, last = [v for _, v in series[:4]], [v for _, v in series[-4:]]
    assert sum(first) / 4 > 8.0 and sum(last) / 4 < 7.5


def test_reports_group_their_results(ds: DemoDataset) -> None:
    observations = {o["id"]: o for o in ds.by_type("Observation")}
    for report in _of(ds, "DiagnosticReport", "ivanov-sergey"):
        for ref in report.get("result", []):
            obs = observations[ref["reference"].split("/")[1]]
            assert obs["subject"] == report["subject"]


def test_diary_entries_are_authored_by_the_patient(ds: DemoDataset) -> None:
    diary = [
        o
        for o in _of(ds, "Observation", "ivanov-sergey")
        if any(t["code"] == "self-measured" for t in o["meta"].get("tag", []))
    ]
    codes = {_code(o) for o in diary}
    assert {"85354-9", "2339-0"} <= codes
    assert all(o["performer"][0]["reference"] == "Patient/ivanov-sergey" for o in diary)
    panel = next(o for o in diary if _code(o) == "85354-9")
    assert [c["code"]["coding"][0]["code"] for c in panel["component"]] == ["8480-6", "8462-4"]


def test_free_slots_on_every_working_day_of_the_next_four_weeks(ds: DemoDataset) -> None:
    free_days: set[date] = set()
    today_schedules = set()
    for slot in ds.by_type("Slot"):
        start = datetime.fromisoformat(slot["start"])
        assert start.date() >= TODAY and start.weekday() < 5
        if start.date() == TODAY:  # only the registry desk's clinic shows today (its day board)
            today_schedules.add(slot["schedule"]["reference"])
        assert datetime.fromisoformat(slot["end"]) > start
        if slot["status"] == "free":
            free_days.add(start.date())
    working = {
        TODAY + timedelta(days=i) for i in range(1, 29) if (TODAY + timedelta(days=i)).weekday() < 5
    }
    assert working <= free_days
    assert len(working) == 20
    schedules = {s["id"]: s for s in ds.by_type("Schedule")}
    rooms = {loc["id"]: loc for loc in ds.by_type("Location")}
    for ref in today_schedules:
        room = next(
            a for a in schedules[ref[9:]]["actor"] if a["reference"].startswith("Location/")
        )
        clinic = rooms[room["reference"][9:]]["managingOrganization"]["reference"]
        assert clinic == "Organization/org-gp12"
    assert today_schedules
    kinds = {
        s["serviceCategory"][0]["coding"][0]["code"]
        for s in ds.by_type("Slot")
        if s["status"] == "free"
    }
    assert kinds == {"clinic", "video"}


def test_no_slots_on_new_year_holidays() -> None:
    winter = generate(seed=42, today=date(2026, 12, 28))
    days = {datetime.fromisoformat(s["start"]).date() for s in winter.by_type("Slot")}
    assert date(2026, 12, 29) in days and date(2027, 1, 11) in days
    assert not any(date(2027, 1, d) in days for d in range(1, 9))
    assert all(is_working_day(d) for d in days)


def test_booked_appointments_hold_busy_slots(ds: DemoDataset) -> None:
    slots = {s["id"]: s for s in ds.by_type("Slot")}
    booked = [a for a in ds.by_type("Appointment") if a["status"] == "booked"]
    assert {a["participant"][0]["actor"]["reference"] for a in booked} >= {
        "Patient/ivanov-sergey",
        "Patient/ivanova-masha",
    }
    for a in booked:
        slot = slots[a["slot"][0]["reference"].split("/")[1]]
        assert slot["status"] == "busy" and slot["start"] == a["start"]
    statuses = {a["status"] for a in _of_appointments(ds, "ivanov-sergey")}
    assert {"booked", "fulfilled", "cancelled", "noshow"} <= statuses


def _of_appointments(ds: DemoDataset, patient: str) -> list[dict]:
    return [
        a
        for a in ds.by_type("Appointment")
        if a["participant"][0]["actor"]["reference"] == f"Patient/{patient}"
    ]


def test_slot_ids_stay_the_same_when_the_day_moves_on(ds: DemoDataset) -> None:
    tomorrow = generate(seed=42, today=TODAY + timedelta(days=1))
    ours = {s["id"]: s["start"] for s in ds.by_type("Slot")}
    theirs = {s["id"]: s["start"] for s in tomorrow.by_type("Slot")}
    shared = ours.keys() & theirs.keys()
    assert len(shared) > len(ours) // 2
    assert all(ours[i] == theirs[i] for i in shared)


def test_visit_protocols_are_russian_text(ds: DemoDataset) -> None:
    for comp in _of(ds, "Composition", "ivanov-sergey"):
        titles = [s["title"] for s in comp["section"]]
        assert titles[:2] == ["Жалобы", "Анамнез"] or comp["type"]["coding"][0]["code"] == "18842-5"
        assert all(CYRILLIC.search(s["text"]["div"]) for s in comp["section"])
    documents = ds.by_type("DocumentReference")
    assert documents
    for doc in documents:
        text = base64.b64decode(doc["content"][0]["attachment"]["data"]).decode("utf-8")
        assert CYRILLIC.search(text)
    for cond in ds.by_type("Condition"):
        assert cond["code"]["coding"][0]["system"] == "http://hl7.org/fhir/sid/icd-10"
        assert CYRILLIC.search(cond["code"]["text"])


def test_every_visit_has_its_protocol(ds: DemoDataset) -> None:
    documented = set()
    for comp in ds.by_type("Composition"):
        documented.add(comp.get("encounter", {}).get("reference"))
    for doc in ds.by_type("DocumentReference"):
        documented.update(e["reference"] for e in doc.get("context", {}).get("encounter", []))
    for enc in ds.by_type("Encounter"):
        assert f"Encounter/{enc['id']}" in documented, enc["id"]


def test_anna_has_a_hospital_stay_with_a_discharge_summary(ds: DemoDataset) -> None:
    stays = [e for e in _of(ds, "Encounter", "petrova-anna") if e["class"]["code"] == "IMP"]
    assert len(stays) == 1
    period = stays[0]["period"]
    days = (datetime.fromisoformat(period["end"]) - datetime.fromisoformat(period["start"])).days
    assert 8 <= days <= 12
    summaries = [
        d
        for d in _of(ds, "DocumentReference", "petrova-anna")
        if d["type"]["coding"][0]["code"] == "18842-5"
    ]
    text = base64.b64decode(summaries[0]["content"][0]["attachment"]["data"]).decode("utf-8")
    assert "ВЫПИСНОЙ ЭПИКРИЗ" in text and "I20.0" in text
    assert any(
        c["type"]["coding"][0]["code"] == "18842-5" for c in _of(ds, "Composition", "petrova-anna")
    )
    codes = {_code(c) for c in _of(ds, "Condition", "petrova-anna")}
    assert {"I25.1", "I11.9"} <= codes


def test_masha_has_her_vaccinations_covid_test_and_parent(ds: DemoDataset) -> None:
    vaccines = {
        i["vaccineCode"]["coding"][0]["code"] for i in _of(ds, "Immunization", "ivanova-masha")
    }
    assert {"08", "19", "01", "10", "03", "133"} <= vaccines
    pcr = [o for o in _of(ds, "Observation", "ivanova-masha") if _code(o) == "94500-6"]
    assert pcr and pcr[0]["valueCodeableConcept"]["text"] == "Не обнаружено"
    parents = [
        r
        for r in ds.by_type("RelatedPerson")
        if r["patient"]["reference"] == "Patient/ivanova-masha"
    ]
    assert parents[0]["name"][0]["family"] == "Иванов"
    assert parents[0]["identifier"] == [
        {"system": "urn:medcard:portal-user", "value": "family@demo.medcard"}
    ]
    assert {"FTH", "PRN"} <= {c["code"] for r in parents[0]["relationship"] for c in r["coding"]}


def test_costs_are_in_roubles_free_under_oms_or_paid(ds: DemoDataset) -> None:
    eobs = _of(ds, "ExplanationOfBenefit", "ivanov-sergey")
    payers = {e["insurance"][0]["coverage"]["reference"] for e in eobs}
    assert payers == {
        "Coverage/cov-oms-ivanov-sergey",
        "Coverage/cov-self-ivanov-sergey",
        "Coverage/cov-dms-ivanov-sergey",  # voluntary insurance (ДМС)
    }
    kinds = {e["extension"][0]["valueCoding"]["code"] for e in eobs}
    assert kinds == {"oms", "vhi", "patient"}
    for e in eobs:
        total = sum(i["net"]["value"] for i in e["item"])
        assert e["total"][0]["amount"] == {"value": round(total, 2), "currency": "RUB"}


def test_identifiers_carry_valid_check_digits(ds: DemoDataset) -> None:
    kinds = set()
    for patient in ds.by_type("Patient"):
        values = {i["type"]["text"]: i["value"] for i in patient["identifier"]}
        snils = values["СНИЛС"]
        assert int(snils[9:]) == _snils_check(snils[:9])
        if "Полис ОМС" in values:  # new form: 16 digits, the last a Luhn check digit
            policy = values["Полис ОМС"]
            assert len(policy) == 16 and int(policy[-1]) == luhn_digit(policy[:-1])
            kinds.add("new")
        elif "Временное свидетельство ОМС" in values:
            assert re.fullmatch(r"\d{9}", values["Временное свидетельство ОМС"])
            kinds.add("temporary")
        else:
            assert re.fullmatch(r"\d{4} \d{10}", values["Полис ОМС старого образца"])
            kinds.add("old")
    assert kinds == {"new", "temporary", "old"}


def _snils_check(number: str) -> int:
    """Control number of СНИЛС as the Pension Fund defines it."""
    total = sum(int(d) * w for d, w in zip(number, range(9, 0, -1), strict=True))
    if total < 100:
        return total
    if total in (100, 101):
        return 0
    rest = total % 101
    return 0 if rest == 100 else rest


def test_records_reach_the_portal_after_they_happen(ds: DemoDataset) -> None:
    lags = []
    for o in ds.by_type("Observation"):
        clinical = datetime.fromisoformat(o["effectiveDateTime"])
        updated = datetime.fromisoformat(o["meta"]["lastUpdated"].replace("Z", "+00:00"))
        assert updated >= clinical
        lags.append(updated - clinical)
    assert any(lag > timedelta(days=1) for lag in lags)  # some entered days later


@pytest.mark.parametrize("extra", [1, 2, 9, 500])
def test_scale_adds_exactly_n_resources_for_sergey(ds: DemoDataset, extra: int) -> None:
    scaled = generate(seed=42, scale=extra, today=TODAY)
    added = scaled.resources[len(ds.resources) :]
    assert len(added) == extra
    assert all((r.get("subject") or {}).get("reference") == "Patient/ivanov-sergey" for r in added)
    known = {(r["resourceType"], r["id"]) for r in scaled.resources}
    base = {(r["resourceType"], r["id"]) for r in ds.resources}
    assert len(known) == len(scaled.resources)  # no id used twice within a type
    for r in added:
        assert (r["resourceType"], r["id"]) not in base
        for target in _refs(r):
            assert tuple(target.split("/")) in known
    if extra >= 500:
        assert {r["resourceType"] for r in added} >= {
            "Observation",
            "DiagnosticReport",
            "Encounter",
            "DocumentReference",
        }


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "reference"] + [
            x for v in node.values() for x in _refs(v)
        ]
    if isinstance(node, list):
        return [x for v in node for x in _refs(v)]
    return []


def test_inline_attachments_say_their_size_and_hash(ds: DemoDataset) -> None:
    """FHIR R4 Attachment.hash is the base64 SHA-1 of the data: a client checks it."""
    import base64
    import hashlib

    checked = 0
    for r in ds.resources:
        attachments = [c["attachment"] for c in r.get("content", [])] + r.get("presentedForm", [])
        for attachment in attachments:
            if "data" in attachment:
                data = base64.b64decode(attachment["data"])
                assert attachment["size"] == len(data)
                assert attachment["hash"] == base64.b64encode(hashlib.sha1(data).digest()).decode()
                checked += 1
    assert checked > 5
