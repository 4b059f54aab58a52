"""A small adversarial HTTP server for tests: it answers whatever a test tells it to.

The demo portal's fault injection covers outages; a hostile portal needs more: bodies that
never end or arrive a byte at a time, headers that trickle, pages that link on for ever,
redirects elsewhere, SMART configurations pointing anywhere. Each route is a function of
the request returning a `Reply`; every request is recorded (method, path, headers, body),
so a test can prove that nothing reached a host it must not reach.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import orjson


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str = "application/fhir+json"
    header_delay: float = 0.0  # seconds between header bytes (a trickling server)


Handler = Callable[[Request], Reply]


def json_reply(value: object, status: int = 200, **headers: str) -> Reply:
    return Reply(status, orjson.dumps(value), dict(headers))


def endless(chunk: bytes = b'{"resourceType": "Observation", "id": "x"},' * 100) -> Iterator[bytes]:
    yield b'{"resourceType": "Bundle", "entry": ['
    while True:
        yield chunk


def trickle(data: bytes, every: float) -> Iterator[bytes]:
    for i in range(len(data)):
        yield data[i : i + 1]
        time.sleep(every)


class HostileServer:
    """``with HostileServer() as s: s.route("GET", "/fhir/metadata", handler)``."""

    def __init__(self, tls_dir: Path | None = None) -> None:
        self.routes: list[tuple[str, str, Handler]] = []
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class _Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"  # no keep-alive: a body ends when we close

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                request = Request(
                    self.command,
                    parts.path,
                    {k: v[0] for k, v in parse_qs(parts.query).items()},
                    {k: v for k, v in self.headers.items()},
                    self.rfile.read(length) if length else b"",
                )
                with server._lock:
                    server.requests.append(request)
                handler = server._find(self.command, parts.path)
                reply = handler(request) if handler else Reply(404, b"{}")
                try:
                    self._send(reply)
                except OSError:
                    pass  # the client gave up (that is often the point)

            def _send(self, reply: Reply) -> None:
                head = f"HTTP/1.0 {reply.status} Hostile\r\nContent-Type: {reply.content_type}\r\n"
                for name, value in reply.headers.items():
                    head += f"{name}: {value}\r\n"
                head += "\r\n"
                raw = head.encode("latin-1")
                if reply.header_delay:
                    for i in range(len(raw)):
                        self.wfile.write(raw[i : i + 1])
                        self.wfile.flush()
                        time.sleep(reply.header_delay)
                else:
                    self.wfile.write(raw)
                body = reply.body
                for chunk in [body] if isinstance(body, bytes) else body:
                    self.wfile.write(chunk)
                    self.wfile.flush()

            do_GET = do_POST = do_PUT = do_DELETE = _serve  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self.scheme = "http"
        if tls_dir is not None:
            cert, key = self_signed_certificate(tls_dir)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
            self.scheme = "https"
            self.ca_file = cert
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.url}/fhir"

    def route(self, method: str, path: str, handler: Handler | Reply) -> None:
        """``path`` matches as a prefix; later routes win."""
        fn = handler if callable(handler) else (lambda _request, reply=handler: reply)
        self.routes.insert(0, (method, path, fn))

    def _find(self, method: str, path: str) -> Handler | None:
        for want_method, prefix, handler in self.routes:
            if want_method in (method, "*") and path.startswith(prefix):
                return handler
        return None

    def seen(self, path_prefix: str = "") -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path.startswith(path_prefix)]

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def self_signed_certificate(folder: Path) -> tuple[str, str]:
    """A throw-away certificate for 127.0.0.1 (tests trust it explicitly, nothing else)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(hours=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)
