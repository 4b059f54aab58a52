"""Records deleted on the portal vanish from the cache at the next sync (loopback HTTP).

A `_lastUpdated`/`_since` search never mentions what was deleted; the sync compares
counts and confirms by `_id` before forgetting anything (desktop/services/sync/deletions.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from shared_fixtures import SYNTHEA_DIR, require_synthea
from test_sync import MODES, cache_content, server_content, sign_in

from desktop.services.cache import Cache, TimelineFilter
from desktop.services.cache import writer as cache_writer
from desktop.services.sync import SyncEngine


def _one(store: Any, sql: str, *args: Any) -> tuple[Any, ...]:
    with store.engine.connect() as conn:
        return tuple(conn.exec_driver_sql(sql + " LIMIT 1", args).one())


def _report_with_results(store: Any, patient: str) -> tuple[str, list[str]]:
    """A lab report of the patient and the ids of its results."""
    with store.engine.connect() as conn:
        for (rid,) in conn.exec_driver_sql(
            "SELECT rid FROM resources WHERE rtype = 'DiagnosticReport' AND patient_id = ?"
            " ORDER BY rid",
            (patient,),
        ):
            report = store.get("DiagnosticReport", rid)
            results = [r["reference"].split("/")[-1] for r in report.get("result") or []]
            if len(results) >= 2:
                return rid, results
    raise AssertionError("the demo card has no lab report with several results")


@MODES
def test_records_deleted_on_the_portal_leave_the_cache(
    fresh_portal: Any, tmp_path: Path, cache: Cache, everything: bool
) -> None:
    manager, account = sign_in(fresh_portal, tmp_path)
    patients = list(account.patient_ids)
    me, child = patients[0], patients[1]
    client = manager.client(account.id)
    SyncEngine(client, cache, patients, use_everything=everything).run()
    store = fresh_portal.store
    report_id, results = _report_with_results(store, me)
    before = cache.card.detail("DiagnosticReport", report_id)
    assert before is not None and len(before.results) == len(results)
    (condition_id,) = _one(
        store,
        "SELECT rid FROM resources WHERE rtype = 'Condition' AND patient_id = ? ORDER BY rid",
        me,
    )[:1]
    condition_title = cache.card.detail("Condition", condition_id).title  # type: ignore[union-attr]
    (vaccine_id,) = _one(
        store,
        "SELECT rid FROM resources WHERE rtype = 'Immunization' AND patient_id = ? ORDER BY rid",
        child,
    )[:1]
    for rtype, rid in (
        ("Observation", results[0]),
        ("Condition", condition_id),
        ("Immunization", vaccine_id),
    ):
        assert store.delete(rtype, rid)

    again = SyncEngine(client, cache, patients, use_everything=everything).run()

    assert again.transferred == 0  # nothing changed, three things went away
    assert cache_content(cache) == server_content(fresh_portal, patients, everything)
    assert cache.card.detail("Condition", condition_id) is None
    hits = cache.card.page(me, TimelineFilter(text=condition_title), 0, 50)
    assert all(row.resource_id != condition_id for row in hits)
    after = cache.card.detail("DiagnosticReport", report_id)
    assert after is not None and len(after.results) == len(results) - 1
    with cache.read() as conn:
        left = conn.exec_driver_sql(
            "SELECT count(*) FROM observations WHERE resource_id = ?", (results[0],)
        ).scalar()
    assert left == 0  # gone from the lab charts as well
    assert all(
        row.resource_id != vaccine_id
        for row in cache.card.page(child, TimelineFilter(kinds=frozenset({"vaccination"})), 0, 50)
    )


def test_a_portal_refusing_elements_still_gets_its_deletions_found(
    fresh_portal: Any, tmp_path: Path, cache: Cache
) -> None:
    manager, account = sign_in(fresh_portal, tmp_path)
    patients = list(account.patient_ids)
    client = manager.client(account.id)
    SyncEngine(client, cache, patients).run()
    store = fresh_portal.store
    (rid,) = _one(
        store,
        "SELECT rid FROM resources WHERE rtype = 'Encounter' AND patient_id = ? ORDER BY rid",
        patients[0],
    )[:1]
    store.delete("Encounter", rid)
    fresh_portal.faults.add(status=400, count=100, path_contains="_elements=")
    SyncEngine(client, cache, patients).run()
    assert fresh_portal.faults.pending() < 100  # the refusal was met, and worked around
    assert cache_content(cache) == server_content(fresh_portal, patients)


def test_a_record_the_patient_search_does_not_cover_is_kept(
    fresh_portal: Any, tmp_path: Path, cache: Cache
) -> None:
    """A shared resource $everything brought along sits under the patient in the cache,
    while the portal's `patient=` search does not return it: still there, so kept."""
    manager, account = sign_in(fresh_portal, tmp_path)
    patients = list(account.patient_ids)
    client = manager.client(account.id)
    SyncEngine(client, cache, patients).run()
    medication = fresh_portal.store.put(
        {
            "resourceType": "Medication",
            "id": "med-metformin",
            "code": {"text": "Метформин 1000 мг"},
        }
    )
    with cache.write() as conn:  # as a $everything page for this patient would store it
        cache_writer.store(conn, [medication], patients[0])
    assert cache.patient_counts(patients[0])["Medication"] == 1
    SyncEngine(client, cache, patients).run()
    assert cache.ids(patients[0], "Medication") == {"med-metformin"}
    fresh_portal.store.delete("Medication", "med-metformin")
    SyncEngine(client, cache, patients).run()
    assert "Medication" not in cache.patient_counts(patients[0])


@require_synthea()
def test_a_synthea_card_keeps_everything_and_loses_a_deleted_claim(tmp_path: Path) -> None:
    """Synthea's shapes (urn:uuid references, Claim/CarePlan/Goal beyond the card's
    types): an unchanged re-sync deletes nothing, and a deletion of a type the card does
    not list is still noticed."""
    from demo_portal.autologin import follow
    from demo_portal.embedded import DemoPortal
    from desktop.services.accounts import AccountManager
    from desktop.services.profile import Profile
    from desktop.services.secrets import MemorySecretStore

    with DemoPortal(load_dir=SYNTHEA_DIR, db_path=tmp_path / "portal.db") as portal:
        email, patient = portal.loaded_accounts[0]
        manager = AccountManager(Profile(tmp_path / "profile"), MemorySecretStore())
        account = manager.sign_in(
            portal.base_url, open_url=lambda url: follow(url, email, "demo1234"), timeout=30
        )
        client = manager.client(account.id)
        with Cache.open(tmp_path / "cache.db", Cache.new_key()) as cache:
            SyncEngine(client, cache, [patient]).run()
            synced = cache_content(cache)
            assert synced == server_content(portal, [patient])
            SyncEngine(client, cache, [patient]).run()
            assert cache_content(cache) == synced
            claim = sorted(rid for rtype, rid in synced if rtype == "Claim")[0]
            portal.store.delete("Claim", claim)
            SyncEngine(client, cache, [patient]).run()
            assert cache_content(cache) == server_content(portal, [patient])
            assert ("Claim", claim) not in cache_content(cache)
