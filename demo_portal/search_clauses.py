"""One search parameter's value -> an SQL condition over the index tables.

Each condition selects `r.seq IN (...)` from one index table, so SQLite can start from
the (param, value) index when that is the selective part of a search (a surname prefix
over a city's patients) and from the patient's rows otherwise.
"""

from __future__ import annotations

from typing import Any

from demo_portal.errors import FhirError, bad_request
from demo_portal.index_values import looks_like_phone, normalize_phone, normalize_string
from demo_portal.indexing import parse_fhir_datetime
from demo_portal.searchdefs import Param

_PREFIXES = ("ge", "le", "gt", "lt", "eq")
_TOP = "\U0010ffff"  # sorts after every other character: the end of a prefix range


def invalid_value(name: str, value: str) -> FhirError:
    return bad_request(
        f"Invalid value for search parameter '{name}': {value!r}",
        f"Неверное значение параметра поиска «{name}»: {value}",
    )


def date_bounds(column: str, name: str, value: str) -> tuple[str, list[Any]]:
    """`ge2020-01-01` etc. on one column holding the start of each value's range."""
    prefix = value[:2] if value[:2] in _PREFIXES else "eq"
    raw = value[2:] if value[:2] in _PREFIXES else value
    try:
        start, end = parse_fhir_datetime(raw)
    except ValueError as exc:
        raise invalid_value(name, value) from exc
    if prefix == "ge":
        return f"{column} >= ?", [start]
    if prefix == "gt":
        return f"{column} >= ?", [end]
    if prefix == "le":
        return f"{column} < ?", [end]
    if prefix == "lt":
        return f"{column} < ?", [start]
    return f"{column} >= ? AND {column} < ?", [start, end]


def date_clause(name: str, value: str) -> tuple[str, list[Any]]:
    bounds, args = date_bounds("d.low", name, value)
    return f"r.seq IN (SELECT d.seq FROM dates d WHERE d.param = ? AND {bounds})", [name, *args]


def _token_value(name: str, param: Param, system: str, code: str) -> str:
    if param.contact == "phone" or system in ("phone", "sms", "fax"):
        return normalize_phone(code)
    if param.contact == "email" or system == "email":
        return code.casefold()
    if name == "telecom" and not system and looks_like_phone(code):
        return normalize_phone(code)
    return code


def token_clause(name: str, param: Param, value: str) -> tuple[str, list[Any]]:
    """`a|x,b|y` (comma = or, `|` splits the system; `|x` = no system, `a|` = any code)."""
    parts, args = [], []
    for alternative in value.split(","):
        if "|" in alternative:
            system, code = alternative.split("|", 1)
            code = _token_value(name, param, system, code)
            if system and code:
                parts.append("(t.system = ? AND t.value = ?)")
                args.extend([system, code])
            elif code:
                parts.append("(t.system = '' AND t.value = ?)")
                args.append(code)
            else:
                parts.append("t.system = ?")
                args.append(system)
        else:
            parts.append("t.value = ?")
            args.append(_token_value(name, param, "", alternative))
    sql = "r.seq IN (SELECT t.seq FROM tokens t WHERE t.param = ? AND (" + " OR ".join(parts)
    return sql + "))", [name, *args]


def reference_clause(name: str, value: str) -> tuple[str, list[Any]]:
    """`Type/id` exactly, or a bare id of any type."""
    parts, args = [], []
    for alternative in value.split(","):
        if "/" in alternative:
            parts.append("t.value = ?")
            args.append("/".join(alternative.rstrip("/").split("/")[-2:]))
        else:
            parts.append("t.value LIKE ?")
            args.append(f"%/{alternative}")
    sql = "r.seq IN (SELECT t.seq FROM tokens t WHERE t.param = ? AND (" + " OR ".join(parts)
    return sql + "))", [name, *args]


def string_clause(name: str, modifier: str, value: str) -> tuple[str, list[Any]]:
    """Prefix (the default), `:exact` (the whole part) or `:contains`, ignoring case and
    ё/е; comma = or."""
    parts, args = [], []
    for alternative in value.split(","):
        term = normalize_string(alternative)
        if not term:
            raise invalid_value(name, value)
        if modifier == "exact":
            parts.append("s.value = ?")
            args.append(term)
        elif modifier == "contains":
            parts.append("s.value LIKE ? ESCAPE '\\'")
            escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            args.append(f"%{escaped}%")
        else:
            parts.append("(s.value >= ? AND s.value < ?)")
            args.extend([term, term + _TOP])
    sql = "r.seq IN (SELECT s.seq FROM strings s WHERE s.param = ? AND (" + " OR ".join(parts)
    return sql + "))", [name, *args]
