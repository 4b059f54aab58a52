"""Test-only fault injection: make the next N matching requests fail on purpose.

Applied as WSGI middleware in front of the app, so a fault looks exactly like a real
outage to the client: a 503/429 with Retry-After, a connection closed without an answer
(before the portal saw the request, or after it acted on it: an answer lost in transit),
a malformed body with a success status, extra headers (a redirect elsewhere), or a slow
answer. `chaos()` makes a share of all FHIR requests fail at random, for soak runs.
"""

from __future__ import annotations

import random
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from demo_portal.errors import operation_outcome


@dataclass
class Fault:
    status: int = 503
    count: int = 1
    path_contains: str = ""
    retry_after: int | str | None = None  # a str is sent as given (malformed ones too)
    drop: bool = False
    body: bytes | None = None
    delay: float = 0.0  # seconds to wait before answering
    passthrough: bool = False  # then answer normally (a slow portal, not a broken one)
    headers: dict[str, str] = field(default_factory=dict)  # e.g. {"Location": ...}
    drop_answer: bool = False  # let the portal act, then close without answering
    answer_delay: float = 0.0  # let the portal act, then answer this many seconds late
    empty_answer: bool = False  # let the portal act, answer its status and headers only


@dataclass
class Chaos:
    """A share of FHIR requests fails, each with a fault chosen at random."""

    rate: float
    rng: random.Random
    retry_after: int = 1
    slow: float = 0.5
    injected: dict[str, int] = field(default_factory=dict)

    def pick(self) -> Fault | None:
        if self.rng.random() >= self.rate:
            return None
        kind = self.rng.choice(("503", "429", "drop", "slow"))
        self.injected[kind] = self.injected.get(kind, 0) + 1
        if kind == "503":
            return Fault(status=503)
        if kind == "429":
            return Fault(status=429, retry_after=self.retry_after)
        if kind == "drop":
            return Fault(drop=True)
        return Fault(delay=self.slow, passthrough=True)


class FaultInjector:
    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._chaos: Chaos | None = None
        self._lock = threading.Lock()
        self._one_at_a_time: Fault | None = None
        self._in_flight = 0
        self.refused_parallel = 0  # requests refused by one_at_a_time()

    def add(
        self,
        status: int = 503,
        count: int = 1,
        path_contains: str = "",
        retry_after: int | str | None = None,
        drop: bool = False,
        body: bytes | str | None = None,
        headers: dict[str, str] | None = None,
        drop_answer: bool = False,
    ) -> Fault:
        if isinstance(body, str):
            body = body.encode()
        fault = Fault(
            status,
            count,
            path_contains,
            retry_after,
            drop,
            body,
            headers=dict(headers or {}),
            drop_answer=drop_answer,
        )
        with self._lock:
            self._faults.append(fault)
        return fault

    def slow(self, seconds: float, count: int = 1, path_contains: str = "") -> Fault:
        """The next `count` matching requests are answered normally, `seconds` late."""
        fault = Fault(count=count, path_contains=path_contains, delay=seconds, passthrough=True)
        with self._lock:
            self._faults.append(fault)
        return fault

    def empty_answer(self, count: int = 1, path_contains: str = "") -> Fault:
        """The next `count` matching requests are answered with the portal's status and
        headers (Location, ETag) but no body: a server that ignores
        `Prefer: return=representation`, as FHIR allows."""
        fault = Fault(count=count, path_contains=path_contains, empty_answer=True)
        with self._lock:
            self._faults.append(fault)
        return fault

    def slow_answer(self, seconds: float, count: int = 1, path_contains: str = "") -> Fault:
        """The portal acts on the next `count` matching requests at once, but its answers
        arrive `seconds` late (a token rotated while the app still waits for it)."""
        fault = Fault(count=count, path_contains=path_contains, answer_delay=seconds)
        with self._lock:
            self._faults.append(fault)
        return fault

    def chaos(self, rate: float, seed: int = 0, retry_after: int = 1, slow: float = 0.5) -> Chaos:
        """From now on `rate` of the FHIR requests get a random fault (503, 429 with
        Retry-After, a dropped connection, a slow answer); `clear()` ends it. The returned
        object counts what was injected."""
        chaos = Chaos(rate, random.Random(seed), retry_after, slow)
        with self._lock:
            self._chaos = chaos
        return chaos

    def one_at_a_time(self, status: int = 429, retry_after: int | str | None = None) -> None:
        """From now on a FHIR request that arrives while another is being answered is
        refused with `status` (a server that serves one request at a time); `clear()` ends it."""
        with self._lock:
            self._one_at_a_time = Fault(status=status, retry_after=retry_after)

    def enter(self) -> tuple[bool, Fault | None]:
        """A FHIR request begins: (counted, refusal). A counted one calls `leave()` when
        answered (see one_at_a_time)."""
        with self._lock:
            if self._one_at_a_time is None:
                return False, None
            if self._in_flight > 0:
                self.refused_parallel += 1
                return False, self._one_at_a_time
            self._in_flight += 1
            return True, None

    def leave(self) -> None:
        with self._lock:
            self._in_flight = max(0, self._in_flight - 1)

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
            self._chaos = None
            self._one_at_a_time = None
            self._in_flight = 0

    def pending(self) -> int:
        with self._lock:
            return sum(f.count for f in self._faults)

    def take(self, path: str, fhir: bool = True) -> Fault | None:
        """The first fault matching this request path, consuming one of its uses. Outside
        the FHIR base only faults that name the path (e.g. "/oauth/token") apply."""
        with self._lock:
            for fault in self._faults:
                if fault.path_contains in path and (fhir or fault.path_contains):
                    fault.count -= 1
                    if fault.count <= 0:
                        self._faults.remove(fault)
                    return fault
            if fhir and self._chaos is not None:
                return self._chaos.pick()
        return None


