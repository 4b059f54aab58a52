"""SMART sign-in and token lifetime (Qt-free)."""

from desktop.services.auth.manager import TokenManager, tokens_key
from desktop.services.auth.oauth import CLIENT_ID, SCOPE, revoke
from desktop.services.auth.signin import authorize, discover, sign_in
from desktop.services.auth.tokens import TokenSet

__all__ = [
    "CLIENT_ID",
    "SCOPE",
    "TokenManager",
    "TokenSet",
    "authorize",
    "discover",
    "revoke",
    "sign_in",
    "tokens_key",
]
