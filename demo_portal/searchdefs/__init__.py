"""Which FHIR R4 search parameters the demo portal offers, per resource type.

Every name here is the standard R4 one (checked against the specification's list by
tests/portal/test_portal_search_params.py); nothing else is accepted: an unknown parameter
is a 400 OperationOutcome unless the client sends `Prefer: handling=lenient`.

A parameter says where its values are (dotted element paths; a list anywhere on the
way is flattened) and how they are kept by the index (`demo_portal.indexing`):

- `compartment`: the Patient whose card holds the resource (the `patient_id` column);
  `patient` / `subject` / `beneficiary` of records that belong to one patient.
- `status`: the resource's top-level `status` (a column).
- `token`: codes, identifiers, booleans, contact points (`tokens` table, system|value).
- `reference`: `Type/id` of references (`tokens` table); `targets` limits the types
  (Appointment.practitioner only holds Practitioner references).
- `date`: dates, dateTimes, instants and Periods (`dates` table, the value's range).
- `string`: names, addresses and other text, matched by prefix ignoring case and ё/е
  (`strings` table).
- `uri`: exact URIs (`tokens` table).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from demo_portal.searchdefs.administrative import ADMINISTRATIVE
from demo_portal.searchdefs.clinical import CLINICAL
from demo_portal.searchdefs.kinds import Param
from demo_portal.searchdefs.workflow import WORKFLOW

__all__ = ["COMMON", "CONTROL", "Param", "SearchDefs", "params_of", "r4_type"]

# Parameters of every type (R4 base Resource), besides the control parameters below.
COMMON: dict[str, Param] = {
    "_id": Param("special"),
    "_lastUpdated": Param("special"),
    "_tag": Param("token", ("meta.tag",)),
}

# Result parameters (not search parameters in the R4 list, allowed on every search).
CONTROL = frozenset({"_count", "_sort", "_summary", "_elements", "_total", "_format", "_pretty"})

_ALL: dict[str, dict[str, Param]] = {**ADMINISTRATIVE, **CLINICAL, **WORKFLOW}


@dataclass(frozen=True)
class SearchDefs:
    rtype: str
    params: dict[str, Param]


@cache
def params_of(rtype: str) -> dict[str, Param]:
    """Every search parameter of the type (its own and the common ones); do not change it."""
    return {**COMMON, **_ALL.get(rtype, {})}


def own_params(rtype: str) -> dict[str, Param]:
    return dict(_ALL.get(rtype, {}))


def r4_type(param: Param) -> str:
    """The R4 SearchParameter.type this parameter implements."""
    return {
        "compartment": "reference",
        "status": "token",
        "special": "token",
    }.get(param.kind, param.kind)
