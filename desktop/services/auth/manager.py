"""TokenManager: hands out a valid access token and renews it, rotation-safe.

Several sync threads share one manager. Refreshes are serialised by a lock (and, with
``lock_path``, by a file lock between processes: a window and a `medcard sync`), the
newest refresh token is written to the secret store *before* it is used by anyone, and a
thread or process whose token was rejected after another one already renewed it simply
takes the new one (so one expiry never burns two refresh tokens).

An answer lost in transit (connection dropped, portal restarted) after the portal rotated
the token would leave us holding a dead refresh token. The refresh is then tried once more
with the same token: portals with a reuse grace window (the demo portal, and major
authorization servers) accept it, and the user stays signed in.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import requests

from desktop.services.auth.oauth import CLIENT_ID, OAuthError, post_form
from desktop.services.auth.tokens import TokenSet
from desktop.services.errors import InsecureEndpoint, PortalUnreachable, ServerError, SessionExpired
from desktop.services.filelock import FileLock
from desktop.services.portal import new_session
from desktop.services.portal.address import check_endpoint
from desktop.services.secrets import SecretStore

log = logging.getLogger("medcard.auth")

REFRESH_LOCK_WAIT = 150.0  # another process's refresh: two tries within their deadlines


def tokens_key(account_id: str) -> str:
    return f"tokens:{account_id}"


class TokenManager:
    def __init__(
        self,
        account_id: str,
        secret_store: SecretStore,
        token_endpoint: str | None = None,
        *,
        client_id: str = CLIENT_ID,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = (5, 30),
        refresh_margin: float = 60.0,
        on_session_expired: Callable[[str], None] | None = None,
        on_renewed: Callable[[str, TokenSet], None] | None = None,
        lock_path: str | Path | None = None,
    ) -> None:
        self.account_id = account_id
        self._store = secret_store
        self._token_endpoint = token_endpoint
        self._client_id = client_id
        self._session = session or new_session()
        self._timeout = timeout
        self._margin = refresh_margin
        self._on_session_expired = on_session_expired
        self._on_renewed = on_renewed
        self._lock = threading.RLock()
        self._file_lock = FileLock(lock_path) if lock_path is not None else None
        self._tokens: TokenSet | None = None

    # -- TokenProvider ------------------------------------------------------------------

    def access_token(self) -> str:
        """A token valid for at least a little longer (renewed ahead of expiry)."""

        def current() -> tuple[TokenSet, bool]:
            tokens = self.tokens()
            if tokens.needs_refresh(self._margin):
                return self._refresh_locked(tokens), True
            return tokens, False

        return self._locked(current).access_token

    def refresh(self, rejected_token: str | None = None) -> TokenSet:
        """Renew the tokens now. With ``rejected_token`` (the token a server just refused),
        nothing is done when another thread has already replaced it."""

        def renew() -> tuple[TokenSet, bool]:
            tokens = self.tokens()
            if rejected_token is not None and tokens.access_token != rejected_token:
                return tokens, False
            return self._refresh_locked(tokens, rejected_token), True

        return self._locked(renew)

    def _locked(self, step: Callable[[], tuple[TokenSet, bool]]) -> TokenSet:
        # Listeners run after the lock is released: they take their own locks (the account
        # registry), and holding ours meanwhile could deadlock against a sign-out.
        try:
            with self._lock:
                tokens, renewed = step()
        except SessionExpired:
            if self._on_session_expired is not None:
                self._on_session_expired(self.account_id)
            raise
        if renewed and self._on_renewed is not None:
            self._on_renewed(self.account_id, tokens)
        return tokens

    # -- storage ------------------------------------------------------------------------

    def tokens(self) -> TokenSet:
        """The current tokens (from memory, else the secret store)."""
        with self._lock:
            if self._tokens is None:
                stored = self._store.get(tokens_key(self.account_id))
                if stored is None:
                    raise SessionExpired(f"no stored tokens for account {self.account_id}")
                self._tokens = TokenSet.from_json(stored)
            return self._tokens

    def store(self, tokens: TokenSet) -> None:
        with self._lock:
            self._store.set(tokens_key(self.account_id), tokens.to_json())
            self._tokens = tokens

    def forget(self) -> None:
        with self._lock:
            self._store.delete(tokens_key(self.account_id))
            self._tokens = None

    # -- refresh ------------------------------------------------------------------------

    def _newer_in_store(self, tokens: TokenSet) -> TokenSet | None:
        """Tokens another process (a CLI sync, a second window) renewed meanwhile: under
        rotation theirs are the only valid ones. None when the store holds ours."""
        text = self._store.get(tokens_key(self.account_id))
        if text is None:
            self._tokens = None
            self._expire("tokens were removed (signed out elsewhere)")
        stored = TokenSet.from_json(text)
        if stored.refresh_token == tokens.refresh_token:
            return None
        self._tokens = stored
        return stored

    def _refresh_locked(self, tokens: TokenSet, rejected: str | None = None) -> TokenSet:
        if self._file_lock is None:
            return self._refresh_now(tokens, rejected)
        if not self._file_lock.acquire(REFRESH_LOCK_WAIT):
            raise PortalUnreachable("another process holds the refresh lock")
        try:
            return self._refresh_now(tokens, rejected)
        finally:
            self._file_lock.release()

    def _refresh_now(self, tokens: TokenSet, rejected: str | None) -> TokenSet:
        newer = self._newer_in_store(tokens)
        if newer is not None:
            if newer.access_token != rejected and not newer.needs_refresh(self._margin):
                return newer
            tokens = newer
        endpoint = self._token_endpoint or tokens.token_endpoint
        if not tokens.refresh_token or not endpoint:
            self._expire("no refresh token")
        assert tokens.refresh_token is not None
        try:
            endpoint = check_endpoint(endpoint, None, "token_endpoint")
        except InsecureEndpoint:
            self._expire("stored token endpoint is not secure")  # the token is never sent
        started = time.monotonic()
        form = {
            "grant_type": "refresh_token",
            "refresh_token": tokens.refresh_token,
            "client_id": self._client_id,
        }
        try:
            try:
                answer = post_form(self._session, endpoint, form, self._timeout)
            except (PortalUnreachable, ServerError):
                # The answer may be lost after the portal rotated the token: once more with
                # the same token (accepted within the portal's reuse grace window).
                log.info("token refresh answer lost; trying once more")
                answer = post_form(self._session, endpoint, form, self._timeout)
        except OAuthError as exc:
            # Lost a race with another process that rotated the token a moment ago?
            newer = self._newer_in_store(tokens)
            if newer is not None and not newer.needs_refresh(self._margin):
                return newer
            # invalid_grant & co: the refresh token is dead (revoked, expired, reused).
            self._expire(f"refresh refused: {exc.error}")
        # PortalUnreachable / ServerError propagate: the tokens may still be fine later.
        new_tokens = TokenSet.from_response(answer, previous=tokens)
        # Store before anyone uses it: with rotation the old refresh token is now void.
        self.store(new_tokens)
        log.info("tokens renewed for one account in %.0f ms", (time.monotonic() - started) * 1000)
        return new_tokens

    def _expire(self, why: str) -> NoReturn:
        self.forget()  # a dead refresh token is of no use to anyone
        raise SessionExpired(why)
