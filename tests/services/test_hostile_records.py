"""Malformed records and answers from the portal (issue 15): a record that cannot be read
is skipped and counted, never blocks the rest or a later sync, and is not kept; odd
headers and a busy portal end in clear messages."""

from __future__ import annotations

import json

import orjson
import pytest

from desktop.services.accounts import AccountManager
from desktop.services.auth import tokens_key
from desktop.services.booking.cached import cached_appointments
from desktop.services.cache import Cache
from desktop.services.errors import PortalBusy
from desktop.services.portal import FhirClient, RetryPolicy
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.services.sync import SyncEngine
from tests.services.conftest import FAMILY, browser_for

SERGEY = "ivanov-sergey"
FAST = RetryPolicy(attempts=3, base_delay=0.05, max_delay=0.2, max_retry_after=2)


@pytest.fixture
def signed_in(fresh_portal, tmp_path):
    manager = AccountManager(Profile(tmp_path / "profile"), MemorySecretStore())
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    return fresh_portal, manager, account


def _bad_records() -> list[dict]:
    """Records nobody can read: no usable type or id."""
    return [
        {"resourceType": {"not": "a type"}, "id": "bad-type"},
        {"resourceType": "Observation", "id": {"not": "an id"}},
        {"resourceType": "Observation", "id": "../../etc/passwd"},
    ]


def _odd_appointment() -> dict:
    """Readable, but naming nobody: kept, shown nowhere, blocking nothing."""
    return {
        "resourceType": "Appointment",
        "id": "odd-participant",
        "status": "booked",
        "participant": 5,
    }


def _readable_oddity() -> dict:
    return {
        "resourceType": "Observation",
        "id": "huge",
        "status": "final",
        "subject": {"reference": f"Patient/{SERGEY}"},
        "valueQuantity": {"value": 1e300, "unit": "mmol/L"},  # absurd, still readable
    }


def _page_with_bad_records(client: FhirClient) -> bytes:
    page = next(iter(client.search("Appointment", {"patient": SERGEY, "_count": "1000"})))
    page["entry"] = [*page.get("entry", []), *({"resource": r} for r in _bad_records())]
    return json.dumps(page).encode()


def _stored(cache: Cache) -> dict[str, set[str]]:
    with cache.read() as conn:
        rows = conn.exec_driver_sql("SELECT type, id, json FROM resources").all()
    found: dict[str, set[str]] = {}
    for rtype, rid, raw in rows:
        found.setdefault(rtype, set()).add(rid)
        assert b"not a type" not in raw and b"etc/passwd" not in raw
    return found


def test_unreadable_records_are_skipped_counted_and_not_kept(signed_in, tmp_path):
    portal, manager, account = signed_in
    portal.store.load([_readable_oddity(), _odd_appointment()])  # odd, but on the portal
    with manager.client(account.id) as client:
        body = _page_with_bad_records(client)
    portal.faults.add(status=200, body=body, path_contains="/Appointment?")
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        client = manager.client(account.id)
        first = SyncEngine(client, cache, list(account.patient_ids), use_everything=False).run()
        assert first.skipped == 3
        stored = _stored(cache)
        assert "huge" in stored.get("Observation", set())
        appointments = cached_appointments(cache, SERGEY)
        assert appointments  # the readable appointments of the same page are there
        assert "odd-participant" not in {a.id for a in appointments}
        assert cache.card.count(SERGEY) > 100  # and the rest of the card
        again = SyncEngine(client, cache, list(account.patient_ids), use_everything=False).run()
        assert again.skipped == 0  # not fetched again, nothing blocks later syncs


