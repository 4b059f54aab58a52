"""Typed errors of the service layer.

Every error a user may see carries ``user_message``: an English source string marked with
``N_`` (the Qt side translates it with context ``"medcard"``). ``detail`` is technical text
for logs and support; it never holds tokens or medical data. Errors caused by a portal
answer may carry the portal's own OperationOutcome text per language (``portal_text``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from desktop.services.i18n import N_


class MedcardError(Exception):
    """Base of all errors the services raise on purpose."""

    default_message = N_("Something went wrong.")

    def __init__(
        self,
        detail: str = "",
        *,
        user_message: str | None = None,
        portal_texts: Mapping[str, str] | None = None,
        status: int | None = None,
        precise_message: str | None = None,
        message_args: Mapping[str, object] | None = None,
    ) -> None:
        self.user_message: str = user_message or self.default_message
        self.detail = detail
        self.status = status
        # A more precise sentence with ``{name}`` fields, filled from ``message_args`` after
        # translation (one catalogue entry, e.g. "Try again in {minutes} min."). Only
        # `describe` uses it: ``user_message`` stays a complete sentence for any caller.
        self.precise_message = precise_message
        self.message_args: dict[str, object] = dict(message_args or {})
        # Portal OperationOutcome text by language code ("en", "ru"); may be empty.
        self.portal_texts: dict[str, str] = dict(portal_texts or {})
        super().__init__(detail or self.user_message)

    def portal_text(self, lang: str = "en") -> str | None:
        """The portal's explanation in ``lang`` (falls back to any language it gave)."""
        if not self.portal_texts:
            return None
        base = lang.split("_")[0].split("-")[0].lower()
        if base in self.portal_texts:
            return self.portal_texts[base]
        for fallback in ("en", "ru"):
            if fallback in self.portal_texts:
                return self.portal_texts[fallback]
        return next(iter(self.portal_texts.values()))

    def message(self, translate: Callable[[str], str] = lambda s: s) -> str:
        """The sentence to show: the precise one with its fields filled in when there is
        one, else ``user_message``; translated with ``translate``."""
        if self.precise_message:
            try:
                return translate(self.precise_message).format(**self.message_args)
            except (KeyError, IndexError, ValueError):
                pass  # a translation that lost a field: the plain sentence instead
        return translate(self.user_message)

    def describe(self, lang: str = "en", translate: Callable[[str], str] = lambda s: s) -> str:
        """The full human text: the translated message, then the portal's reason if any."""
        text = self.message(translate)
        reason = self.portal_text(lang)
        if reason and reason not in text:
            text = f"{text}\n{reason}"
        return text


class PortalUnreachable(MedcardError):
    default_message = N_(
        "The portal cannot be reached. Check the Internet connection and try again; "
        "the saved card remains available."
    )


class SessionExpired(MedcardError):
    default_message = N_("The session has ended. Please sign in again.")


class AccessDenied(MedcardError):
    default_message = N_("The portal denied access.")


class NotFound(MedcardError):
    default_message = N_("The portal has no such record.")


class MalformedAnswer(MedcardError):
    default_message = N_("The portal sent an answer that could not be understood. Try again later.")


class ServerError(MedcardError):
    default_message = N_("The portal is having problems. Try again later.")


class OperationNotSupported(MedcardError):
    """The server does not offer an operation (e.g. Patient/$everything); callers fall back."""

    default_message = N_("The portal does not support this operation.")


class Conflict(MedcardError):
    """409/412: somebody changed the record meanwhile, or a version check failed."""

    default_message = N_("The record was changed meanwhile. Refresh and try again.")


class ValidationFailed(MedcardError):
    """400/422: the portal rejected what we sent (its text says why)."""

    default_message = N_("The portal did not accept the request.")


class KeyringUnavailable(MedcardError):
    default_message = N_(
        "No working system keyring was found to keep the sign-in safely. "
        "You can store it in an encrypted file protected by a master password instead."
    )


class WrongPassword(MedcardError):
    default_message = N_("The master password is wrong.")


class SignInFailed(MedcardError):
    default_message = N_("Sign-in did not succeed. Please try again.")


class SignInCancelled(SignInFailed):
    default_message = N_("Sign-in was cancelled.")


class InvalidPortalAddress(MedcardError):
    """Not a usable FHIR base URL (no scheme/host, or plain http to a non-local host)."""

    default_message = N_(
        "This is not a valid portal address. It should look like https://portal.example/fhir"
    )


class InsecureConnection(PortalUnreachable):
    """TLS failed (certificate not trusted, wrong host): never retried, never bypassed."""

    default_message = N_(
        "The portal's security certificate could not be verified, so Medcard did not connect."
    )


