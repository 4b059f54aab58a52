"""FHIR search: parameters -> SQL over the index columns, keyset paging, Bundle bytes.

Paging is keyset-based (the next link carries the sort key of the last row served), so
pages stay stable while other clients write, and page N costs the same as page 1.
A page is assembled by concatenating stored JSON bodies, never parsing them.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

from demo_portal.errors import FhirError, bad_request
from demo_portal.indexing import NO_DATE, REFERENCE_PARAMS, parse_fhir_datetime

DEFAULT_COUNT = 50
MAX_COUNT = 1000
TOKEN_PARAMS = ("code", "category", "identifier")
# Parameters accepted and ignored (formatting hints some clients always send).
IGNORED_PARAMS = frozenset({"_format", "_pretty", "_total"})
SORTS = {
    "_lastUpdated": ("r.last_updated",),
    "-_lastUpdated": ("r.last_updated",),
    "date": ("r.date_key", "r.last_updated"),
    "-date": ("r.date_key", "r.last_updated"),
}
_PREFIXES = ("ge", "le", "gt", "lt", "eq")


@dataclass
class SearchSpec:
    rtype: str
    params: list[tuple[str, str]]  # as given, re-sent in next links (inside the cursor)
    patients: list[str] = field(default_factory=list)  # explicit patient filter
    ids: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)
    sort: str = "_lastUpdated"
    count: int = DEFAULT_COUNT
    summary_count: bool = False  # _summary=count: only the total
    elements: list[str] = field(default_factory=list)  # _elements: subsetted resources


def _bare_patient(value: str) -> str:
    return value[len("Patient/") :] if value.startswith("Patient/") else value


def _date_clauses(column: str, name: str, value: str) -> tuple[str, list[Any]]:
    prefix = value[:2] if value[:2] in _PREFIXES else "eq"
    raw = value[2:] if value[:2] in _PREFIXES else value
    try:
        start, end = parse_fhir_datetime(raw)
    except ValueError as exc:
        raise bad_request(
            f"Invalid value for search parameter '{name}': {value!r}",
            f"Неверное значение параметра поиска «{name}»: {value}",
        ) from exc
    if prefix == "ge":
        return f"{column} >= ?", [start]
    if prefix == "gt":
        return f"{column} >= ?", [end]
    if prefix == "le":
        return f"{column} < ?", [end]
    if prefix == "lt":
        return f"{column} < ?", [start]
    return f"{column} >= ? AND {column} < ?", [start, end]


def _token_clause(param: str, value: str) -> tuple[str, list[str]]:
    """`a|x,b|y` -> EXISTS over the token index (comma = OR, `|` splits system)."""
    parts, args = [], []
    for alternative in value.split(","):
        if "|" in alternative:
            system, code = alternative.split("|", 1)
            if system and code:
                parts.append("(t.system = ? AND t.value = ?)")
                args.extend([system, code])
            elif code:
                parts.append("t.value = ?")
                args.append(code)
            else:
                parts.append("t.system = ?")
                args.append(system)
        else:
            parts.append("t.value = ?")
            args.append(alternative)
    clause = (
        "EXISTS (SELECT 1 FROM tokens t WHERE t.seq = r.seq AND t.param = ? AND ("
        + " OR ".join(parts)
        + "))"
    )
    return clause, [param, *args]


def _reference_clause(param: str, value: str) -> tuple[str, list[str]]:
    parts, args = [], []
    for alternative in value.split(","):
        if "/" in alternative:
            parts.append("t.value = ?")
            args.append(alternative)
        else:
            parts.append("t.value LIKE ?")
            args.append(f"%/{alternative}")
    clause = (
        "EXISTS (SELECT 1 FROM tokens t WHERE t.seq = r.seq AND t.param = ? AND ("
        + " OR ".join(parts)
        + "))"
    )
    return clause, [param, *args]


def _unknown(name: str) -> FhirError:
    return bad_request(
        f"Unknown or unsupported search parameter '{name}'",
        f"Неизвестный или неподдерживаемый параметр поиска «{name}»",
    )


def parse_search(rtype: str, params: Iterable[tuple[str, str]]) -> SearchSpec:
    spec = SearchSpec(rtype=rtype, params=list(params))
    for name, value in spec.params:
        if name in IGNORED_PARAMS:
            continue
        if value == "" and name != "_sort":
            raise bad_request(
                f"Empty value for search parameter '{name}'",
                f"Пустое значение параметра поиска «{name}»",
            )
        if name in ("patient", "subject"):
            spec.patients.extend(_bare_patient(v) for v in value.split(","))
        elif name == "_id":
            spec.ids.extend(value.split(","))
        elif name == "_lastUpdated":
            clause, args = _date_clauses("r.last_updated", name, value)
            spec.clauses.append(clause)
            spec.args.extend(args)
        elif name == "date":
            clause, args = _date_clauses("r.date_key", name, value)
            spec.clauses.append(f"r.date_key > {NO_DATE} AND {clause}")
            spec.args.extend(args)
        elif name in TOKEN_PARAMS:
            clause, args = _token_clause(name, value)
            spec.clauses.append(clause)
            spec.args.extend(args)
        elif name == "status":
            options = value.split(",")
            spec.clauses.append("r.status IN (" + ",".join("?" * len(options)) + ")")
            spec.args.extend(options)
        elif name in REFERENCE_PARAMS:
            clause, args = _reference_clause(name, value)
            spec.clauses.append(clause)
            spec.args.extend(args)
        elif name == "_sort":
            if value not in SORTS:
                raise bad_request(
                    f"Unsupported _sort '{value}' (use date, -date, _lastUpdated, -_lastUpdated)",
                    f"Неподдерживаемая сортировка «{value}»",
                )
            spec.sort = value
        elif name == "_summary":
            if value != "count":
                raise bad_request(
                    "Only _summary=count is supported", "Поддерживается только _summary=count"
                )
            spec.summary_count = True
        elif name == "_elements":
            spec.elements = [e.strip() for e in value.split(",") if e.strip()]
        elif name == "_count":
            if not value.isdigit() or int(value) < 1:
                raise bad_request(f"Invalid _count {value!r}", f"Неверный _count: {value}")
            spec.count = min(int(value), MAX_COUNT)
        else:
            raise _unknown(name)
    if rtype == "Patient" and spec.ids:
        # For Patient, _id is the patient itself: access is checked like `patient`.
        spec.patients.extend(spec.ids)
    return spec


def encode_cursor(params: list[tuple[str, str]], key: list[Any], total: int) -> str:
    raw = orjson.dumps({"p": params, "k": key, "t": total})
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[list[tuple[str, str]], list[Any], int]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = orjson.loads(raw)
        return [(str(k), str(v)) for k, v in data["p"]], list(data["k"]), int(data["t"])
    except (ValueError, KeyError, TypeError) as exc:
        raise bad_request(
            "Invalid or expired paging token", "Неверная ссылка на страницу результатов"
        ) from exc


def where_sql(spec: SearchSpec, allowed: list[str]) -> tuple[str, list[Any]]:
    """WHERE clause for the search, restricted to the patients the token may see."""
    clauses = ["r.rtype = ?", *spec.clauses]
    args: list[Any] = [spec.rtype, *spec.args]
    patients = spec.patients or allowed
    marks = ",".join("?" * len(patients))
    if spec.patients:
        clauses.append(f"r.patient_id IN ({marks})")
    else:
        # Shared resources (Practitioner, Slot, ...) have no patient and are visible to all.
        clauses.append(f"(r.patient_id IS NULL OR r.patient_id IN ({marks}))")
    args.extend(patients)
    if spec.ids:
        clauses.append("r.rid IN (" + ",".join("?" * len(spec.ids)) + ")")
        args.extend(spec.ids)
    return " AND ".join(clauses), args


def keyset_sql(sort: str, key: list[Any]) -> tuple[str, list[Any]]:
    columns = SORTS[sort]
    op = "<" if sort.startswith("-") else ">"
    if len(columns) == 1:
        return f"{columns[0]} {op} ?", key[:1]
    return f"({', '.join(columns)}) {op} ({', '.join('?' * len(columns))})", key[: len(columns)]


def order_sql(sort: str) -> str:
    direction = " DESC" if sort.startswith("-") else ""
    return ", ".join(c + direction for c in SORTS[sort])


_SUBSETTED = {
    "system": "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
    "code": "SUBSETTED",
}
_ALWAYS = frozenset({"resourceType", "id", "meta"})


def subset_body(body: bytes, elements: list[str]) -> bytes:
    """`_elements`: only the named top-level elements (plus id and meta), tagged
    SUBSETTED as the specification asks, so no client mistakes it for the record."""
    resource = orjson.loads(body)
    kept = {k: v for k, v in resource.items() if k in _ALWAYS or k in elements}
    meta = dict(kept.get("meta") or {})
    meta["tag"] = [*(meta.get("tag") or []), _SUBSETTED]
    kept["meta"] = meta
    return orjson.dumps(kept)


def entry_bytes(base: bytes, rtype: str, rid: str, body: bytes, mode: bytes = b"match") -> bytes:
    full_url = orjson.dumps(f"{rtype}/{rid}")[1:-1]
    return (
        b'{"fullUrl":"'
        + base
        + b"/"
        + full_url
        + b'","resource":'
        + body
        + b',"search":{"mode":"'
        + mode
        + b'"}}'
    )


def bundle_bytes(total: int, self_url: str, next_url: str | None, entries: list[bytes]) -> bytes:
    links = [{"relation": "self", "url": self_url}]
    if next_url:
        links.append({"relation": "next", "url": next_url})
    return (
        b'{"resourceType":"Bundle","type":"searchset","total":'
        + str(total).encode()
        + b',"link":'
        + orjson.dumps(links)
        + b',"entry":['
        + b",".join(entries)
        + b"]}"
    )
