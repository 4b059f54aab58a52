"""FHIR read, search and Patient/$everything."""

from __future__ import annotations

import base64
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, request

from demo_portal import audit, roles
from demo_portal.errors import bad_request, not_found
from demo_portal.fhir_common import (
    Caller,
    authenticate,
    fhir_response,
    require_type,
    store,
)
from demo_portal.indexing import DIRECTORY_REF, parse_fhir_datetime
from demo_portal.link import max_count
from demo_portal.search import (
    DEFAULT_COUNT,
    MAX_COUNT,
    SearchSpec,
    bundle_bytes,
    decode_cursor,
    encode_cursor,
    entry_bytes,
    keyset_sql,
    order_sql,
    parse_search,
    subset_body,
    where_sql,
)

bp = Blueprint("fhir_read", __name__)


def _base() -> str:
    return request.host_url.rstrip("/") + "/fhir"


def _paging_params() -> tuple[list[tuple[str, str]], list[Any] | None, int | None]:
    """The search parameters, and the keyset + total when this is a next-page request."""
    given = list(request.args.items(multi=True))
    if any(name == "_page" for name, _ in given):
        if len(given) != 1:
            raise bad_request(
                "_page cannot be combined with other parameters",
                "Параметр _page нельзя сочетать с другими",
            )
        params, key, total = decode_cursor(given[0][1])
        return params, key, total
    return given, None, None


def _lenient() -> bool:
    """`Prefer: handling=lenient`: ignore unknown parameters instead of refusing them."""
    prefer = request.headers.get("Prefer", "")
    return any(
        p.strip().lower() == "handling=lenient" for p in prefer.split(";") + prefer.split(",")
    )


def run_search(
    caller: Caller, spec: SearchSpec, key: list[Any] | None, total: int | None
) -> tuple[list[tuple[str, bytes, str | None]], list[Any] | None, int]:
    """One page: (id, body, patient) rows, the keyset of the next page (None at the end),
    the total."""
    for patient in spec.patients:
        caller.require_patient(patient)
    if caller.is_staff:
        caller.require(spec.rtype, "s")
        restriction = roles.staff_search_clause(spec.rtype)
        if restriction is not None:
            spec.add(restriction)
    where, args = where_sql(spec, caller.patients)
    with store().engine.connect() as conn:
        # The DBAPI connection directly: no per-row result processing on the hot path.
        sqlite: Any = conn.connection.driver_connection
        if total is None:
            total = int(
                sqlite.execute(f"SELECT COUNT(*) FROM resources r WHERE {where}", args).fetchone()[
                    0
                ]
                or 0
            )
        if spec.summary_count:
            return [], None, total
        if key is not None:
            keyset, key_args = keyset_sql(spec.sort, key)
            where, args = f"{where} AND {keyset}", [*args, *key_args]
        rows = sqlite.execute(
            f"SELECT r.rid, r.body, r.date_key, r.last_updated, r.patient_id FROM resources r "
            f"WHERE {where} ORDER BY {order_sql(spec.sort)} LIMIT ?",
            (*args, spec.count + 1),
        ).fetchall()
    next_key = None
    if len(rows) > spec.count:
        rows = rows[: spec.count]
        last = rows[-1]
        next_key = [last[3]] if "lastUpdated" in spec.sort else [last[2], last[3]]
    return [(r[0], r[1], r[4]) for r in rows], next_key, total


@bp.get("/fhir/<rtype>")
def search(rtype: str) -> Response:
    require_type(rtype)
    caller = authenticate()
    params, key, total = _paging_params()
    spec = parse_search(rtype, params, lenient=_lenient())
    params = spec.params  # what was applied: a lenient search leaves out what it ignored
    spec.count = max_count(spec.count)
    rows, next_key, total = run_search(caller, spec, key, total)
    audit.note("search-type", rtype, patients=[r[2] for r in rows] + spec.patients)
    base = _base()
    self_url = f"{base}/{rtype}" + (f"?{urlencode(params)}" if params else "")
    next_url = None
    if next_key is not None:
        next_url = f"{base}/{rtype}?_page={encode_cursor(params, next_key, total)}"
    base_bytes = base.encode()
    bodies = [(rid, body) for rid, body, _ in rows]
    if spec.elements:
        bodies = [(rid, subset_body(body, spec.elements)) for rid, body in bodies]
    entries = [entry_bytes(base_bytes, rtype, rid, body) for rid, body in bodies]
    return fhir_response(bundle_bytes(total, self_url, next_url, entries))


@bp.get("/fhir/<rtype>/<rid>")
def read(rtype: str, rid: str) -> Response:
    require_type(rtype)
    caller = authenticate()
    audit.note("read", rtype, rid)
    caller.require(rtype, "r")
    stored = store().get_stored(rtype, rid)
    if stored is None:
        raise not_found(rtype, rid)
    audit.note("read", rtype, rid, [stored.patient_id])
    caller.require_patient(stored.patient_id)
    if caller.is_staff:
        caller.require_readable(stored.resource())
    if rtype == "Binary" and _wants_raw():
        return _raw_binary(stored.resource(), stored.version)
    return fhir_response(stored.body, headers={"ETag": f'W/"{stored.version}"'})


def _wants_raw() -> bool:
    """A Binary read asking for anything but FHIR JSON gets the content itself (R4)."""
    accept = request.headers.get("Accept", "")
    return bool(accept) and "json" not in accept and "*/*" not in accept


