"""A message in the system tray (appointment reminders, a document that became ready).

One lazily made tray icon per owner; nothing happens where the desktop has no tray
(the tabs show the same news in their own message line).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

SHOW_MS = 15_000


class TrayMessenger(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tray: QSystemTrayIcon | None = None

    def show(self, title: str, text: str) -> bool:
        """Show the message; False when there is no system tray to show it in."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        if self._tray is None:
            app = QApplication.instance()
            icon = app.windowIcon() if isinstance(app, QApplication) else None
            self._tray = QSystemTrayIcon(self)
            if icon is not None and not icon.isNull():
                self._tray.setIcon(icon)
        self._tray.show()
        self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, SHOW_MS)
        return True

    def hide(self) -> None:
        if self._tray is not None:
            self._tray.hide()
