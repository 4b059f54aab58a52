"""Read API of the cache for the models (plain dataclasses out)."""

from .card import CardQueries, match_query
from .labs import LabQueries, analyte_group
from .lists import AppointmentQueries, FamilyQueries, RequestQueries

__all__ = [
    "AppointmentQueries",
    "CardQueries",
    "FamilyQueries",
    "LabQueries",
    "RequestQueries",
    "analyte_group",
    "match_query",
]
