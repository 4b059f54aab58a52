"""Projections of real-world FHIR: Synthea bundles (English, US codes) and our demo data."""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from shared_fixtures import SYNTHEA_DIR as SYNTHEA

from desktop.services.cache import Cache, TimelineFilter
from desktop.services.cache.projections.common import ref_id

EDUARDO = SYNTHEA / "Eduardo_Trevino_6933f29b-28f2-4e69-9fee-b73267b0afb6.json"


def synthea(path: Path) -> list[dict]:
    return [e["resource"] for e in json.loads(path.read_text())["entry"]]


@pytest.fixture(scope="module")
def eduardo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Cache, str]]:
    with Cache.open(tmp_path_factory.mktemp("c") / "cache.db", Cache.new_key()) as cache:
        cache.ingest(synthea(EDUARDO))
        yield cache, cache.patients()[0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cache]:
    from demo_portal.datagen import generate

    dataset = generate(seed=42, scale=0, today=date(2026, 11, 25))
    with Cache.open(tmp_path_factory.mktemp("d") / "cache.db", Cache.new_key()) as cache:
        cache.ingest(dataset.resources)
        yield cache


def test_synthea_records_get_their_kinds(eduardo: tuple[Cache, str]) -> None:
    cache, me = eduardo
    rows = cache.card.page(me, TimelineFilter(), 0, 10_000)
    kinds = Counter(r.kind for r in rows)
    source = Counter(r["resourceType"] for r in synthea(EDUARDO))
    assert kinds["visit"] == source["Encounter"]
    assert kinds["prescription"] == source["MedicationRequest"]
    assert kinds["vaccination"] == source["Immunization"]
    assert kinds["diagnosis"] == source["Condition"]
    assert kinds["procedure"] == source["Procedure"]
    assert kinds["allergy"] == source["AllergyIntolerance"]
    assert kinds["lab"] >= source["DiagnosticReport"]
    assert rows == sorted(rows, key=lambda r: (r.date, r.id), reverse=True)
    # vital signs go to the charts, not the timeline
    vitals = {
        r["id"]
        for r in synthea(EDUARDO)
        if r["resourceType"] == "Observation" and "vital-signs" in json.dumps(r.get("category"))
    }
    assert vitals and not vitals & {r.resource_id for r in rows}


def test_synthea_names_resolved_from_referenced_resources(eduardo: tuple[Cache, str]) -> None:
    cache, me = eduardo
    visits = cache.card.page(me, TimelineFilter(kinds=frozenset({"visit"})), 0, 100)
    assert {v.clinic for v in visits} == {"HALLMARK HEALTH SYSTEM"}
    assert "Dr. Lane Jacobi" in {v.doctor_full for v in visits}
    assert "L. Jacobi" in {v.doctor for v in visits}  # the list's short form


def test_synthea_lab_report_values_are_searchable_and_detailed(
    eduardo: tuple[Cache, str],
) -> None:
    cache, me = eduardo
    found = cache.card.page(me, TimelineFilter(text="hemoglob"), 0, 100)
    assert any(
        r.resource_type == "DiagnosticReport" and "blood count" in r.title.lower() for r in found
    )
    report = next(r for r in found if r.resource_type == "DiagnosticReport")
    detail = cache.card.detail(report.resource_type, report.resource_id)
    assert detail is not None and detail.kind == "lab" and len(detail.results) >= 5
    assert all(row.unit for row in detail.results)


def test_synthea_blood_pressure_components_and_groups(eduardo: tuple[Cache, str]) -> None:
    cache, me = eduardo
    systolic = cache.labs.series(me, "8480-6")
    diastolic = cache.labs.series(me, "8462-4")
    assert systolic and all(p.component >= 1 for p in systolic)  # parts of a BP panel
    assert {p.resource_id for p in systolic} == {p.resource_id for p in diastolic}
    assert [p.time for p in systolic] == sorted(p.time for p in systolic)
    groups = {a.code: a.group for a in cache.labs.analytes(me)}
    assert groups["8480-6"] == "vital signs"
    assert groups["718-7"] == "blood count"
    assert groups["2339-0"] == "blood chemistry"  # glucose


def test_synthea_prescription_detail_has_dosage(eduardo: tuple[Cache, str]) -> None:
    cache, me = eduardo
    row = cache.card.page(me, TimelineFilter(kinds=frozenset({"prescription"})), 0, 1)[0]
    detail = cache.card.detail("MedicationRequest", row.resource_id)
    assert detail is not None and detail.title and detail.dosage


def test_every_synthea_bundle_projects_without_error(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "cache.db", Cache.new_key()) as cache:
        for path in sorted(SYNTHEA.glob("*.json")):
            cache.ingest(synthea(path))
        assert len(cache.patients()) == 6
        for patient in cache.patients():
            assert cache.card.count(patient) > 0


