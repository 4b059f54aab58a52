"""One document, one record: a DocumentReference carrying a Composition's document and a
study's ImagingStudy next to its report are not shown twice, whatever the arrival order."""

from __future__ import annotations

import base64
from datetime import date
from pathlib import Path

import pytest

from desktop.services.cache import Cache, TimelineFilter

SUBJECT = {"reference": "Patient/p1"}
DISCHARGE = {"coding": [{"system": "http://loinc.org", "code": "18842-5"}]}

COMPOSITION = {
    "resourceType": "Composition",
    "id": "c1",
    "status": "final",
    "type": DISCHARGE,
    "subject": SUBJECT,
    "date": "2024-03-10T10:00:00Z",
    "title": "Выписной эпикриз",
    "section": [{"title": "Диагноз", "text": {"div": "<div>Пневмония, выздоровление</div>"}}],
}
DOCUMENT = {
    "resourceType": "DocumentReference",
    "id": "d1",
    "status": "current",
    "type": DISCHARGE,
    "subject": SUBJECT,
    "date": "2024-03-10T10:00:00Z",
    "description": "Выписной эпикриз",
    "context": {"related": [{"reference": "Composition/c1"}]},
    "content": [
        {
            "attachment": {
                "contentType": "text/plain; charset=utf-8",
                "data": base64.b64encode("Пневмония, выздоровление".encode()).decode(),
            }
        }
    ],
}
STUDY = {
    "resourceType": "ImagingStudy",
    "id": "i1",
    "status": "available",
    "subject": SUBJECT,
    "started": "2024-04-01T09:00:00Z",
    "description": "УЗИ органов брюшной полости",
}
REPORT = {
    "resourceType": "DiagnosticReport",
    "id": "r1",
    "status": "final",
    "category": [{"coding": [{"code": "US"}]}],
    "code": {"text": "УЗИ органов брюшной полости"},
    "subject": SUBJECT,
    "effectiveDateTime": "2024-04-01T09:00:00Z",
    "conclusion": "Эхопризнаки без патологии",
    "imagingStudy": [{"reference": "ImagingStudy/i1"}],
}


def _shown(cache: Cache) -> list[tuple[str, str]]:
    return [(r.resource_type, r.resource_id) for r in cache.card.page("p1", TimelineFilter())]


@pytest.mark.parametrize(
    "batches",
    [[[COMPOSITION], [DOCUMENT]], [[DOCUMENT], [COMPOSITION]], [[COMPOSITION, DOCUMENT]]],
    ids=["comp-first", "doc-first", "together"],
)
def test_document_carrying_a_composition_is_shown_once(tmp_path: Path, batches: list) -> None:
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        for batch in batches:
            cache.ingest(batch)
        assert _shown(cache) == [("Composition", "c1")]
        assert cache.card.count("p1", TimelineFilter(text="пневмон")) == 1


def test_document_shows_again_when_its_composition_is_withdrawn(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest([COMPOSITION, DOCUMENT])
        cache.ingest([{**COMPOSITION, "status": "entered-in-error"}])
        assert _shown(cache) == [("DocumentReference", "d1")]
        cache.remove("Composition", "c1")
        assert _shown(cache) == [("DocumentReference", "d1")]


@pytest.mark.parametrize(
    "batches",
    [[[STUDY], [REPORT]], [[REPORT], [STUDY]], [[STUDY, REPORT]]],
    ids=["study-first", "report-first", "together"],
)
def test_study_and_its_report_are_one_record(tmp_path: Path, batches: list) -> None:
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        for batch in batches:
            cache.ingest(batch)
        assert _shown(cache) == [("DiagnosticReport", "r1")]
        assert cache.card.count("p1") == 1
        assert cache.card.count("p1", TimelineFilter(text="брюшной")) == 1


def test_study_without_a_report_is_still_a_record(tmp_path: Path) -> None:
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest([STUDY, REPORT])
        cache.remove("DiagnosticReport", "r1")
        assert _shown(cache) == [("ImagingStudy", "i1")]


def test_demo_discharge_and_ultrasound_appear_once(tmp_path: Path) -> None:
    from demo_portal.datagen import generate

    dataset = generate(seed=42, scale=0, today=date(2026, 11, 25))
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        cache.ingest(dataset.resources)
        rows = cache.card.page("petrova-anna", TimelineFilter(), 0, 10_000)
        discharges = [r for r in rows if r.kind == "discharge"]
        assert len(discharges) == len({(r.date, r.title) for r in discharges}) >= 1
        assert [r.resource_type for r in discharges] == ["Composition"]
        for patient, title in (("ivanov-sergey", "брюшной"), ("petrova-anna", "эхокардиограф")):
            rows = cache.card.page(patient, TimelineFilter(), 0, 10_000)
            assert not [r for r in rows if r.resource_type == "ImagingStudy"]
            studies = [r for r in rows if title in r.title.lower()]
            assert [r.resource_type for r in studies] == ["DiagnosticReport"]
