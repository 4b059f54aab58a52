"""A 1024x640 screen (a small laptop, a netbook): every tab fits, in both languages, with
readable names. The window is signed in and synced, so the tabs hold real content."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize

from desktop.views.tabs import TABS

SMALL = QSize(1024, 640)


def fits(size: QSize) -> bool:
    return size.width() <= SMALL.width() and size.height() <= SMALL.height()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_tab_fits_a_1024x640_window(qtbot: Any, signed_in: Any, lang: str) -> None:
    window = signed_in.window
    signed_in.language.apply(lang)
    signed_in.settle()
    too_big = []
    for spec in TABS:
        window.show_tab(spec.name)
        qtbot.wait(10)
        tab = window.tab_widget(spec.name)
        for what, hint in (("window", window.minimumSizeHint()), ("tab", tab.minimumSizeHint())):
            if not fits(hint):
                too_big.append(f"{spec.name} {what}: {hint.width()}x{hint.height()}")
    assert too_big == [], f"{lang}: " + "; ".join(too_big)
    window.resize(SMALL)
    qtbot.waitUntil(lambda: window.size() == SMALL, timeout=5000)
    assert window.width() == SMALL.width()  # nothing forced it wider

    # Lab trends at 1024x640: analyte names readable, more than two diary rows in view.
    window.show_tab("labs")
    labs = window.tab_widget("labs")
    qtbot.waitUntil(lambda: labs.diary_panel.table.model().rowCount() >= 3, timeout=20_000)
    qtbot.wait(50)  # the layout of the newly shown tab
    tree = labs.tree
    assert tree.header().sectionSize(0) >= 12 * tree.fontMetrics().averageCharWidth()
    table = labs.diary_panel.table
    height = table.viewport().height()
    shown = [
        r
        for r in range(table.model().rowCount())
        if 0 <= table.visualRect(table.model().index(r, 0)).top()
        and table.visualRect(table.model().index(r, 0)).bottom() <= height
    ]
    assert len(shown) >= 3, f"{lang}: only {len(shown)} diary rows in view"
