"""Card paging, filters and search run in SQL and agree with each other."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from desktop.services.cache import Cache, TimelineFilter

KINDS = {"Condition": "diagnosis", "Immunization": "vaccination", "Procedure": "procedure"}
WORDS = ["Гипертоническая болезнь", "Грипп вакцинация", "Гастроскопия", "Гиперхолестеринемия"]


def _record(i: int) -> dict:
    rtype = list(KINDS)[i % 3]
    when = f"20{10 + i % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
    concept = {"text": f"{WORDS[i % 4]} №{i}"}
    resource: dict = {"resourceType": rtype, "id": f"r{i}", "subject": {"reference": "Patient/p1"}}
    if rtype == "Condition":
        resource |= {"code": concept, "recordedDate": when}
    elif rtype == "Immunization":
        resource |= {
            "vaccineCode": concept,
            "occurrenceDateTime": when,
            "status": "completed",
            "patient": {"reference": "Patient/p1"},
        }
        del resource["subject"]
    else:
        resource |= {"code": concept, "performedDateTime": when, "status": "completed"}
    return resource


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cache]:
    with Cache.open(tmp_path_factory.mktemp("card") / "c.db", Cache.new_key()) as opened:
        opened.ingest([_record(i) for i in range(600)])
        opened.ingest([{**_record(0), "id": "other", "subject": {"reference": "Patient/p2"}}])
        yield opened


def test_pages_concatenate_to_the_whole_newest_first(cache: Cache) -> None:
    everything = cache.card.page("p1", TimelineFilter(), 0, 10_000)
    assert len(everything) == cache.card.count("p1", TimelineFilter()) == 600
    paged = [r for off in range(0, 600, 70) for r in cache.card.page("p1", None, off, 70)]
    assert paged == everything
    assert [r.date for r in everything] == sorted((r.date for r in everything), reverse=True)


def test_kind_date_and_text_filters_combine(cache: Cache) -> None:
    everything = cache.card.page("p1", TimelineFilter(), 0, 10_000)
    filt = TimelineFilter(
        kinds=frozenset({"diagnosis", "procedure"}),
        date_from=date(2012, 1, 1),
        date_to=date(2015, 12, 31),
        text="гип",
    )
    expected = [
        r
        for r in everything
        if r.kind in filt.kinds  # type: ignore[operator]
        and "2012-01-01" <= r.date <= "2015-12-31"
        and r.title.lower().startswith("гип")
    ]
    got = cache.card.page("p1", filt, 0, 10_000)
    assert got == expected and len(got) > 0
    assert cache.card.count("p1", filt) == len(expected)


def test_date_range_is_inclusive_of_both_days(cache: Cache) -> None:
    first = cache.card.page("p1", TimelineFilter(), 0, 1)[0]
    day = date.fromisoformat(first.date[:10])
    rows = cache.card.page("p1", TimelineFilter(date_from=day, date_to=day), 0, 100)
    assert first in rows and all(r.date[:10] == first.date[:10] for r in rows)


def test_search_words_are_all_required_prefixes(cache: Cache) -> None:
    both = cache.card.count("p1", TimelineFilter(text="грипп вакц"))
    assert both == cache.card.count("p1", TimelineFilter(text="грипп")) == 150
    assert cache.card.count("p1", TimelineFilter(text="грипп гастро")) == 0
    assert cache.card.count("p1", TimelineFilter(text="ГРИПП")) == 150  # case-folded


def test_empty_kinds_and_other_patients(cache: Cache) -> None:
    assert cache.card.count("p1", TimelineFilter(kinds=frozenset())) == 0
    assert cache.card.count("p2", TimelineFilter()) == 1
    assert cache.card.page("nobody", TimelineFilter(), 0, 10) == []


def test_detail_of_unknown_record_is_none(cache: Cache) -> None:
    assert cache.card.detail("Condition", "missing") is None
    row = cache.card.page("p1", TimelineFilter(kinds=frozenset({"diagnosis"})), 0, 1)[0]
    detail = cache.card.detail(row.resource_type, row.resource_id)
    assert detail is not None and detail.title == row.title and detail.kind == "diagnosis"
