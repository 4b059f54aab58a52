"""HTML for the detail pane, built from a timeline row and the cache's RecordDetail.

Everything that comes from the portal is HTML-escaped: a record is data, never markup.
Dates and numbers use the current QLocale (set from the UI language).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.models.card.timeline import format_date, kind_label
from desktop.models.formats import format_datetime, format_unit, qdatetime
from desktop.views.card.document_html import sections_html, text_html
from desktop.views.language import tr_service

_FLAG_COLOUR = "#c62828"
_MUTED = "#757575"
_ABNORMAL_CODES = {"H", "L", "HH", "LL", "A", "AA", "HU", "LU"}


def _fmt_value(value: Any) -> str:
    """Numbers in the locale's format ("5,6" in Russian); text as it came."""
    if value is None:
        return ""
    if isinstance(value, str):
        try:
            number = float(value.replace(",", "."))
        except ValueError:
            return escape(value)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    else:
        return escape(str(value))
    locale = QLocale()
    if number.is_integer() and abs(number) < 1e15:
        return locale.toString(int(number))
    # Some sources send raw instrument precision (174.574 mg/dL); a reader wants the
    # clinically meaningful digits: 174.6, 7.25, 0.0123.
    size = abs(number)
    if size >= 100:
        text = locale.toString(number, "f", 1)
    elif size >= 1:
        text = locale.toString(number, "f", 2)
    else:
        return locale.toString(number, "g", 3)
    point = locale.decimalPoint()
    return text.rstrip("0").rstrip(point) if point in text else text


