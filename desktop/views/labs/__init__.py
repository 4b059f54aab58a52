"""Lab trends tab: analytes over time, and the patient's health diary."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.models.context import AppContext


def create_tab(ctx: AppContext) -> QWidget:
    from desktop.views.labs.tab import LabsTab

    return LabsTab(ctx)
