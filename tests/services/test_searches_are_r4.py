"""Issue 18: the service layer speaks standard FHIR R4 search.

The demo portal records every request it receives while the real flows run — sync by
type searches and by $everything, the deletion check, the directory fetch, booking
(catalog, free slots, a conflict, cancel, doctor at home), family requests and the
health diary — and each search parameter the app sent (also in If-None-Exist) must be
one the FHIR R4 specification defines for that resource type, or a result parameter.
The list of R4 parameters is tests/data/fhir-r4-search-parameters.json (its source and
licence are inside it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from demo_portal import autologin
from demo_portal.embedded import DemoPortal
from desktop.services.accounts import AccountManager
from desktop.services.booking.service import (
    BookingService,
    HomeVisitRequest,
    new_booking_key,
)
from desktop.services.cache import Cache
from desktop.services.clinic.change import ChangeForm, ClinicChangeService
from desktop.services.clinic.directory import fetch_missing, search_clinics
from desktop.services.clinic.overview import clinic_overview
from desktop.services.diary.entries import DiaryEntry, DiaryKind, entry_from_observation
from desktop.services.diary.store import DiaryStore
from desktop.services.family.form import AccessRequestForm
from desktop.services.family.service import FamilyService
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.services.sync import SyncEngine

R4 = json.loads(
    (Path(__file__).parents[1] / "data" / "fhir-r4-search-parameters.json").read_text("utf-8")
)
# Result parameters (R4 "Search result parameters"): allowed on any search.
RESULT_PARAMETERS = {"_count", "_sort", "_summary", "_elements", "_total", "_include"}
# Patient/$everything's own parameters (R4 OperationDefinition Patient-everything).
EVERYTHING_PARAMETERS = {"_since", "_count", "start", "end", "_type"}
SERGEY = "ivanov-sergey"


def r4_allows(resource_type: str, name: str) -> bool:
    name = name.split(":", 1)[0]
    return (
        name in RESULT_PARAMETERS
        or name in R4["Resource"]
        or name in R4["types"].get(resource_type, {})
    )


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Any]]:
    """Run the service layer's flows once against a recording portal."""
    home = tmp_path_factory.mktemp("standard")
    with DemoPortal(db_path=home / "portal.db", record_requests=True) as portal:
        accounts = AccountManager(Profile(home / "profile"), MemorySecretStore())
        account = accounts.sign_in(
            portal.base_url,
            open_url=lambda url: autologin.follow(url, "family@demo.medcard", "demo1234"),
            timeout=30,
        )
        client = accounts.client(account.id)
        patients = list(account.patient_ids)
        with Cache.open(home / "cache.db", Cache.new_key()) as cache:
            SyncEngine(client, cache, patients, use_everything=False).run()
            # A record withdrawn on the portal: the deletion check counts, lists, confirms.
            gone = portal.store.search("Encounter", patient=SERGEY, limit=1)[0]
            portal.store.delete("Encounter", gone["id"])
            SyncEngine(client, cache, patients, use_everything=True).run()
            _book_and_cancel(client)
            _family_and_diary(client, cache)
            _clinic(client, cache)
            SyncEngine(client, cache, patients, use_everything=False).run()  # by watermark
        assert portal.recorder is not None
        yield portal.recorder.seen()


def _book_and_cancel(client: Any) -> None:
    booking = BookingService(client)
    catalog = booking.load_catalog()
    doctor = catalog.doctors_for(catalog.specialties[0].code)[0]
    now = datetime.now(UTC)
    slot = booking.free_slots(catalog, [doctor], now, now + timedelta(days=28))[0]
    info = booking.book(SERGEY, slot, new_booking_key())
    # Booked again under another key: the portal says 409 and the app looks for its own.
    assert booking.book(SERGEY, slot, new_booking_key()).id == info.id
    booking.cancel(info.id)
    booking.request_home_visit(
        HomeVisitRequest(SERGEY, "г. Москва, ул. Новаторов, д. 36", "Температура", 38.2, "")
    )


def _family_and_diary(client: Any, cache: Cache) -> None:
    family = FamilyService(client, SERGEY)
    form = AccessRequestForm(
        child_name="Иванов Пётр Сергеевич",
        birth_date=date(2019, 3, 1),
        insurance_policy="7700 0000 1234 5672",
        certificate_series="IV-МЮ",
        certificate_number="123456",
        certificate_issued=date(2019, 3, 12),
        certificate_place="Отдел ЗАГС г. Тверь",
        role="parent",
    )
    family.submit(form, date.today())
    family.fetch_requests()
    diary = DiaryStore(client, cache)
    entry = DiaryEntry(DiaryKind.PULSE, datetime.now(UTC) - timedelta(hours=1), {"pulse": 64})
    saved = diary.save(entry, SERGEY).resource
    assert saved is not None
    sent = entry_from_observation(saved)
    assert sent is not None
    diary.update(replace(sent, values={"pulse": 66}), SERGEY)  # PUT with If-Match


