"""The loopback redirect receiver of RFC 8252 (section 7.3): a tiny HTTP server on
127.0.0.1 and a random port that waits for the browser to bring back the code."""

from __future__ import annotations

import html
import secrets
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

CALLBACK_PATH = "/callback"

_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Medcard</title>
<style>body{{font-family:sans-serif;margin:4em auto;max-width:32em;color:#223}}</style>
</head><body><h2>{ru_title}</h2><p>{ru_text}</p><hr><h2>{en_title}</h2><p>{en_text}</p>
</body></html>"""

_DONE = {
    "ru_title": "Вход выполнен",
    "ru_text": "Окно можно закрыть и вернуться в Medcard.",
    "en_title": "Signed in",
    "en_text": "You may close this window and return to Medcard.",
}
_FAILED = {
    "ru_title": "Вход не выполнен",
    "ru_text": "Вернитесь в Medcard и попробуйте ещё раз.",
    "en_title": "Sign-in did not complete",
    "en_text": "Return to Medcard and try again.",
}


@dataclass(frozen=True)
class Callback:
    """What the browser brought back: code and state, or an error."""

    code: str | None
    state: str | None
    error: str | None
    error_description: str | None


class LoopbackListener:
    """Serves until the browser brings back our own ``state``; other paths get 404.

    A request with another (or no) state is answered and otherwise ignored: it may be a
    stale browser tab or someone else's page probing the port, and must neither end the
    sign-in nor be taken for its answer. The wait goes on until ours comes or time is up.
    """

    def __init__(self, expected_state: str) -> None:
        self._expected_state = expected_state
        self._received = threading.Event()
        self.callback: Callback | None = None
        self.ignored = 0  # requests with a wrong state (for tests and diagnostics)
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                parts = urlsplit(self.path)
                if parts.path != CALLBACK_PATH or listener._received.is_set():
                    self.send_error(404)
                    return
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                callback = Callback(
                    code=query.get("code"),
                    state=query.get("state"),
                    error=query.get("error"),
                    error_description=query.get("error_description"),
                )
                ours = callback.state is not None and secrets.compare_digest(
                    callback.state.encode(), listener._expected_state.encode()
                )
                ok = ours and callback.code is not None
                self._answer(200 if ours else 400, _DONE if ok else _FAILED)
                if not ours:
                    listener.ignored += 1
                    return
                listener.callback = callback
                listener._received.set()

            def _answer(self, status: int, texts: dict[str, str]) -> None:
                page = _PAGE.format(**{k: html.escape(v) for k, v in texts.items()})
                body = page.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the query holds the authorization code: never log requests

        # Bind to the IPv4 loopback literal, not "localhost" (RFC 8252 §8.3), port chosen by OS.
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port: int = self._server.server_address[1]
        self.redirect_uri = f"http://127.0.0.1:{self.port}{CALLBACK_PATH}"
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            daemon=True,
            name="medcard-signin-loopback",
        )
        self._thread.start()

    def wait(self, timeout: float, cancel: threading.Event | None = None) -> Callback | None:
        """The callback, or None on timeout / cancel."""
        step = 0.1
        waited = 0.0
        while waited < timeout:
            if self._received.wait(step):
                return self.callback
            waited += step
            if cancel is not None and cancel.is_set():
                return None
        return self.callback

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LoopbackListener:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
