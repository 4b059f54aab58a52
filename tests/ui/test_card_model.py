"""TimelineModel over a real cache: Qt model rules, SQL paging, filters equal SQL truth."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex

from desktop.models.card.timeline import (
    RECORD_KINDS,
    FlagRole,
    KindRole,
    RecordKeyRole,
    TimelineModel,
    make_filter,
)
from desktop.models.tasks import TaskRunner
from tests.ui.conftest import MAIN, SHOWN_TIMELINE, cache_session, settle


class Reads:
    """The model's reader: a real AccountSession over the test cache; `query` and
    `fetch_all` wait for the answers (they arrive from the read pool)."""

    def __init__(self, qtbot, cache) -> None:
        self.qtbot = qtbot
        self.runner = TaskRunner()
        self.session = cache_session(self.runner, cache)

    def query(self, model: TimelineModel, flt) -> None:
        with self.qtbot.waitSignal(model.loaded, timeout=10_000):
            model.set_query(self.session, MAIN, flt)

    def fetch_all(self, model: TimelineModel) -> None:
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
            settle(self.qtbot, self.runner, model)

    def close(self) -> None:
        self.session.close()
        self.runner.stop()


@pytest.fixture
def reads(qtbot, card_cache):
    r = Reads(qtbot, card_cache)
    yield r
    r.close()


def sql_count(cache, **where: object) -> int:
    """Ground truth straight from the timeline table."""
    clauses = ["patient_id = ?"]
    params: list[object] = [MAIN]
    if "kind" in where:
        clauses.append("kind = ?")
        params.append(where["kind"])
    if "since" in where:
        clauses.append("substr(date, 1, 10) >= ?")
        params.append(where["since"])
    with cache.read() as conn:
        return conn.exec_driver_sql(
            f"SELECT count(*) FROM {SHOWN_TIMELINE} WHERE {' AND '.join(clauses)}", tuple(params)
        ).scalar()


def test_model_passes_qtmodeltester(qtmodeltester, card_cache, reads):
    model = TimelineModel(page_size=25)
    reads.query(model, make_filter(None, None, None, ""))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_pages_until_the_sql_count(card_cache, reads):
    model = TimelineModel(page_size=20)
    reads.query(model, make_filter(None, None, None, ""))
    total = sql_count(card_cache)
    assert model.total == total and total > 20
    assert model.rowCount() == 20 and model.canFetchMore(QModelIndex())
    reads.fetch_all(model)
    assert model.rowCount() == total
    dates = [model.row_at(i).date for i in range(model.rowCount())]
    assert dates == sorted(dates, reverse=True)  # newest first
    keys = {model.index(i, 0).data(RecordKeyRole) for i in range(total)}
    assert len(keys) == total  # no row twice across page borders


@pytest.mark.parametrize("kind", ["lab", "visit", "diagnosis"])
def test_kind_filter_matches_sql(card_cache, kind, reads):
    model = TimelineModel()
    reads.query(model, make_filter(frozenset({kind}), None, None, ""))
    assert model.total == sql_count(card_cache, kind=kind) > 0
    assert {model.index(i, 0).data(KindRole) for i in range(model.rowCount())} == {kind}


def test_date_filter_matches_sql(card_cache, reads):
    since = dt.date(2025, 1, 1)
    model = TimelineModel()
    reads.query(model, make_filter(None, since, None, ""))
    assert model.total == sql_count(card_cache, since=since.isoformat()) > 0


def test_prefix_search_finds_word_forms(card_cache, reads):
    """A partial Russian word finds its forms (FTS5 prefix query)."""
    model = TimelineModel()
    reads.query(model, make_filter(None, None, None, "анализ"))
    found = model.total
    reads.query(model, make_filter(None, None, None, "анал"))
    assert model.total >= found > 0


def test_flag_role_marks_out_of_range(card_cache, reads):
    model = TimelineModel()
    reads.query(model, make_filter(frozenset({"lab"}), None, None, ""))
    reads.fetch_all(model)
    flagged = sum(bool(model.index(i, 0).data(FlagRole)) for i in range(model.rowCount()))
    with card_cache.read() as conn:
        truth = conn.exec_driver_sql(
            f"SELECT count(*) FROM {SHOWN_TIMELINE} WHERE patient_id = ? AND kind = 'lab'"
            " AND abnormal",
            (MAIN,),
        ).scalar()
    assert flagged == truth


def test_kinds_cover_the_contract():
    from desktop.services.cache import RECORD_KINDS as CACHE_KINDS

    assert set(RECORD_KINDS) == set(CACHE_KINDS)
