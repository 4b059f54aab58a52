"""Card feature."""
