"""The small OAuth 2 pieces: PKCE, the token endpoint, revocation."""

from __future__ import annotations

import base64
import hashlib
import logging
import secrets
import time
from typing import Any
from urllib.parse import urlsplit

import orjson
import requests

from desktop.services.errors import MalformedAnswer, PortalUnreachable, ServerError

log = logging.getLogger("medcard.auth")

CLIENT_ID = "medcard"
SCOPE = "openid fhirUser launch/patient offline_access patient/*.cruds user/*.cruds"


class OAuthError(Exception):
    """The authorization server said no (``error`` / ``error_description`` of RFC 6749)."""

    def __init__(self, error: str, description: str = "", status: int = 400) -> None:
        super().__init__(error)
        self.error = error
        self.description = description
        self.status = status


def pkce_pair() -> tuple[str, str]:
    """(code_verifier, S256 code_challenge) per RFC 7636."""
    verifier = secrets.token_urlsafe(64)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def post_form(
    session: requests.Session, url: str, data: dict[str, str], timeout: tuple[float, float]
) -> dict[str, Any]:
    """POST a form to a token-like endpoint and return its JSON answer.

    Not retried: a code or a rotating refresh token is single-use, so a repeat could only
    fail and hide the real outcome.
    """
    started = time.monotonic()
    try:
        response = session.post(
            url, data=data, headers={"Accept": "application/json"}, timeout=timeout
        )
    except (requests.ConnectionError, requests.Timeout) as exc:
        raise PortalUnreachable(f"POST {urlsplit(url).path}: {type(exc).__name__}") from None
    log.debug(
        "POST %s -> %s in %.0f ms",
        urlsplit(url).path,
        response.status_code,
        (time.monotonic() - started) * 1000,
    )
    try:
        answer = orjson.loads(response.content) if response.content else {}
    except orjson.JSONDecodeError:
        answer = None
    if response.status_code >= 500:
        raise ServerError(f"POST {urlsplit(url).path}: HTTP {response.status_code}")
    if not isinstance(answer, dict):
        raise MalformedAnswer(f"POST {urlsplit(url).path}: not a JSON object")
    if response.status_code >= 400 or "error" in answer:
        raise OAuthError(
            str(answer.get("error") or "invalid_request"),
            str(answer.get("error_description") or ""),
            response.status_code,
        )
    return answer


def revoke(
    session: requests.Session,
    revocation_endpoint: str,
    token: str,
    hint: str = "refresh_token",
    timeout: tuple[float, float] = (5, 10),
) -> bool:
    """Best-effort RFC 7009 revocation; False when the portal could not be told."""
    try:
        response = session.post(
            revocation_endpoint,
            data={"token": token, "token_type_hint": hint, "client_id": CLIENT_ID},
            timeout=timeout,
        )
    except (requests.ConnectionError, requests.Timeout):
        return False
    return response.status_code == 200
