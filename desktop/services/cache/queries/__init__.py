"""Read API of the cache for the models and services (plain values out, never SQL)."""

from .card import CardQueries, match_query
from .diary import DiaryQueries, OutboxItem
from .labs import LabQueries, analyte_group
from .resources import Lookup, ResourceQueries
from .sync import SyncQueries

__all__ = [
    "CardQueries",
    "DiaryQueries",
    "LabQueries",
    "Lookup",
    "OutboxItem",
    "ResourceQueries",
    "SyncQueries",
    "analyte_group",
    "match_query",
]
