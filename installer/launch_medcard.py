"""The bundle's entry point: the same as `python -m desktop` / the `medcard` script.

It lives here rather than being desktop/__main__.py so that PyInstaller, which puts the
script's folder first on its search path, takes `desktop` from the installed package and
never from the source tree next to it.
"""

from desktop.app import main

raise SystemExit(main())
