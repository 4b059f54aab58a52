"""Incremental sync of the card from a FHIR R4 portal into the cache (see engine.py)."""

from desktop.services.cache.types import SyncProgress, SyncResult

from .cancel import SyncCancelled
from .engine import SyncEngine
from .fetch import CARD_TYPES, EVERYTHING

__all__ = ["CARD_TYPES", "EVERYTHING", "SyncCancelled", "SyncEngine", "SyncProgress", "SyncResult"]
