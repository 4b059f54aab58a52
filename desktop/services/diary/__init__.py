"""Diary feature."""
