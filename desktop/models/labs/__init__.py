"""Labs feature."""
