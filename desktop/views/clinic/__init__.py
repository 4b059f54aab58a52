"""My clinic tab: the attached clinic, the OMS policy, the change of clinic (issue 13)."""

from __future__ import annotations

from desktop.views.clinic.tab import ClinicTab, create_tab

__all__ = ["ClinicTab", "create_tab"]
