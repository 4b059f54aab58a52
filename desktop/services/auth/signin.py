"""SMART App Launch, standalone, for a native app (RFC 8252): system browser, loopback
redirect, PKCE S256, ``state`` check, code exchange at the token endpoint."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import requests

from desktop.services.auth.oauth import CLIENT_ID, SCOPE, OAuthError, pkce_pair, post_form
from desktop.services.auth.tokens import TokenSet
from desktop.services.errors import (
    NOT_REACHED_AT_SIGN_IN,
    InsecureConnection,
    MalformedAnswer,
    MedcardError,
    NoSmartSignIn,
    NotFhirServer,
    PortalUnreachable,
    ServerError,
    SignInCancelled,
    SignInFailed,
)
from desktop.services.i18n import N_
from desktop.services.portal import FhirClient, new_session
from desktop.services.portal.address import check_base_url, check_endpoint

# Endpoints Medcard sends something to: each must be https (plain http only when both the
# portal and the endpoint are on this computer, i.e. the demo portal).
CHECKED_ENDPOINTS = (
    "authorization_endpoint",
    "token_endpoint",
    "revocation_endpoint",
    "management_endpoint",
)


def discover(base_url: str, session: requests.Session | None = None) -> dict[str, Any]:
    """The SMART configuration of a FHIR base URL (the auth server may be elsewhere),
    its endpoints checked: InsecureEndpoint for one that is not safe to send to."""
    with FhirClient(base_url, session=session) as client:
        try:
            config = client.smart_configuration()
        except (InsecureConnection, ServerError):
            raise  # their own messages say it: a certificate, a portal in trouble
        except PortalUnreachable as exc:
            # Nothing is saved yet at a first sign-in: no word of a saved card.
            raise PortalUnreachable(exc.detail, user_message=NOT_REACHED_AT_SIGN_IN) from None
        except MedcardError as exc:
            raise _why_no_smart(client, exc) from None
    for name in CHECKED_ENDPOINTS:
        if name in ("authorization_endpoint", "token_endpoint") or config.get(name) is not None:
            config[name] = check_endpoint(config.get(name), base_url, name)
    methods = config.get("code_challenge_methods_supported")
    if methods is not None and (not isinstance(methods, list) or "S256" not in methods):
        raise SignInFailed(
            "the authorization server does not support PKCE S256",
            user_message=N_("This portal does not support secure sign-in for desktop apps."),
        )
    return config


def _why_no_smart(client: FhirClient, failure: MedcardError) -> MedcardError:
    """After the SMART configuration could not be read: is this a FHIR server at all?"""
    try:
        client.capabilities()  # the statement, when the server has one (kept by the client)
    except PortalUnreachable as exc:
        return PortalUnreachable(exc.detail, user_message=NOT_REACHED_AT_SIGN_IN)
    except MedcardError:
        return NotFhirServer(f"no CapabilityStatement ({type(failure).__name__})")
    return NoSmartSignIn(f"no SMART endpoints ({type(failure).__name__})")


def authorize_url(endpoint: str, params: dict[str, str]) -> str:
    separator = "&" if "?" in endpoint else "?"
    return endpoint + separator + urlencode(params)


def sign_in(
    base_url: str,
    open_url: Callable[[str], object] | None = None,
    timeout: float = 300,
    *,
    cancel: threading.Event | None = None,
    scope: str = SCOPE,
    session: requests.Session | None = None,
) -> TokenSet:
    """Sign in at the portal in the user's browser and return the tokens.

    ``open_url`` shows the authorize URL (the system browser by default, which honours
    ``BROWSER``); it may block — the loopback listener runs in its own thread. Setting
    ``cancel`` (e.g. from a Cancel button) ends the wait with SignInCancelled.
    """
    answer, config = authorize(
        base_url, open_url, timeout, cancel=cancel, scope=scope, session=session
    )
    return TokenSet.from_response(
        answer,
        token_endpoint=config["token_endpoint"],
        revocation_endpoint=config.get("revocation_endpoint"),
    )


def authorize(
    base_url: str,
    open_url: Callable[[str], object] | None = None,
    timeout: float = 300,
    *,
    cancel: threading.Event | None = None,
    scope: str = SCOPE,
    session: requests.Session | None = None,
    extra_params: dict[str, str] | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The sign-in of `sign_in`, returning the token endpoint's whole answer and the SMART
    configuration: the registry desk reads `fhirUser` from the answer and asks for
    `prompt=login` through ``extra_params`` (issue 14)."""
    # The browser and the listener only for signing in: `medcard sync` starts without them.
    import webbrowser

    from desktop.services.auth.loopback import LoopbackListener

    open_url = open_url or webbrowser.open
    base_url = check_base_url(base_url)
    own_session = session is None
    http = session or new_session()
    try:
        config = discover(base_url, http)
        state = secrets.token_urlsafe(32)
        verifier, challenge = pkce_pair()
        with LoopbackListener(state) as listener:
            url = authorize_url(
                config["authorization_endpoint"],
                {
                    "response_type": "code",
                    "client_id": CLIENT_ID,
                    "redirect_uri": listener.redirect_uri,
                    "scope": scope,
                    "state": state,
                    "aud": base_url,
                    "code_challenge": challenge,
                    "code_challenge_method": "S256",
                    **(extra_params or {}),
                },
            )
            try:
                opened = open_url(url)
            except MedcardError:
                raise  # the launcher knows what went wrong (e.g. the portal refused the password)
            except Exception as exc:  # a browser launcher failing is the user's problem to see
                raise SignInFailed(
                    f"browser launcher failed: {type(exc).__name__}",
                    user_message=N_("Could not open a web browser for signing in."),
                ) from None
            if opened is False:
                raise SignInFailed(
                    "no browser could be started",
                    user_message=N_("Could not open a web browser for signing in."),
                )
            callback = listener.wait(timeout, cancel)
        if callback is None:
            if cancel is not None and cancel.is_set():
                raise SignInCancelled("cancelled while waiting for the browser")
            raise SignInCancelled(
                "no answer from the browser in time",
                user_message=N_("Sign-in was not completed in time. Please try again."),
            )
        if callback.error:
            if callback.error == "access_denied":
                raise SignInCancelled(f"authorization server: {callback.error}")
            raise SignInFailed(
                f"authorization server: {callback.error}",
                portal_texts={"en": callback.error_description}
                if callback.error_description
                else None,
            )
        if callback.state != state:
            # Someone else's redirect (CSRF or a stale browser tab): refuse it.
            raise SignInFailed("state mismatch in the redirect")
        if not callback.code:
            raise MalformedAnswer("redirect without an authorization code")
        try:
            answer = post_form(
                http,
                config["token_endpoint"],
                {
                    "grant_type": "authorization_code",
                    "code": callback.code,
                    "redirect_uri": listener.redirect_uri,
                    "client_id": CLIENT_ID,
                    "code_verifier": verifier,
                },
                timeout=(5, 30),
            )
        except OAuthError as exc:
            raise SignInFailed(
                f"token endpoint: {exc.error}",
                portal_texts={"en": exc.description} if exc.description else None,
            ) from None
        return answer, config
    finally:
        if own_session:
            http.close()
