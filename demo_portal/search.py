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
from demo_portal.search_clauses import (
    date_bounds,
    date_clause,
    reference_clause,
    string_clause,
    token_clause,
)
from demo_portal.searchdefs import CONTROL, Param, params_of

DEFAULT_COUNT = 50
MAX_COUNT = 1000
SORTS = {
    "_lastUpdated": ("r.last_updated",),
    "-_lastUpdated": ("r.last_updated",),
    "date": ("r.date_key", "r.last_updated"),
    "-date": ("r.date_key", "r.last_updated"),
}
# Modifiers each kind of parameter understands.
_MODIFIERS = {"string": frozenset({"exact", "contains"})}


@dataclass
class SearchSpec:
    rtype: str
    params: list[tuple[str, str]]  # those applied, re-sent in next links (inside the cursor)
    patients: list[str] = field(default_factory=list)  # explicit patient filter
    ids: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)
    sort: str = "_lastUpdated"
    count: int = DEFAULT_COUNT
    summary_count: bool = False  # _summary=count: only the total
    elements: list[str] = field(default_factory=list)  # _elements: subsetted resources
    ignored: list[str] = field(default_factory=list)  # unknown names dropped (lenient)

    def add(self, clause: tuple[str, list[Any]]) -> None:
        self.clauses.append(clause[0])
        self.args.extend(clause[1])


def _bare_patient(value: str) -> str:
    return value[len("Patient/") :] if value.startswith("Patient/") else value


def _unknown(rtype: str, name: str) -> FhirError:
    return bad_request(
        f"Unknown or unsupported search parameter '{name}' for {rtype} "
        "(send 'Prefer: handling=lenient' to have it ignored)",
        f"Неизвестный или неподдерживаемый параметр поиска «{name}» для {rtype}",
    )


def _control(spec: SearchSpec, name: str, value: str) -> None:
    if name == "_sort":
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
    # _total, _format, _pretty: formatting hints some clients always send; nothing to do


def _apply(spec: SearchSpec, name: str, modifier: str, param: Param, value: str) -> None:
    kind = param.kind
    if name == "_id":
        spec.ids.extend(value.split(","))
    elif name == "_lastUpdated":
        spec.add(date_bounds("r.last_updated", name, value))
    elif kind == "compartment":
        spec.patients.extend(_bare_patient(v) for v in value.split(","))
    elif kind == "status":
        options = value.split(",")
        spec.add(("r.status IN (" + ",".join("?" * len(options)) + ")", options))
    elif kind in ("token", "uri"):
        spec.add(token_clause(name, param, value))
    elif kind == "reference":
        spec.add(reference_clause(name, value))
    elif kind == "string":
        spec.add(string_clause(name, modifier, value))
    elif kind == "date":
        spec.add(date_clause(name, value))


def parse_search(
    rtype: str, params: Iterable[tuple[str, str]], lenient: bool = False
) -> SearchSpec:
    """The search as SQL conditions. Strict by default: a parameter the type does not
    have (in R4, or here) is a 400; `lenient` (`Prefer: handling=lenient`) drops it."""
    known = params_of(rtype)
    spec = SearchSpec(rtype=rtype, params=[])
    for raw_name, value in params:
        name, _, modifier = raw_name.partition(":")
        param = known.get(name)
        supported = name in CONTROL or (
            param is not None and (not modifier or modifier in _MODIFIERS.get(param.kind, ()))
        )
        if not supported:
            if lenient:
                spec.ignored.append(raw_name)
                continue
            raise _unknown(rtype, raw_name)
        spec.params.append((raw_name, value))
        if value == "" and name != "_sort":
            raise bad_request(
                f"Empty value for search parameter '{name}'",
                f"Пустое значение параметра поиска «{name}»",
            )
        if name in CONTROL:
            _control(spec, name, value)
        else:
            _apply(spec, name, modifier, param, value)  # type: ignore[arg-type]
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


def where_sql(spec: SearchSpec, allowed: list[str] | None) -> tuple[str, list[Any]]:
    """WHERE clause for the search, restricted to the patients the token may see
    (`allowed` None: any patient, as for registry staff)."""
    clauses = ["r.rtype = ?", *spec.clauses]
    args: list[Any] = [spec.rtype, *spec.args]
    if spec.patients:
        clauses.append(f"r.patient_id IN ({','.join('?' * len(spec.patients))})")
        args.extend(spec.patients)
    elif allowed is not None:
        # Shared resources (Practitioner, Slot, ...) have no patient and are visible to all.
        clauses.append(
            f"(r.patient_id IS NULL OR r.patient_id IN ({','.join('?' * len(allowed))}))"
        )
        args.extend(allowed)
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
