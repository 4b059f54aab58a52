"""Protocols and discharge summaries read as documents (headings bold, paragraphs kept),
and nothing in the detail pane is broken in the middle of a word in a 1024 px window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFont, QTextDocument

from desktop.models.card.timeline import KindRole
from desktop.models.context import AppContext
from desktop.models.tasks import TaskRunner
from desktop.views.card import CardTab
from desktop.views.card.document_html import is_heading
from tests.ui.conftest import MAIN, cache_session, settle

ANNA = "petrova-anna"


@pytest.fixture
def tab(qtbot: Any, card_cache: Any):
    runner = TaskRunner()
    ctx = AppContext(runner)
    ctx.set_session(cache_session(runner, card_cache, MAIN, (MAIN, ANNA)), MAIN)
    widget = CardTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1004, 560)  # the tab's area in a 1024x640 window
    widget.show()
    widget.settle = lambda: settle(qtbot, runner, widget.model)
    widget.settle()
    yield widget
    ctx.set_session(None)
    runner.stop()


def open_first(qtbot: Any, tab: CardTab, kind: str, title_part: str = "") -> str:
    for row in range(tab.model.rowCount()):
        index = tab.model.index(row, 0)
        if index.data(KindRole) == kind and title_part in (tab.model.row_at(row).title or ""):
            tab.table.selectRow(row)
            tab.settle()
            qtbot.waitUntil(lambda: tab.detail.plain_text() != "", timeout=5000)
            return tab.model.row_at(row).title
    raise AssertionError(f"no {kind} record")


def words_broken(document: QTextDocument) -> list[str]:
    """Every place where the layout wrapped a line between two letters of one word."""
    document.documentLayout().documentSize()  # lay it out at the browser's width
    broken = []
    block = document.begin()
    while block.isValid():
        text, layout = block.text(), block.layout()
        for n in range(1, layout.lineCount()):
            at = layout.lineAt(n).textStart()
            if 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
                broken.append(text[max(0, at - 12) : at] + "|" + text[at : at + 12])
        block = block.next()
    return broken


def bold_lines(document: QTextDocument) -> set[str]:
    found = set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontWeight() >= QFont.Weight.Bold:
                found.add(fragment.text().strip().rstrip(":"))
            it += 1
        block = block.next()
    return found


def test_a_visit_protocol_has_bold_section_headings(qtbot: Any, tab: CardTab) -> None:
    open_first(qtbot, tab, "visit", "эндокринолога")
    document = tab.detail.browser.document()
    assert {"Жалобы", "Анамнез", "Диагноз", "Рекомендации"} <= bold_lines(document)
    text = tab.detail.plain_text()
    # Paragraphs kept: each numbered recommendation on its own line.
    assert "\n2. " in text and "\n3. " in text
    assert words_broken(document) == []


def test_a_discharge_summary_reads_as_a_document(qtbot: Any, tab: CardTab) -> None:
    tab.ctx.set_patient(ANNA)
    tab.settle()
    open_first(qtbot, tab, "discharge")
    document = tab.detail.browser.document()
    bold = bold_lines(document)
    assert {"Заключительный клинический диагноз", "Рекомендации"} <= bold
    assert words_broken(document) == []


def test_lab_table_headers_and_values_stay_whole_at_1024(qtbot: Any, tab: CardTab) -> None:
    tab.select_showcase_row()  # a lab report with values out of range
    tab.settle()
    qtbot.waitUntil(lambda: "HbA1c" in tab.detail.plain_text(), timeout=5000)
    assert words_broken(tab.detail.browser.document()) == []


def test_headings_are_recognised_by_name_and_shape() -> None:
    assert is_heading("Рекомендации") and is_heading("Диагноз:")
    assert is_heading("ВЫПИСНОЙ ЭПИКРИЗ") and is_heading("Заключительный клинический диагноз:")
    assert not is_heading("Основной: ИБС: нестабильная стенокардия (I20.0).")
    assert not is_heading("2. Бисопролол 5 мг утром.") and not is_heading("ЭКГ")
