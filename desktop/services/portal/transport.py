"""One HTTP exchange with retries, under limits a hostile server cannot stretch.

- Retries: backoff with jitter, Retry-After, bounded attempts. Only requests that are safe
  to repeat are retried: GET/PUT/DELETE/HEAD, and a POST that carries a conditional-create
  guard (``If-None-Exist``), because the server then creates at most one resource however
  many times it sees it.
- Limits (``Limits``): an answer is read streamed and refused past ``max_bytes``; the whole
  request (every attempt, every wait, every byte of the answer) ends by ``deadline`` —
  a watchdog cuts the connection, so a server sending one byte every few seconds cannot
  hold a request open for ever (the socket's read timeout only bounds one read).
- Redirects are followed only within the same origin and only for GET/HEAD; one to another
  host or to plain http is an error and nothing is re-sent (requests would otherwise
  replay a POST body to wherever a 307 points).
"""

from __future__ import annotations

import email.utils
import logging
import math
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from desktop.services.errors import AnswerTooLarge, MedcardError, PortalTooSlow, UnsafeRedirect
from desktop.services.portal.address import scrub_url
from desktop.services.portal.throttle import Throttle
from desktop.services.portal.watchdog import Watch, watched

log = logging.getLogger("medcard.portal")


class _ScrubbedUrls(logging.Filter):
    """urllib3 logs whole URLs (search terms, patient ids) at DEBUG, and at WARNING for
    some malformed answers: whatever reaches a log handler has them scrubbed first."""

    _URL = re.compile(r"(https?://[^\s\"'()<>,]+|/[^\s\"'()<>,]*\?[^\s\"'()<>,]*)")

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        record.msg, record.args = self._URL.sub(lambda m: scrub_url(m.group(0)), text), ()
        return True


# The library's per-request chatter is not ours to keep; what it still logs is scrubbed.
logging.getLogger("urllib3").setLevel(logging.WARNING)
for _name in (
    "urllib3.connectionpool",
    "urllib3.connection",
    "urllib3.response",
    "urllib3.poolmanager",
    "urllib3.util.retry",
):
    logging.getLogger(_name).addFilter(_ScrubbedUrls())