def _fmt_datetime(value: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return escape(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)  # shown in local time
    return escape(format_datetime(moment))


def _range_text(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{_fmt_value(low)} – {_fmt_value(high)}"
    if low is not None:
        return f"≥ {_fmt_value(low)}"
    if high is not None:
        return f"≤ {_fmt_value(high)}"
    return ""


def _flag_mark(flag: str) -> str:
    """Where a value lies against its range: the triangles of the Lab trends list."""
    code = flag.upper()
    return "▲" if code.startswith("H") else "▼" if code.startswith("L") else "!"


_NOWRAP = "white-space:nowrap"


def results_table(results: Iterable[Any]) -> str:
    """Lab results: name, value with its unit, reference range, a range mark (abnormal ones
    in red) and a legend for the marks used.

    Qt's table layout squeezes a column below its longest word and splits it ("Гликирован
    ный"), so the table stays narrow: value and unit share a cell, the mark is one symbol,
    and numbers, units and ranges never wrap; only a name wraps, between its words."""
    headers = (
        QCoreApplication.translate("medcard", "Test"),
        QCoreApplication.translate("medcard", "Value"),
        QCoreApplication.translate("medcard", "Reference range"),
        "",
    )
    head = "".join(f"<th align='left'>{escape(h)}</th>" for h in headers)
    rows = []
    marks: set[str] = set()
    for item in results:
        flag = str(getattr(item, "flag", "") or "")
        abnormal = bool(getattr(item, "abnormal", False)) or flag.upper() in _ABNORMAL_CODES
        red = f"color:{_FLAG_COLOUR}; font-weight:600; " if abnormal else ""
        style = f" style='{red}{_NOWRAP}'"
        mark = _flag_mark(flag) if abnormal else ""
        marks.add(mark)
        unit = str(getattr(item, "unit", "") or "")
        value = getattr(item, "value", None)
        if isinstance(value, str) and unit and value.endswith(unit):
            value = value[: -len(unit)].strip()  # "7.4 %" -> "7.4": the unit follows
        shown = f"{_fmt_value(value)} {escape(format_unit(unit))}".strip()
        rows.append(
            "<tr>"
            f"<td>{escape(str(getattr(item, 'name', '') or ''))}</td>"
            f"<td{style}>{shown}</td>"
            f"<td style='{_NOWRAP}'>"
            f"{_range_text(getattr(item, 'low', None), getattr(item, 'high', None))}</td>"
            f"<td{style}>{mark}</td>"
            "</tr>"
        )
    legend = [
        f"{mark} {escape(text)}"
        for mark, text in (
            ("▲", QCoreApplication.translate("medcard", "above range")),
            ("▼", QCoreApplication.translate("medcard", "below range")),
            ("!", QCoreApplication.translate("medcard", "out of range")),
        )
        if mark in marks
    ]
    note = (
        f"<p style='color:{_FLAG_COLOUR}; margin-top:4px'>{' &nbsp; '.join(legend)}</p>"
        if legend
        else ""
    )
    return (
        "<table width='100%' cellspacing='0' cellpadding='4' border='0'>"
        f"<tr style='background:#eceff1'>{head}</tr>{''.join(rows)}</table>{note}"
    )


def _codes(resource: dict[str, Any]) -> str:
    """ICD-10 (or other) codes of a diagnosis, e.g. "J06.9"."""
    codings = (resource.get("code") or {}).get("coding") or []
    return ", ".join(str(c["code"]) for c in codings if isinstance(c, dict) and c.get("code"))


_PLACED = ("Immunization", "Procedure", "ImagingStudy")


def _labelled(label: str, value: str) -> str:
    return f"<p><b>{escape(label)}:</b> {escape(value)}</p>"


def _visit_lines(detail: Any) -> list[str]:
    """A visit's period and facts (type, kind of care, reason, participants...)."""
    lines: list[str] = []
    start, end = getattr(detail, "period", ("", "")) if detail is not None else ("", "")
    if start:
        moment = _instant(start)
        text = format_datetime(moment) if moment else start
        finish = _instant(end) if end else None
        if finish is not None and moment is not None:
            same_day = finish.date() == moment.date()
            text += " – " + (
                QLocale().toString(qdatetime(finish).time(), QLocale.FormatType.ShortFormat)
                if same_day
                else format_datetime(finish)
            )
        lines.append(_labelled(QCoreApplication.translate("medcard", "When"), text))
    for label, value in getattr(detail, "facts", ()) if detail is not None else ():
        lines.append(_labelled(tr_service(label), value))
    return lines


def _instant(value: str) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo else moment


def render_detail(row: Any, detail: Any) -> str:
    """Full HTML for one record; `detail` None (not cached) shows what the row knows."""
    src = detail if detail is not None else row
    kind = str(getattr(src, "kind", None) or getattr(row, "kind", ""))
    date = getattr(src, "date", None) or getattr(row, "date", "")
    title = getattr(src, "title", None) or getattr(row, "title", "")
    parts = [
        "<html><body>",
        f"<p style='color:{_MUTED}; margin:0'>{escape(kind_label(kind))} · "
        f"{escape(format_date(date))}</p>",
        f"<h2 style='margin-top:4px'>{escape(str(title))}</h2>",
    ]
    # Full names here (the list shows the short ones).
    doctor = getattr(src, "doctor_full", None) or getattr(src, "doctor", None)
    clinic = getattr(src, "clinic_full", None) or getattr(src, "clinic", None)
    source = [str(v) for v in (doctor, clinic) if v]
    if source:
        parts.append(_labelled(QCoreApplication.translate("medcard", "Source"), " · ".join(source)))
    resource = getattr(detail, "resource", None) or {}
    parts += _visit_lines(detail)
    location = resource.get("location") if resource.get("resourceType") in _PLACED else None
    place = location.get("display") if isinstance(location, dict) else None
    if isinstance(place, str) and place:  # the room ("каб. 214"); the clinic is the Source
        parts.append(_labelled(QCoreApplication.translate("medcard", "Place"), place))
    if resource.get("resourceType") == "Condition" and _codes(resource):
        parts.append(_labelled(QCoreApplication.translate("medcard", "ICD-10"), _codes(resource)))
    results = getattr(detail, "results", ()) if detail is not None else ()
    if results:
        parts.append(results_table(results))
    dosage = getattr(detail, "dosage", "") if detail is not None else ""
    if dosage:
        parts.append(_labelled(QCoreApplication.translate("medcard", "Dosage"), str(dosage)))
    text = getattr(detail, "text", "") if detail is not None else ""
    sections = getattr(detail, "sections", ()) if detail is not None else ()
    if not text and not results:
        text = getattr(row, "summary", "")  # the table already says what a summary would
    if sections:
        parts.append(sections_html(sections))
    elif text:
        parts.append(text_html(str(text)))
    updated = getattr(src, "last_updated", "")
    if updated:
        label = escape(QCoreApplication.translate("medcard", "Updated"))
        parts.append(
            f"<p style='color:{_MUTED}; margin-top:16px'>{label}: {_fmt_datetime(updated)}</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)
