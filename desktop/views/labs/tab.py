"""The Lab trends tab: analyte list on the left, charts and the health diary on the right."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.context import AppContext
from desktop.models.formats import format_date, format_unit, local_moment
from desktop.models.labs.analytes import (
    AnalyteFilter,
    AnalyteTreeModel,
    SeriesKey,
    analytes_of,
    format_number,
    load_series,
    series_rows,
)
from desktop.models.labs.diary import DiaryController
from desktop.models.labs.series import ChartSeries
from desktop.services import units
from desktop.services.exports import make_private, write_csv
from desktop.views.labs.chart import TrendChart
from desktop.views.labs.diary_panel import DiaryPanel

# Shown first for a new card: the diabetes pair when the person has them.
DEFAULT_CODES = ("4548-4", "2345-7")
PERIODS = (("1y", 1.0), ("5y", 5.0), ("all", None))
LIST_MIN_WIDTH = 340  # the analyte list: names readable beside value, date and trend


class LabsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = AnalyteTreeModel(self)
        self.proxy = AnalyteFilter(self)
        self.proxy.setSourceModel(self.model)
        self.diary = DiaryController(ctx, self)
        self._selected: list[SeriesKey] = []
        self._period: float | None = None
        self._loaded_patient = ""
        self._series_request = 0
        self._diary_snapshot: list[Any] = []
        # Sync, diary upload and patient switch often come together: one reload for all.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(30)
        self._reload_timer.timeout.connect(self.reload)
        self._build()
        self.retranslate()
        ctx.patientChanged.connect(self._on_patient_changed)
        ctx.synced.connect(self._on_synced)
        ctx.accountChanged.connect(self._reload_timer.start)
        ctx.onlineChanged.connect(self._on_online_changed)
        ctx.capabilitiesChanged.connect(self.diary_panel.refresh_state)
        ctx.accountChanged.connect(self.diary_panel.refresh_state)
        self.diary.recordsChanged.connect(self._on_diary_changed)
        ctx.runner.submit(units.warm_up, owner=self)  # pint's registry takes ~1 s to build
        self.diary.refresh()
        self.reload()

    # -- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setIndentation(14)
        self.tree.selectionModel().selectionChanged.connect(self._on_selection_changed)
        left = QWidget()
        left.setMinimumWidth(LIST_MIN_WIDTH)  # names and latest values stay readable
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.tree)

        self.period_buttons = QButtonGroup(self)
        toolbar = QHBoxLayout()
        for index, (_, years) in enumerate(PERIODS):
            button = QPushButton()
            button.setCheckable(True)
            button.setChecked(years is None)
            self.period_buttons.addButton(button, index)
            toolbar.addWidget(button)
        self.period_buttons.idClicked.connect(self._on_period)
        toolbar.addStretch(1)
        # Under the charts, wrapping: on a small screen the toolbar stays one short row.
        self.legend = QLabel()
        self.legend.setObjectName("chartLegend")
        self.legend.setWordWrap(True)
        self.export_png_button = QToolButton()
        self.export_csv_button = QToolButton()
        self.export_png_button.clicked.connect(self._on_export_png)
        self.export_csv_button.clicked.connect(self._on_export_csv)
        toolbar.addWidget(self.export_png_button)
        toolbar.addWidget(self.export_csv_button)

        self.chart = TrendChart()
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.charts = QStackedWidget()
        self.charts.addWidget(self.empty)
        self.charts.addWidget(self.chart)
        self.apart = QLabel()
        self.apart.setWordWrap(True)
        self.apart.setTextFormat(Qt.TextFormat.PlainText)  # lab names are data, not markup
        self.apart.setStyleSheet("color: #8a4b00;")
        self.apart.hide()
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addLayout(toolbar)
        chart_layout.addWidget(self.charts, 1)
        chart_layout.addWidget(self.legend)
        chart_layout.addWidget(self.apart)

        self.diary_panel = DiaryPanel(self.diary)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(chart_box)
        right.addWidget(self.diary_panel)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setSizes([480, 280])
        right.setCollapsible(1, False)
        main = QSplitter(Qt.Orientation.Horizontal)
        main.addWidget(left)
        main.addWidget(right)
        # The list keeps its width when the window narrows (names stay readable); the
        # charts give way down to what the diary's buttons need.
        main.setStretchFactor(0, 0)
        main.setStretchFactor(1, 1)
        main.setSizes([430, 850])
        main.setCollapsible(0, False)
        main.setCollapsible(1, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(main)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search analytes…"))
        labels = (self.tr("1 year"), self.tr("5 years"), self.tr("All"))
        for index, text in enumerate(labels):
            self.period_buttons.button(index).setText(text)
        self.export_png_button.setText(self.tr("PNG…"))
        self.export_png_button.setToolTip(self.tr("Save chart (PNG)…"))
        self.export_csv_button.setText(self.tr("CSV…"))
        self.export_csv_button.setToolTip(self.tr("Save data (CSV)…"))
        self.legend.setText(
            "<span style='color:#2164aa'>●</span> "
            + self.tr("lab")
            + " &nbsp; "
            + "<span style='color:#d32f2f'>●</span> "
            + self.tr("out of range")
            + " &nbsp; "
            + "<span style='color:#7b1fa2'>◇</span> "
            + self.tr("self-measured")
            + " &nbsp; "
            + "<span style='color:#7b1fa2'>◆</span> "
            + self.tr("not sent yet")
        )
        self.empty.setText(
            self.tr("Select one or several analytes on the left to see how they changed over time.")
        )
        self.model._set_headers()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._reload_timer.start()  # group names, dates and numbers in the new language
        super().changeEvent(event)

    # -- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        session, patient = self.ctx.session, self.ctx.patient_id
        if session is None or not patient:
            self.model.set_analytes([])
            self._show_series([])
            return
        session.read(
            analytes_of,
            patient,
            on_done=partial(self._on_analytes, patient),
            owner=self,
        )

    def _on_analytes(self, patient: str, analytes: list[Any]) -> None:
        if patient != self.ctx.patient_id:
            return  # the user switched cards meanwhile
        keep = self._selected if patient == self._loaded_patient else []
        self._loaded_patient = patient
        # Refilling the tree clears the selection; the charts must not blink empty
        # meanwhile, so selection signals wait until the old selection is restored.
        selection = self.tree.selectionModel()
        selection.blockSignals(True)
        try:
            self.model.set_analytes(analytes)
        finally:
            selection.blockSignals(False)
        self._expand_groups()
        if not keep:
            present = {a.code for a in analytes if a.group != "diary"}
            codes = [c for c in DEFAULT_CODES if c in present]
            keep = [SeriesKey(c, "", False) for c in codes]
            first = self.model.first_key()
            if not keep and first is not None:  # a child's card: start with something
                keep = [first]
        self._select(keep)

    def _select(self, keys: list[SeriesKey]) -> None:
        wanted = {(k.code, k.self_measured) for k in keys}
        selection = self.tree.selectionModel()
        selection.blockSignals(True)
        selection.clear()
        for group_row in range(self.proxy.rowCount()):
            group = self.proxy.index(group_row, 0)
            for row in range(self.proxy.rowCount(group)):
                index = self.proxy.index(row, 0, group)
                key = self.model.key_for(self.proxy.mapToSource(index))
                if key and (key.code, key.self_measured) in wanted:
                    selection.select(
                        index,
                        QItemSelectionModel.SelectionFlag.Select
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
        selection.blockSignals(False)
        self._on_selection_changed()

    def selected_keys(self) -> list[SeriesKey]:
        keys = []
        for index in self.tree.selectionModel().selectedRows(0):
            key = self.model.key_for(self.proxy.mapToSource(index))
            if key is not None:
                keys.append(key)
        return sorted(keys, key=lambda k: (k.self_measured, k.title))

    def _on_selection_changed(self, *_: object) -> None:
        self._selected = self.selected_keys()
        session, patient = self.ctx.session, self.ctx.patient_id
        if not self._selected or session is None:
            self._show_series([])
            return
        self._series_request += 1
        request = self._series_request
        pending, codes = self.diary.pending_points()
        session.read(
            load_series,
            patient,
            list(self._selected),
            pending,
            codes,
            on_done=lambda series: self._on_series(request, series),
            owner=self,
        )

    def _on_series(self, request: int, series: list[ChartSeries]) -> None:
        if request == self._series_request:  # an older, slower answer is dropped
            self._show_series(series)

    def _show_series(self, series: list[ChartSeries]) -> None:
        self.chart.set_series(series)
        shown = bool(self.chart.plots)
        self.charts.setCurrentWidget(self.chart if shown else self.empty)
        self.export_png_button.setEnabled(shown)
        self.export_csv_button.setEnabled(shown)
        if shown and self._period is not None:
            self.chart.show_years(self._period)
        apart = [(s, p) for s in series for p in s.apart]
        self.apart.setVisible(bool(apart))
        if apart:
            parts = [
                f"{s.title}: {format_number(p.value)} {format_unit(p.unit)} "
                f"({format_date(local_moment(p.time))})"
                for s, p in apart[:8]
            ]
            more = len(apart) - len(parts)
            self.apart.setText(
                self.tr("Not on the chart — the unit cannot be converted:")
                + " "
                + "; ".join(parts)
                + (f"; … (+{more})" if more > 0 else "")
            )

    # -- events -----------------------------------------------------------------------
    def _on_patient_changed(self, _patient: str) -> None:
        self._selected = []
        self.diary.refresh()
        self._reload_timer.start()

    def _on_synced(self) -> None:
        self.diary.flush()  # a sync that succeeded means the portal is back
        self.diary.refresh()
        self._reload_timer.start()

    def _on_online_changed(self, online: bool) -> None:
        if online:
            self.diary.flush()

    def _on_diary_changed(self) -> None:
        records = list(self.diary.model.records)
        if records != self._diary_snapshot and self.ctx.session is not None:
            self._diary_snapshot = records
            self._reload_timer.start()

    def _on_search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._expand_groups()

    def _expand_groups(self) -> None:
        self.tree.expandAll()
        for row in range(self.proxy.rowCount()):  # a group's name across the whole row
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)

    def _on_period(self, index: int) -> None:
        self._period = PERIODS[index][1]
        if self._period is None:
            self.chart.show_all()
        else:
            self.chart.show_years(self._period)

    def _on_export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save chart"),
            str(Path.home() / "chart.png"),
            self.tr("PNG images (*.png)"),
        )
        if path and not self.chart.export_png(path):
            self.diary_panel.status.setText(self.tr("The chart could not be saved."))
        elif path:
            make_private(path)  # a chart of lab values is medical data

    def _on_export_csv(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save data"),
                str(Path.home() / "lab-trends.csv"),
                self.tr("CSV files (*.csv)"),
            )
        if not path:
            return
        try:
            export_csv(Path(path), self.chart.series, self.chart.zone)
        except OSError as exc:
            self.diary_panel.status.setText(
                self.tr("The data could not be saved: %1").replace("%1", exc.strerror or "")
            )


def export_csv(path: Path, series: list[ChartSeries], zone: Any) -> None:
    """UTF-8 with BOM (spreadsheets on Windows read Cyrillic), cells defused, owner-only."""
    write_csv(path, series_rows(series, zone))


def create_tab(ctx: AppContext) -> QWidget:
    return LabsTab(ctx)
