"""TokenSet: what a sign-in or a refresh gives us, and how it is kept (one JSON string)."""

from __future__ import annotations

import base64
import math
import re
import time
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import orjson

from desktop.services.errors import SignInFailed


@dataclass(frozen=True)
class TokenSet:
    access_token: str
    refresh_token: str | None
    expires_at: float  # epoch seconds
    scope: str = ""
    patient: str | None = None
    patients: tuple[str, ...] = ()  # own patient first, then linked ones (children)
    id_claims: dict[str, Any] = field(default_factory=dict)  # unverified; for display only
    issued_at: float = 0.0
    token_endpoint: str = ""
    revocation_endpoint: str | None = None

    def __repr__(self) -> str:  # never print tokens, even in a traceback
        return f"TokenSet(patient={self.patient!r}, expires_at={self.expires_at:.0f})"

    @property
    def lifetime(self) -> float:
        return max(0.0, self.expires_at - self.issued_at)

    def needs_refresh(self, margin: float = 60.0, now: float | None = None) -> bool:
        """True when the access token is (nearly) expired. The margin shrinks for short-lived
        tokens so a 2-second token is not refreshed on every call."""
        now = time.time() if now is None else now
        return now >= self.expires_at - min(margin, self.lifetime / 2)

    def to_json(self) -> str:
        data = asdict(self)
        data["patients"] = list(self.patients)
        return orjson.dumps(data).decode("utf-8")

    @classmethod
    def from_json(cls, text: str) -> TokenSet:
        data = orjson.loads(text)
        data["patients"] = tuple(data.get("patients") or ())
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})

    @classmethod
    def from_response(
        cls,
        answer: dict[str, Any],
        *,
        previous: TokenSet | None = None,
        token_endpoint: str = "",
        revocation_endpoint: str | None = None,
        now: float | None = None,
    ) -> TokenSet:
        """Build from a token endpoint answer. A refresh answer may omit what did not change
        (refresh token when not rotated, patient context, scope): keep the previous values."""
        now = time.time() if now is None else now
        access = answer.get("access_token")
        if not isinstance(access, str) or not access or len(access) > MAX_TOKEN_CHARS:
            raise SignInFailed("token answer without a usable access_token")
        refresh = answer.get("refresh_token")
        if not isinstance(refresh, str) or not refresh or len(refresh) > MAX_TOKEN_CHARS:
            refresh = previous.refresh_token if previous else None
        expires_in = _seconds(answer.get("expires_in"))
        patient = _patient_id(answer.get("patient")) or (previous.patient if previous else None)
        patients = answer.get("medcard_patients")
        listed = (
            [p for p in (_patient_id(p) for p in patients) if p]
            if isinstance(patients, list)
            else []
        )
        if listed:
            patient_ids = tuple(dict.fromkeys(listed))
        elif previous and previous.patients:
            patient_ids = previous.patients
        else:
            patient_ids = (patient,) if patient else ()
        claims = decode_id_token(answer.get("id_token")) or (previous.id_claims if previous else {})
        scope = answer.get("scope")
        return cls(
            access_token=access,
            refresh_token=refresh,
            expires_at=now + expires_in,
            scope=scope if isinstance(scope, str) else (previous.scope if previous else ""),
            patient=patient,
            patients=patient_ids,
            id_claims=claims,
            issued_at=now,
            token_endpoint=token_endpoint or (previous.token_endpoint if previous else ""),
            revocation_endpoint=revocation_endpoint
            or (previous.revocation_endpoint if previous else None),
        )

    def with_refresh(self, refresh_token: str | None) -> TokenSet:
        return replace(self, refresh_token=refresh_token)


MAX_TOKEN_CHARS = 16 * 1024  # real JWTs are a few KiB; more is not a token
_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")  # FHIR id syntax


def _seconds(value: Any) -> float:
    """expires_in as seconds, within sense (a day at most, a default when unreadable)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return 3600.0
    try:
        seconds = float(value)
    except ValueError:
        return 3600.0
    if not math.isfinite(seconds) or seconds <= 0:
        return 3600.0
    return min(seconds, 86400.0)


def _patient_id(value: Any) -> str | None:
    """A Patient id from a token answer ("123" or "Patient/123"); None if it is not one."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.removeprefix("Patient/")
    return value if _ID.match(value) else None


def decode_id_token(id_token: Any) -> dict[str, Any]:
    """Claims of an OpenID id_token, *unverified*: used only to show who signed in (the
    FHIR server checks the access token on every request, so nothing trusts these)."""
    if not isinstance(id_token, str) or id_token.count(".") < 2:
        return {}
    payload = id_token.split(".")[1]
    try:
        claims = orjson.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (ValueError, orjson.JSONDecodeError):
        return {}
    return claims if isinstance(claims, dict) else {}
