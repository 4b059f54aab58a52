"""Lab trends tab end to end: the real tab on a session signed in to an embedded demo
portal (loopback HTTP) with a real SQLCipher cache filled by the real sync."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt

from demo_portal import autologin
from demo_portal.embedded import DemoPortal
from desktop.models.labs.analytes import CODE_ROLE, analyte_name
from desktop.services.accounts import AccountManager
from desktop.services.diary import entries as diary
from desktop.services.diary.store import PENDING, SENT
from desktop.services.portal.transport import RetryPolicy
from desktop.services.profile import Profile
from desktop.services.secrets import MemorySecretStore
from desktop.views.labs.diary_dialog import DiaryEntryDialog
from desktop.views.labs.import_dialog import DiaryImportDialog
from desktop.views.labs.tab import LabsTab
from tests.ui.conftest import TabHarness

SERGEY = "ivanov-sergey"
HBA1C, GLUCOSE = "4548-4", "2345-7"
WAIT = 20_000


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    home = tmp_path_factory.mktemp("labs")
    with DemoPortal(db_path=home / "portal.db", access_token_ttl=3600) as portal:
        accounts = AccountManager(Profile(home / "family"), MemorySecretStore())
        account = accounts.sign_in(
            portal.base_url,
            timeout=30,
            open_url=lambda url: autologin.follow(url, "family@demo.medcard", "demo1234"),
        )
        yield {"portal": portal, "accounts": accounts, "account": account}


class Window(TabHarness):
    def __init__(self, qtbot: Any, world: dict[str, Any]) -> None:
        super().__init__(
            qtbot, world["accounts"], world["account"], RetryPolicy(attempts=2, base_delay=0.02)
        )
        self.world = world
        self.sync()
        self.ctx.set_patient(SERGEY)
        self.show_tab(LabsTab(self.ctx))
        self.settle()


@pytest.fixture
def win(qtbot: Any, world: dict[str, Any]) -> Iterator[Window]:
    window = Window(qtbot, world)
    yield window
    window.close()


def leaf_rows(tab: LabsTab) -> dict[tuple[str, bool], list[str]]:
    """Visible analyte rows: (code, from diary) -> the texts of the four columns."""
    out = {}
    proxy = tab.proxy
    for group_row in range(proxy.rowCount()):
        group = proxy.index(group_row, 0)
        for row in range(proxy.rowCount(group)):
            cells = [proxy.index(row, c, group).data() for c in range(4)]
            code = proxy.index(row, 0, group).data(CODE_ROLE)
            out[
                (
                    code,
                    tab.model.key_for(proxy.mapToSource(proxy.index(row, 0, group))).self_measured,
                )
            ] = cells
    return out


def test_analyte_list_and_latest_values_match_the_cache(win: Window) -> None:
    analytes = win.ctx.session.cache.labs.analytes(SERGEY)
    rows = leaf_rows(win.tab)
    assert len(rows) == len(analytes) > 10
    locale = QLocale()
    for analyte in analytes:
        name, latest, _date, trend = rows[(analyte.code, analyte.group == "diary")]
        assert name == analyte_name(analyte.code, analyte.display)
        mark, _, rest = latest.partition(" ") if latest[0] in "▲▼!" else ("", "", latest)
        number = rest.split(" ")[0]
        assert locale.toDouble(number)[0] == pytest.approx(analyte.latest_value, abs=0.01)
        assert bool(mark) == analyte.abnormal
        assert trend == {1: "↗", -1: "↘", 0: "→"}[analyte.trend]
    # The search box filters; a group stays when one of its analytes matches.
    win.tab.search.setText("гликир")
    assert [k for k, _ in leaf_rows(win.tab)] == [HBA1C]
    win.tab.search.setText("")
    assert len(leaf_rows(win.tab)) == len(analytes)


def test_default_charts_hba1c_and_glucose_with_band_and_flags(win: Window) -> None:
    win.qtbot.waitUntil(lambda: len(win.tab.chart.plots) == 2, timeout=WAIT)
    by_code = {s.code: s for s in win.tab.chart.series}
    assert set(by_code) == {HBA1C, GLUCOSE}
    hba1c = by_code[HBA1C]
    points = win.ctx.session.cache.labs.series(SERGEY, HBA1C)
    assert len(hba1c) == len(points)
    latest = points[-1]
    assert (hba1c.ref_low, hba1c.ref_high) == (latest.ref_low, latest.ref_high)
    band = win.tab.chart.bands[win.tab.chart.series.index(hba1c)]
    assert band is not None and band.getRegion() == (latest.ref_low, latest.ref_high)
    expected_out = [p.value < p.ref_low or p.value > p.ref_high for p in points]
    assert hba1c.abnormal.tolist() == expected_out and any(expected_out)
    layers = win.tab.chart.layers[win.tab.chart.series.index(hba1c)]
    assert len(layers.abnormal.data) + len(layers.diary_abnormal.data) == sum(expected_out)
    # The X axes are linked: panning one plot moves the other.
    win.tab.chart.plots[0].setXRange(1.6e9, 1.7e9, padding=0)
    assert win.tab.chart.plots[1].getViewBox().viewRange()[0] == pytest.approx([1.6e9, 1.7e9])


def test_glucose_in_mg_dl_is_converted_and_diary_points_are_marked(win: Window) -> None:
    win.qtbot.waitUntil(lambda: len(win.tab.chart.series) == 2, timeout=WAIT)
    glucose = next(s for s in win.tab.chart.series if s.code == GLUCOSE)
    reported = {p.unit for p in glucose.points if not p.self_measured}
    assert len(reported) == 2  # the demo's second lab reports mg/dL
    assert glucose.unit in ("ммоль/л", "mmol/L")
    assert glucose.converted_from == ("мг/дл",)
    assert glucose.values.max() < 30  # nothing left in mg/dL on the mmol/L axis
    mg = next(i for i, p in enumerate(glucose.points) if p.unit == "мг/дл")
    assert glucose.values[mg] == pytest.approx(glucose.points[mg].value / 18.016, rel=1e-3)
    assert (
        "converted from mg/dL"  # the English window: English units
        in win.tab.chart.plots[win.tab.chart.series.index(glucose)].titleLabel.text
    )
    # The glucometer's readings (2339-0) stand beside the lab's, marked as self-measured.
    assert glucose.self_measured.sum() > 5
    diary_points = [p for p in glucose.points if p.self_measured]
    assert all(p.unit in ("ммоль/л", "mmol/L") for p in diary_points)


def test_period_presets_and_exports(win: Window, tmp_path: Path) -> None:
    win.qtbot.waitUntil(lambda: len(win.tab.chart.plots) == 2, timeout=WAIT)
    win.tab.period_buttons.button(0).click()  # 1 year
    lo, hi = win.tab.chart.x_range()
    assert 360 < (hi - lo) / 86400 < 375
    win.tab.period_buttons.button(2).click()  # all
    lo, hi = win.tab.chart.x_range()
    first = min(float(s.times[0]) for s in win.tab.chart.series)
    assert lo <= first and (hi - lo) / 86400 > 5 * 365
    png = tmp_path / "chart.png"
    assert win.tab.chart.export_png(str(png)) and png.stat().st_size > 5000
    csv_path = tmp_path / "data.csv"
    win.tab._on_export_csv(str(csv_path))  # noqa: SLF001 - the file dialog's answer
    lines = csv_path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("analyte,code,date_time,value,unit")
    assert len(lines) == 1 + sum(len(s) + len(s.apart) for s in win.tab.chart.series)
    assert csv_path.stat().st_mode & 0o077 == 0  # lab values: owner-only (issue 15)


def test_diary_dialog_validation_save_edit_delete(win: Window) -> None:
    portal_store = win.world["portal"].store
    dialog = DiaryEntryDialog(win.tab)
    dialog.kind.setCurrentIndex(dialog.kind.findData(diary.DiaryKind.BLOOD_PRESSURE.value))
    dialog.fields["systolic"].setText("400")
    dialog.fields["diastolic"].setText("20")
    dialog._on_save()  # noqa: SLF001 - the Save button's handler
    assert dialog.result_entry is None
    assert dialog.errors["systolic"].isVisibleTo(dialog)
    assert "400" in dialog.errors["systolic"].text()
    dialog.fields["systolic"].setText("141")
    dialog.fields["diastolic"].setText("92")
    dialog.note.setPlainText("после работы")
    dialog._on_save()  # noqa: SLF001
    entry = dialog.result_entry
    assert entry is not None
    with win.qtbot.waitSignal(win.tab.diary.saved, timeout=WAIT) as saved:
        assert win.tab.diary.save(entry)
        assert not win.tab.diary.save(entry)  # a double click while the first one runs
    assert saved.args == [True]
    win.settle()
    found = portal_store.search(
        "Observation", where={"identifier": f"{diary.DIARY_IDENTIFIER_SYSTEM}|{entry.identifier}"}
    )
    assert len(found) == 1 and found[0]["note"] == [{"text": "после работы"}]
    records = win.tab.diary.model.records
    record = next(r for r in records if r.entry.identifier == entry.identifier)
    assert record.state == SENT
    # Edit through the dialog (kind fixed), then delete.
    edit = DiaryEntryDialog(win.tab, record.entry)
    assert not edit.kind.isEnabled()
    edit.fields["systolic"].setText("128")
    edit._on_save()  # noqa: SLF001
    assert edit.result_entry is not None
    with win.qtbot.waitSignal(win.tab.diary.saved, timeout=WAIT):
        win.tab.diary.update(edit.result_entry)
    win.settle()
    server = portal_store.get("Observation", found[0]["id"])
    assert server["component"][0]["valueQuantity"]["value"] == 128
    record = next(r for r in win.tab.diary.model.records if r.entry.identifier == entry.identifier)
    with win.qtbot.waitSignal(win.tab.diary.recordsChanged, timeout=WAIT):
        win.tab.diary.delete(record.entry)
    win.settle()
    assert portal_store.get("Observation", found[0]["id"]) is None
    assert entry.identifier not in [r.entry.identifier for r in win.tab.diary.model.records]


def test_offline_entry_is_kept_charts_stay_and_upload_happens_once(win: Window) -> None:
    portal: DemoPortal = win.world["portal"]
    win.qtbot.waitUntil(lambda: len(win.tab.chart.plots) == 2, timeout=WAIT)
    port = portal._server.server_port  # noqa: SLF001 - come back on the same address
    portal.stop()
    try:
        entry = diary.DiaryEntry(
            diary.DiaryKind.GLUCOSE, datetime.now(UTC) - timedelta(minutes=5), {"glucose": 6.9}
        )
        with win.qtbot.waitSignal(win.tab.diary.saved, timeout=WAIT) as saved:
            win.tab.diary.save(entry)
        assert saved.args == [False]
        win.settle()
        record = next(
            r for r in win.tab.diary.model.records if r.entry.identifier == entry.identifier
        )
        assert record.state == PENDING
        status = win.tab.diary.model.index(win.tab.diary.model.records.index(record), 4)
        assert status.data() == "Not sent yet"
        assert status.data(Qt.ItemDataRole.ForegroundRole) is not None
        assert win.tab.diary_panel.send_button.isVisibleTo(win.tab)

        # The charts still come from the cache, with the waiting reading on the glucose one.
        def glucose_chart() -> Any:
            return next((s for s in win.tab.chart.series if s.code == GLUCOSE), None)

        win.qtbot.waitUntil(
            lambda: glucose_chart() is not None and glucose_chart().pending.sum() == 1, timeout=WAIT
        )
        assert len(win.tab.chart.plots) == 2
    finally:
        portal.port = port
        portal.start()
    with win.qtbot.waitSignal(win.tab.diary.flushed, timeout=WAIT) as flushed:
        win.ctx.onlineChanged.emit(True)  # what the session says when the portal answers
    assert flushed.args == [1]
    win.settle()
    query = {"identifier": f"{diary.DIARY_IDENTIFIER_SYSTEM}|{entry.identifier}"}
    assert len(portal.store.search("Observation", where=query)) == 1
    win.ctx.onlineChanged.emit(True)  # again: nothing left to send, nothing sent twice
    win.settle()
    assert not win.tab.diary_panel.send_button.isVisibleTo(win.tab)
    assert len(portal.store.search("Observation", where=query)) == 1
    record = next(r for r in win.tab.diary.model.records if r.entry.identifier == entry.identifier)
    assert record.state == SENT


def test_csv_import_dialog_preview_then_reimport_adds_nothing(win: Window, tmp_path: Path) -> None:
    day = (datetime.now(UTC) - timedelta(days=3)).strftime("%d.%m.%Y")
    path = tmp_path / "tonometer.csv"
    path.write_text(
        f"Дата;Время;SYS;DIA;Пульс\n{day};07:10;134;86;71\n{day};07:20;400;20;70\n"
        f"{day};21:05;128;82;\n",
        encoding="cp1251",
    )
    dialog = DiaryImportDialog(win.tab, path, SERGEY, UTC)
    assert dialog.table.rowCount() == 3 == len(dialog.entries)
    assert [dialog.problems.item(i).text()[:7] for i in range(dialog.problems.count())] == [
        "Line 3:",
        "Line 3:",
    ]
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    with win.qtbot.waitSignal(win.tab.diary.imported, timeout=WAIT) as first:
        assert win.tab.diary.import_entries(dialog.entries)
    assert first.args == [3, 0]
    win.settle()
    store = win.world["portal"].store
    for entry in dialog.entries:
        query = {"identifier": f"{diary.DIARY_IDENTIFIER_SYSTEM}|{entry.identifier}"}
        assert len(store.search("Observation", where=query)) == 1
    again = DiaryImportDialog(win.tab, path, SERGEY, UTC)
    with win.qtbot.waitSignal(win.tab.diary.imported, timeout=WAIT) as second:
        win.tab.diary.import_entries(again.entries)
    assert second.args == [0, 3]
    win.settle()
    for entry in again.entries:
        query = {"identifier": f"{diary.DIARY_IDENTIFIER_SYSTEM}|{entry.identifier}"}
        assert len(store.search("Observation", where=query)) == 1
    assert "were already in the diary" in win.tab.diary_panel.status.text()


def test_unreadable_import_file_is_explained(win: Window, tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(bytes(range(256)) * 8)
    dialog = DiaryImportDialog(win.tab, path, SERGEY, UTC)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert dialog.summary.text()
    assert dialog.entries == []


def _answer(button: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.button(button).click()
            return
    QTimer.singleShot(30, lambda: _answer(button))


def test_delete_from_the_panel_asks_first(win: Window) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    entry = diary.DiaryEntry(
        diary.DiaryKind.WEIGHT, datetime.now(UTC) - timedelta(hours=2), {"weight": 90.4}
    )
    with win.qtbot.waitSignal(win.tab.diary.saved, timeout=WAIT):
        win.tab.diary.save(entry)
    win.settle()
    panel = win.tab.diary_panel
    row = next(
        i
        for i, r in enumerate(win.tab.diary.model.records)
        if r.entry.identifier == entry.identifier
    )
    panel.table.selectRow(row)
    assert panel.delete_button.isEnabled()
    query = {"identifier": f"{diary.DIARY_IDENTIFIER_SYSTEM}|{entry.identifier}"}
    store = win.world["portal"].store
    QTimer.singleShot(30, lambda: _answer(QMessageBox.StandardButton.No))
    panel.delete_button.click()
    win.settle()
    assert len(store.search("Observation", where=query)) == 1
    QTimer.singleShot(30, lambda: _answer(QMessageBox.StandardButton.Yes))
    with win.qtbot.waitSignal(win.tab.diary.recordsChanged, timeout=WAIT):
        panel.delete_button.click()
    win.settle()
    assert store.search("Observation", where=query) == []


def test_switching_to_the_child_shows_her_own_analytes(win: Window) -> None:
    masha = "ivanova-masha"
    win.ctx.set_patient(masha)
    expected = {a.code for a in win.ctx.session.cache.labs.analytes(masha)}
    assert expected  # her blood count
    win.qtbot.waitUntil(lambda: {k[0] for k in leaf_rows(win.tab)} == expected, timeout=WAIT)
    # No HbA1c for a child: the first analyte is charted instead of an empty area.
    win.qtbot.waitUntil(lambda: len(win.tab.chart.plots) == 1, timeout=WAIT)
    assert win.tab.chart.series[0].code in expected
    win.ctx.set_patient(SERGEY)
    win.qtbot.waitUntil(
        lambda: {s.code for s in win.tab.chart.series} == {HBA1C, GLUCOSE}, timeout=WAIT
    )


def test_values_in_an_unconvertible_unit_are_listed_apart(win: Window) -> None:
    from desktop.models.labs.series import LabPoint, build_series

    day = 86400.0
    series = build_series(
        HBA1C,
        "HbA1c",
        [
            LabPoint(1.70e9, 7.4, "%", 4.0, 6.0, None, "Лаборатория"),
            LabPoint(1.70e9 + 90 * day, 55.0, "mmol/mol", 20, 42, None, "Другая лаборатория"),
            LabPoint(1.70e9 + 180 * day, 7.1, "%", 4.0, 6.0, None, "Лаборатория"),
        ],
    )
    win.tab._show_series([series])  # noqa: SLF001 - what a finished load hands over
    assert len(win.tab.chart.series[0]) == 2  # the IFCC value is not on the % axis
    assert win.tab.apart.isVisibleTo(win.tab)
    assert "55 mmol/mol" in win.tab.apart.text()


def test_russian_ui_translates_groups_axis_and_diary(win: Window) -> None:
    from desktop.views.language import LanguageManager

    language = LanguageManager()
    try:
        language.apply("ru")
        win.qtbot.waitUntil(
            lambda: win.tab.proxy.index(0, 0).data() == "Биохимия крови", timeout=WAIT
        )
        assert win.tab.search.placeholderText() == "Поиск показателя…"
        assert win.tab.diary_panel.add_button.text() == "Добавить запись…"
        header = win.tab.diary.model.headerData(0, Qt.Orientation.Horizontal)
        assert header == "Дата и время"

        def glucose_title() -> str:
            for series, plot in zip(win.tab.chart.series, win.tab.chart.plots, strict=True):
                if series.code == GLUCOSE:
                    return str(plot.titleLabel.text)
            return ""

        win.qtbot.waitUntil(lambda: "пересчитано из мг/дл" in glucose_title(), timeout=WAIT)
        axis = win.tab.chart.plots[-1].getAxis("bottom")
        lo, hi = win.tab.chart.x_range()
        [(spacing, values)] = axis.tickValues(hi - 200 * 86400, hi, 800)
        labels = axis.tickStrings(values, 1.0, spacing)
        assert any(label.rstrip(".").isalpha() and not label.isascii() for label in labels)
    finally:
        language.apply("en")


def test_a_new_entry_that_cannot_be_stored_comes_back_in_the_next_dialog(win: Window) -> None:
    """The disk goes read-only under a new diary entry: the message says so, the values
    come back in the next "Add entry" dialog, and saving it then stores it once."""
    from cache_faults import make_read_only

    panel = win.tab.diary_panel
    entry = diary.DiaryEntry(
        diary.DiaryKind.WEIGHT,
        datetime.now(UTC) - timedelta(hours=1),
        {"weight": 88.8},
        note="после завтрака",
    )
    undo = make_read_only(win.ctx.session.cache)
    try:
        with win.qtbot.waitSignal(win.tab.diary.failed, timeout=WAIT):
            panel.save_new(entry)
        win.settle()
        assert "disk is full or read-only" in panel.status.text()
        assert "kept" in panel.status.text()
    finally:
        undo()
    dialog = DiaryEntryDialog(win.tab, draft=panel.draft)
    assert dialog.kind.isEnabled() and dialog.kind.currentData() == diary.DiaryKind.WEIGHT.value
    assert dialog.fields["weight"].text() == "88.8"
    assert dialog.note.toPlainText() == "после завтрака"
    dialog._on_save()  # noqa: SLF001 - the Save button's handler
    again = dialog.result_entry
    assert again is not None and again.identifier == entry.identifier
    with win.qtbot.waitSignal(win.tab.diary.saved, timeout=WAIT):
        panel.save_new(again)
    win.settle()
    assert panel.draft is None
    assert DiaryEntryDialog(win.tab, draft=panel.draft).fields["weight"].text() == ""
    query = {"identifier": f"{diary.DIARY_IDENTIFIER_SYSTEM}|{entry.identifier}"}
    assert len(win.world["portal"].store.search("Observation", where=query)) == 1


def test_changes_that_cannot_reach_the_portal_come_back_in_the_next_edit(win: Window) -> None:
    """Editing a sent entry needs the portal: offline, the changed values are kept and
    the next "Edit…" on that entry shows them; saved once the portal is back."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    portal: DemoPortal = win.world["portal"]
    panel = win.tab.diary_panel
    entry = diary.DiaryEntry(
        diary.DiaryKind.PULSE, datetime.now(UTC) - timedelta(hours=3), {"pulse": 71.0}
    )
    with win.qtbot.waitSignal(win.tab.diary.saved, timeout=WAIT):
        panel.save_new(entry)
    win.settle()
    record = next(r for r in win.tab.diary.model.records if r.entry.identifier == entry.identifier)
    changed = DiaryEntryDialog(win.tab, record.entry)
    changed.fields["pulse"].setText("77")
    changed._on_save()  # noqa: SLF001 - the Save button's handler
    assert changed.result_entry is not None
    port = portal._server.server_port  # noqa: SLF001 - come back on the same address
    portal.stop()
    try:
        with win.qtbot.waitSignal(win.tab.diary.failed, timeout=WAIT):
            panel.save_edit(changed.result_entry)
        win.settle()
        assert "Your changes are kept" in panel.status.text()
    finally:
        portal.port = port
        portal.start()
    row = next(
        i
        for i, r in enumerate(win.tab.diary.model.records)
        if r.entry.identifier == entry.identifier
    )
    panel.table.selectRow(row)
    shown: list[str] = []

    def look_and_accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DiaryEntryDialog):
            QTimer.singleShot(20, look_and_accept)
            return
        shown.append(dialog.fields["pulse"].text())
        dialog._on_save()  # noqa: SLF001

    QTimer.singleShot(20, look_and_accept)
    with win.qtbot.waitSignal(win.tab.diary.saved, timeout=WAIT):
        panel.edit_button.click()
    win.settle()
    assert shown == ["77"]
    found = portal.store.search(
        "Observation", where={"identifier": f"{diary.DIARY_IDENTIFIER_SYSTEM}|{entry.identifier}"}
    )
    assert len(found) == 1 and found[0]["valueQuantity"]["value"] == 77


