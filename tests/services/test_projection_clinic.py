"""A vaccination's Clinic is the organisation, not the room its `location` names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.services.cache import Cache, TimelineFilter

ROOM = {
    "resourceType": "Location",
    "id": "room-214",
    "name": "каб. 214",
    "managingOrganization": {"reference": "Organization/gp12", "display": "Поликлиника № 12"},
}
VISIT = {
    "resourceType": "Encounter",
    "id": "e1",
    "status": "finished",
    "subject": {"reference": "Patient/p1"},
    "period": {"start": "2024-03-02T09:00:00Z"},
    "serviceProvider": {"reference": "Organization/gp7", "display": "Поликлиника № 7"},
}


def _vaccination(**extra: object) -> dict:
    return {
        "resourceType": "Immunization",
        "id": "v1",
        "status": "completed",
        "patient": {"reference": "Patient/p1"},
        "vaccineCode": {"text": "Совигрипп"},
        "occurrenceDateTime": "2024-10-10T12:00:00Z",
        "performer": [{"actor": {"reference": "Practitioner/pr1", "display": "Соколова Е. В."}}],
        "location": {"reference": "Location/room-214", "display": "каб. 214"},
        **extra,
    }


def _row(cache: Cache):  # noqa: ANN202 - TimelineRow
    [row] = cache.card.page("p1", TimelineFilter(kinds=frozenset({"vaccination"})))
    return row


@pytest.mark.parametrize("room_first", [True, False], ids=["room-first", "room-later"])
def test_clinic_is_the_rooms_managing_organization(tmp_path: Path, room_first: bool) -> None:
    batches = [[ROOM], [_vaccination()]] if room_first else [[_vaccination()], [ROOM]]
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        for batch in batches:
            cache.ingest(batch)
        row = _row(cache)
        assert (row.clinic, row.doctor) == ("Поликлиника № 12", "Соколова Е. В.")
        assert cache.card.count("p1", TimelineFilter(text="каб 214")) == 1  # still searchable


def test_clinic_from_performer_organization_or_the_visit(tmp_path: Path) -> None:
    by_org = _vaccination(
        performer=[
            {"actor": {"reference": "Organization/gp3", "display": "Поликлиника № 3"}},
            {"actor": {"reference": "Practitioner/pr1", "display": "Соколова Е. В."}},
        ]
    )
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest([ROOM, by_org])
        assert (_row(cache).clinic, _row(cache).doctor) == ("Поликлиника № 3", "Соколова Е. В.")
        no_room = _vaccination(
            location={"display": "каб. 5"}, encounter={"reference": "Encounter/e1"}
        )
        cache.ingest([no_room])
        assert _row(cache).clinic is None  # the visit is not here yet: no room instead
        cache.ingest([VISIT])
        assert _row(cache).clinic == "Поликлиника № 7"


def test_demo_vaccinations_name_clinics(tmp_path: Path) -> None:
    from demo_portal.datagen import generate

    dataset = generate(seed=42, scale=0, today=date(2026, 11, 25))
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest(dataset.resources)
        rows = [
            r
            for p in cache.patients()
            for r in cache.card.page(p, TimelineFilter(kinds=frozenset({"vaccination"})), 0, 999)
        ]
        assert rows and all(r.clinic and "каб." not in r.clinic for r in rows)
