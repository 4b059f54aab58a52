"""One HTTP exchange with retries: backoff with jitter, Retry-After, bounded attempts.

Only requests that are safe to repeat are retried: GET/PUT/DELETE/HEAD, and a POST that
carries a conditional-create guard (``If-None-Exist``), because the server then creates at
most one resource however many times it sees it.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Any
from urllib.parse import urlsplit

import requests

log = logging.getLogger("medcard.portal")

RETRY_STATUSES = frozenset({429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
# A dropped or refused connection: the request may not have been processed.
CONNECTION_ERRORS: tuple[type[Exception], ...] = (
    requests.ConnectionError,
    requests.Timeout,
    requests.exceptions.ChunkedEncodingError,
)


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try. Waits grow as base * 2**n with full jitter, each capped."""

    attempts: int = 4
    base_delay: float = 0.25
    max_delay: float = 8.0
    max_retry_after: float = 30.0  # never wait longer than this, whatever the server asks

    def backoff(self, retry_number: int) -> float:
        ceiling = min(self.max_delay, self.base_delay * (2**retry_number))
        return random.uniform(ceiling / 2, ceiling)


def retry_after_seconds(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    """Parse Retry-After: delta seconds or an HTTP date. None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now())


def is_retriable(method: str, headers: dict[str, str]) -> bool:
    return method in IDEMPOTENT_METHODS or (method == "POST" and "If-None-Exist" in headers)


def log_exchange(method: str, url: str, status: int | str, started: float) -> None:
    # Only method, path (no query: it may hold search terms) and timing ever reach logs.
    path = urlsplit(url).path
    log.debug("%s %s -> %s in %.0f ms", method, path, status, (time.monotonic() - started) * 1000)


def send_with_retries(
    session: requests.Session,
    method: str,
    url: str,
    *,
    policy: RetryPolicy,
    timeout: tuple[float, float],
    params: Any = None,
    headers: dict[str, str],
    body: bytes | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> requests.Response:
    """Send until an answer that is not worth retrying arrives, or attempts run out.

    Returns the last response (possibly a 429/5xx when attempts ran out); raises the last
    connection error when no answer came at all.
    """
    retriable = is_retriable(method, headers)
    attempt = 0
    while True:
        attempt += 1
        started = time.monotonic()
        try:
            response = session.request(
                method, url, params=params, headers=headers, data=body, timeout=timeout
            )
        except requests.exceptions.SSLError:
            log_exchange(method, url, "SSLError", started)
            raise  # a certificate problem does not go away by retrying
        except CONNECTION_ERRORS as exc:
            log_exchange(method, url, type(exc).__name__, started)
            if not retriable or attempt >= policy.attempts:
                raise
            sleep(policy.backoff(attempt - 1))
            continue
        log_exchange(method, url, response.status_code, started)
        if response.status_code not in RETRY_STATUSES or not retriable:
            return response
        if attempt >= policy.attempts:
            return response
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        wait = policy.backoff(attempt - 1) if asked is None else asked
        response.close()
        sleep(min(wait, policy.max_retry_after))
