"""The Store API that write rules, the operator and tests use directly (SQLite in tmp_path)."""

from __future__ import annotations

import pytest

from demo_portal.db import make_engine
from demo_portal.store import ResourceExists, Store, VersionConflict


@pytest.fixture
def store(tmp_path) -> Store:
    made = Store(make_engine(tmp_path / "store.db"))
    yield made
    made.engine.dispose()


def task(tid: str, status: str = "requested") -> dict:
    return {
        "resourceType": "Task",
        "id": tid,
        "status": status,
        "intent": "order",
        "for": {"reference": "Patient/p1"},
        "focus": {"reference": "Patient/p2"},
        "identifier": [{"system": "urn:req", "value": tid}],
    }


def test_versions_and_conflicts(store):
    first = store.create(task("t1"))
    assert first["meta"]["versionId"] == "1"
    with pytest.raises(ResourceExists):
        store.create(task("t1"))
    second = store.update(dict(first, status="accepted"), expected_version=1)
    assert second["meta"]["versionId"] == "2"
    assert second["meta"]["lastUpdated"] > first["meta"]["lastUpdated"]
    with pytest.raises(VersionConflict) as stale:
        store.update(first, expected_version=1)
    assert stale.value.current == 2
    assert store.get("Task", "t1")["status"] == "accepted"
    assert store.delete("Task", "t1") is True
    assert store.get("Task", "t1") is None and store.delete("Task", "t1") is False


def test_search_helpers(store):
    store.create(task("a"))
    store.create(task("b", status="accepted"))
    assert [t["id"] for t in store.search("Task", patient="p1")] == ["a", "b"]
    assert [t["id"] for t in store.search("Task", status="accepted")] == ["b"]
    assert [t["id"] for t in store.search("Task", where={"focus": "Patient/p2"})] == ["a", "b"]
    assert store.find_by_identifier("Task", "urn:req", "b")["id"] == "b"
    assert store.find_by_identifier("Task", "urn:other", "b") is None
    assert store.count("Task") == 2


def test_load_keeps_ids_and_makes_timestamps_unique(store):
    same = {"lastUpdated": "2020-01-01T00:00:00.000Z"}
    loaded = [dict(task(f"x{i}"), meta=dict(same)) for i in range(3)]
    assert store.load(loaded) == 3
    stamps = [store.get("Task", f"x{i}")["meta"]["lastUpdated"] for i in range(3)]
    assert len(set(stamps)) == 3 and min(stamps) == same["lastUpdated"]
    assert store.load([dict(task("x0"), status="done")]) == 1  # replaces, no duplicate
    assert store.count("Task") == 3 and store.get("Task", "x0")["status"] == "done"


def test_accounts_and_access_links(store):
    user = store.add_user("Parent@Test", "secret", "p1", "Родитель")
    assert store.verify_password("parent@test", "secret") == user
    assert store.verify_password("parent@test", "wrong") is None
    assert store.accessible_patients(user) == ["p1"]
    store.grant_access("parent@test", "p2", "parent", status="requested")
    assert store.accessible_patients(user) == ["p1"]
    store.grant_access("parent@test", "p2", "parent")
    assert store.accessible_patients(user) == ["p1", "p2"]
    store.revoke_access("parent@test", "p2")
    assert store.accessible_patients(user) == ["p1"]
