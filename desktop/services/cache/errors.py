"""Typed errors of the cache, each with a translatable message for the user."""

from __future__ import annotations

from desktop.services.errors import MedcardError
from desktop.services.i18n import N_


class CacheError(MedcardError):
    """The local card cache cannot be used."""

    default_message = N_("The local copy of the medical card cannot be opened.")


class WrongCacheKey(CacheError):
    """The key does not open this cache file (or the file is not a cache at all)."""

    default_message = N_(
        "The local copy of the medical card is locked with another key. "
        "Sign in again to download the card anew."
    )


class CacheLocked(CacheError):
    """Another process holds the cache for writing for too long."""

    default_message = N_("The local copy of the medical card is busy in another window.")


class CacheFull(CacheError):
    """The disk is full or the file cannot be written."""

    default_message = N_(
        "The local copy of the medical card cannot be saved: the disk is full or read-only."
    )
