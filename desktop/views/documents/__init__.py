"""Documents tab: the card's documents and their signed originals, orders, paper copies."""

from __future__ import annotations

from desktop.views.documents.tab import DocumentsTab, create_tab

__all__ = ["DocumentsTab", "create_tab"]
