"""Why the timeline is empty: said in the list itself, in place of the rows.

An empty list after choosing a chip or a period looks like a broken app; naming the
reason ("no records of this kind in the chosen period") tells the user what to change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


def empty_reason(kinds: bool, period: bool, text: str) -> str:
    """The sentence for an empty result of these filters, in the window's language."""
    if text:
        found = QCoreApplication.translate("medcard", "Nothing in the card matches “%1”.")
        found = found.replace("%1", text)
        if kinds or period:
            found += " " + QCoreApplication.translate(
                "medcard", "Only the chosen kinds of records and period were searched."
            )
        return found
    if kinds and period:
        return QCoreApplication.translate(
            "medcard", "No records of this kind in the chosen period."
        )
    if kinds:
        return QCoreApplication.translate("medcard", "No records of this kind in the card.")
    if period:
        return QCoreApplication.translate("medcard", "No records in the chosen period.")
    return QCoreApplication.translate(
        "medcard", "The card has no records yet. They appear here after a sync with the portal."
    )


class EmptyNote(QLabel):
    """A centred, wrapped note over an item view's viewport; shown only when it has text."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyNote")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet("color: palette(placeholder-text); padding: 24px;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._view = view
        view.viewport().installEventFilter(self)
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self._place()
        self.setVisible(bool(text))

    def _place(self) -> None:
        self.setGeometry(self._view.viewport().rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False
