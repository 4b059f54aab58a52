"""What the services tab writes: amounts in their currency, who paid, a report's state."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.services.costs.fhir import INSURANCE, OMS, PATIENT, VHI, Money
from desktop.services.costs.reports import STATE_TEXT, ServiceReport
from desktop.services.costs.totals import Amounts

SYMBOLS = {"RUB": "₽", "USD": "$", "EUR": "€"}


def format_money(value: Money | None, locale: QLocale | None = None) -> str:
    if value is None:
        return "—"
    return format_amount(value.amount, value.currency, locale)


def format_amount(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    symbol = SYMBOLS.get(currency, currency)
    number = locale.toString(float(amount), "f", 2)
    if not symbol:
        return number
    # Roubles after the number (1 650,00 ₽), dollars before ($125.00), as people write them.
    return f"{symbol}{number}" if currency == "USD" else f"{number} {symbol}"


def format_amounts(amounts: Amounts, locale: QLocale | None = None) -> str:
    if not amounts:
        return format_amount(Decimal(0), "RUB", locale)
    return " + ".join(
        format_amount(amount, currency, locale) for currency, amount in sorted(amounts.items())
    )


def payer_text(payer: str) -> str:
    return {
        OMS: QCoreApplication.translate("medcard", "OMS"),
        VHI: QCoreApplication.translate("medcard", "VHI"),
        PATIENT: QCoreApplication.translate("medcard", "Patient"),
        INSURANCE: QCoreApplication.translate("medcard", "Insurer"),
    }.get(payer, QCoreApplication.translate("medcard", "Not stated"))


def payer_long_text(payer: str) -> str:
    """For the filter and the tooltip: what the short name means."""
    return {
        OMS: QCoreApplication.translate("medcard", "OMS (compulsory health insurance)"),
        VHI: QCoreApplication.translate("medcard", "VHI (voluntary health insurance)"),
        PATIENT: QCoreApplication.translate("medcard", "Paid by the patient"),
        INSURANCE: QCoreApplication.translate("medcard", "Paid by an insurer"),
    }.get(payer, QCoreApplication.translate("medcard", "Payer not stated"))


def report_short(report: ServiceReport) -> str:
    return {
        "reported": QCoreApplication.translate("medcard", "Reported"),
        "confirmed": QCoreApplication.translate("medcard", "Not provided"),
        "not-confirmed": QCoreApplication.translate("medcard", "Provided"),
        "refused": QCoreApplication.translate("medcard", "Already reported"),
    }.get(report.state, report.state)


def report_long(report: ServiceReport) -> str:
    text = QCoreApplication.translate("medcard", STATE_TEXT.get(report.state, report.state))
    return f"{text}\n{report.answer}" if report.answer else text


def currency_note(currencies: set[str]) -> str:
    """Said under the totals when amounts are not in roubles (Synthea's are dollars)."""
    if "USD" in currencies:
        return QCoreApplication.translate("medcard", "Amounts in US dollars (USD).")
    return ""
