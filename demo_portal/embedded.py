"""The demo portal in a background thread on a random loopback port (demo mode, tests)."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from demo_portal.app import create_app
from demo_portal.data import load_bundle_dir, load_demo_dataset
from demo_portal.db import make_engine
from demo_portal.faults import FaultInjector
from demo_portal.link import Link
from demo_portal.recording import RequestRecorder
from demo_portal.store import Store

# Generating the demo data takes a second or two; tests start a hundred portals with the
# same data. The first portal of a kind in this process keeps a copy of its fresh
# database, later ones start from that copy (the data is deterministic for these keys).
_TEMPLATES: dict[tuple[Any, ...], Path] = {}
_TEMPLATES_LOCK = threading.Lock()
_TEMPLATE_DIR: tempfile.TemporaryDirectory[str] | None = None


def _keep_template(key: tuple[Any, ...], db_path: Path) -> None:
    global _TEMPLATE_DIR
    with _TEMPLATES_LOCK:
        if key in _TEMPLATES:
            return
        if _TEMPLATE_DIR is None:
            _TEMPLATE_DIR = tempfile.TemporaryDirectory(prefix="medcard-portal-templates-")
        target = Path(_TEMPLATE_DIR.name) / f"template-{len(_TEMPLATES)}.db"
        # SQLite's backup copies a consistent database, whatever sits in its WAL.
        with sqlite3.connect(db_path) as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        _TEMPLATES[key] = target


class QuietRequestHandler(WSGIRequestHandler):
    """No access log: URLs carry patient ids and search terms (medical data).

    (Werkzeug closes every connection after its response, so stop() leaves no keep-alive
    connection that could still be answered.)"""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class DemoPortal:
    """Start/stop the portal; `base_url` is the FHIR base, `store` gives direct access.

    With `db_path=None` the database is a temporary file removed by `stop()` (a later
    `start()` generates fresh data). An existing `db_path` that already holds data is
    served as it is (no regeneration), also after a stop and start on the same port.
    """

    def __init__(
        self,
        db_path: str | Path | None = None,
        seed: int = 42,
        scale: int = 0,
        load_dir: str | Path | None = None,
        access_token_ttl: int = 3600,
        today: date | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        auth_host: str | None = None,
        record_requests: bool = False,
        patients: int = 0,
        progress: Callable[[int, int], None] | None = None,
        latency_ms: float = 0.0,
        max_count: int | None = None,
    ):
        self._tmpdir: tempfile.TemporaryDirectory[str] | None = None
        self._temporary = db_path is None
        self.db_path = Path(db_path) if db_path is not None else Path()
        self.seed, self.scale, self.today = seed, scale, today
        # `patients` townspeople more (a city for the desk); progress(done, total) meanwhile
        self.patients, self._progress = patients, progress
        self.load_dir = Path(load_dir) if load_dir else None
        self.access_token_ttl = access_token_ttl
        self.host, self.port = host, port
        # Advertise the OAuth endpoints under another host name (same server), e.g.
        # "localhost" while the FHIR base is 127.0.0.1: an authorization server on another
        # origin, as SMART allows.
        self.auth_host = auth_host
        self.faults = FaultInjector()
        # With record_requests, `recorder.seen()` lists every request that reached us.
        self.recorder: RequestRecorder | None = None
        self._record = record_requests
        # A remote portal's manners (issue 19): every answer late, pages capped.
        self.link = Link(latency_ms=latency_ms, max_count=max_count)
        self.store: Store | None = None  # type: ignore[assignment]
        self.loaded_accounts: list[tuple[str, str]] = []
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def root_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the demo portal is not running")
        host = self.host if ":" not in self.host else f"[{self.host}]"
        return f"http://{host}:{self._server.server_port}"

    @property
    def base_url(self) -> str:
        return f"{self.root_url}/fhir"

    def start(self) -> DemoPortal:
        if self._server is not None:
            return self
        if self._temporary and self._tmpdir is None:
            self._tmpdir = tempfile.TemporaryDirectory(prefix="medcard-portal-")
            self.db_path = Path(self._tmpdir.name) / "portal.db"
        key = (self.seed, self.scale, self.today or date.today(), self.patients)
        template = _TEMPLATES.get(key)
        if template is not None and not self.db_path.exists():
            shutil.copyfile(template, self.db_path)
        engine = make_engine(self.db_path)
        store = Store(engine)
        if store.count() == 0:
            load_demo_dataset(
                store,
                seed=self.seed,
                scale=self.scale,
                today=self.today,
                patients=self.patients,
                progress=self._progress,
            )
            if self.scale == 0 and self.patients <= 1000:  # big ones are benchmark-only
                _keep_template(key, self.db_path)
        if self.load_dir is not None:
            self.loaded_accounts = load_bundle_dir(store, self.load_dir)
        self.store = store
        app, wsgi = create_app(store, self.faults, self.access_token_ttl, self.link)
        app.config["MEDCARD_AUTH_HOST"] = self.auth_host
        served: Any = wsgi
        if self._record:
            self.recorder = self.recorder or RequestRecorder(wsgi)
            self.recorder.app = wsgi
            served = self.recorder
        self._server = make_server(
            self.host, self.port, served, threaded=True, request_handler=QuietRequestHandler
        )
        # A short poll interval makes stop() quick (tests start many portals).
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), name="demo-portal", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and free the port (idempotent); removes a temporary database."""
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        if self.store is not None:
            self.store.engine.dispose()
        if self._tmpdir is not None:
            self._tmpdir.cleanup()
            self._tmpdir = None

    def __enter__(self) -> DemoPortal:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
