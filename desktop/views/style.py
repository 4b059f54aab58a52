"""Application style: Fusion (consistent everywhere) + our small stylesheet.

The palette comes from the system (Qt 6 follows the OS light/dark scheme), so the theme
"follows the system" without a setting of our own.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication

from desktop.resource_files import resource_path

log = logging.getLogger(__name__)

STYLESHEET = resource_path("qss", "medcard.qss")


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    try:
        app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
    except OSError:
        log.warning("stylesheet missing; using the plain platform look")
