"""Checking a portal address typed by a user before anything is sent to it."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from desktop.services.errors import InvalidPortalAddress

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
    medical data never travel unencrypted over a network.
    """
    url = base_url.strip().rstrip("/")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise InvalidPortalAddress(f"unparsable address {url[:80]!r}") from None
    if parts.scheme not in ("https", "http") or not host or parts.query or parts.fragment:
        raise InvalidPortalAddress(f"not an http(s) base URL: {url[:80]!r}")
    if parts.scheme == "http" and not is_loopback(host):
        raise InvalidPortalAddress(f"plain http to a non-local host: {host}")
    return url
