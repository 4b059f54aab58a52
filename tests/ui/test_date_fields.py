"""Every date field takes typed dates (the locale's format and digits only), Tab leaves it,
and a birth date's calendar opens years back: typed with the keyboard, as a user would."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from desktop.models.appointments.actions import BookingActions
from desktop.models.context import AppContext
from desktop.models.family.model import FamilyModel
from desktop.models.formats import parse_date
from desktop.models.tasks import TaskRunner
from desktop.views.appointments.booking_dialog import BookingDialog
from desktop.views.card.filter_bar import FilterBar
from desktop.views.date_edit import DateEdit, parse_time
from desktop.views.family.request_dialog import RequestAccessDialog
from desktop.views.icons import kind_icons
from desktop.views.labs.diary_dialog import DiaryEntryDialog

RU = QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
GB = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture
def russian() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(RU)
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def ctx(qtbot: Any) -> Iterator[AppContext]:
    runner = TaskRunner()
    yield AppContext(runner)
    runner.stop()


def show_active(qtbot: Any, window: QWidget) -> None:
    """Shown and active, so focus and Tab work as on a desktop."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def type_into(qtbot: Any, edit: DateEdit, text: str) -> None:
    edit.line.setFocus()
    edit.line.selectAll()
    qtbot.keyClicks(edit.line, text)


def test_typed_dates_in_each_locale_order() -> None:
    assert parse_date("15.03.2015", RU) == dt.date(2015, 3, 15)
    assert parse_date("15032015", RU) == dt.date(2015, 3, 15)
    assert parse_date("15/03/2015", GB) == dt.date(2015, 3, 15)
    assert parse_date("3/15/2015", US) == dt.date(2015, 3, 15)
    assert parse_date("03152015", US) == dt.date(2015, 3, 15)
    assert parse_date("2015-03-15", RU) == dt.date(2015, 3, 15)
    assert parse_date("15.3.15", RU, today=dt.date(2026, 1, 1)) == dt.date(2015, 3, 15)
    assert parse_date("1.1.85", RU, today=dt.date(2026, 1, 1)) == dt.date(1985, 1, 1)
    assert parse_date("  ", RU) is None
    for wrong in ("31.02.2015", "15032", "—15032015", "завтра", "15.03"):
        with pytest.raises(ValueError):
            parse_date(wrong, RU)
    assert parse_time("0805") == dt.time(8, 5) and parse_time("8.05") == dt.time(8, 5)
    assert parse_time("8:05 PM") == dt.time(20, 5) and parse_time("25:00") is None


def test_digits_only_and_tab_moves_on(qtbot: Any, russian: None) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    edit = DateEdit(form)
    after = QLineEdit(form)
    layout.addWidget(edit)
    layout.addWidget(after)
    show_active(qtbot, form)
    type_into(qtbot, edit, "15032015")
    qtbot.keyClick(edit.line, Qt.Key.Key_Tab)
    # Tab left the date (no stop at month and year), and the date reads back formatted.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is after, timeout=2000)
    assert edit.text() == "15.03.2015" and edit.date() == dt.date(2015, 3, 15)
    type_into(qtbot, edit, "31.02.2015")
    qtbot.keyClick(edit.line, Qt.Key.Key_Tab)
    assert edit.date() is None and edit.is_invalid()
    assert "ДД.ММ.ГГГГ" in edit.line.toolTip() or "DD" in edit.line.toolTip()


def test_child_access_form_takes_typed_dates(qtbot: Any, ctx: AppContext, russian: None) -> None:
    dialog = RequestAccessDialog(FamilyModel(ctx))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    type_into(qtbot, dialog.birth_date, "15.03.2015")
    qtbot.keyClick(dialog.birth_date.line, Qt.Key.Key_Tab)
    # Tab goes on to the next field of the form (the policy's number: the kind chooser
    # beside it keeps its default), not to the month or the calendar button.
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is dialog.insurance_policy.number, timeout=2000
    )
    type_into(qtbot, dialog.certificate_issued, "20032015")
    qtbot.keyClick(dialog.certificate_issued.line, Qt.Key.Key_Tab)
    values = dialog.form_values()
    assert values.birth_date == dt.date(2015, 3, 15)
    assert values.certificate_issued == dt.date(2015, 3, 20)
    assert dialog.birth_date.text() == "15.03.2015"
    assert dialog.certificate_issued.text() == "20.03.2015"


def test_a_date_that_is_not_one_is_named_so_with_every_other_error(
    qtbot: Any, ctx: AppContext, russian: None
) -> None:
    dialog = RequestAccessDialog(FamilyModel(ctx))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    type_into(qtbot, dialog.birth_date, "15.15.2015")
    dialog.send_button.click()
    shown = dialog.errors_shown()
    assert "not a date" in shown["birth_date"] or "не дата" in shown["birth_date"].lower()
    # The other problems of the form are listed at the same time.
    assert {"child_name", "insurance_policy", "role"} <= set(shown)


