"""The services and documents tabs inside the real main window: at 1024x640, in Russian
and in English, nothing is cut off (their smallest size fits the window's tab area)."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_tabs_fit_a_1024x640_window(qtbot: Any, signed_in: Any, language: str) -> None:
    window = signed_in.window
    signed_in.language.apply(language)
    window.resize(1024, 640)
    for name in ("services", "documents"):
        assert window.show_tab(name)
        tab = window.tab_widget(name)
        qtbot.waitUntil(lambda t=tab: t.model.loaded, timeout=20_000)
        signed_in.settle()
        area = window.tabs.currentWidget().size()
        needed = tab.minimumSizeHint()
        assert needed.width() <= area.width(), (name, language, needed, area)
        assert needed.height() <= area.height(), (name, language, needed, area)
        assert window.size().width() == 1024 and window.size().height() == 640