def _doc(doc_id: str, text: str, code: str, encounter: str | None = None) -> dict:
    doc = {
        "resourceType": "DocumentReference",
        "id": doc_id,
        "status": "current",
        "subject": {"reference": "Patient/p1"},
        "date": "2024-03-02T10:00:00Z",
        "type": {"coding": [{"system": "http://loinc.org", "code": code}]},
        "content": [
            {
                "attachment": {
                    "contentType": "text/plain; charset=utf-8",
                    "data": base64.b64encode(text.encode()).decode(),
                }
            }
        ],
    }
    if encounter:
        doc["context"] = {"encounter": [{"reference": f"Encounter/{encounter}"}]}
    return doc


ENCOUNTER = {
    "resourceType": "Encounter",
    "id": "e1",
    "status": "finished",
    "subject": {"reference": "Patient/p1"},
    "type": [{"text": "Приём терапевта"}],
    "period": {"start": "2024-03-02T09:00:00+03:00"},
}


def test_discharge_text_is_decoded_from_the_attachment(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest([_doc("d1", "Выписной эпикриз: пневмония, выписан домой", "18842-5")])
        [row] = cache.card.page("p1", TimelineFilter(text="пневмон"), 0, 10)
        assert row.kind == "discharge"
        assert "выписан домой" in cache.card.detail("DocumentReference", "d1").text  # type: ignore[union-attr]


@pytest.mark.parametrize("order", ["visit-first", "protocol-first"])
def test_visit_protocol_merges_into_its_visit_in_any_order(tmp_path: Path, order: str) -> None:
    protocol = _doc("d2", "Жалобы на головокружение. Назначено обследование.", "11488-4", "e1")
    batches = [[ENCOUNTER], [protocol]] if order == "visit-first" else [[protocol], [ENCOUNTER]]
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        for batch in batches:
            cache.ingest(batch)
        rows = cache.card.page("p1", TimelineFilter(), 0, 10)
        assert [(r.resource_type, r.kind) for r in rows] == [("Encounter", "visit")]
        assert cache.card.count("p1", TimelineFilter(text="головокруж")) == 1
        assert "головокружение" in cache.card.detail("Encounter", "e1").text  # type: ignore[union-attr]


def _obs(obs_id: str, value: float, code: str = "4548-4") -> dict:
    return {
        "resourceType": "Observation",
        "id": obs_id,
        "status": "final",
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": "2024-03-02",
        "category": [{"coding": [{"code": "laboratory"}]}],
        "code": {
            "coding": [{"system": "http://loinc.org", "code": code}],
            "text": "Гликированный гемоглобин",
        },
        "valueQuantity": {"value": value, "unit": "%"},
        "referenceRange": [{"low": {"value": 4.0}, "high": {"value": 6.0}}],
    }


def test_report_arriving_before_its_results_is_reprojected(tmp_path: Path) -> None:
    report = {
        "resourceType": "DiagnosticReport",
        "id": "r1",
        "status": "final",
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": "2024-03-02",
        "category": [{"coding": [{"code": "LAB"}]}],
        "code": {"text": "Углеводный обмен"},
        "result": [{"reference": "Observation/o1"}],
    }
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest([report])
        [row] = cache.card.page("p1", TimelineFilter(), 0, 10)
        assert not row.abnormal
        cache.ingest([_obs("o1", 7.9)])  # the out-of-range result arrives later
        rows = cache.card.page("p1", TimelineFilter(), 0, 10)
        assert [(r.resource_id, r.abnormal) for r in rows] == [("r1", True)]
        assert cache.card.count("p1", TimelineFilter(text="гликир")) == 1
        cache.ingest([_obs("o1", 5.1)])  # corrected value: the flag follows
        assert not cache.card.page("p1", TimelineFilter(), 0, 10)[0].abnormal


def test_standalone_results_and_covid_tests(tmp_path: Path) -> None:
    covid = {**_obs("o3", 0, "94500-6"), "valueCodeableConcept": {"text": "Не обнаружено"}}
    covid.pop("valueQuantity")
    covid["code"] = {
        "coding": [{"system": "http://loinc.org", "code": "94500-6"}],
        "text": "SARS-CoV-2 РНК (ПЦР)",
    }
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest([_obs("o2", 6.4), covid])
        kinds = {r.resource_id: (r.kind, r.abnormal) for r in cache.card.page("p1", None, 0, 9)}
        assert kinds == {"o2": ("lab", True), "o3": ("covid", False)}


def test_demo_data_russian_prefix_search_and_flags(demo: Cache) -> None:
    me = "ivanov-sergey"
    hba1c = cache_rows = demo.card.page(me, TimelineFilter(text="гликир"), 0, 1000)
    assert hba1c and all(r.kind == "lab" for r in cache_rows)
    assert demo.card.count(me, TimelineFilter(text="Гликированный гемоглобин")) == len(hba1c)
    assert any(r.abnormal for r in hba1c)
    labs = demo.card.count(me, TimelineFilter(kinds=frozenset({"lab"})))
    visits = demo.card.page(me, TimelineFilter(kinds=frozenset({"visit"})), 0, 1000)
    assert labs > 0 and visits
    assert all(v.doctor and v.clinic for v in visits)
    # visit protocols (Compositions of an Encounter) are inside their visits, not rows
    rows = demo.card.page(me, TimelineFilter(), 0, 100_000)
    assert not [r for r in rows if r.resource_type == "Composition"]
    with demo.read() as conn:
        protocols = conn.exec_driver_sql(
            "SELECT count(*) FROM links WHERE src_type = 'Composition'"
        ).scalar()
    assert protocols and demo.card.count(me, TimelineFilter(text="жалоб")) > 0


@pytest.mark.parametrize("text", ['"', "AND OR NOT", "NEAR(a b)", "col:val", "*", "a\"b'c", "--"])
def test_search_input_is_never_fts_syntax(demo: Cache, text: str) -> None:
    demo.card.count("ivanov-sergey", TimelineFilter(text=text))  # no exception


def test_ref_id_understands_every_reference_form() -> None:
    assert ref_id({"reference": "Practitioner/7"}) == "7"
    assert ref_id({"reference": "urn:uuid:ab-1"}) == "ab-1"
    assert ref_id({"reference": "https://x/fhir/Patient/p/_history/3"}) == "p"
    assert ref_id({"display": "no reference"}) is None


@pytest.mark.parametrize(
    "odd",
    [
        {"code": {"coding": ["not a coding"]}, "valueQuantity": {"value": "high"}},
        {"code": "E11", "category": {"not": "a list"}, "effectiveDateTime": 2024},
        {"component": [{"code": None, "valueQuantity": []}], "referenceRange": "wide"},
        {"performer": "dr", "interpretation": [{"coding": [{"code": 7}]}], "meta": []},
    ],
)
def test_malformed_resources_are_stored_and_never_stop_the_batch(tmp_path: Path, odd: dict) -> None:
    broken = {
        "resourceType": "Observation",
        "id": "odd",
        "subject": {"reference": "Patient/p1"},
        **odd,
    }
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest([broken, _obs("fine", 5.0)])
        assert cache.counts() == {"Observation": 2}
        assert "fine" in {r.resource_id for r in cache.card.page("p1", None, 0, 10)}


def test_malformed_meta_and_references_do_not_stop_the_batch(tmp_path: Path) -> None:
    odd = [
        {
            "resourceType": "DocumentReference",
            "id": "d",
            "meta": "x",
            "context": "enc",
            "subject": {"reference": "Patient/p1"},
        },
        {
            "resourceType": "DiagnosticReport",
            "id": "r",
            "result": "Observation/1",
            "subject": {"reference": "Patient/p1"},
            "meta": {"lastUpdated": 5},
        },
        {
            "resourceType": "Composition",
            "id": "c",
            "encounter": ["Encounter/1"],
            "subject": {"reference": "Patient/p1"},
        },
    ]
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest([*odd, _obs("fine", 5.0)])
        assert sum(cache.counts().values()) == 4


def test_removing_a_result_updates_its_report_and_the_index(tmp_path: Path) -> None:
    report = {
        "resourceType": "DiagnosticReport",
        "id": "r1",
        "status": "final",
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": "2024-03-02",
        "category": [{"coding": [{"code": "LAB"}]}],
        "code": {"text": "Углеводный обмен"},
        "result": [{"reference": "Observation/o1"}],
    }
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest([report, _obs("o1", 7.9), _obs("o2", 6.5)])
        assert cache.card.page("p1", None, 0, 9)[-1].abnormal
        cache.remove("Observation", "o1")
        rows = {r.resource_id: r.abnormal for r in cache.card.page("p1", None, 0, 9)}
        assert rows == {"r1": False, "o2": True}
        assert cache.labs.series("p1", "4548-4")[0].resource_id == "o2"
        assert cache.card.count("p1", TimelineFilter(text="гликир")) == 1  # only o2 now
        cache.remove("Observation", "o2")
        cache.ingest([_obs("o3", 5.0, code="2339-0") | {"code": {"text": "Глюкоза"}}])
        assert cache.card.count("p1", TimelineFilter(text="гликир")) == 0


def test_same_id_in_two_types_stays_two_records(tmp_path: Path) -> None:
    report = {
        "resourceType": "DiagnosticReport",
        "id": "1",
        "status": "final",
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": "2024-03-02",
        "category": [{"coding": [{"code": "LAB"}]}],
        "code": {"text": "Углеводный обмен"},
        "result": [{"reference": "Observation/o1"}],
    }
    condition = {
        "resourceType": "Condition",
        "id": "1",
        "subject": {"reference": "Patient/p1"},
        "code": {"text": "Сахарный диабет"},
        "recordedDate": "2024-01-01",
    }
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest([report, _obs("o1", 7.9)])
        cache.ingest([condition])  # same id, another type: the report keeps its link
        cache.ingest([_obs("o1", 5.0)])  # so a corrected result still reaches it
        rows = {(r.resource_type, r.abnormal) for r in cache.card.page("p1", None, 0, 9)}
        assert rows == {("DiagnosticReport", False), ("Condition", False)}
