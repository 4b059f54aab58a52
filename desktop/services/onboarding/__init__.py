"""Getting started: the portals the app knows, and a first sign-in that says what is
wrong and what to do next (issue 13)."""
