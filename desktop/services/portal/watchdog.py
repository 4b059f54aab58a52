"""A deadline for one HTTP exchange that a trickling server cannot outlast.

requests' read timeout bounds each socket read, so a server sending a byte every few
seconds keeps a request alive for ever. Our sessions use connection classes that tell the
current thread's `Watch` which connection carries its request; when the deadline passes,
the watch shuts that socket down and the blocked read returns at once with an error.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import requests
import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

_current = threading.local()
_RETRY_CUT = 0.2  # the connection may still be connecting when the deadline passes


class Watch:
    """Cuts the connection of one request when ``seconds`` have passed."""

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._sock: Any = None
        self._conn: Any = None
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._done.set()
        self._timer.cancel()

    def attach(self, conn: Any) -> None:
        """The connection that carries the request (its socket may come later)."""
        with self._lock:
            self._conn = conn
            if getattr(conn, "sock", None) is not None:
                self._sock = conn.sock
            if self.fired:
                self._cut()

    def connected(self, sock: Any) -> None:
        # Kept from here on: http.client lets go of the socket once a response that ends
        # with the connection ("Connection: close") has begun, while its body still flows.
        with self._lock:
            self._sock = sock
            if self.fired:
                self._cut()

    def _fire(self) -> None:
        while not self._done.is_set():
            with self._lock:
                self.fired = True
                if self._cut():
                    return
            self._done.wait(_RETRY_CUT)

    def _cut(self) -> bool:
        sock = self._sock or getattr(self._conn, "sock", None)
        if sock is None:
            return False
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        return True


@contextmanager
def watched(watch: Watch) -> Iterator[Watch]:
    """Run a request (and the reading of its answer) under ``watch`` on this thread."""
    previous = getattr(_current, "watch", None)
    _current.watch = watch
    watch.start()
    try:
        yield watch
    finally:
        watch.stop()
        _current.watch = previous


class _Tracked:
    def request(self, *args: Any, **kwargs: Any) -> Any:
        watch = getattr(_current, "watch", None)
        if watch is not None:
            watch.attach(self)
        return super().request(*args, **kwargs)  # type: ignore[misc]

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        watch = getattr(_current, "watch", None)
        if watch is not None:
            watch.connected(self.sock)  # type: ignore[attr-defined]


class _WatchedHTTPConnection(_Tracked, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Tracked, HTTPSConnection):
    pass


class _HTTPPool(urllib3.HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _HTTPSPool(urllib3.HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class WatchedAdapter(requests.adapters.HTTPAdapter):
    """An HTTPAdapter whose connections report to the current thread's Watch."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
