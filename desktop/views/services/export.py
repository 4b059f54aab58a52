"""The services list as the user takes it away: a CSV for spreadsheets, and a printable
page (printer or PDF). Both carry exactly the rows and totals the tab shows."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from desktop.models.formats import format_date
from desktop.models.services.texts import (
    currency_note,
    format_amounts,
    format_money,
    payer_text,
    report_short,
)
from desktop.services.costs.fhir import ServiceVisit
from desktop.services.costs.reports import ServiceReport
from desktop.services.costs.totals import Totals
from desktop.services.exports import make_private, private_file, write_csv

Reports = dict[tuple[str, int], ServiceReport]


def csv_rows(visits: list[ServiceVisit], reports: Reports) -> Iterator[list[Any]]:
    """One row per service line; amounts as plain numbers with their currency beside them
    (a spreadsheet sums them), ISO dates (a spreadsheet sorts them)."""
    yield [
        QCoreApplication.translate("medcard", "Date"),
        QCoreApplication.translate("medcard", "Clinic"),
        QCoreApplication.translate("medcard", "Service code"),
        QCoreApplication.translate("medcard", "Service"),
        QCoreApplication.translate("medcard", "Doctor"),
        QCoreApplication.translate("medcard", "Qty"),
        QCoreApplication.translate("medcard", "Cost"),
        QCoreApplication.translate("medcard", "Currency"),
        QCoreApplication.translate("medcard", "Paid by"),
        QCoreApplication.translate("medcard", "Insurer"),
        QCoreApplication.translate("medcard", "Report"),
    ]
    for visit in visits:
        for line in visit.lines:
            report = reports.get((visit.resource_id, line.sequence))
            day = line.date or visit.date
            yield [
                day.isoformat() if day else "",
                visit.clinic,
                line.code,
                line.name,
                visit.doctor,
                str(line.quantity.normalize()),
                f"{line.cost.amount:.2f}" if line.cost else "",
                line.cost.currency if line.cost else visit.currency,
                payer_text(visit.payer),
                visit.insurer,
                report_short(report) if report else "",
            ]


def save_csv(path: str, visits: list[ServiceVisit], reports: Reports) -> None:
    write_csv(path, csv_rows(visits, reports))


def printable_html(
    title: str, visits: list[ServiceVisit], totals: Totals, reports: Reports, count: str
) -> str:
    """`count`: "243 services" in the UI's language (plural forms come from a tr())."""
    locale = QLocale()
    esc = html.escape
    head = "".join(
        f"<th align='left'>{esc(t)}</th>"
        for t in (
            QCoreApplication.translate("medcard", "Date"),
            QCoreApplication.translate("medcard", "Service"),
            QCoreApplication.translate("medcard", "Doctor"),
            QCoreApplication.translate("medcard", "Qty"),
            QCoreApplication.translate("medcard", "Cost"),
            QCoreApplication.translate("medcard", "Paid by"),
            QCoreApplication.translate("medcard", "Report"),
        )
    )
    rows: list[str] = []
    for visit in visits:
        rows.append(
            "<tr style='background:#eef2f5'>"
            f"<td><b>{esc(format_date(visit.date, locale) if visit.date else '')}</b></td>"
            f"<td colspan='3'><b>{esc(visit.clinic)}</b></td>"
            f"<td align='right'><b>{esc(format_money(visit.total, locale))}</b></td>"
            f"<td colspan='2'>{esc(payer_text(visit.payer))}"
            f"{(' — ' + esc(visit.insurer)) if visit.insurer else ''}</td></tr>"
        )
        for line in visit.lines:
            report = reports.get((visit.resource_id, line.sequence))
            rows.append(
                "<tr>"
                f"<td>{esc(format_date(line.date, locale) if line.date else '')}</td>"
                f"<td>{esc(line.code)} {esc(line.name)}</td>"
                f"<td>{esc(visit.doctor)}</td>"
                f"<td align='right'>{esc(locale.toString(float(line.quantity), 'g', 6))}</td>"
                f"<td align='right'>{esc(format_money(line.cost, locale) if line.cost else '')}</td>"
                f"<td>{esc(payer_text(visit.payer))}</td>"
                f"<td>{esc(report_short(report) if report else '')}</td></tr>"
            )
    years = "; ".join(
        f"{year}: {format_amounts(amounts, locale)}" for year, amounts in totals.by_year.items()
    )
    note = currency_note({v.currency for v in visits})
    total = QCoreApplication.translate("medcard", "Total for the period")
    by_year = QCoreApplication.translate("medcard", "By year")
    summary = (
        f"<p><b>{esc(total)}: {esc(format_amounts(totals.overall, locale))}</b> ({esc(count)})"
        f"<br>{esc(by_year)}: {esc(years)}" + (f"<br>{esc(note)}" if note else "") + "</p>"
    )
    return (
        f"<h2>{esc(title)}</h2>{summary}"
        "<table width='100%' cellspacing='0' cellpadding='3' style='font-size:8pt'>"
        f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
    )


def document_of(html_text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html_text)
    doc.setDocumentMargin(0)
    return doc


def write_pdf(path: str, html_text: str, title: str) -> bool:
    """Print the list to a PDF (owner-only file); False when Qt could not write it."""
    if not path.lower().endswith(".pdf"):
        path += ".pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setDocName(title)
    try:
        private_file(path)  # owner-only before Qt writes into it
    except OSError:
        pass  # Qt reports the unwritable path below
    document_of(html_text).print_(printer)
    make_private(path)
    return printer.printerState() != QPrinter.PrinterState.Error
