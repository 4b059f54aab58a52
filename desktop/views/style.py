"""Application style: Fusion (consistent everywhere) + our small stylesheet.

The palette comes from the system (Qt 6 follows the OS light/dark scheme), so the theme
"follows the system" without a setting of our own.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.resource_files import resource_path

log = logging.getLogger(__name__)

STYLESHEET = resource_path("qss", "medcard.qss")


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    try:
        app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))
    except OSError:
        log.warning("stylesheet missing; using the plain platform look")


def set_style_state(widget: QWidget, name: str, value: object) -> None:
    """Set a property the stylesheet selects on (`#message[error="true"]`): Qt applies a
    changed property only once the widget's style is polished again."""
    widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def show_note(label: QLabel, text: str, error: bool = False) -> None:
    """A tab's one-line note under its buttons: hidden when empty, red when an error."""
    label.setText(text)
    set_style_state(label, "error", error)
    label.setVisible(bool(text))