class PortalBusy(ServerError):
    """429: the portal asks to come back later. ``minutes`` fills the message when the
    portal said how long (Retry-After)."""

    default_message = N_("The portal is busy. Try again in a few minutes.")

    @classmethod
    def after(
        cls,
        detail: str,
        seconds: float | None,
        *,
        portal_texts: Mapping[str, str] | None = None,
        status: int | None = 429,
    ) -> PortalBusy:
        if seconds is None:
            return cls(detail, portal_texts=portal_texts, status=status)
        return cls(
            detail,
            precise_message=N_("The portal is busy. Try again in {minutes} min."),
            message_args={"minutes": max(1, math.ceil(seconds / 60))},
            portal_texts=portal_texts,
            status=status,
        )


class PortalTooSlow(PortalUnreachable):
    """An answer did not arrive completely within the request's total deadline."""

    default_message = N_(
        "The portal is answering too slowly, so Medcard stopped waiting. Try again later; "
        "the saved card remains available."
    )


class AnswerTooLarge(MalformedAnswer):
    """An answer above the size or entry limits (an endless or absurd page)."""

    default_message = N_(
        "The portal sent more data in one answer than Medcard accepts, so it was not read. "
        "Try again later."
    )


class EndlessPaging(MalformedAnswer):
    """More pages than the portal's own total allows, or the same page again and again."""

    default_message = N_(
        "The portal kept sending pages without end, so Medcard stopped reading them. "
        "Try again later."
    )


class UnsafeRedirect(MalformedAnswer):
    """A redirect to another host or to plain http: refused, nothing re-sent."""

    default_message = N_(
        "The portal tried to send Medcard to another address. Medcard did not follow it "
        "and sent nothing there."
    )


class InsecureEndpoint(SignInFailed):
    """The SMART configuration names a sign-in address without https (or on another
    computer over plain http): no code, verifier or token is ever sent there."""

    default_message = N_(
        "This portal's sign-in address is not protected by https, so Medcard did not use it."
    )


class SyncBusy(MedcardError):
    """Another Medcard (window or command line) is syncing the same profile."""

    default_message = N_(
        "Another Medcard is syncing these cards right now. Try again when it has finished."
    )


# -- the portal's refusals that come with a next step (issue 13) -----------------------
# The portal names the rule in OperationOutcome.issue.details.coding (system
# REFUSAL_REASON_SYSTEM); desktop/services/portal/outcome.py picks these classes by code.


class PolicyInvalid(ValidationFailed):
    """422 `oms-policy-invalid`: no valid OMS policy, so no OMS-funded visit is booked."""

    default_message = N_(
        "The portal did not book the visit: there is no valid OMS insurance policy. Apply "
        "for one at the insurance company or an МФЦ (with a passport), then book again; "
        "the policy is on the My clinic tab."
    )


class IdentityNotVerified(AccessDenied):
    """403 `identity-not-verified`: the account's identity (SNILS) is not confirmed."""

    default_message = N_(
        "The portal cannot open your card yet: your identity (SNILS) is not verified. "
        "Confirm your account at an МФЦ (take your passport and SNILS) or on Gosuslugi, "
        "then sign in again."
    )

    def describe(self, lang: str = "en", translate: Callable[[str], str] = lambda s: s) -> str:
        return self.message(translate)  # complete with its next step; the portal's is the same


class RegionNotServed(AccessDenied):
    """403 `region-not-served`: the portal does not offer the service in the person's region."""

    default_message = N_(
        "This portal does not offer the service in your region. Sign in at your region's "
        "own portal (choose it on the welcome screen), or ask your clinic's registry how "
        "to get your records."
    )

    def describe(self, lang: str = "en", translate: Callable[[str], str] = lambda s: s) -> str:
        return self.message(translate)


REFUSAL_REASON_SYSTEM = "https://demo.medcard/fhir/CodeSystem/refusal-reason"
REFUSALS: dict[str, type[MedcardError]] = {
    "oms-policy-invalid": PolicyInvalid,
    "identity-not-verified": IdentityNotVerified,
    "region-not-served": RegionNotServed,
}


# -- a wrong portal address, said precisely (issue 13) ----------------------------------


class NotFhirServer(InvalidPortalAddress):
    """The address answers, but not as a FHIR server (no CapabilityStatement at metadata)."""

    default_message = N_(
        "There is no FHIR server at this address. Check it: a portal's FHIR address "
        "usually ends in /fhir, and the portal's help pages name it."
    )


class NoSmartSignIn(SignInFailed):
    """A FHIR server that announces no SMART sign-in (no authorize and token endpoints)."""

    default_message = N_(
        "This FHIR server does not offer SMART sign-in, so Medcard cannot sign in to it. "
        "Ask the portal's support for the address of its patient access."
    )


NOT_REACHED_AT_SIGN_IN = N_(
    "The portal at this address cannot be reached. Check the address and the "
    "Internet connection, and try again."
)
