"""Merging fresh rows into the card's model (issue 19): inserts and removes where they
belong, a changed order as a layout change — the selection follows its record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel

from desktop.models.card.merge import merge_rows
from desktop.models.card.timeline import RecordKeyRole, TimelineModel
from desktop.services.cache import TimelineRow


def row(rid: str, date: str = "2026-01-01", title: str = "") -> TimelineRow:
    return TimelineRow(0, "lab", date, title or rid, "", None, None, False, "Observation", rid, "")


def keys(model: TimelineModel) -> list[str]:
    return [model.index(i, 0).data(RecordKeyRole)[1] for i in range(model.rowCount())]


def selected(selection: QItemSelectionModel) -> list[str]:
    return [i.data(RecordKeyRole)[1] for i in selection.selectedRows()]


def test_inserts_removals_and_a_new_order_keep_the_selection(qtmodeltester: Any) -> None:
    model = TimelineModel()
    rows: list[TimelineRow] = model._rows  # the list the model shows
    merge_rows(model, rows, [row("a"), row("b"), row("c")], window_full=False)
    qtmodeltester.check(model)
    selection = QItemSelectionModel(model)
    selection.select(
        model.index(1, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda *_: events.append("insert"))
    model.rowsRemoved.connect(lambda *_: events.append("remove"))

    merge_rows(model, rows, [row("new"), row("a"), row("b"), row("x"), row("c")], window_full=False)
    assert keys(model) == ["new", "a", "b", "x", "c"]
    assert selected(selection) == ["b"]
    assert events == ["insert", "insert"] and "reset" not in events

    # A full window: rows beyond it stay at the end (they lie further down), not removed.
    merge_rows(model, rows, [row("n2"), row("new")], window_full=True)
    assert keys(model) == ["n2", "new", "a", "b", "x", "c"]

    # Not full: what is missing is gone; a record that moved keeps its selection.
    merge_rows(model, rows, [row("b"), row("n2"), row("a", title="changed")], window_full=False)
    assert keys(model) == ["b", "n2", "a"]
    assert selected(selection) == ["b"]
    assert model.row_at(2).title == "changed"  # type: ignore[union-attr]
    assert "reset" not in events
    qtmodeltester.check(model)
