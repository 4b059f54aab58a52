"""The encrypted local copy of the card (SQLCipher via SQLAlchemy 2).

Entry points for other parts:
- `Cache.open(path, key)`, `Cache.new_key()`;
- `cache.read()` -> Connection (any thread), `cache.write()` -> Connection (one writer);
- `cache.ingest(resources)` to store + project what the portal returned after a write;
- `cache.card`, `cache.labs`, `cache.appointments`, `cache.family`, `cache.requests`;
- table objects in `desktop.services.cache.schema`.
"""

from .core import Cache
from .errors import CacheError, CacheFull, CacheLocked, WrongCacheKey
from .types import (
    RECORD_KINDS,
    Analyte,
    AppointmentRow,
    FamilyMember,
    LabResultRow,
    ObsPoint,
    RecordDetail,
    RequestRow,
    TimelineFilter,
    TimelineRow,
)

__all__ = [
    "RECORD_KINDS",
    "Analyte",
    "AppointmentRow",
    "Cache",
    "CacheError",
    "CacheFull",
    "CacheLocked",
    "FamilyMember",
    "LabResultRow",
    "ObsPoint",
    "RecordDetail",
    "RequestRow",
    "TimelineFilter",
    "TimelineRow",
    "WrongCacheKey",
]
