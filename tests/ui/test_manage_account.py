"""'Change password / manage account…' when no web browser opens: the window says so and
offers the address to copy (the tests run with BROWSER=false: no browser starts)."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtGui import QGuiApplication

from desktop.views.link_dialog import LinkDialog


def test_no_browser_shows_the_address_to_copy(qtbot: Any, signed_in: Any) -> None:
    assert os.environ["BROWSER"] == "false"
    window = signed_in.window
    qtbot.waitUntil(window.act_manage.isEnabled, timeout=20_000)  # the portal's account page
    window.act_manage.trigger()
    qtbot.waitUntil(lambda: signed_in.link_dialog is not None, timeout=20_000)
    dialog = signed_in.link_dialog
    assert isinstance(dialog, LinkDialog) and dialog.isVisible()
    assert dialog.address.text().startswith("http://127.0.0.1:")
    assert dialog.address.text().endswith("/account")
    assert "browser" in dialog.message.text()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == dialog.address.text()
    assert dialog.copied.isVisible() and dialog.isVisible()  # copying does not close it
    dialog.close()
