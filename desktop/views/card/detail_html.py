"""HTML for the detail pane, built from a timeline row and the cache's RecordDetail.

Everything that comes from the portal is HTML-escaped: a record is data, never markup.
Field names are read defensively (getattr) so a record with less data still renders.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.models.card import format_date, kind_label

_FLAG_COLOUR = "#c62828"


def _tr(text: str) -> str:
    return QCoreApplication.translate("medcard", text)


def _get(obj: Any, *names: str) -> Any:
    for name in names:
        value = obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)
        if value not in (None, "", [], ()):
            return value
    return None


def _fmt_number(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return escape(str(value)) if value is not None else ""
    locale = QLocale()
    if isinstance(value, int) or float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "g", 6)


def _fmt_datetime(value: Any) -> str:
    locale = QLocale()
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return escape(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        return locale.toString(value.replace(tzinfo=None), QLocale.FormatType.ShortFormat)
    return escape(format_date(value, locale))


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n") if p.strip()).replace(
        "\n", "<br>"
    )


def _range_text(item: Any) -> str:
    text = _get(item, "reference_range", "range", "reference")
    if isinstance(text, str):
        return escape(text)
    low, high = _get(item, "low", "ref_low"), _get(item, "high", "ref_high")
    if low is not None and high is not None:
        return f"{_fmt_number(low)} – {_fmt_number(high)}"
    if low is not None:
        return f"≥ {_fmt_number(low)}"
    if high is not None:
        return f"≤ {_fmt_number(high)}"
    return ""


def _results_table(results: Iterable[Any]) -> str:
    head = "".join(
        f"<th align='left'>{escape(h)}</th>"
        for h in (_tr("Test"), _tr("Value"), _tr("Unit"), _tr("Reference range"), "")
    )
    rows = []
    for item in results:
        flag = _get(item, "flag", "interpretation")
        abnormal = bool(_get(item, "abnormal")) or (
            isinstance(flag, str) and flag.upper() in {"H", "L", "HH", "LL", "A", "AA"}
        )
        value = _get(item, "value", "value_text")
        style = f" style='color:{_FLAG_COLOUR}; font-weight:600'" if abnormal else ""
        marker = ""
        if abnormal:
            marker = escape(_flag_text(flag))
        rows.append(
            "<tr>"
            f"<td>{escape(str(_get(item, 'name', 'title', 'display') or ''))}</td>"
            f"<td{style}>{_fmt_number(value)}</td>"
            f"<td>{escape(str(_get(item, 'unit') or ''))}</td>"
            f"<td>{_range_text(item)}</td>"
            f"<td{style}>{marker}</td>"
            "</tr>"
        )
    return (
        "<table width='100%' cellspacing='0' cellpadding='4' class='results'>"
        f"<tr style='background:#eceff1'>{head}</tr>{''.join(rows)}</table>"
    )


def _flag_text(flag: Any) -> str:
    code = str(flag or "").upper()
    if code in {"H", "HH"}:
        return _tr("above range") + " ↑"
    if code in {"L", "LL"}:
        return _tr("below range") + " ↓"
    return _tr("out of range")


def render_detail(row: Any, detail: Any) -> str:
    """Full HTML for one record; `detail` may be None (show what the row knows)."""
    src = detail if detail is not None else row
    title = _get(src, "title") or _get(row, "title") or ""
    kind = _get(src, "kind") or _get(row, "kind") or ""
    parts = [
        "<html><body style='font-size:10.5pt'>",
        f"<p style='color:#757575; margin:0'>{escape(kind_label(kind))} · "
        f"{escape(format_date(_get(src, 'date') or _get(row, 'date')))}</p>",
        f"<h2 style='margin-top:4px'>{escape(str(title))}</h2>",
    ]
    source = [escape(str(v)) for v in (_get(src, "doctor"), _get(src, "clinic")) if v is not None]
    if source:
        parts.append(f"<p><b>{escape(_tr('Source'))}:</b> {' · '.join(source)}</p>")

    if _get(detail, "diagnosis", "code") is not None and detail is not None:
        parts.append(
            f"<p><b>{escape(_tr('Diagnosis'))}:</b> "
            f"{escape(str(_get(detail, 'diagnosis', 'code')))}</p>"
        )
    results = _get(detail, "results", "observations", "lab_results") if detail else None
    if results:
        parts.append(_results_table(results))
    dosage = _get(detail, "dosage", "dosage_text") if detail else None
    if dosage:
        parts.append(f"<p><b>{escape(_tr('Dosage'))}:</b> {escape(str(dosage))}</p>")
    text = _get(detail, "text", "body", "narrative") if detail else None
    if not text:
        text = _get(row, "summary")
    if text:
        parts.append(_paragraphs(str(text)))
    updated = _get(src, "last_updated", "updated")
    if updated:
        parts.append(
            "<p style='color:#757575; margin-top:16px'>"
            f"{escape(_tr('Updated'))}: {_fmt_datetime(updated)}</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)
