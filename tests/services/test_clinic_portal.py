"""Issue 13, the app's services over the demo portal (real loopback HTTP, real cache):
finding a clinic, the clinic's details kept in the cache, each rule of the change of
clinic as the portal decides it (and what lands on the portal), the new clinic after the
next sync, the OMS policies and their warnings, and booking refused for the policy."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from demo_portal import operator
from demo_portal.embedded import DemoPortal
from desktop.services.accounts import AccountManager
from desktop.services.booking.service import BookingService, new_booking_key
from desktop.services.cache import Cache
from desktop.services.clinic.change import ChangeForm, ChangeFormInvalid, ClinicChangeService
from desktop.services.clinic.directory import fetch_missing, search_clinics
from desktop.services.clinic.overview import clinic_overview, policy_notices
from desktop.services.errors import PolicyInvalid
from desktop.services.oms_policy import PolicyKind
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.services.sync import SyncEngine
from tests.services.conftest import FAMILY, OTHER, browser_for

SERGEY, MASHA, OLGA, ARTEM = "ivanov-sergey", "ivanova-masha", "smirnova-olga", "smirnov-artem"


class Account:
    """A signed-in demo account with its own synced cache."""

    def __init__(self, portal: DemoPortal, home: Path, email: str) -> None:
        self.accounts = AccountManager(Profile(home / email), MemorySecretStore())
        self.account = self.accounts.sign_in(
            portal.base_url, open_url=browser_for(email), timeout=30
        )
        self.client = self.accounts.client(self.account.id)
        self.cache = Cache.open(home / f"{email}.db", Cache.new_key())
        self.me = self.account.patient_id

    def sync(self) -> None:
        SyncEngine(self.client, self.cache, list(self.account.patient_ids)).run()

    def overview(self, patient_id: str):  # noqa: ANN201 - ClinicOverview
        """What the tab reads, after fetching what it lacks, as the tab does."""
        overview = clinic_overview(self.cache, patient_id)
        if overview.missing:
            self.cache.ingest(fetch_missing(self.client, overview.missing))
            overview = clinic_overview(self.cache, patient_id)
        return overview

    def close(self) -> None:
        self.cache.close()
        self.client.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    home = tmp_path_factory.mktemp("clinic")
    with DemoPortal(db_path=home / "portal.db") as portal:
        family, other = Account(portal, home, FAMILY), Account(portal, home, OTHER)
        family.sync()
        other.sync()
        yield {"portal": portal, "db": home / "portal.db", "family": family, "other": other}
        family.close()
        other.close()


def operate(world: dict[str, Any], *argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert operator.main(["--db", str(world["db"]), *argv]) == 0, out.getvalue()
    return out.getvalue()


def test_the_attached_clinic_with_registry_hours_and_district_doctor(world):
    overview = world["family"].overview(SERGEY)
    clinic, doctor = overview.clinic, overview.doctor
    assert clinic.short_name == "Городская поликлиника № 12"
    assert "ул. Новаторов" in clinic.address and clinic.phone.startswith("+7")
    weekdays, saturday = clinic.hours
    assert weekdays.days == ("mon", "tue", "wed", "thu", "fri")
    assert (weekdays.opens, weekdays.closes) == ("07:30", "20:00")
    assert (saturday.days, saturday.opens, saturday.closes) == (("sat",), "09:00", "15:00")
    assert "окна 1–6" in clinic.registry_note
    assert doctor.name == "Соколова Елена Викторовна"
    assert "участковый" in doctor.position and doctor.room == "каб. 214"
    assert overview.attachment.site.startswith("Участок № ")
    assert not overview.missing  # kept in the cache: offline the tab shows the same
    masha = world["family"].overview(MASHA)
    assert masha.clinic.kind == "children-polyclinic" and "педиатр" in masha.doctor.position


def test_clinics_are_found_by_name_district_street_and_number(world):
    client = world["family"].client
    adults = {c.id for c in search_clinics(client, "", child=False)}
    assert adults == {"org-gp12", "org-gp134", "org-gp22"}
    assert [c.id for c in search_clinics(client, "Коньково", child=True)] == ["org-child118"]
    assert [c.id for c in search_clinics(client, "Профсоюзная", child=False)] == ["org-gp134"]
    assert [c.id for c in search_clinics(client, "№ 134", child=False)] == ["org-gp134"]
    full = next(c for c in search_clinics(client, "Тёплый", child=False))
    assert full.id == "org-gp22" and not full.accepts_new


def send(account: Account, patient: str, clinic: str, reason: str, address: str = "") -> Any:
    service = ClinicChangeService(account.client, account.me)
    form = ChangeForm(patient, clinic, "", reason, address)
    change, task = service.submit(form)
    account.cache.ingest([task])
    return change


@pytest.mark.parametrize(
    ("patient", "clinic", "code"),
    [
        (SERGEY, "org-gp22", "clinic-full"),
        (SERGEY, "org-child118", "wrong-age-group"),
        (SERGEY, "org-gp12", "already-attached"),
    ],
)
def test_the_portal_rejects_with_the_rule(world, patient, clinic, code):
    change = send(world["family"], patient, clinic, "by-choice")
    assert (change.status, change.reason_code) == ("rejected", code)
    stored = world["portal"].store.get("Task", change.task_id)
    assert stored["status"] == "rejected"  # on the portal too
    assert stored["requester"]["reference"] == f"Patient/{SERGEY}"


def test_a_second_change_by_choice_within_a_year_is_rejected(world):
    other = world["other"]
    before = other.overview(OLGA)
    again = before.next_by_choice(date.today())
    assert again is not None and again > date.today()  # the app knows it before sending
    change = send(other, OLGA, "org-gp134", "by-choice")
    assert (change.status, change.reason_code) == ("rejected", "once-a-year")
    assert again.strftime("%d.%m.%Y") in change.reason_text  # the portal's date is the app's


def test_a_change_of_residence_needs_the_new_address_before_anything_is_sent(world):
    service = ClinicChangeService(world["other"].client, OLGA)
    with pytest.raises(ChangeFormInvalid) as caught:
        service.submit(ChangeForm(OLGA, "org-gp134", "", "residence", ""))
    assert set(caught.value.errors) == {"new_address"}


def test_in_review_then_accepted_and_the_new_clinic_comes_with_the_next_sync(world):
    family = world["family"]
    change = send(family, MASHA, "org-child118", "residence", "г. Москва, ул. Островитянова, 5")
    assert (change.status, change.reason_code) == ("received", "in-review")
    stored = world["portal"].store.get("Task", change.task_id)
    assert stored["for"]["reference"] == f"Patient/{MASHA}"  # a parent applies for a child
    assert stored["requester"]["reference"] == f"Patient/{SERGEY}"
    assert clinic_overview(family.cache, MASHA).changes[0].in_review
    operate(world, "accept-clinic-change", change.task_id)
    assert clinic_overview(family.cache, MASHA).clinic.id == "org-child94"  # not synced yet
    family.sync()
    after = family.overview(MASHA)
    assert after.clinic.id == "org-child118" and after.clinic.hours
    assert after.doctor.name.startswith("Сорокина")
    assert after.changes[0].status == "completed" and after.changes[0].reason_code == "accepted"


def test_rejected_by_the_new_clinic_with_its_reason_and_a_withdrawal(world):
    other = world["other"]
    change = send(other, ARTEM, "org-child118", "residence", "г. Москва, ул. Островитянова, 5")
    assert change.in_review
    operate(world, "reject-clinic-change", change.task_id, "--reason", "Участок переполнен")
    other.sync()
    rejected = next(c for c in clinic_overview(other.cache, ARTEM).changes)
    assert rejected.reason_code == "rejected-by-clinic"
    assert rejected.reason_text == "Участок переполнен"
    change = send(other, ARTEM, "org-child118", "residence", "г. Москва, ул. Островитянова, 5")
    withdrawn = ClinicChangeService(other.client, OLGA).withdraw(change.task_id)
    assert withdrawn["status"] == "cancelled"
    assert world["portal"].store.get("Task", change.task_id)["status"] == "cancelled"


def test_a_retried_application_is_filed_once(world):
    family = world["family"]
    service = ClinicChangeService(family.client, SERGEY)
    form = ChangeForm(SERGEY, "org-gp22", "", "by-choice")
    first, _ = service.submit(form, "retry-0001")
    second, _ = service.submit(form, "retry-0001")
    assert first.task_id == second.task_id


def test_policies_of_each_kind_and_the_warning_ahead(world):
    today = date.today()
    sergey = world["family"].overview(SERGEY).policies[0]
    assert sergey.kind == PolicyKind.NEW and sergey.form_name.endswith("plastic card")
    assert len(sergey.number) == 16 and sergey.insurer_phone.startswith("+7")
    assert sergey.territory == "г. Москва" and sergey.valid_on(today)
    notices = policy_notices(world["other"].cache, [OLGA, ARTEM], today)
    assert list(notices) == [ARTEM]  # Artem's temporary certificate ends in 5 days
    notice = notices[ARTEM]
    assert notice.state == "ending" and notice.days == 5
    assert notice.policy.kind == PolicyKind.TEMPORARY and len(notice.policy.number) == 9


def test_booking_without_a_valid_policy_says_why_and_what_to_do(tmp_path):
    with DemoPortal(db_path=tmp_path / "portal.db") as portal:
        ksenia = Account(portal, tmp_path, "nopolicy@demo.medcard")
        try:
            ksenia.sync()
            notices = policy_notices(ksenia.cache, [ksenia.me], date.today())
            assert notices[ksenia.me].state == "ended" and notices[ksenia.me].days == 20
            booking = BookingService(ksenia.client)
            catalog = booking.load_catalog()
            doctor = catalog.doctors_for(catalog.specialties[0].code)[0]
            now = datetime.now(UTC)
            slot = booking.free_slots(catalog, [doctor], now, now + timedelta(days=28))[0]
            with pytest.raises(PolicyInvalid) as caught:
                booking.book(ksenia.me, slot, new_booking_key())
            text = caught.value.describe("en")
            assert "no valid OMS insurance policy" in text and "insurance company" in text
            assert portal.store.get("Slot", slot.id)["status"] == "free"
        finally:
            ksenia.close()


def test_booking_offers_the_attached_clinic_first(world):
    catalog = BookingService(world["family"].client).load_catalog("org-child94")
    first = catalog.doctors[0]
    assert catalog.at_home_clinic(first) and first.id in {"pr-belova", "pr-gusev"}
    assert not any(catalog.at_home_clinic(d) for d in catalog.doctors[2:])
