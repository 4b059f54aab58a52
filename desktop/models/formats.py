"""Dates, times and numbers as the window's locale writes them: one place for all tabs.

Qt formats its own QDate/QDateTime; these helpers take the Python values the services
hand out, so every tab shows 31.08.2026 and 7,4 in Russian, 8/31/26 and 7.4 in English.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qdatetime(moment: dt.datetime) -> QDateTime:
    """A wall-clock QDateTime: an aware moment keeps its own clock time (the clinic's)."""
    return QDateTime(
        qdate(moment.date()),
        QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000),
    )


def format_date(
    value: object,
    locale: QLocale | None = None,
    fmt: QLocale.FormatType | str = QLocale.FormatType.ShortFormat,
) -> str:
    """A date (or the date of an ISO text, as FHIR gives it: may be partial)."""
    locale = locale or QLocale()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return locale.toString(qdate(value), fmt)
    if isinstance(value, str) and len(value) >= 10:
        try:
            return format_date(dt.date.fromisoformat(value[:10]), locale, fmt)
        except ValueError:
            return value
    return str(value or "")


def format_datetime(
    moment: dt.datetime,
    locale: QLocale | None = None,
    fmt: QLocale.FormatType | str = QLocale.FormatType.ShortFormat,
) -> str:
    return (locale or QLocale()).toString(qdatetime(moment), fmt)


def format_number(value: float, locale: QLocale | None = None) -> str:
    """A measured value as people write it: 5,8 (ru) / 5.8 (en), no trailing zeros."""
    locale = locale or QLocale()
    text = locale.toString(float(value), "f", 2)
    decimal = locale.decimalPoint()
    return text.rstrip("0").rstrip(decimal) if decimal in text else text
