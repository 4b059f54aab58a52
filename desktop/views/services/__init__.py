"""Services tab: services received and their cost, totals, exports, reports to the insurer."""

from __future__ import annotations

from desktop.views.services.tab import ServicesTab, create_tab

__all__ = ["ServicesTab", "create_tab"]
