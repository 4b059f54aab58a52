"""Appointments tab: calendar, booking from free slots, cancel, ticket, home visit, video."""

from __future__ import annotations

from desktop.views.appointments.tab import AppointmentsTab, create_tab

__all__ = ["AppointmentsTab", "create_tab"]