def _raw_binary(binary: dict, version: int) -> Response:
    data = base64.b64decode(binary.get("data") or "")
    return Response(
        data,
        content_type=str(binary.get("contentType") or "application/octet-stream"),
        headers={"ETag": f'W/"{version}"', "Cache-Control": "no-store"},
    )


@bp.get("/fhir/<rtype>/<rid>/_history/<vid>")
def vread(rtype: str, rid: str, vid: str) -> Response:
    """Only the current version is kept; older ones answer 404 (the Location of a write
    points here)."""
    require_type(rtype)
    caller = authenticate()
    caller.require(rtype, "r")
    stored = store().get_stored(rtype, rid)
    if stored is None or str(stored.version) != vid:
        raise not_found(rtype, f"{rid}/_history/{vid}")
    audit.note("vread", rtype, rid, [stored.patient_id])
    caller.require_patient(stored.patient_id)
    if caller.is_staff:
        caller.require_readable(stored.resource())
    return fhir_response(stored.body, headers={"ETag": f'W/"{stored.version}"'})


def _everything_params(params: list[tuple[str, str]]) -> tuple[int, int]:
    since, count = 0, DEFAULT_COUNT
    for name, value in params:
        if name == "_since":
            try:
                since = parse_fhir_datetime(value)[0]
            except ValueError as exc:
                raise bad_request(f"Invalid _since {value!r}", f"Неверный _since: {value}") from exc
        elif name == "_count":
            if not value.isdigit() or int(value) < 1:
                raise bad_request(f"Invalid _count {value!r}", f"Неверный _count: {value}")
            count = min(int(value), MAX_COUNT)
        elif name not in ("_format", "_type"):
            raise bad_request(
                f"Unsupported $everything parameter '{name}'",
                f"Неподдерживаемый параметр $everything «{name}»",
            )
    return since, count


# The kinds a patient's records point at that belong to nobody's card (names, places).
_SHARED_TYPES = ("Practitioner", "Organization", "Location", "PractitionerRole")


def _referenced_shared(patient_id: str, since: int) -> list[tuple[str, str, bytes]]:
    """Practitioners, organizations and locations the patient's records point at."""
    with store().engine.connect() as conn:
        if since > 0:
            # An incremental run: only shared resources changed since can be sent, usually
            # none, and finding that out is cheap; the scan of the patient's references
            # below is not (a quarter of a second for 100 000 records).
            kinds = list(_SHARED_TYPES)
            changed = conn.exec_driver_sql(
                f"SELECT 1 FROM resources WHERE rtype IN ({','.join('?' * len(kinds))})"
                " AND last_updated >= ? LIMIT 1",
                (*kinds, since),
            ).first()
            if changed is None:
                return []
        refs = [
            row[0]
            for row in conn.exec_driver_sql(
                "SELECT DISTINCT t.value FROM tokens t JOIN resources r ON r.seq = t.seq "
                "WHERE r.patient_id = ? AND t.param = ?",
                (patient_id, DIRECTORY_REF),
            )
        ]
        found = []
        for ref in sorted(refs):
            rtype, _, rid = ref.partition("/")
            row = conn.exec_driver_sql(
                "SELECT body FROM resources WHERE rtype = ? AND rid = ? AND last_updated >= ?",
                (rtype, rid, since),
            ).first()
            if row is not None:
                found.append((rtype, rid, row[0]))
    return found


@bp.get("/fhir/Patient/<pid>/$everything")
def everything(pid: str) -> Response:
    caller = authenticate()
    audit.note("operation", "Patient", pid, [pid])
    if caller.is_staff:  # the whole card is clinical: never the desk's
        raise roles.refused("Patient/$everything")
    params, key, total = _paging_params()
    since, count = _everything_params(params)
    count = max_count(count)
    # `_type`: only these resource types (R4 $everything), e.g. what type searches miss.
    types = [t for name, v in params if name == "_type" for t in v.split(",") if t]
    only = f" AND rtype IN ({','.join('?' * len(types))})" if types else ""
    caller.require_patient(pid)
    if store().get_stored("Patient", pid) is None:
        raise not_found("Patient", pid)
    extra: list[tuple[str, str, bytes]] = []
    with store().engine.connect() as conn:
        if key is None:
            # First page: the referenced shared resources travel here, once.
            extra = _referenced_shared(pid, since)
            if types:
                extra = [e for e in extra if e[0] in types]
            total = len(extra) + int(
                conn.exec_driver_sql(
                    "SELECT COUNT(*) FROM resources WHERE patient_id = ? AND last_updated >= ?"
                    + only,
                    (pid, since, *types),
                ).scalar()
                or 0
            )
        after = key[0] if key else since - 1
        rows = conn.exec_driver_sql(
            "SELECT rtype, rid, body, last_updated FROM resources "
            f"WHERE patient_id = ? AND last_updated > ?{only} ORDER BY last_updated LIMIT ?",
            (pid, max(after, since - 1), *types, count + 1),
        ).fetchall()
    base = _base()
    next_url = None
    if len(rows) > count:
        rows = rows[:count]
        next_url = (
            f"{base}/Patient/{pid}/$everything?_page="
            f"{encode_cursor(params, [rows[-1][3]], int(total or 0))}"
        )
    base_bytes = base.encode()
    entries = [entry_bytes(base_bytes, t, i, b, b"include") for t, i, b in extra]
    entries += [entry_bytes(base_bytes, r[0], r[1], r[2]) for r in rows]
    self_url = f"{base}/Patient/{pid}/$everything" + (f"?{urlencode(params)}" if params else "")
    return fhir_response(bundle_bytes(int(total or 0), self_url, next_url, entries))
