"""The encrypted local copy of the card (SQLCipher via SQLAlchemy 2).

Entry points for other parts:
- `Cache.open(path, key)`, `Cache.new_key()`;
- `cache.read()` -> Connection (any thread), `cache.write()` -> Connection (one writer);
- `cache.ingest(resources)` to store + project what the portal returned after a write;
- `cache.card`, `cache.labs`, `cache.resources`, `cache.diary`, `cache.sync` (query objects);
- table objects in `desktop.services.cache.schema`.
"""

from .core import Cache
from .errors import CacheError, CacheFull, CacheLocked, WrongCacheKey
from .types import (
    RECORD_KINDS,
    Analyte,
    LabResultRow,
    ObsPoint,
    RecordDetail,
    TimelineFilter,
    TimelineRow,
)

__all__ = [
    "RECORD_KINDS",
    "Analyte",
    "Cache",
    "CacheError",
    "CacheFull",
    "CacheLocked",
    "LabResultRow",
    "ObsPoint",
    "RecordDetail",
    "TimelineFilter",
    "TimelineRow",
    "WrongCacheKey",
]