def _clinic(client: Any, cache: Cache) -> None:
    """My clinic: finding one, its details, an application; booking at one's own first."""
    for text in ("", "Коньково", "№ 134"):
        search_clinics(client, text, child=False)
    missing = clinic_overview(cache, SERGEY).missing
    cache.ingest(fetch_missing(client, missing))
    ClinicChangeService(client, SERGEY).submit(
        ChangeForm(SERGEY, "org-gp134", "", "residence", "г. Москва, ул. Профсоюзная, 1")
    )
    BookingService(client).load_catalog("org-gp12")


def _searches(seen: list[Any]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(resource type, parameters) of every search the app chose (not server-made next
    links) and of every conditional create."""
    out = []
    for request in seen:
        parts = request.path.strip("/").split("/")
        if parts[0] != "fhir" or len(parts) < 2:
            continue
        if request.method == "GET" and len(parts) == 2 and parts[1][0].isupper():
            params = request.params()
            if not any(name == "_page" for name, _ in params):
                out.append((parts[1], params))
        if request.method == "POST" and request.if_none_exist:
            out.append((parts[1], parse_qsl(request.if_none_exist.lstrip("?"))))
    return out


def test_every_search_the_app_makes_uses_r4_parameters(seen):
    searches = _searches(seen)
    wrong = sorted(
        {
            f"{rtype}?{name}"
            for rtype, params in searches
            for name, _ in params
            if not r4_allows(rtype, name)
        }
    )
    assert wrong == []
    used = {(rtype, name) for rtype, params in searches for name, _ in params}
    # The flows really ran: each kind of search is among them.
    assert {
        ("Observation", "patient"),
        ("Observation", "_lastUpdated"),
        ("Observation", "_summary"),
        ("Encounter", "_elements"),
        ("Encounter", "_id"),
        ("Schedule", "_count"),
        ("Slot", "schedule"),
        ("Slot", "start"),
        ("Slot", "status"),
        ("Appointment", "slot"),
        ("Appointment", "identifier"),
        ("Task", "code"),
        ("Task", "requester"),
        ("Task", "identifier"),
        ("Observation", "identifier"),
        ("Organization", "type"),
        ("Organization", "name"),
        ("Organization", "address"),
        ("Organization", "name:contains"),
        ("Location", "organization"),
        ("PractitionerRole", "organization"),
        ("PractitionerRole", "practitioner"),
    } <= used


def test_writes_are_conditional_creates_and_version_checked_updates(seen):
    """Creates carry If-None-Exist with the client's identifier (a retry makes one
    resource), updates and patches If-Match with the version read, every write asks for
    the stored resource back."""
    writes = [
        r for r in seen if r.method in ("POST", "PUT", "PATCH") and r.path.startswith("/fhir/")
    ]
    creates = [r for r in writes if r.method == "POST" and r.path.count("/") == 2]
    updates = [r for r in writes if r.method in ("PUT", "PATCH")]
    assert {r.path for r in creates} >= {"/fhir/Appointment", "/fhir/Task", "/fhir/Observation"}
    assert updates, "the flows change an appointment, a request and a diary entry"
    assert all(r.if_none_exist.startswith("identifier=") for r in creates), creates
    assert all(r.if_match.startswith('W/"') for r in updates), updates
    assert all("return=representation" in r.prefer for r in writes)


def test_everything_uses_only_its_own_parameters(seen):
    calls = [
        r.params()
        for r in seen
        if r.path.endswith("/$everything") and not any(name == "_page" for name, _ in r.params())
    ]
    assert calls, "the sync did not use $everything"
    assert {name for params in calls for name, _ in params} <= EVERYTHING_PARAMETERS


def test_the_r4_list_is_the_specification_s():
    """The shipped list says where it comes from, and holds what the spec defines."""
    assert "4.0.1" in R4["source"] and "CC0" in R4["licence"]
    assert R4["types"]["Slot"]["start"] == "date" and "date" not in R4["types"]["Slot"]
    assert R4["types"]["Patient"]["family"] == "string"
    assert R4["Resource"]["_lastUpdated"] == "date"
