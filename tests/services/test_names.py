"""Short names in lists: the distinguishing part of a clinic's name, a doctor's initials;
the full names stay for the tooltip and the detail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson

from demo_portal.datagen import generate
from desktop.services.cache import Cache, TimelineFilter
from desktop.services.names import short_org_name, short_person_name, short_person_text

SERGEY = "ivanov-sergey"


def test_clinic_names_lose_the_legal_form_and_keep_what_differs() -> None:
    assert short_org_name("ГБУЗ «Городская поликлиника № 12 ДЗМ»") == "Городская поликлиника № 12"
    assert short_org_name("ООО «МедЛаб Экспресс»") == "МедЛаб Экспресс"
    assert short_org_name("ООО «Клиника «Здоровье Плюс»") == "Клиника «Здоровье Плюс»"
    assert short_org_name("ГКБ № 17") == "ГКБ № 17"  # no legal form: as it is
    # An alias is the organisation's own short name.
    assert short_org_name("ГБУЗ «Городская поликлиника № 12 ДЗМ»", ["ГП № 12"]) == "ГП № 12"
    # Synthea's English names: legal tails go, the words that tell clinics apart stay.
    assert short_org_name("COOLEY DICKINSON HOSPITAL INC,THE") == "COOLEY DICKINSON HOSPITAL"
    assert short_org_name("NORTH SHORE MEDICAL CENTER -") == "NORTH SHORE MEDICAL CENTER"
    assert short_org_name("Mount Auburn Hospital, Inc.") == "Mount Auburn Hospital"
    assert short_org_name("FAMILY DOCTORS") == "FAMILY DOCTORS"
    assert short_org_name("CONCENTRA URGENT CARE - WILMINGTON") == (
        "CONCENTRA URGENT CARE - WILMINGTON"
    )
    assert short_org_name("THE") == "THE"  # never empty


def test_doctors_as_family_name_and_initials() -> None:
    assert short_person_name("Соколова", ["Елена", "Викторовна"]) == "Соколова Е. В."
    assert short_person_name("Gleason", ["Mariam"]) == "M. Gleason"
    assert short_person_text("Соколова Елена Викторовна") == "Соколова Е. В."
    assert short_person_text("Dr. Lane Jacobi") == "L. Jacobi"
    assert short_person_text("каб. 214") == "каб. 214"  # not a name: unchanged
    assert short_person_text("Терапия") == "Терапия"


def test_the_card_lists_short_names_and_details_full_ones(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest(generate(seed=42, scale=0, today=dt.date(2026, 11, 25)).resources)
        visits = cache.card.page(SERGEY, TimelineFilter(kinds=frozenset({"visit"})), 0, 50)
        clinics = {v.clinic for v in visits}
        assert "Городская поликлиника № 12" in clinics
        assert not any(c and c.startswith("ГБУЗ") for c in clinics)
        doctors = {v.doctor for v in visits if v.doctor}
        assert "Соколова Е. В." in doctors
        visit = next(v for v in visits if v.doctor == "Соколова Е. В.")
        assert visit.doctor_full == "Соколова Елена Викторовна"
        assert visit.clinic_full == "ГБУЗ «Городская поликлиника № 12 ДЗМ»"
        detail = cache.card.detail(visit.resource_type, visit.resource_id)
        assert detail is not None and detail.doctor == "Соколова Елена Викторовна"
        assert detail.clinic == "ГБУЗ «Городская поликлиника № 12 ДЗМ»"


def test_a_cache_of_the_previous_schema_gets_short_names_without_a_sync(tmp_path: Path) -> None:
    from alembic import command

    from desktop.services.cache import migrate

    key = Cache.new_key()
    old = Cache(tmp_path / "cache.db", key)  # built by hand at revision 0002
    org = {
        "resourceType": "Organization",
        "id": "org-1",
        "name": "ГБУЗ «Городская поликлиника № 12 ДЗМ»",
    }
    with old.write() as conn:
        command.upgrade(migrate.alembic_config(conn), "0002")
        conn.exec_driver_sql(
            "INSERT INTO resources (type, id, json) VALUES (?, ?, ?)",
            ("Organization", "org-1", orjson.dumps(org)),
        )
        conn.exec_driver_sql(
            "INSERT INTO directory (id, type, name) VALUES (?, ?, ?)",
            ("org-1", "Organization", org["name"]),
        )
    old.close()
    with Cache.open(tmp_path / "cache.db", key) as cache, cache.read() as conn:
        found = conn.exec_driver_sql("SELECT short_name FROM directory WHERE id = 'org-1'").scalar()
    assert found == "Городская поликлиника № 12"
