"""Checking addresses before anything is sent to them: the portal's base URL typed by a
user, the SMART endpoints a portal announces, and the form URLs take in logs."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from desktop.services.errors import InsecureEndpoint, InvalidPortalAddress
from desktop.services.i18n import N_

LOCAL_HOSTS = frozenset({"localhost"})


def is_loopback(host: str) -> bool:
    if host.lower() in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(base_url: str) -> str:
    """The normalised FHIR base URL (no trailing slash), or InvalidPortalAddress.

    Plain http is accepted only for this computer (the embedded demo portal); tokens and
    medical data never travel unencrypted over a network. A user name or password in the
    address is refused: it would be sent to the server and kept in the account list.
    """
    url = base_url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise InvalidPortalAddress("unparsable address") from None
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise InvalidPortalAddress(
            "user name or password in the address",
            user_message=N_(
                "A portal address must not contain a user name or password. Enter the "
                "address only; you sign in on the portal's own page."
            ),
        )
    if parts.scheme not in ("https", "http") or not host or parts.query or parts.fragment:
        raise InvalidPortalAddress(f"not an http(s) base URL (scheme {parts.scheme[:10]!r})")
    if parts.scheme == "http" and not is_loopback(host):
        raise InvalidPortalAddress("plain http to a non-local host")
    return url


def check_endpoint(url: object, portal_base: str | None, name: str) -> str:
    """A SMART endpoint the portal announced, or InsecureEndpoint.

    https always; plain http only when the endpoint and the portal itself are both on
    this computer (the demo portal). No user name or password, no fragment. With
    ``portal_base`` None (a stored endpoint) the loopback rule alone applies.
    """
    if not isinstance(url, str) or not url:
        raise InsecureEndpoint(f"{name}: missing")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018
    except ValueError:
        raise InsecureEndpoint(f"{name}: unparsable") from None
    if not host or parts.fragment or "@" in parts.netloc:
        raise InsecureEndpoint(f"{name}: not a plain https address")
    if parts.scheme == "https":
        return url
    portal_local = portal_base is None or is_loopback(urlsplit(portal_base).hostname or "")
    if parts.scheme == "http" and is_loopback(host) and portal_local:
        return url
    raise InsecureEndpoint(f"{name}: {parts.scheme[:10]} to a host that is not this computer")


_TYPE_SEGMENT = re.compile(r"^[A-Z][A-Za-z]{1,63}$")


def scrub_url(url: str) -> str:
    """The path of a URL as logs may show it: no query (search terms), no host, and every
    id replaced by ``…`` ("/fhir/Patient/…/$everything"). Segments before the first
    resource type are the base path and stay."""
    path = urlsplit(url).path
    out: list[str] = []
    after_type = False
    for segment in path.split("/"):
        if after_type and segment and not segment.startswith(("$", "_")):
            out.append("…")
            after_type = False
            continue
        after_type = bool(_TYPE_SEGMENT.match(segment)) or segment == "_history"
        out.append(segment)
    return "/".join(out)
