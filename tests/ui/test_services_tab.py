"""Services tab end to end: the real tab on a signed-in account of the embedded demo
portal (loopback HTTP, SQLCipher cache). The list and its totals are checked against the
ExplanationOfBenefits the portal serves; a report reaches the portal once and the insurer's
answer (the operator command) comes back to the line."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QLocale

from demo_portal.embedded import DemoPortal
from desktop.models.services.texts import format_amounts
from desktop.services.costs.totals import ServiceFilter
from tests.ui.conftest import MAIN, SyncedSeed, TabHarness, seed_from
from tests.ui.seeded import run_operator, seeded_account

REPORT_CODE = "service-not-received"


def portal_eobs(portal: DemoPortal, patient_id: str) -> list[dict]:
    """What the portal itself holds (its store), not what the app read."""
    return portal.store.search("ExplanationOfBenefit", patient=patient_id, limit=100_000)


def submitted(eob: dict) -> tuple[Decimal, str]:
    entry = next(t for t in eob["total"] if t["category"]["coding"][0]["code"] == "submitted")
    return Decimal(str(entry["amount"]["value"])), entry["amount"]["currency"]


class Services(TabHarness):
    def __init__(self, qtbot: Any, seed: SyncedSeed, tmp_path: Path) -> None:
        from desktop.views.services import ServicesTab

        accounts, account = seeded_account(seed, tmp_path / "profile")
        super().__init__(qtbot, accounts, account)
        self.show_tab(ServicesTab(self.ctx), 1100, 700)
        qtbot.waitUntil(
            lambda: self.tab.model.loaded and bool(self.tab.model.shown), timeout=20_000
        )


@pytest.fixture
def services(qtbot: Any, synced_seed: SyncedSeed, tmp_path: Path) -> Iterator[Services]:
    harness = Services(qtbot, synced_seed, tmp_path)
    yield harness
    harness.close()


def test_the_list_and_totals_equal_the_eobs_on_the_portal(services: Services, portal) -> None:
    eobs = portal_eobs(portal, MAIN)
    model = services.tab.model
    assert {v.resource_id for v in model.shown} == {e["id"] for e in eobs}
    assert model.totals.lines == sum(len(e["item"]) for e in eobs)
    overall: dict[str, Decimal] = defaultdict(Decimal)
    by_year: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for eob in eobs:
        amount, currency = submitted(eob)
        overall[currency] += amount
        by_year[int(eob["billablePeriod"]["start"][:4])][currency] += amount
    assert model.totals.overall == dict(overall)
    assert {y: dict(a) for y, a in by_year.items()} == model.totals.by_year
    # ... and the window says so: the total, and every year's
    assert format_amounts(dict(overall), QLocale()) in services.tab.totals.text()
    for year, amounts in by_year.items():
        assert f"{year}: {format_amounts(dict(amounts), QLocale())}" in services.tab.years.text()
    # Each line: its code, name, quantity and cost as the EOB item says.
    first = next(e for e in eobs if e["id"] == model.shown[0].resource_id)
    line = model.shown[0].lines[0]
    item = first["item"][0]
    assert line.code == item["productOrService"]["coding"][0]["code"]
    assert line.cost is not None and line.cost.amount == Decimal(str(item["net"]["value"]))


def test_filters_by_payer_clinic_and_period(services: Services, portal) -> None:
    tab, model = services.tab, services.tab.model
    eobs = portal_eobs(portal, MAIN)
    payer = tab.filters.payer
    payer.setCurrentIndex(payer.findData("patient"))
    paid = [e for e in eobs if e["extension"][0]["valueCoding"]["code"] == "patient"]
    assert {v.resource_id for v in model.shown} == {e["id"] for e in paid}
    assert model.totals.overall["RUB"] == sum(submitted(e)[0] for e in paid)
    assert tab.tree.model().rowCount() == len(paid)
    tab.filters.reset()
    year = max(int(e["billablePeriod"]["start"][:4]) for e in eobs)

    tab.filters.set_period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    in_year = [e for e in eobs if e["billablePeriod"]["start"].startswith(str(year))]
    assert model.totals.visits == len(in_year)
    assert model.filter == ServiceFilter(dt.date(year, 1, 1), dt.date(year, 12, 31))
    clinic = tab.filters.clinic
    clinic.setCurrentIndex(1)
    chosen = clinic.currentData()
    assert all(v.clinic_id == chosen for v in model.shown)
    assert model.totals.visits == sum(
        1 for e in in_year if e["provider"]["reference"] == f"Organization/{chosen}"
    )


def test_csv_and_pdf_carry_the_list(services: Services, tmp_path: Path) -> None:
    tab = services.tab
    path = tmp_path / "services.csv"
    assert tab.write_csv(str(path))
    assert os.stat(path).st_mode & 0o777 == 0o600
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 1 + tab.model.totals.lines
    amounts = sum(Decimal(r[6]) for r in rows[1:] if r[6])
    assert amounts == tab.model.totals.overall["RUB"]
    pdf = tmp_path / "services.pdf"
    assert tab.write_pdf(str(pdf))
    assert os.stat(pdf).st_mode & 0o777 == 0o600
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "Total for the period" in text
    assert all(line.name.split()[0] in text for visit in tab.model.shown for line in visit.lines)


@pytest.fixture
def writable(qtbot: Any, tmp_path: Path) -> Iterator[tuple[Services, DemoPortal, Path]]:
    db = tmp_path / "portal.db"
    with DemoPortal(db_path=db, access_token_ttl=3600) as portal:
        seed = seed_from(portal.base_url, tmp_path / "seed")
        harness = Services(qtbot, seed, tmp_path)
        yield harness, portal, db
        harness.close()


def reports_on(portal: DemoPortal) -> list[dict]:
    tasks = portal.store.search("Task", patient=MAIN, limit=10_000)
    return [t for t in tasks if t["code"]["coding"][0]["code"] == REPORT_CODE]


def test_a_report_reaches_the_portal_once_and_the_answer_comes_back(
    qtbot: Any, writable: tuple[Services, DemoPortal, Path]
) -> None:
    services, portal, db = writable
    tab = services.tab
    visit = tab.model.shown[0]
    line = visit.lines[-1]
    assert tab.select_line(visit.resource_id, line.sequence)
    assert tab.report_button.isEnabled()
    dialog = tab.open_report_dialog()
    assert dialog is not None
    dialog.comment.setPlainText("В этот день я был в командировке")
    with qtbot.waitSignal(tab.model.reportDone, timeout=30_000):
        dialog.send_button.click()
        assert tab.model.report(visit, line, "again") is False  # a second click: busy
    tasks = reports_on(portal)
    assert len(tasks) == 1
    task = tasks[0]
    assert task["focus"]["reference"] == f"ExplanationOfBenefit/{visit.resource_id}"
    assert [i["valuePositiveInt"] for i in task["input"] if "valuePositiveInt" in i] == [
        line.sequence
    ]
    assert task["status"] == "received"
    # The line is marked, and reporting it again is not offered while it is checked.
    qtbot.waitUntil(lambda: tab.model.report_for(visit, line) is not None, timeout=10_000)
    assert tab.select_line(visit.resource_id, line.sequence)
    index = tab.tree.currentIndex().siblingAtColumn(7)
    assert index.data() == "Reported"
    assert not tab.report_button.isEnabled()
    # The insurer answers (operator), the next sync brings it to the line.
    code, _out = run_operator(
        db, "answer-service-report", task["id"], "--confirmed", "--text", "Услуга снята с оплаты"
    )
    assert code == 0
    services.sync()
    qtbot.waitUntil(
        lambda: (r := tab.model.report_for(visit, line)) is not None and r.state == "confirmed",
        timeout=10_000,
    )
    assert tab.select_line(visit.resource_id, line.sequence)
    index = tab.tree.currentIndex().siblingAtColumn(7)
    assert index.data() == "Not provided"
    assert "Услуга снята с оплаты" in index.data(3)  # the tooltip carries the answer
    assert len(reports_on(portal)) == 1


def test_the_csv_defuses_cells_a_spreadsheet_would_run(qtbot: Any, tmp_path: Path) -> None:
    from desktop.services.costs.fhir import parse_visit
    from desktop.views.services import export

    eob = {
        "resourceType": "ExplanationOfBenefit",
        "id": "eob-1",
        "provider": {"display": '=HYPERLINK("http://evil.example","click")'},
        "billablePeriod": {"start": "2026-01-05"},
        "item": [
            {
                "sequence": 1,
                "productOrService": {"text": "@SUM(1+1)"},
                "net": {"value": -5, "currency": "RUB"},
            }
        ],
    }
    visit = parse_visit(eob, lambda _ref: None)
    path = tmp_path / "services.csv"
    export.save_csv(str(path), [visit], {})
    row = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))[1]
    assert row[1].startswith("'=HYPERLINK") and row[3] == "'@SUM(1+1)"
    assert row[6] == "-5.00"  # a plain (negative) number stays a number
