"""Lab values in the record pane: locale's decimal sign, clinically sensible digits."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale

from desktop.views.card.detail_html import _fmt_value


@pytest.fixture
def locale_default(qapp) -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("locale", "value", "shown"),
    [
        ("en_US", 174.574, "174.6"),  # Synthea sends raw instrument precision
        ("en_US", 7.25, "7.25"),
        ("en_US", 0.01234, "0.0123"),
        ("en_US", 5, "5"),
        ("en_US", "4.50", "4.5"),
        ("ru_RU", 174.574, "174,6"),
        ("ru_RU", 7.1, "7,1"),
        ("ru_RU", 100.04, "100"),
        ("ru_RU", "отрицательно", "отрицательно"),
    ],
)
def test_values_are_rounded_for_reading(locale_default, locale, value, shown) -> None:
    QLocale.setDefault(QLocale(locale))
    assert _fmt_value(value) == shown
