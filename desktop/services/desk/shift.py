"""A staff member's shift at the desk: sign-in, unlock, sign-out (Qt-free).

The tokens live in a `MemorySecretStore` only — never the keyring, never a file — and are
revoked at the portal when the shift ends or the locked desk times out. An unlock is a
fresh sign-in with `prompt=login` (the portal asks for the password whatever the browser
remembers); its tokens replace the old ones, which are revoked.
"""

from __future__ import annotations

import logging
import threading
import webbrowser
from collections.abc import Callable

from desktop.services.auth import TokenManager, TokenSet, authorize, revoke
from desktop.services.desk.staff import DESK_SCOPE, StaffMember, staff_from_answer, with_names
from desktop.services.errors import SessionExpired
from desktop.services.portal import FhirClient, new_session
from desktop.services.secrets import MemorySecretStore

log = logging.getLogger("medcard.desk")
SHIFT_ACCOUNT = "desk-shift"  # the key of the tokens in the shift's own memory store


class StaffShift:
    """One desk's sign-in. `client()` gives a portal client for the calling thread (one per
    call: clients are not shared between threads)."""

    def __init__(
        self,
        base_url: str,
        open_url: Callable[[str], object] = webbrowser.open,
        timeout: float = 300,
    ) -> None:
        self.base_url = base_url
        self.open_url = open_url
        self.timeout = timeout
        self._lock = threading.Lock()
        self._manager: TokenManager | None = None
        self.staff: StaffMember | None = None

    @property
    def signed_in(self) -> bool:
        return self._manager is not None

    def sign_in(
        self, *, prompt_login: bool = False, cancel: threading.Event | None = None
    ) -> StaffMember:
        """Network thread: sign in (again); the previous tokens, if any, are revoked."""
        answer, config = authorize(
            self.base_url,
            self.open_url,
            self.timeout,
            cancel=cancel,
            scope=DESK_SCOPE,
            extra_params={"prompt": "login"} if prompt_login else None,
        )
        member = staff_from_answer(answer)
        tokens = TokenSet.from_response(
            answer,
            token_endpoint=config["token_endpoint"],
            revocation_endpoint=config.get("revocation_endpoint"),
        )
        manager = TokenManager(SHIFT_ACCOUNT, MemorySecretStore(), config["token_endpoint"])
        manager.store(tokens)
        with FhirClient(self.base_url, token_provider=manager) as client:
            member = with_names(client, member)
        with self._lock:
            previous, self._manager = self._manager, manager
            self.staff = member
        if previous is not None:
            _revoke(previous)
        return member

    def client(self) -> FhirClient:
        """A client for this thread; SessionExpired once the shift is signed out."""
        manager = self._manager
        if manager is None:
            raise SessionExpired("the desk is signed out")
        return FhirClient(self.base_url, token_provider=manager)

    def sign_out(self) -> bool:
        """Network thread: revoke the tokens at the portal and forget them. True when the
        portal confirmed (the tokens are forgotten here either way)."""
        return revoke_tokens(self.detach())

    def detach(self) -> TokenManager | None:
        """Any thread, no network: the shift lets go of its tokens at once (no call can use
        them any more); `revoke_tokens` then tells the portal. Split so that a new sign-in
        started meanwhile can never have its own tokens revoked."""
        with self._lock:
            manager, self._manager = self._manager, None
            self.staff = None
        return manager


def revoke_tokens(manager: TokenManager | None) -> bool:
    return _revoke(manager) if manager is not None else True


def _revoke(manager: TokenManager) -> bool:
    try:
        tokens = manager.tokens()
    except SessionExpired:
        return True
    manager.forget()
    endpoint = tokens.revocation_endpoint
    if not endpoint:
        log.warning("the portal offers no revocation endpoint: the desk's tokens expire alone")
        return False
    token, hint = (
        (tokens.refresh_token, "refresh_token")
        if tokens.refresh_token
        else (tokens.access_token, "access_token")
    )
    with new_session() as http:
        done = revoke(http, endpoint, token, hint)
        # The portal revokes both with the refresh token; a portal that does not is told
        # about the access token too (harmless when it is already void).
        if tokens.refresh_token:
            revoke(http, endpoint, tokens.access_token, "access_token")
    return done
