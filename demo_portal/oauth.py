"""SMART App Launch OAuth 2 on authlib: authorization code + PKCE S256, rotating refresh
tokens, revocation, and bearer-token checks for the FHIR API.

Rotation has a short reuse grace window, as major authorization servers offer: a refresh
token just replaced by rotation is accepted again for `REFRESH_REUSE_GRACE_S` seconds, as
long as nobody has used its successor yet and nobody revoked it. An app whose refresh
answer was lost in transit (connection dropped, process killed) retries with the token it
still holds, instead of finding its user signed out.

Only the registered public client `medcard` exists; it may redirect to any loopback port
(RFC 8252 section 7.3), so the app can listen on whatever port is free.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin, ResourceProtector, grants
from authlib.oauth2.rfc6749.errors import InvalidRequestError
from authlib.oauth2.rfc6750 import BearerTokenValidator
from authlib.oauth2.rfc7009 import RevocationEndpoint
from authlib.oauth2.rfc7636 import CodeChallenge
from flask import Flask
from sqlalchemy import delete, insert, select, update

from demo_portal.db import oauth_codes, oauth_tokens
from demo_portal.roles import is_smart_scope
from demo_portal.store import PortalUser, Store

# authlib logs issued tokens at DEBUG; a token must never reach a log, whatever the
# embedding application's logging level is.
logging.getLogger("authlib").setLevel(logging.WARNING)

CLIENT_ID = "medcard"
CODE_LIFETIME_S = 600
REFRESH_REUSE_GRACE_S = 10.0
SCOPES = (
    "openid fhirUser launch/patient offline_access patient/*.cruds user/*.cruds "
    "patient/*.rs user/*.rs patient/*.read user/*.read patient/*.*"
).split()


def scope_for(user: PortalUser, requested: str) -> str:
    """What a sign-in grants: staff get only `user/` resource scopes (and openid,
    fhirUser, offline_access), never a patient context."""
    if not user.is_staff:
        return requested
    keep = ("openid", "fhirUser", "offline_access")
    return " ".join(s for s in requested.split() if s in keep or s.startswith("user/"))


class PublicClient(ClientMixin):
    """The app's registered public client (no secret; PKCE protects the code)."""

    def get_client_id(self) -> str:
        return CLIENT_ID

    def get_default_redirect_uri(self) -> None:
        return None  # the redirect_uri parameter is required

    def get_allowed_scope(self, scope: str) -> str:
        # The listed ones, and any SMART resource scope (user/Patient.rs, user/*.cruds, ...).
        return " ".join(s for s in (scope or "").split() if s in SCOPES or is_smart_scope(s))

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        parts = urlsplit(redirect_uri)
        return (
            parts.scheme == "http"
            and parts.hostname in ("127.0.0.1", "localhost", "::1")
            and not parts.fragment
        )

    def check_client_secret(self, client_secret: str) -> bool:
        return False

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method == "none"

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type in ("authorization_code", "refresh_token")


_CLIENT = PublicClient()


@dataclass
class AuthCode:
    code: str
    user_email: str
    redirect_uri: str
    scope: str
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_nonce(self) -> None:
        return None

    def get_acr(self) -> None:
        return None

    def get_amr(self) -> None:
        return None


@dataclass
class IssuedToken:
    access_token: str
    refresh_token: str | None
    user_email: str
    scope: str
    issued_at: int
    expires_in: int
    access_revoked: bool
    refresh_revoked: bool

    def check_client(self, client: ClientMixin) -> bool:
        return client.get_client_id() == CLIENT_ID

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return self.expires_in

    def get_expires_at(self) -> int:
        return self.issued_at + self.expires_in

    def is_expired(self) -> bool:
        return time.time() >= self.get_expires_at()

    def is_revoked(self) -> bool:
        return self.access_revoked

    def get_user(self) -> str:
        return self.user_email

    def get_client(self) -> ClientMixin:
        return _CLIENT


class S256Only(CodeChallenge):
    """PKCE is mandatory and only S256 is accepted (SMART App Launch 2)."""

    SUPPORTED_CODE_CHALLENGE_METHOD = ["S256"]

    def validate_code_challenge(self, grant: Any, redirect_uri: str) -> None:
        data = grant.request.payload.data
        if not data.get("code_challenge"):
            raise InvalidRequestError("PKCE is required: missing 'code_challenge'")
        if data.get("code_challenge_method") != "S256":
            raise InvalidRequestError("PKCE 'code_challenge_method' must be S256")
        super().validate_code_challenge(grant, redirect_uri)


