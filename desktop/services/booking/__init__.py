"""Booking feature."""