def test_analyte_tree_its_search_proxy_and_the_diary_list_pass_the_model_tester(
    qtmodeltester: Any, win: Window
) -> None:
    qtmodeltester.check(win.tab.model)
    win.tab.search.setText("глюк")
    qtmodeltester.check(win.tab.proxy)
    win.tab.search.setText("")
    qtmodeltester.check(win.tab.proxy)
    assert win.tab.diary.model.rowCount() > 0  # the demo diary has entries
    qtmodeltester.check(win.tab.diary.model)


def test_own_diary_entries_are_named_in_the_windows_language(win: Window) -> None:
    """An entry this app wrote (English LOINC display, "mmHg") and the demo's Russian ones
    ("Систолическое АД", "мм рт. ст.") are one series, named in the window's language."""
    from desktop.views.language import LanguageManager

    entry = diary.DiaryEntry(
        kind=diary.DiaryKind.BLOOD_PRESSURE,
        measured_at=datetime.now(UTC) - timedelta(minutes=5),
        values={"systolic": 131, "diastolic": 84},
    )
    with win.qtbot.waitSignal(win.tab.diary.saved, timeout=WAIT):
        assert win.tab.diary.save(entry)
    win.settle()
    language = LanguageManager()
    try:
        for lang, name, unit in (
            ("ru", "Систолическое давление", "мм рт. ст."),
            ("en", "Systolic pressure", "mmHg"),
        ):
            language.apply(lang)
            win.qtbot.waitUntil(
                lambda name=name: leaf_rows(win.tab).get(("8480-6", True), [""])[0] == name,
                timeout=WAIT,
            )
            diary_rows = [cells for (code, own), cells in leaf_rows(win.tab).items() if own]
            names = [cells[0] for cells in diary_rows]
            assert names.count(name) == 1 and "Systolic blood pressure" not in names
            latest = leaf_rows(win.tab)[("8480-6", True)][1]
            assert latest.endswith(unit) and "131" in latest
    finally:
        language.apply("en")


