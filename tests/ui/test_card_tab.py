"""The Medical card tab on a real cache: counts, search, details, keyboard, PDF."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop.models.context import AppContext
from desktop.models.tasks import TaskRunner
from desktop.views.card import CardTab
from tests.ui.conftest import MAIN, SHOWN_TIMELINE, cache_session, settle


@pytest.fixture
def tab(qtbot, card_cache):
    runner = TaskRunner()
    ctx = AppContext(runner)
    ctx.set_session(cache_session(runner, card_cache), MAIN)
    widget = CardTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    # Queries run off the GUI thread: wait for their answers after each step.
    widget.settle = lambda: settle(qtbot, runner, widget.model)
    widget.settle()
    yield widget
    ctx.set_session(None)
    runner.stop()


def count_in_label(tab: CardTab) -> int:
    return int("".join(ch for ch in tab.filters.count_label.text() if ch.isdigit()))


def test_count_label_equals_sql(tab, card_cache):
    with card_cache.read() as conn:
        truth = conn.exec_driver_sql(
            f"SELECT count(*) FROM {SHOWN_TIMELINE} WHERE patient_id = ?", (MAIN,)
        ).scalar()
    assert count_in_label(tab) == truth == tab.model.total


def test_chip_and_search_narrow_the_list(qtbot, tab, card_cache):
    tab.filters.chips["lab"].click()
    tab.settle()
    with card_cache.read() as conn:
        labs = conn.exec_driver_sql(
            f"SELECT count(*) FROM {SHOWN_TIMELINE} WHERE patient_id = ? AND kind = 'lab'",
            (MAIN,),
        ).scalar()
    assert count_in_label(tab) == labs
    # QTest cannot type non-ASCII keys; insert() goes through the same textChanged path.
    tab.filters.search.insert("гемогл")
    # Debounced: the query runs once typing pauses.
    qtbot.waitUntil(lambda: count_in_label(tab) < labs, timeout=3000)
    assert tab.model.total > 0
    titles = [tab.model.row_at(i).title.lower() for i in range(tab.model.rowCount())]
    assert any("гемоглоб" in t or "крови" in t for t in titles)


def test_selecting_a_record_shows_its_details(qtbot, tab):
    tab.filters.chips["lab"].click()
    tab.settle()
    tab.table.selectRow(0)
    tab.settle()
    row = tab.model.row_at(0)
    html_text = tab.detail.browser.toPlainText()
    assert row.title in html_text
    assert "Reference range" in html_text  # the lab table header
    assert tab.detail.pdf_button.isEnabled()


def test_copy_puts_the_record_on_the_clipboard(tab):
    tab.table.selectRow(0)
    tab.settle()
    tab.detail.copy_button.click()
    assert tab.model.row_at(0).title in QGuiApplication.clipboard().text()


def test_save_as_pdf_writes_the_record(tab, tmp_path):
    from pypdf import PdfReader

    tab.table.selectRow(0)
    tab.settle()
    target = tmp_path / "record.pdf"
    assert tab.detail.write_pdf(str(target))
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    first_word = tab.model.row_at(0).title.split()[0]
    assert first_word in text


def test_ctrl_f_focuses_search_and_esc_clears(qtbot, tab):
    tab.table.setFocus()
    tab.activateWindow()
    qtbot.keyClick(tab, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(tab.filters.search.hasFocus, timeout=2000)
    qtbot.keyClicks(tab.filters.search, "abc")
    qtbot.keyClick(tab.filters.search, Qt.Key.Key_Escape)
    assert tab.filters.search.text() == ""


def test_down_arrow_moves_from_search_into_the_list(qtbot, tab):
    tab.focus_search()
    qtbot.keyClick(tab.filters.search, Qt.Key.Key_Down)
    assert tab.table.currentIndex().row() == 0 or tab.table.selectionModel().hasSelection()
    qtbot.keyClick(tab.table, Qt.Key.Key_Down)
    assert tab.table.selectionModel().selectedRows()[0].row() == 1


def select_first(tab: CardTab, kind: str) -> None:
    tab.filters.reset()
    tab.settle()
    tab.filters.chips[kind].click()
    tab.settle()
    assert tab.model.rowCount() > 0, f"no {kind} records in the demo card"
    tab.table.selectRow(0)
    tab.settle()


def test_prescription_shows_its_dosage_and_source(tab):
    select_first(tab, "prescription")
    text = tab.detail.plain_text()
    assert "Dosage:" in text and "Source:" in text and "Updated:" in text


def test_visit_shows_its_protocol_text(tab, card_cache):
    select_first(tab, "visit")
    row = tab.model.row_at(0)
    detail = card_cache.card.detail(row.resource_type, row.resource_id)
    assert detail.text, "the demo visit has a protocol"
    first_line = detail.text.strip().splitlines()[0].strip()
    assert first_line[:30] in tab.detail.plain_text()


def test_portal_text_is_shown_as_text_not_markup(tab, card_cache):
    """Whatever a portal sends is data: markup in a title must not render (or run)."""
    card_cache.ingest(
        [
            {
                "resourceType": "Condition",
                "id": "markup-test",
                "subject": {"reference": f"Patient/{MAIN}"},
                "code": {"text": "<b>bold</b><img src=x>"},
                "recordedDate": "2030-01-01",
                "meta": {"lastUpdated": "2030-01-01T00:00:00Z"},
            }
        ]
    )
    tab.reload()
    tab.settle()
    tab.table.selectRow(0)
    tab.settle()
    assert "<b>bold</b><img src=x>" in tab.detail.plain_text()


def test_vaccination_names_the_clinic_and_keeps_the_room_in_details(tab):
    select_first(tab, "vaccination")
    row = tab.model.row_at(0)
    assert row.clinic and "каб." not in row.clinic, "the Clinic column names the clinic"
    text = tab.detail.plain_text()
    assert "Place: каб." in text and row.clinic in text


def _option(tab, index):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(tab.table.viewport())
    option.widget = tab.table
    option.rect = tab.table.visualRect(index)
    return option


def test_record_column_takes_the_room_doctor_and_clinic_their_content(tab):
    from desktop.models.card.timeline import TimelineModel as M
    from desktop.views.card.columns import CAPS

    header = tab.table.horizontalHeader()
    available = tab.table.viewport().width()
    widths = {c: header.sectionSize(c) for c in range(5)}
    for col, (share, cap) in CAPS.items():
        assert widths[col] <= min(int(available * share), cap)
    assert widths[M.COL_TITLE] > widths[M.COL_DOCTOR] and widths[M.COL_TITLE] > widths[M.COL_CLINIC]
    assert widths[M.COL_TITLE] >= 0.35 * available  # was ~20 %: titles cut short
    # A column of short texts is as wide as they are, not a fixed 170-200 px.
    tab.filters.chips["lab"].click()
    tab.settle()
    assert header.sectionSize(M.COL_DOCTOR) < widths[M.COL_DOCTOR]


def test_cut_off_cells_show_their_full_text_as_tooltip(tab):
    from desktop.models.card.timeline import TimelineModel as M

    delegate = tab.table.itemDelegate()
    cut = short = None
    for row in range(tab.model.rowCount()):
        index = tab.model.index(row, M.COL_CLINIC)
        if index.data() and delegate.is_elided(_option(tab, index), index):
            cut = cut or index
        date = tab.model.index(row, M.COL_DATE)
        if not delegate.is_elided(_option(tab, date), date):
            short = short or date
    assert cut is not None and short is not None
    # The list shows the clinic's short name; the tooltip names it in full.
    full = cut.data(Qt.ItemDataRole.ToolTipRole)
    assert delegate.tooltip_for(_option(tab, cut), cut) == full and cut.data() in full
    assert delegate.tooltip_for(_option(tab, short), short) is None
    kind = tab.model.index(0, M.COL_KIND)
    assert delegate.tooltip_for(_option(tab, kind), kind)  # the model's own tooltip stays


def test_a_column_the_user_sized_keeps_its_width(tab):
    from desktop.models.card.timeline import TimelineModel as M

    header = tab.table.horizontalHeader()
    header.resizeSection(M.COL_CLINIC, 90)  # as a drag does
    tab.columns.user_sized.add(M.COL_CLINIC)
    tab.reload()
    tab.settle()
    assert header.sectionSize(M.COL_CLINIC) == 90


def test_an_empty_filtered_list_says_why(qtbot, tab):
    import datetime as dt

    assert not tab.empty_note.isVisible()  # the card has records
    tab.filters.chips["discharge"].click()  # Sergey was never in hospital
    tab.settle()
    assert tab.model.rowCount() == 0
    assert tab.empty_note.isVisible()
    assert tab.empty_note.text() == "No records of this kind in the card."
    tab.filters.date_from.setDate(dt.date(1990, 1, 1))
    tab.filters.date_to.setDate(dt.date(1990, 12, 31))
    tab.settle()
    assert tab.empty_note.text() == "No records of this kind in the chosen period."
    tab.filters.chips["discharge"].click()
    tab.settle()
    assert tab.empty_note.text() == "No records in the chosen period."
    tab.filters.reset()
    tab.settle()
    assert tab.model.rowCount() > 0 and not tab.empty_note.isVisible()


def test_chips_are_named_for_what_they_hold(qtbot, tab, card_cache):
    """The card extract (form 027/у) is a document, the hospital's summary is under its own
    chip; in Russian the two are not both "выписки"."""
    from desktop.models.card.timeline import kind_label
    from desktop.views.language import LanguageManager

    language = LanguageManager()
    try:
        language.apply("ru")
        qtbot.waitUntil(lambda: tab.filters.chips["document"].text() == "Документы", timeout=5000)
        discharge = tab.filters.chips["discharge"].text()
        assert discharge == kind_label("discharge") == "Выписные эпикризы"
        # "Выписки" would also name a card extract (027/у), which is a document.
        assert discharge.lower() != "выписки"
        assert all(chip.text().lower() != "выписки" for chip in tab.filters.chips.values())
    finally:
        language.apply("en")
