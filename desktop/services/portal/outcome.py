"""Turning a portal's HTTP error answer into a typed error with the portal's own words."""

from __future__ import annotations

from typing import Any

import orjson
import requests

from desktop.services.errors import (
    REFUSAL_REASON_SYSTEM,
    REFUSALS,
    AccessDenied,
    Conflict,
    MalformedAnswer,
    MedcardError,
    NotFound,
    OperationNotSupported,
    PortalBusy,
    ServerError,
    SessionExpired,
    ValidationFailed,
)
from desktop.services.portal.transport import retry_after_seconds

_STATUS_ERRORS: dict[int, type[MedcardError]] = {
    400: ValidationFailed,
    401: SessionExpired,
    403: AccessDenied,
    404: NotFound,
    405: OperationNotSupported,
    409: Conflict,
    410: NotFound,
    412: Conflict,
    422: ValidationFailed,
    501: OperationNotSupported,
}


def outcome_texts(body: Any) -> dict[str, str]:
    """Human texts of an OperationOutcome by language.

    FHIR has no per-language field, so we follow the convention of our portal (and of
    several national ones): ``details.text`` holds the text in the portal's language
    (Russian) and ``diagnostics`` the English one. When only one is present it serves all.
    """
    if not isinstance(body, dict) or body.get("resourceType") != "OperationOutcome":
        return {}
    english: list[str] = []
    local: list[str] = []
    for issue in body.get("issue") or []:
        if not isinstance(issue, dict):
            continue
        diagnostics = issue.get("diagnostics")
        details = issue.get("details")
        details_text = details.get("text") if isinstance(details, dict) else None
        if isinstance(diagnostics, str) and diagnostics.strip():
            english.append(diagnostics.strip())
        if isinstance(details_text, str) and details_text.strip():
            local.append(details_text.strip())
    texts: dict[str, str] = {}
    if english:
        texts["en"] = "\n".join(english)
    if local:
        texts["ru"] = "\n".join(local)
    return texts


def refusal_reason(body: Any) -> str | None:
    """The rule the portal names for a refusal (`issue[].details.coding` in the refusal
    reason system), e.g. `oms-policy-invalid`; None when it names none."""
    if not isinstance(body, dict) or body.get("resourceType") != "OperationOutcome":
        return None
    for issue in body.get("issue") or []:
        details = issue.get("details") if isinstance(issue, dict) else None
        codings = details.get("coding") if isinstance(details, dict) else None
        for coding in codings if isinstance(codings, list) else []:
            if (
                isinstance(coding, dict)
                and coding.get("system") == REFUSAL_REASON_SYSTEM
                and isinstance(coding.get("code"), str)
            ):
                return str(coding["code"])
    return None


def error_for_response(response: requests.Response, where: str) -> MedcardError:
    """The typed error for a non-2xx answer; ``where`` is "METHOD /path" without the query."""
    status = response.status_code
    try:
        body: Any = orjson.loads(response.content) if response.content else None
    except orjson.JSONDecodeError:
        body = None
    texts = outcome_texts(body)
    detail = f"HTTP {status} for {where}"
    if status == 429:
        asked = retry_after_seconds(response.headers.get("Retry-After"))
        return PortalBusy.after(detail, asked, portal_texts=texts, status=status)
    error_type = _STATUS_ERRORS.get(status)
    refusal = REFUSALS.get(refusal_reason(body) or "") if 400 <= status < 500 else None
    if refusal is not None and error_type is not None and issubclass(refusal, error_type):
        error_type = refusal  # the same kind of error, with the next step in its message
    if error_type is None:
        error_type = ServerError if status >= 500 else MalformedAnswer
    return error_type(detail, portal_texts=texts, status=status)