def _drop_connection(environ: dict) -> None:
    sock: Any = environ.get("werkzeug.socket")
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    # The dev server treats ConnectionError as "client went away" and stays quiet.
    raise ConnectionAbortedError("fault injection: connection dropped")


def _without_body(app: Callable, environ: dict, start_response: Callable) -> Iterable[bytes]:
    seen: dict[str, Any] = {}

    def keep(status: str, headers: list[tuple[str, str]], *rest: Any) -> None:
        seen["status"], seen["headers"] = status, headers

    answer = app(environ, keep)
    b"".join(answer)
    close = getattr(answer, "close", None)
    if close is not None:
        close()
    headers = [
        (name, value)
        for name, value in seen.get("headers", [])
        if name.lower() not in ("content-type", "content-length")
    ]
    start_response(seen.get("status", "500 Fault"), [*headers, ("Content-Length", "0")])
    return [b""]


class FaultMiddleware:
    """Applies faults before the app sees a request: any fault to FHIR requests (`/fhir`),
    and faults with a matching `path_contains` to the OAuth endpoints too."""

    def __init__(self, app: Callable, faults: FaultInjector, prefix: str = "/fhir"):
        self.app = app
        self.faults = faults
        self.prefix = prefix

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        query = environ.get("QUERY_STRING", "")
        full = f"{path}?{query}" if query else path
        fault = None
        if not path.startswith("/_demo/"):
            fault = self.faults.take(full, fhir=path.startswith(self.prefix))
        counted = False
        if fault is None and path.startswith(self.prefix):
            counted, fault = self.faults.enter()
        if counted:
            try:
                answer = self.app(environ, start_response)
                body = b"".join(answer)  # answered in full before the next may enter
                close = getattr(answer, "close", None)
                if close is not None:
                    close()
                return [body]
            finally:
                self.faults.leave()
        if fault is None:
            return self.app(environ, start_response)
        if fault.delay:
            time.sleep(fault.delay)
        if fault.passthrough:
            return self.app(environ, start_response)
        if fault.empty_answer:
            return _without_body(self.app, environ, start_response)
        if fault.answer_delay:
            answer = list(self.app(environ, start_response))  # acted upon now ...
            time.sleep(fault.answer_delay)  # ... answered later
            return answer
        if fault.drop_answer:
            # The portal does the work (rotates a token, stores a record); the answer is lost.
            answer = self.app(environ, lambda *args, **kwargs: None)
            b"".join(answer)
            close = getattr(answer, "close", None)
            if close is not None:
                close()
            _drop_connection(environ)
        if fault.drop:
            _drop_connection(environ)
        if fault.body is not None:
            body, content_type = fault.body, "application/fhir+json"
        else:
            body = orjson.dumps(
                operation_outcome(
                    fault.status,
                    f"Injected fault: HTTP {fault.status}",
                    f"Искусственный сбой: HTTP {fault.status}",
                )
            )
            content_type = "application/fhir+json"
        headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
        if fault.retry_after is not None:
            headers.append(("Retry-After", str(fault.retry_after)))
        headers += list(fault.headers.items())
        reason = {
            200: "OK",
            301: "Moved Permanently",
            302: "Found",
            307: "Temporary Redirect",
            429: "Too Many Requests",
            503: "Service Unavailable",
        }
        start_response(f"{fault.status} {reason.get(fault.status, 'Fault')}", headers)
        return [body]
