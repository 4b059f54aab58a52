"""The GUI-thread watch reports a cache read made by GUI code on the GUI thread, and only
that (the autouse fixture in tests/conftest.py fails a test on any such report)."""

from __future__ import annotations

import threading
from pathlib import Path

from desktop.services.cache import Cache
from desktop.services.threads import check_blocking_allowed, watch_gui_thread


def _gui_code(module: str) -> dict:
    namespace: dict = {"__name__": module}
    exec(
        compile("def read(cache):\n    return cache.counts()\n", f"{module}.py", "exec"), namespace
    )
    return namespace


def test_a_cache_read_from_gui_code_on_the_gui_thread_is_reported(tmp_path: Path) -> None:
    seen: list[str] = []
    watch_gui_thread(seen.append)  # the fixture's own watch is restored at teardown
    with Cache.open(tmp_path / "c.db", Cache.new_key()) as cache:
        _gui_code("desktop.views.fake_tab")["read"](cache)
        assert len(seen) == 1 and "cache transaction" in seen[0]
        assert "desktop.views.fake_tab" in seen[0]
        # The same read from a worker thread, or by a script's own code, is fine.
        worker = threading.Thread(target=_gui_code("desktop.views.fake_tab")["read"], args=(cache,))
        worker.start()
        worker.join()
        cache.counts()
        _gui_code("desktop.models.signin")["read"](cache)  # worker code, called by a test
    assert len(seen) == 1


def test_nothing_is_reported_when_nobody_watches() -> None:
    from desktop.services.threads import stop_watching

    stop_watching()
    check_blocking_allowed("a cache transaction")  # no report function: returns quietly