@dataclass
class Rotation:
    """A refresh token replaced by rotation, and by what (for the reuse grace window)."""

    at: float
    successor_access: str


class OAuthState:
    """Codes and tokens in the portal database, shared by the grants below; the grace
    window's bookkeeping in memory (it lasts seconds, a restart may forget it)."""

    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._rotations: dict[str, Rotation] = {}  # old refresh token -> rotation
        self._successors: dict[str, str] = {}  # successor access token -> old refresh token

    def token_row(self, column: Any, value: str) -> IssuedToken | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(oauth_tokens).where(column == value)).first()
        if row is None:
            return None
        return IssuedToken(
            row.access_token,
            row.refresh_token,
            row.user_email,
            row.scope,
            row.issued_at,
            row.expires_in,
            bool(row.access_revoked),
            bool(row.refresh_revoked),
        )

    def revoke(self, token: IssuedToken, access: bool = True, refresh: bool = True) -> None:
        values = {}
        if access:
            values["access_revoked"] = True
        if refresh:
            values["refresh_revoked"] = True
        with self.store.engine.begin() as conn:
            conn.execute(
                update(oauth_tokens)
                .where(oauth_tokens.c.access_token == token.access_token)
                .values(**values)
            )

    # -- reuse grace window -------------------------------------------------------------

    def rotated(self, old_refresh: str, successor_access: str) -> None:
        with self._lock:
            earlier = self._rotations.get(old_refresh)  # a reuse does not extend the window
            self._forget(old_refresh)
            at = earlier.at if earlier else time.monotonic()
            self._rotations[old_refresh] = Rotation(at, successor_access)
            self._successors[successor_access] = old_refresh

    def in_grace(self, refresh: str) -> bool:
        """A rotated token may be used again: within the window, successor unused."""
        with self._lock:
            rotation = self._rotations.get(refresh)
            if rotation is None:
                return False
            if time.monotonic() - rotation.at > REFRESH_REUSE_GRACE_S:
                self._forget(refresh)
                return False
            return True

    def used(self, access_token: str) -> None:
        """An access token was used: the refresh token it replaced has no grace left."""
        with self._lock:
            old = self._successors.pop(access_token, None)
            if old is not None:
                self._rotations.pop(old, None)

    def end_grace(self, refresh: str | None) -> None:
        if refresh:
            with self._lock:
                self._forget(refresh)

    def _forget(self, refresh: str) -> None:
        rotation = self._rotations.pop(refresh, None)
        if rotation is not None:
            self._successors.pop(rotation.successor_access, None)


