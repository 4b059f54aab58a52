"""Appointments feature."""