def test_birth_date_calendar_opens_years_back(qtbot: Any, ctx: AppContext) -> None:
    dialog = RequestAccessDialog(FamilyModel(ctx))
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    dialog.birth_date.show_popup()
    popup = dialog.birth_date.popup
    assert popup is not None and popup.isVisible()
    assert popup.calendar.yearShown() <= dt.date.today().year - 9
    popup.close()
    dialog.birth_date.setDate(dt.date(2016, 5, 4))
    dialog.birth_date.show_popup()
    popup = dialog.birth_date.popup
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2016, 5)
    # Picking a day in the calendar fills the field.
    popup.calendar.setSelectedDate(popup.calendar.selectedDate().addDays(2))
    popup.calendar.activated.emit(popup.calendar.selectedDate())
    assert dialog.birth_date.date() == dt.date(2016, 5, 6)
    # The certificate's calendar opens at the birth date.
    dialog.certificate_issued.show_popup()
    cert = dialog.certificate_issued.popup
    assert (cert.calendar.yearShown(), cert.calendar.monthShown()) == (2016, 5)
    cert.close()


def test_card_filter_takes_a_typed_period(qtbot: Any, russian: None) -> None:
    bar = FilterBar(kind_icons())
    qtbot.addWidget(bar)
    show_active(qtbot, bar)
    type_into(qtbot, bar.date_from, "01012026")
    with qtbot.waitSignal(bar.changed, timeout=2000):
        qtbot.keyClick(bar.date_from.line, Qt.Key.Key_Tab)
    type_into(qtbot, bar.date_to, "31.03.2026")
    with qtbot.waitSignal(bar.changed, timeout=2000):
        qtbot.keyClick(bar.date_to.line, Qt.Key.Key_Return)
    assert bar.date_range() == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    bar.reset()
    assert bar.date_range() == (None, None) and bar.date_from.text() == ""


def test_diary_dialog_takes_typed_date_and_time(qtbot: Any, russian: None) -> None:
    dialog = DiaryEntryDialog()
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    type_into(qtbot, dialog.day, "02112026")
    qtbot.keyClick(dialog.day.line, Qt.Key.Key_Tab)
    dialog.time.setFocus()
    dialog.time.selectAll()
    qtbot.keyClicks(dialog.time, "0730")
    qtbot.keyClick(dialog.time, Qt.Key.Key_Tab)
    dialog.kind.setCurrentIndex(dialog.kind.findData("pulse"))
    qtbot.keyClicks(dialog.fields["pulse"], "72")
    entry, problems = dialog.build_entry()
    assert problems == [] and entry is not None
    assert (entry.measured_at.date(), entry.measured_at.hour, entry.measured_at.minute) == (
        dt.date(2026, 11, 2),
        7,
        30,
    )
    assert dialog.time.text() == "07:30"


def test_diary_error_goes_once_the_value_is_corrected(qtbot: Any, russian: None) -> None:
    dialog = DiaryEntryDialog()
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    qtbot.keyClicks(dialog.fields["systolic"], "400")
    qtbot.keyClicks(dialog.fields["diastolic"], "80")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.errors["systolic"].isVisible() and "400" in dialog.errors["systolic"].text()
    dialog.fields["systolic"].clear()
    qtbot.keyClicks(dialog.fields["systolic"], "130")
    # Gone as soon as the value is right, before any Save.
    assert not dialog.errors["systolic"].isVisible()


def test_booking_day_can_be_typed(qtbot: Any, ctx: AppContext, russian: None) -> None:
    now = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)
    dialog = BookingDialog(BookingActions(ctx), "p", "Сергей", clock=lambda: now)
    qtbot.addWidget(dialog)
    show_active(qtbot, dialog)
    type_into(qtbot, dialog.day, "10122026")
    qtbot.keyClick(dialog.day.line, Qt.Key.Key_Tab)
    assert dialog.calendar.selectedDate().toPython() == dt.date(2026, 12, 10)
    # Beyond the booking horizon: refused, the calendar stays.
    type_into(qtbot, dialog.day, "10.06.2027")
    qtbot.keyClick(dialog.day.line, Qt.Key.Key_Tab)
    assert dialog.day.is_invalid()
    assert dialog.calendar.selectedDate().toPython() == dt.date(2026, 12, 10)
    # Picking in the calendar writes the day into the field.
    dialog.calendar.setSelectedDate(dialog.calendar.selectedDate().addDays(1))
    assert dialog.day.text() == "11.12.2026"
