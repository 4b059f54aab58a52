"""What the family tab lists: holder, children with access, and requests worth showing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from desktop.services.family import service as family
from desktop.services.family.service import AccessRequest, family_entries


@dataclass
class Person:
    patient_id: str
    display_name: str
    birth_date: date | None = None


def request(
    task_id: str, status: str, child: str | None = None, day: int = 1, reason: str | None = None
) -> AccessRequest:
    return AccessRequest(
        task_id=task_id,
        status=status,
        child_name=f"Child {task_id}",
        child_birth_date=date(2019, 1, 1),
        role="parent",
        authored_on=datetime(2026, 11, day, tzinfo=UTC),
        child_patient_id=child,
        reason_code=reason,
        reason_text="",
    )


def test_holder_first_then_children_then_requests() -> None:
    people = [Person("me", "Сергей"), Person("kid", "Маша", date(2018, 5, 5))]
    requests = family.requests_from([])  # nothing cached yet
    entries = family_entries(people, requests, "me")
    assert [(e.patient_id, e.state) for e in entries] == [("me", "holder"), ("kid", "active")]
    assert entries[0].can_open and entries[1].can_open


def test_requests_shown_by_state() -> None:
    people = [Person("me", "Сергей"), Person("kid", "Маша")]
    requests = [
        request("t1", "requested", day=5),
        request("t2", "on-hold", day=4, reason="in-person-check"),
        request("t3", "rejected", day=3, reason="age-15"),
        request("t4", "accepted", child="kid", day=2),  # already an active line
        request("t5", "accepted", child="new-kid", day=2),  # tokens not refreshed yet
        request("t6", "cancelled", day=1, reason="withdrawn"),
        request("t7", "completed", day=1, reason="access-given-up"),
    ]
    entries = family_entries(people, requests, "me")
    shown = [(e.task_id, e.state) for e in entries[2:]]
    assert shown == [("t1", "requested"), ("t2", "on-hold"), ("t3", "rejected"), ("t5", "accepted")]
    on_hold = entries[3]
    assert on_hold.reason == family.REASON_MESSAGES["in-person-check"]
    assert not on_hold.can_open and not entries[5].can_open


def test_newest_request_first() -> None:
    ordered = family.requests_from(
        [
            {
                "resourceType": "Task",
                "id": "old",
                "status": "requested",
                "code": {"coding": [{"code": "child-access-request"}]},
                "authoredOn": "2026-01-01T00:00:00Z",
            },
            {
                "resourceType": "Task",
                "id": "new",
                "status": "requested",
                "code": {"coding": [{"code": "child-access-request"}]},
                "authoredOn": "2026-06-01T00:00:00Z",
            },
            {
                "resourceType": "Task",
                "id": "undated",
                "status": "requested",
                "code": {"coding": [{"code": "child-access-request"}]},
            },
            {"resourceType": "Task", "id": "other", "code": {"text": "extract"}},
        ]
    )
    assert [r.task_id for r in ordered] == ["new", "old", "undated"]
