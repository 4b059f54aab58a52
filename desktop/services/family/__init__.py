"""Family feature."""
