"""Dates, times, numbers and units as the window's locale writes them: one place for all tabs.

Qt formats its own QDate/QDateTime; these helpers take the Python values the services
hand out. There is one numeric date format per locale, with a four-digit year
(`date_format`: 31.08.2026 in Russian, 31/08/2026 in British English, 8/31/2026 in US
English), used by every list, detail and input field; `parse_date` reads what people type
into a date field in that same order (also digits only: 31082026). Numbers are 7,4 in
Russian and 7.4 in English; units are translated (ммоль/л, mmol/L) whatever spelling the
record used.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from desktop.services import units

DATE_ORDERS = ("dmy", "mdy", "ymd")


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def qdatetime(moment: dt.datetime) -> QDateTime:
    """A wall-clock QDateTime: an aware moment keeps its own clock time (the clinic's)."""
    return QDateTime(
        qdate(moment.date()),
        QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000),
    )


def date_format(locale: QLocale | None = None) -> str:
    """The locale's numeric date format with a four-digit year (dd.MM.yyyy, M/d/yyyy)."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


def time_format(locale: QLocale | None = None) -> str:
    """Hours and minutes as the locale writes them (HH:mm, h:mm AP)."""
    fmt = (locale or QLocale()).timeFormat(QLocale.FormatType.ShortFormat)
    return fmt.replace(":ss", "")


def datetime_format(locale: QLocale | None = None) -> str:
    return f"{date_format(locale)} {time_format(locale)}"


def format_date(
    value: object,
    locale: QLocale | None = None,
    fmt: QLocale.FormatType | str | None = None,
) -> str:
    """A date (or the date of an ISO text, as FHIR gives it: may be partial). `fmt` is for
    prose (a weekday, a month name); lists and details keep the default."""
    locale = locale or QLocale()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return locale.toString(qdate(value), fmt if fmt is not None else date_format(locale))
    if isinstance(value, str) and len(value) >= 10:
        try:
            return format_date(dt.date.fromisoformat(value[:10]), locale, fmt)
        except ValueError:
            return value
    return str(value or "")


def format_datetime(
    moment: dt.datetime,
    locale: QLocale | None = None,
    fmt: QLocale.FormatType | str | None = None,
) -> str:
    locale = locale or QLocale()
    return locale.toString(qdatetime(moment), fmt if fmt is not None else datetime_format(locale))


def format_time(moment: dt.datetime | dt.time, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    value = QTime(moment.hour, moment.minute)
    return locale.toString(value, time_format(locale))


def local_moment(epoch: float) -> dt.datetime:
    """Epoch seconds (UTC) as this computer's wall-clock time."""
    return dt.datetime.fromtimestamp(epoch).astimezone()


def format_number(value: float, locale: QLocale | None = None) -> str:
    """A measured value as people write it: 5,8 (ru) / 5.8 (en), no trailing zeros."""
    locale = locale or QLocale()
    text = locale.toString(float(value), "f", 2)
    decimal = locale.decimalPoint()
    return text.rstrip("0").rstrip(decimal) if decimal in text else text


def format_unit(unit: str | None) -> str:
    """A unit in the window's language (mmol/L or ммоль/л), whatever spelling the record
    used (UCUM, English or Russian display text); an unknown unit is shown as given."""
    if not unit:
        return ""
    shown = units.display_unit(units.to_ucum(unit))
    return QCoreApplication.translate("medcard", shown) if shown else ""


# -- typed dates ---------------------------------------------------------------------


def date_order(locale: QLocale | None = None) -> str:
    """The order of day, month and year in the locale's dates: "dmy", "mdy" or "ymd"."""
    order = ""
    for char in date_format(locale):
        letter = {"d": "d", "M": "m", "y": "y"}.get(char)
        if letter and letter not in order:
            order += letter
    return order if order in DATE_ORDERS else "dmy"


def date_placeholder(locale: QLocale | None = None) -> str:
    """What to type, in the UI language: ДД.ММ.ГГГГ, DD/MM/YYYY."""
    fmt = re.sub(r"d+", "dd", re.sub(r"M+", "MM", date_format(locale)))
    letters = {
        "d": QCoreApplication.translate("medcard", "DD"),
        "M": QCoreApplication.translate("medcard", "MM"),
        "y": QCoreApplication.translate("medcard", "YYYY"),
    }
    return re.sub(r"(d+|M+|y+)", lambda m: letters[m.group(0)[0]], fmt)


def parse_date(
    text: str, locale: QLocale | None = None, today: dt.date | None = None
) -> dt.date | None:
    """A date typed in the locale's order: 15.03.2015, 15/3/15, 15032015 (digits only),
    or ISO 2015-03-15. None for an empty text; ValueError when it is not a date."""
    text = text.strip()
    if not text:
        return None
    order = date_order(locale)
    parts = re.findall(r"\d+", text)
    if re.search(r"[^\d\s./,\-]", text):
        raise ValueError(f"not a date: {text!r}")
    if len(parts) == 1:
        parts = _split_digits(parts[0], order)
    if len(parts) != 3:
        raise ValueError(f"not a date: {text!r}")
    if len(parts[0]) == 4:
        order = "ymd"  # ISO 8601, whatever the locale
    values = dict(zip(order, (int(p) for p in parts), strict=True))
    year_text = parts[order.index("y")]
    year = values["y"]
    if len(year_text) <= 2:
        year = _full_year(year, today or dt.date.today())
    elif len(year_text) != 4:
        raise ValueError(f"not a year: {year_text!r}")
    return dt.date(year, values["m"], values["d"])  # ValueError for 31.02


def _split_digits(digits: str, order: str) -> list[str]:
    """15032015 -> 15, 03, 2015 (and 150315 -> 15, 03, 15) in the locale's order."""
    if len(digits) not in (6, 8):
        raise ValueError(f"not a date: {digits!r}")
    year_len = len(digits) - 4
    widths = {"d": 2, "m": 2, "y": year_len}
    found, at = [], 0
    for field in order:
        found.append(digits[at : at + widths[field]])
        at += widths[field]
    return found


def _full_year(two_digits: int, today: dt.date) -> int:
    """15 -> 2015, 85 -> 1985: a two-digit year is at most a few years ahead."""
    century = today.year - today.year % 100
    year = century + two_digits
    return year - 100 if year > today.year + 5 else year
