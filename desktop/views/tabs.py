"""The feature tabs, in the order the window shows them: one static list.

Each entry names the tab (also its `--tab` name for screenshots), its title and the
function that builds it; each tab's package holds its widgets, and its model and portal
calls sit in `desktop/models/<tab>/` and `desktop/services/<feature>/` (see
docs/ARCHITECTURE.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from desktop.models.context import AppContext
from desktop.views import appointments, card, clinic, documents, family, labs, services


@dataclass(frozen=True)
class TabSpec:
    name: str
    title: object  # QT_TRANSLATE_NOOP text in context "MainWindow", translated when shown
    create: Callable[[AppContext], QWidget]


TABS: tuple[TabSpec, ...] = (
    TabSpec("card", QT_TRANSLATE_NOOP("MainWindow", "Medical card"), card.create_tab),
    TabSpec("labs", QT_TRANSLATE_NOOP("MainWindow", "Lab trends"), labs.create_tab),
    TabSpec(
        "appointments",
        QT_TRANSLATE_NOOP("MainWindow", "Appointments"),
        appointments.create_tab,
    ),
    TabSpec("family", QT_TRANSLATE_NOOP("MainWindow", "Family"), family.create_tab),
    TabSpec("services", QT_TRANSLATE_NOOP("MainWindow", "Services"), services.create_tab),
    TabSpec("documents", QT_TRANSLATE_NOOP("MainWindow", "Documents"), documents.create_tab),
    TabSpec("clinic", QT_TRANSLATE_NOOP("MainWindow", "My clinic"), clinic.create_tab),
)
