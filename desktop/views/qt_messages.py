"""Qt's own console messages: pass them on, minus the known noise of a platform.

The offscreen platform (screenshots, CI) has no window manager to tell about size hints
and says so ("This plugin does not support propagateSizeHints()") every time a window
with a minimum size is shown: nothing is wrong, but a screenshot run that prints warnings
looks broken. Only such exact, harmless messages are dropped; everything else reaches
stderr as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

HARMLESS = frozenset({"This plugin does not support propagateSizeHints()"})

_previous: Callable[..., Any] | None = None
_installed = False


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in HARMLESS:
        return
    if _previous is not None:
        _previous(kind, context, message)
    else:
        sys.stderr.write(message + "\n")


def quiet_platform_warnings() -> None:
    """Install the filter once per process."""
    global _previous, _installed
    if not _installed:
        _previous = qInstallMessageHandler(_handler)
        _installed = True
