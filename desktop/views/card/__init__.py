"""Medical card tab: the timeline of every record, filters, search and the record pane."""

from __future__ import annotations

from desktop.views.card.tab import CardTab, create_tab

__all__ = ["CardTab", "create_tab"]
