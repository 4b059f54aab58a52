"""Opening hours and reasons as the window's language writes them: "Mon–Fri 07:30–20:00;
Sat 09:00–15:00" / "пн–пт 07:30–20:00; сб 09:00–15:00"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.services.clinic.fhir import BY_CHOICE, DAYS, RESIDENCE, OpeningHours


def _day_name(day: str, locale: QLocale) -> str:
    return locale.dayName(DAYS.index(day) + 1, QLocale.FormatType.ShortFormat).rstrip(".")


def _days_text(days: tuple[str, ...], locale: QLocale) -> str:
    """Runs of consecutive days joined by a dash: mon..fri -> "Mon–Fri"."""
    runs: list[list[str]] = []
    for day in days:
        if runs and DAYS.index(day) == DAYS.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        first, last = _day_name(run[0], locale), _day_name(run[-1], locale)
        parts.append(first if len(run) == 1 else f"{first}–{last}")
    return ", ".join(parts)


def format_hours(hours: tuple[OpeningHours, ...], locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    parts = []
    for item in hours:
        if item.all_day:
            when = QCoreApplication.translate("medcard", "all day")
        else:
            when = f"{item.opens}–{item.closes}"
        parts.append(f"{_days_text(item.days, locale)} {when}")
    return "; ".join(parts)


def application_reason_text(reason: str) -> str:
    """Why an application was made (not how the person is attached)."""
    if reason == BY_CHOICE:
        return QCoreApplication.translate("medcard", "by choice")
    if reason == RESIDENCE:
        return QCoreApplication.translate("medcard", "change of residence")
    return ""


def reason_text(reason: str) -> str:
    if reason == BY_CHOICE:
        return QCoreApplication.translate("medcard", "by choice")
    if reason == RESIDENCE:
        return QCoreApplication.translate("medcard", "by place of residence")
    return ""
