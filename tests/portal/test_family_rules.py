"""Portal decisions on children's access requests, run through the real rule registry and
a real portal Store (SQLite file in tmp_path). HTTP round trips are in the UI tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from demo_portal.db import make_engine
from demo_portal.errors import FhirError
from demo_portal.rules import RuleContext, registry
from demo_portal.rules import family as rules
from demo_portal.rules.family_access import end_access_at_15
from demo_portal.store import PortalUser, Store

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
PARENT = "parent@test"


def make_input(code: str, key: str, value: str) -> dict:
    system = "https://medcard.app/fhir/CodeSystem/child-access-input"
    return {"type": {"coding": [{"system": system, "code": code}]}, key: value}


def request_task(
    *,
    birth: str = "2019-03-01",
    issued: str = "2019-03-12",
    place: str = "ЗАГС Тверского района",
    role: str = "parent",
    name: str = "Смирнова Ольга Петровна",
    policy: str = "5000000000000001",
) -> dict:
    return {
        "resourceType": "Task",
        "status": "requested",
        "intent": "order",
        "code": {
            "coding": [
                {
                    "system": "https://medcard.app/fhir/CodeSystem/task-code",
                    "code": "child-access-request",
                }
            ]
        },
        "for": {"reference": "Patient/parent-1"},
        "requester": {"reference": "Patient/parent-1"},
        "authoredOn": "2026-11-25T12:00:00+00:00",
        "input": [
            make_input("child-name", "valueString", name),
            make_input("child-birth-date", "valueDate", birth),
            make_input("insurance-policy", "valueString", policy),
            make_input("birth-certificate-series", "valueString", "IV-МЮ"),
            make_input("birth-certificate-number", "valueString", "123456"),
            make_input("birth-certificate-issued", "valueDate", issued),
            make_input("birth-certificate-place", "valueString", place),
            make_input("applicant-role", "valueCode", role),
        ],
    }


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(make_engine(tmp_path / "portal.db"))
    s.add_user(PARENT, "pw", "parent-1", "Родитель Тестовый")
    s.create({"resourceType": "Patient", "id": "parent-1", "birthDate": "1985-01-01"})
    return s


@pytest.fixture
def user(store: Store) -> PortalUser:
    found = store.user(PARENT)
    assert found is not None
    return found


def create(store: Store, user: PortalUser | None, task: dict) -> dict:
    ctx = RuleContext(store=store, user=user, now=NOW)
    decided = registry.run_before("before_create", ctx, task)
    return store.create(decided)


def update(store: Store, user: PortalUser | None, task: dict) -> dict:
    previous = store.get("Task", task["id"])
    ctx = RuleContext(store=store, user=user, now=NOW, previous=previous)
    return store.update(registry.run_before("before_update", ctx, task))


def reason(task: dict) -> str:
    return task["statusReason"]["coding"][0]["code"]


def test_child_of_15_is_rejected(store: Store, user: PortalUser) -> None:
    task = create(store, user, request_task(birth="2011-11-25", issued="2011-12-01"))
    assert (task["status"], reason(task)) == ("rejected", "age-15")
    assert "15" in task["statusReason"]["text"]  # the Russian explanation
    assert store.links(PARENT) == []


def test_child_one_day_before_15_is_not_rejected_for_age(store: Store, user: PortalUser) -> None:
    task = create(store, user, request_task(birth="2011-11-26", issued="2011-12-01"))
    assert task["status"] == "on-hold"


@pytest.mark.parametrize("role", ["guardian", "trustee"])
def test_guardians_are_rejected(store: Store, user: PortalUser, role: str) -> None:
    task = create(store, user, request_task(role=role))
    assert (task["status"], reason(task)) == ("rejected", "guardian")
    assert store.links(PARENT) == []


@pytest.mark.parametrize(
    ("issued", "place"),
    [("2018-10-01", "ЗАГС г. Тверь"), ("2015-05-05", "Отдел ЗАГС Москвы")],
)
def test_recent_or_moscow_certificate_is_accepted(
    store: Store, user: PortalUser, issued: str, place: str
) -> None:
    task = create(store, user, request_task(birth="2015-05-01", issued=issued, place=place))
    assert task["status"] == "accepted"
    child_id = task["focus"]["reference"].split("/")[1]
    child = store.get("Patient", child_id)
    assert child is not None and child["birthDate"] == "2015-05-01"
    assert child["name"][0]["family"] == "Смирнова"
    assert (child_id, "accepted", "parent") in store.links(PARENT)
    assert user.patient_id in store.accessible_patients(user)
    assert child_id in store.accessible_patients(user)
    people = store.search("RelatedPerson", patient=child_id)
    assert len(people) == 1 and people[0]["active"] is True


def test_certificate_before_registry_outside_moscow_is_on_hold(
    store: Store, user: PortalUser
) -> None:
    task = create(store, user, request_task(birth="2015-05-01", issued="2018-09-30"))
    assert (task["status"], reason(task)) == ("on-hold", "in-person-check")
    assert "паспорт" in task["statusReason"]["text"]
    assert "focus" not in task and store.links(PARENT) == []


def test_existing_child_is_matched_not_duplicated(store: Store, user: PortalUser) -> None:
    store.create(
        {
            "resourceType": "Patient",
            "id": "known-kid",
            "birthDate": "2019-03-01",
            "identifier": [{"system": "x", "value": "5000000000000001"}],
            "name": [{"family": "Другая", "given": ["Фамилия"]}],
        }
    )
    before = store.count("Patient")
    task = create(store, user, request_task())
    assert task["focus"] == {"reference": "Patient/known-kid"}
    assert store.count("Patient") == before
    again = create(store, user, request_task())
    assert (again["status"], reason(again)) == ("rejected", "already-linked")


def test_operator_completes_and_rejects_checks(store: Store, user: PortalUser) -> None:
    held = create(store, user, request_task(birth="2015-05-01", issued="2015-05-10"))
    done = rules.complete_check(store, held["id"], TODAY)
    assert (done["status"], reason(done)) == ("accepted", "check-passed")
    assert done["focus"]["reference"].split("/")[1] in store.accessible_patients(user)
    with pytest.raises(ValueError):
        rules.complete_check(store, held["id"], TODAY)  # not on hold any more

    other = create(
        store,
        user,
        request_task(birth="2016-01-01", issued="2016-01-10", name="Смирнов Иван Петрович"),
    )
    rejected = rules.reject_check(store, other["id"], "Документы не совпадают")
    assert rejected["status"] == "rejected"
    assert rejected["statusReason"]["text"] == "Документы не совпадают"
    with pytest.raises(LookupError):
        rules.reject_check(store, "no-such-task", "x")


def test_withdraw_pending_only(store: Store, user: PortalUser) -> None:
    held = create(store, user, request_task(issued="2015-05-10", birth="2015-05-01"))
    tampered = {**held, "status": "cancelled", "input": []}
    withdrawn = update(store, user, tampered)
    assert (withdrawn["status"], reason(withdrawn)) == ("cancelled", "withdrawn")
    assert len(withdrawn["input"]) == 8  # only the status changed
    with pytest.raises(FhirError) as again:
        update(store, user, {**withdrawn, "status": "cancelled"})
    assert again.value.status == 409
    accepted = create(store, user, request_task())
    with pytest.raises(FhirError) as self_accept:
        update(store, user, {**accepted, "status": "accepted", "focus": None})
    assert self_accept.value.status == 403


def test_request_for_someone_else_is_refused(store: Store, user: PortalUser) -> None:
    task = request_task()
    task["requester"] = {"reference": "Patient/stranger"}
    with pytest.raises(FhirError) as refused:
        create(store, user, task)
    assert refused.value.status == 403


def _revoke_task(child_id: str) -> dict:
    return {
        "resourceType": "Task",
        "status": "requested",
        "intent": "order",
        "code": {"coding": [{"code": "child-access-revoke"}]},
        "for": {"reference": "Patient/parent-1"},
        "requester": {"reference": "Patient/parent-1"},
        "focus": {"reference": f"Patient/{child_id}"},
    }


def assert_no_trace(store: Store, child_id: str) -> None:
    """Nothing the parent can still read names the child."""
    assert child_id not in [p for p, _, _ in store.links(PARENT)]
    for task in store.search("Task", patient="parent-1"):
        assert child_id not in str(task)
        if task["status"] == "completed":
            assert "input" not in task  # the child's name, policy, certificate are gone
    people = store.search("RelatedPerson", patient=child_id)
    assert people and all(p["active"] is False for p in people)


def test_give_up_access(store: Store, user: PortalUser) -> None:
    task = create(store, user, request_task())
    child_id = task["focus"]["reference"].split("/")[1]
    revoke = create(store, user, _revoke_task(child_id))
    assert (revoke["status"], reason(revoke)) == ("completed", "access-given-up")
    assert "focus" not in revoke
    ended = store.get("Task", task["id"])
    assert ended is not None
    assert (ended["status"], reason(ended)) == ("completed", "access-given-up")
    assert "focus" not in ended and "input" not in ended
    assert_no_trace(store, child_id)
    with pytest.raises(FhirError) as twice:
        create(store, user, _revoke_task(child_id))
    assert twice.value.status == 409


def test_fifteenth_birthday_ends_access(store: Store, user: PortalUser) -> None:
    task = create(store, user, request_task(birth="2011-11-26", issued="2018-12-01"))
    child_id = task["focus"]["reference"].split("/")[1]
    assert end_access_at_15(store, TODAY) == []  # still 14 today
    assert end_access_at_15(store, date(2026, 11, 26)) == [(PARENT, child_id)]
    ended = store.get("Task", task["id"])
    assert ended is not None and reason(ended) == "access-ended-15"
    assert_no_trace(store, child_id)


def test_turn_15_operator_action(store: Store, user: PortalUser) -> None:
    task = create(store, user, request_task())
    child_id = task["focus"]["reference"].split("/")[1]
    assert rules.turn_15(store, child_id, TODAY) == [(PARENT, child_id)]
    child = store.get("Patient", child_id)
    assert child is not None and child["birthDate"] == "2011-11-25"
    assert_no_trace(store, child_id)


def test_other_tasks_pass_untouched(store: Store, user: PortalUser) -> None:
    other = {
        "resourceType": "Task",
        "status": "requested",
        "intent": "order",
        "code": {"text": "extract"},
        "for": {"reference": "Patient/parent-1"},
    }
    ctx = RuleContext(store=store, user=user, now=NOW)
    assert rules.on_family_task_create(ctx, other) is other


def test_operator_commands(store: Store, user: PortalUser, tmp_path: Path, capsys) -> None:
    from demo_portal import operator

    db = str(tmp_path / "portal.db")
    held = create(store, user, request_task(birth="2015-05-01", issued="2015-05-10"))
    other = create(
        store,
        user,
        request_task(birth="2016-01-01", issued="2016-01-10", name="Смирнов Иван Петрович"),
    )
    assert operator.main(["--db", db, "family-requests"]) == 0
    assert held["id"] in capsys.readouterr().out
    assert operator.main(["--db", db, "complete-check", held["id"]]) == 0
    assert operator.main(["--db", db, "complete-check", held["id"]]) == 1  # not on hold now
    assert operator.main(["--db", db, "reject-check", other["id"], "--reason", "Нет паспорта"]) == 0
    decided = store.get("Task", other["id"])
    assert decided is not None and decided["statusReason"]["text"] == "Нет паспорта"
    child_id = store.get("Task", held["id"])["focus"]["reference"].split("/")[1]
    assert operator.main(["--db", db, "end-access"]) == 0
    assert child_id in store.accessible_patients(user)
    assert operator.main(["--db", db, "turn-15", child_id]) == 0
    assert child_id not in store.accessible_patients(user)
    assert operator.main(["--db", db, "turn-15", "nobody"]) == 1


def test_daily_rule_runs_once_a_day(store: Store, user: PortalUser) -> None:
    from demo_portal.rules.registry import registry

    run_daily_rule = registry.run_daily

    task = create(store, user, request_task(birth="2011-11-26", issued="2018-12-01"))
    child_id = task["focus"]["reference"].split("/")[1]
    run_daily_rule(store, TODAY)
    assert child_id in store.accessible_patients(user)  # 14 today
    store.grant_access(PARENT, "late-kid", relationship="parent")
    store.create({"resourceType": "Patient", "id": "late-kid", "birthDate": "2000-01-01"})
    run_daily_rule(store, TODAY)  # already ran today: nothing new is checked
    assert "late-kid" in store.accessible_patients(user)
    run_daily_rule(store, date(2026, 11, 26))  # the next day: both have turned 15+
    assert store.accessible_patients(user) == ["parent-1"]