def test_the_command_line_reports_how_many_records_were_skipped(fresh_portal, tmp_path, capsys):
    from desktop.services.cli import main
    from desktop.services.secrets import KeyringSecretStore

    manager = AccountManager(Profile(tmp_path / "profile"), KeyringSecretStore())
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    with manager.client(account.id) as client:
        page = next(iter(client.everything(SERGEY)))
    page["entry"] = [*page["entry"], *({"resource": r} for r in _bad_records())]
    fresh_portal.faults.add(status=200, body=orjson.dumps(page), path_contains="/$everything")
    assert main(["sync", "--profile", str(tmp_path / "profile")]) == 0
    out = capsys.readouterr().out
    assert "some records could not be read and were skipped (3)" in out
    assert main(["sync", "--profile", str(tmp_path / "profile"), "--json"]) == 0
    assert orjson.loads(capsys.readouterr().out)["skipped"] == 0


def test_a_patient_name_of_the_wrong_shape_at_sign_in(fresh_portal, tmp_path):
    odd = {"resourceType": "Patient", "id": SERGEY, "name": "Сергей Иванов"}
    fresh_portal.faults.add(status=200, body=orjson.dumps(odd), path_contains=f"/Patient/{SERGEY}")
    secrets = MemorySecretStore()
    manager = AccountManager(Profile(tmp_path / "profile"), secrets)
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    assert account.display_name == "Сергей Иванов"
    assert secrets.get(tokens_key(account.id)) is not None
    assert [a.id for a in manager.list()] == [account.id]


@pytest.mark.parametrize("name", [5, {"text": ["x"]}, [[]], [{"given": "Сергей", "family": 7}]])
def test_other_odd_names_fall_back_without_an_orphan(fresh_portal, tmp_path, name):
    odd = {"resourceType": "Patient", "id": SERGEY, "name": name}
    fresh_portal.faults.add(status=200, body=orjson.dumps(odd), path_contains=f"/Patient/{SERGEY}")
    secrets = MemorySecretStore()
    manager = AccountManager(Profile(tmp_path / "profile"), secrets)
    account = manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    assert account.display_name  # something to show, never a traceback
    assert len(manager.list()) == 1


def test_a_failed_sign_in_leaves_no_orphan_tokens(fresh_portal, tmp_path):
    class FullDisk(MemorySecretStore):
        """A secret store that takes the tokens but then cannot store the account."""

        def set(self, key: str, value: str) -> None:
            if key.startswith("account:"):
                raise OSError("disk full")
            super().set(key, value)

    secrets = FullDisk()
    manager = AccountManager(Profile(tmp_path / "profile"), secrets)
    with pytest.raises(OSError):
        manager.sign_in(fresh_portal.base_url, open_url=browser_for(FAMILY), timeout=30)
    assert secrets._values == {}  # noqa: SLF001 - what the store holds is the point
    assert manager.list() == []


def test_a_superscript_retry_after_is_no_traceback(signed_in):
    portal, manager, account = signed_in
    portal.faults.add(status=429, count=1, path_contains="/Patient", retry_after="²")
    with FhirClient(account.portal_url, manager.token_manager(account.id), retry=FAST) as client:
        assert client.read("Patient", SERGEY)["id"] == SERGEY
    assert portal.faults.pending() == 0


def test_a_busy_portal_says_when_to_come_back(signed_in):
    portal, manager, account = signed_in
    portal.faults.add(status=429, count=5, path_contains="/Patient", retry_after=600)
    with FhirClient(account.portal_url, manager.token_manager(account.id), retry=FAST) as client:
        with pytest.raises(PortalBusy) as caught:
            client.read("Patient", SERGEY)
    assert caught.value.describe().startswith("The portal is busy. Try again in 10 min.")
    # Callers that show user_message alone get a whole sentence, never "{minutes}".
    assert caught.value.user_message == "The portal is busy. Try again in a few minutes."
    assert portal.faults.pending() == 4  # a ten-minute wait is not waited for: one request


def test_a_busy_portal_without_a_time(signed_in):
    portal, manager, account = signed_in
    portal.faults.add(status=429, count=5, path_contains="/Patient")
    with FhirClient(account.portal_url, manager.token_manager(account.id), retry=FAST) as client:
        with pytest.raises(PortalBusy) as caught:
            client.read("Patient", SERGEY)
    assert "few minutes" in caught.value.describe()
