"""The small OAuth 2 pieces: PKCE, the token endpoint, revocation."""

from __future__ import annotations

import base64
import hashlib
import secrets
from typing import Any

import requests

from desktop.services.errors import (
    InsecureConnection,
    MalformedAnswer,
    MedcardError,
    PortalUnreachable,
    ServerError,
)
from desktop.services.portal.address import check_endpoint, scrub_url
from desktop.services.portal.answers import loads
from desktop.services.portal.transport import (
    CONNECTION_ERRORS,
    Limits,
    RetryPolicy,
    send_with_retries,
)

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


# Token answers are small; anything bigger is not a token answer.
TOKEN_LIMITS = Limits(max_bytes=256 * 1024, deadline=60.0, max_redirects=0)
_ONCE = RetryPolicy(attempts=1)


def post_form(
    session: requests.Session, url: str, data: dict[str, str], timeout: tuple[float, float]
) -> dict[str, Any]:
    """POST a form to a token-like endpoint and return its JSON answer.

    Not retried here: a code or a rotating refresh token is single-use, so the caller
    decides (the token manager retries a refresh once when the answer was lost). Never
    redirected: a code or a refresh token is not re-sent to wherever a 307 points.
    """
    where = f"POST {scrub_url(url)}"
    try:
        response = send_with_retries(
            session,
            "POST",
            url,
            policy=_ONCE,
            timeout=timeout,
            headers={"Accept": "application/json"},
            body=data,
            limits=TOKEN_LIMITS,
        )
    except requests.exceptions.SSLError:
        raise InsecureConnection(f"{where}: TLS verification failed") from None
    except CONNECTION_ERRORS as exc:
        raise PortalUnreachable(f"{where}: {type(exc).__name__}") from None
    try:
        answer = loads(response.content) if response.content else {}
    except MalformedAnswer:
        answer = None
    if response.status_code >= 500:
        raise ServerError(f"{where}: HTTP {response.status_code}")
    if not isinstance(answer, dict):
        raise MalformedAnswer(f"{where}: not a JSON object")
    if response.status_code >= 400 or "error" in answer:
        raise OAuthError(
            str(answer.get("error") or "invalid_request")[:100],
            str(answer.get("error_description") or "")[:500],
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
    """Best-effort RFC 7009 revocation; False when the portal could not be told (or the
    endpoint is not a secure one: a token is never sent over plain http to a network)."""
    try:
        check_endpoint(revocation_endpoint, None, "revocation_endpoint")
        response = send_with_retries(
            session,
            "POST",
            revocation_endpoint,
            policy=_ONCE,
            timeout=timeout,
            headers={"Accept": "application/json"},
            body={"token": token, "token_type_hint": hint, "client_id": CLIENT_ID},
            limits=TOKEN_LIMITS,
        )
    except MedcardError:
        return False
    except CONNECTION_ERRORS:
        return False
    return response.status_code == 200
