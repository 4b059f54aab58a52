"""The clipboard must not carry a patient's data away from the desk.

On lock, "Next patient" and the end of the shift, the clipboard is cleared when this app
put something there, or when its text holds any of the patient data the desk showed
(names, ids, policy and phone numbers) — copied by other means, e.g. a selection.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QClipboard, QGuiApplication


def clear_patient_clipboard(traces: Iterable[str]) -> bool:
    """True when something was cleared."""
    if QGuiApplication.instance() is None:
        return False
    clipboard = QGuiApplication.clipboard()
    cleared = False
    for mode in (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection):
        if mode == QClipboard.Mode.Selection and not clipboard.supportsSelection():
            continue
        text = clipboard.text(mode).casefold()
        ours = clipboard.ownsClipboard() if mode == QClipboard.Mode.Clipboard else False
        if ours or (text and any(t.casefold() in text for t in traces if len(t) >= 3)):
            clipboard.clear(mode)
            cleared = True
    return cleared
