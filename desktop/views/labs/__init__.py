"""Lab trends tab: analytes over time, and the patient's health diary."""

from __future__ import annotations

from desktop.views.labs.tab import LabsTab, create_tab

__all__ = ["LabsTab", "create_tab"]