RETRY_STATUSES = frozenset({429, 502, 503, 504})
BUSY_STATUSES = frozenset({429, 503})  # the portal is overloaded: the whole client backs off
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# A dropped or refused connection: the request may not have been processed.
CONNECTION_ERRORS: tuple[type[Exception], ...] = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
    requests.exceptions.ContentDecodingError,
)
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try. Waits grow as base * 2**n with full jitter, each capped."""

    attempts: int = 4
    base_delay: float = 0.25
    max_delay: float = 8.0
    max_retry_after: float = 30.0  # a longer Retry-After is not waited for: "try later"

    def backoff(self, retry_number: int) -> float:
        ceiling = min(self.max_delay, self.base_delay * (2**retry_number))
        return random.uniform(ceiling / 2, ceiling)


@dataclass(frozen=True)
class Limits:
    """What one request may cost at most, whatever the server does."""

    max_bytes: int = 64 * 1024 * 1024  # one answer (a search page), after decompression
    deadline: float = 180.0  # seconds for the whole request, retries and waits included
    max_redirects: int = 5  # same-origin GET redirects in a row
    max_entries: int = 10_000  # Bundle entries in one page (checked by the client)
    max_pages: int = 20_000  # pages of one search when the server gives no total


def retry_after_seconds(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Parse Retry-After: delta seconds or an HTTP date. None when absent or unreadable
    (including digits that are not ASCII, such as "²", which str.isdigit accepts)."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(min(int(value), 10**9))
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = when.timestamp() - now()
    except (TypeError, ValueError, IndexError, OverflowError, AttributeError):
        return None
    return max(0.0, seconds) if math.isfinite(seconds) else None


def is_retriable(method: str, headers: dict[str, str]) -> bool:
    return method in IDEMPOTENT_METHODS or (method == "POST" and "If-None-Exist" in headers)


def log_exchange(method: str, url: str, status: int | str, started: float) -> None:
    # Method, scrubbed path (no query, no ids) and timing: nothing that names a person.
    elapsed = (time.monotonic() - started) * 1000
    log.debug("%s %s -> %s in %.0f ms", method, scrub_url(url), status, elapsed)


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    port = parts.port or {"https": 443, "http": 80}.get(parts.scheme.lower())
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def read_body(response: requests.Response, limits: Limits, where: str) -> bytes:
    """The whole answer, streamed in chunks and refused past ``limits.max_bytes``."""
    declared = response.headers.get("Content-Length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > limits.max_bytes:
        response.close()
        raise AnswerTooLarge(f"{where}: {int(declared)} bytes announced")
    body = bytearray()
    for chunk in response.iter_content(_CHUNK):
        body += chunk
        if len(body) > limits.max_bytes:
            response.close()
            raise AnswerTooLarge(f"{where}: more than {limits.max_bytes} bytes")
    content = bytes(body)
    response._content = content  # what .content / .json() read from now on
    response._content_consumed = True
    return content


class _Exchange:
    """One request, all its attempts and redirects, against one deadline."""

    def __init__(
        self,
        session: requests.Session,
        method: str,
        url: str,
        policy: RetryPolicy,
        limits: Limits,
        timeout: tuple[float, float],
        sleep: Callable[[float], None],
    ) -> None:
        self.session, self.method, self.url = session, method, url
        self.policy, self.limits, self.timeout, self.sleep = policy, limits, timeout, sleep
        self.deadline = time.monotonic() + limits.deadline

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def too_slow(self) -> PortalTooSlow:
        return PortalTooSlow(
            f"{self.method} {scrub_url(self.url)}: over {self.limits.deadline:g} s"
        )

    def wait(self, seconds: float) -> bool:
        """Sleep before a retry; False when that would pass the deadline."""
        if seconds >= self.remaining():
            return False
        self.sleep(seconds)
        return True

    def once(self, url: str, params: Any, headers: dict[str, str], body: Any) -> requests.Response:
        """One attempt: send, follow same-origin GET redirects, read the whole answer."""
        method = self.method
        for _ in range(self.limits.max_redirects + 1):
            remaining = self.remaining()
            if remaining <= 0:
                raise self.too_slow()
            started = time.monotonic()
            watch = Watch(remaining)
            try:
                with watched(watch):
                    response = self.session.request(
                        method,
                        url,
                        params=params,
                        headers=headers,
                        data=body,
                        timeout=(self.timeout[0], min(self.timeout[1], remaining)),
                        allow_redirects=False,
                        stream=True,
                    )
                    log_exchange(method, url, response.status_code, started)
                    if response.status_code not in REDIRECT_STATUSES:
                        read_body(response, self.limits, f"{method} {scrub_url(url)}")
                        if watch.fired:  # cut short: what arrived is not the whole answer
                            raise self.too_slow()
                        return response
                    response.close()
            except MedcardError:
                raise
            except Exception as exc:
                if watch.fired:
                    log_exchange(method, url, "deadline", started)
                    raise self.too_slow() from None
                if isinstance(exc, CONNECTION_ERRORS):
                    log_exchange(method, url, type(exc).__name__, started)
                raise
            url, method, params, body = self._redirect(response, url, method)
        raise UnsafeRedirect(f"{self.method} {scrub_url(self.url)}: too many redirects")

    def _redirect(
        self, response: requests.Response, url: str, method: str
    ) -> tuple[str, str, Any, Any]:
        location = response.headers.get("Location") or ""
        target = urljoin(url, location)
        where = f"{method} {scrub_url(url)}"
        if not location or _origin(target) != _origin(url):
            raise UnsafeRedirect(f"{where}: redirect to another origin refused")
        if response.status_code == 303:
            return target, "GET", None, None  # "see other": fetch the result, send nothing
        if method not in ("GET", "HEAD"):
            raise UnsafeRedirect(f"{where}: redirect of a {method} refused (nothing re-sent)")
        return target, method, None, None


def send_with_retries(
    session: requests.Session,
    method: str,
    url: str,
    *,
    policy: RetryPolicy,
    timeout: tuple[float, float],
    params: Any = None,
    headers: dict[str, str],
    body: Any = None,
    limits: Limits | None = None,
    sleep: Callable[[float], None] = time.sleep,
    throttle: Throttle | None = None,
) -> requests.Response:
    """Send until an answer that is not worth retrying arrives, or attempts run out.

    Returns the last response, its body read (possibly a 429/5xx when attempts or time ran
    out, or when the server asked for a longer wait than we retry for); raises the last
    connection error when no answer came at all, PortalTooSlow past the deadline,
    AnswerTooLarge past the size limit and UnsafeRedirect for a refused redirect.
    With a `throttle` (shared by the client's threads), each attempt takes one of its slots,
    and a busy answer pauses every request of the client, not only this one.
    """
    exchange = _Exchange(session, method, url, policy, limits or Limits(), timeout, sleep)
    retriable = is_retriable(method, headers)
    attempt = 0
    while True:
        attempt += 1
        try:
            response = _attempt(exchange, throttle, url, params, headers, body)
        except requests.exceptions.SSLError:
            raise  # a certificate problem does not go away by retrying
        except CONNECTION_ERRORS:
            if not retriable or attempt >= policy.attempts:
                raise
            if not exchange.wait(policy.backoff(attempt - 1)):
                raise exchange.too_slow() from None
            continue
        if response.status_code not in RETRY_STATUSES or not retriable:
            if throttle is not None and response.status_code not in RETRY_STATUSES:
                throttle.succeeded()
            return response
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        pause = policy.backoff(attempt - 1) if asked is None else asked
        longer = asked is not None and asked > policy.max_retry_after
        if throttle is not None and response.status_code in BUSY_STATUSES and not longer:
            throttle.busy(pause)  # every stream waits, and fewer run at once
        if attempt >= policy.attempts or longer:
            return response  # "come back in an hour": say so rather than hang on
        if throttle is not None and response.status_code in BUSY_STATUSES:
            if pause >= exchange.remaining():
                return response
            continue  # the next attempt waits for the throttle's pause
        if not exchange.wait(pause):
            return response


def _attempt(
    exchange: _Exchange,
    throttle: Throttle | None,
    url: str,
    params: Any,
    headers: dict[str, str],
    body: Any,
) -> requests.Response:
    """One attempt, holding one of the throttle's slots while it is on the wire."""
    if throttle is None:
        return exchange.once(url, params, headers, body)
    if not throttle.acquire(max(0.0, exchange.remaining())):
        raise exchange.too_slow()
    try:
        return exchange.once(url, params, headers, body)
    finally:
        throttle.release()
