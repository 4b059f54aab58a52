"""Translation markers for Qt-free code.

The services cannot import Qt, so they only *mark* user-visible strings. The views
translate them later with ``QCoreApplication.translate(CONTEXT, text)``; the marked text is
the English source string and the lookup key.
"""

from __future__ import annotations

CONTEXT = "medcard"


def N_(text: str) -> str:  # noqa: N802 - the conventional gettext-style marker name
    """Mark ``text`` for translation in context ``"medcard"``; returns it unchanged."""
    return text