def create_authorization_server(
    app: Flask, store: Store, access_token_ttl: int
) -> tuple[AuthorizationServer, ResourceProtector]:
    state = OAuthState(store)

    class CodeGrant(grants.AuthorizationCodeGrant):
        TOKEN_ENDPOINT_AUTH_METHODS = ["none"]

        def save_authorization_code(self, code: str, request: Any) -> None:
            payload = request.payload.data
            with store.engine.begin() as conn:
                conn.execute(
                    insert(oauth_codes).values(
                        code=code,
                        client_id=CLIENT_ID,
                        user_email=request.user.email,
                        redirect_uri=request.payload.redirect_uri,
                        scope=scope_for(request.user, request.payload.scope or ""),
                        code_challenge=payload.get("code_challenge"),
                        code_challenge_method=payload.get("code_challenge_method"),
                        auth_time=int(time.time()),
                    )
                )

        def query_authorization_code(self, code: str, client: Any) -> AuthCode | None:
            with store.engine.connect() as conn:
                row = conn.execute(select(oauth_codes).where(oauth_codes.c.code == code)).first()
            if row is None or time.time() - row.auth_time > CODE_LIFETIME_S:
                return None
            return AuthCode(
                row.code,
                row.user_email,
                row.redirect_uri,
                row.scope,
                row.code_challenge,
                row.code_challenge_method,
                row.auth_time,
            )

        def delete_authorization_code(self, authorization_code: AuthCode) -> None:
            # A code works once: the second exchange finds nothing and gets invalid_grant.
            with store.engine.begin() as conn:
                conn.execute(
                    delete(oauth_codes).where(oauth_codes.c.code == authorization_code.code)
                )

        def authenticate_user(self, authorization_code: AuthCode) -> PortalUser | None:
            return store.user(authorization_code.user_email)

        def generate_token(
            self,
            user: Any = None,
            scope: Any = None,
            grant_type: Any = None,
            expires_in: Any = None,
            include_refresh_token: bool = True,
        ) -> dict:
            # Refresh tokens only for offline_access, as SMART specifies.
            include = include_refresh_token and "offline_access" in (scope or "").split()
            return super().generate_token(
                user=user,
                scope=scope,
                grant_type=grant_type,
                expires_in=expires_in,
                include_refresh_token=include,
            )

    class RefreshGrant(grants.RefreshTokenGrant):
        TOKEN_ENDPOINT_AUTH_METHODS = ["none"]
        INCLUDE_NEW_REFRESH_TOKEN = True  # rotation: every refresh issues a new one

        def authenticate_refresh_token(self, refresh_token: str) -> IssuedToken | None:
            token = state.token_row(oauth_tokens.c.refresh_token, refresh_token)
            if token is None:
                return None
            if token.refresh_revoked and not state.in_grace(refresh_token):
                return None
            return token

        def authenticate_user(self, refresh_token: IssuedToken) -> PortalUser | None:
            return store.user(refresh_token.user_email)

        def revoke_old_credential(self, refresh_token: IssuedToken) -> None:
            state.revoke(refresh_token, access=False, refresh=True)

    class Revocation(RevocationEndpoint):
        CLIENT_AUTH_METHODS = ["none"]

        def query_token(self, token_string: str, token_type_hint: str | None) -> IssuedToken | None:
            if token_type_hint != "refresh_token":
                found = state.token_row(oauth_tokens.c.access_token, token_string)
                if found is not None:
                    return found
            return state.token_row(oauth_tokens.c.refresh_token, token_string)

        def revoke_token(self, token: IssuedToken, request: Any) -> None:
            state.revoke(token)
            state.end_grace(token.refresh_token)  # a revoked token has no grace

    def query_client(client_id: str) -> PublicClient | None:
        return _CLIENT if client_id == CLIENT_ID else None

    def save_token(token: dict, request: Any) -> None:
        user: PortalUser = request.user
        with store.engine.begin() as conn:
            conn.execute(
                insert(oauth_tokens).values(
                    access_token=token["access_token"],
                    refresh_token=token.get("refresh_token"),
                    client_id=CLIENT_ID,
                    user_email=user.email,
                    scope=token.get("scope", ""),
                    issued_at=int(time.time()),
                    expires_in=int(token["expires_in"]),
                )
            )
        previous = getattr(request, "refresh_token", None)
        if isinstance(previous, IssuedToken) and previous.refresh_token:
            state.rotated(previous.refresh_token, token["access_token"])
        if user.is_staff:  # no patient context: the desk works for its clinic (issue 14)
            token["medcard_role"] = user.role
            token["medcard_organization"] = f"Organization/{user.organization_id}"
            token["fhirUser"] = f"PractitionerRole/{user.practitioner_role_id}"
            token["medcard_patients"] = []
            return
        # SMART launch context: the user's own patient, plus whom they may act for.
        token["patient"] = user.patient_id
        token["medcard_patients"] = store.accessible_patients(user)

    app.config["OAUTH2_REFRESH_TOKEN_GENERATOR"] = True
    app.config["OAUTH2_TOKEN_EXPIRES_IN"] = {
        "authorization_code": access_token_ttl,
        "refresh_token": access_token_ttl,
    }
    server = AuthorizationServer(app, query_client=query_client, save_token=save_token)
    server.register_grant(CodeGrant, [S256Only(required=True)])
    server.register_grant(RefreshGrant)
    server.register_endpoint(Revocation)

    class Validator(BearerTokenValidator):
        def authenticate_token(self, token_string: str) -> IssuedToken | None:
            found = state.token_row(oauth_tokens.c.access_token, token_string)
            if found is not None:
                state.used(token_string)
            return found

    protector = ResourceProtector()
    protector.register_token_validator(Validator(realm="medcard-demo"))
    return server, protector
