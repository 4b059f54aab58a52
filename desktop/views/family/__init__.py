"""Family tab: children's cards, access requests, withdraw and give up access."""

from __future__ import annotations

from desktop.views.family.tab import FamilyTab, create_tab

__all__ = ["FamilyTab", "create_tab"]