def test_trend_and_range_marks_cannot_be_confused(win: Window) -> None:
    """Arrows say how a value moved (the Trend column), triangles where it lies against its
    range (beside the value): "1,94 ↓ !" no longer reads as "below the range"."""
    tab = win.tab
    assert tab.model.headerData(3, Qt.Orientation.Horizontal) == "Trend"
    tips = []
    for group_row in range(tab.proxy.rowCount()):
        group = tab.proxy.index(group_row, 0)
        for row in range(tab.proxy.rowCount(group)):
            latest = tab.proxy.index(row, 1, group)
            trend = tab.proxy.index(row, 3, group)
            assert trend.data() in ("↗", "↘", "→")
            assert not any(mark in latest.data() for mark in "↑↓↗↘→")
            tips += [
                latest.data(Qt.ItemDataRole.ToolTipRole),
                trend.data(Qt.ItemDataRole.ToolTipRole),
            ]
            if latest.data().startswith("▲"):
                assert latest.data(Qt.ItemDataRole.ToolTipRole) == "Above the reference range"
    assert tips and all(t[0].isupper() for t in tips)  # sentence case
    triglycerides = next(
        cells for (code, own), cells in leaf_rows(tab).items() if code == "2571-8" and not own
    )
    assert triglycerides[1].startswith("▲") and triglycerides[3] == "↘"  # high, and falling
