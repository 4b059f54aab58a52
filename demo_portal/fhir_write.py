"""FHIR create (with If-None-Exist), update (with If-Match) and delete, for what patients
write: appointments, diary observations, tasks and service requests. Write rules from
`demo_portal.rules` run around each write under the store's write lock."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import parse_qsl

import orjson
from flask import Blueprint, Response, request

from demo_portal import audit, rules
from demo_portal.errors import FhirError, bad_request, forbidden, not_found
from demo_portal.fhir_common import (
    PATIENT_WRITABLE,
    Caller,
    authenticate,
    fhir_response,
    require_type,
    resource_headers,
    store,
)
from demo_portal.fhir_read import run_search
from demo_portal.indexing import patient_of
from demo_portal.jsonpatch import PatchError, apply_patch
from demo_portal.search import parse_search
from demo_portal.store import VersionConflict

bp = Blueprint("fhir_write", __name__)

_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
_IF_MATCH = re.compile(r'^(?:W/)?"?(\d+)"?$')
# Minimal structural checks: elements FHIR R4 requires for each writable type.
_REQUIRED = {
    "Observation": ("status", "code"),
    "Appointment": ("status", "participant"),
    "Task": ("status", "intent"),
    "ServiceRequest": ("status", "intent", "subject"),
}


def _body(rtype: str) -> dict:
    try:
        resource = orjson.loads(request.get_data())
    except orjson.JSONDecodeError as exc:
        raise bad_request(
            f"Request body is not valid JSON: {exc}", "Тело запроса не является корректным JSON"
        ) from exc
    if not isinstance(resource, dict):
        raise bad_request(
            "Request body must be a FHIR resource (a JSON object)",
            "Тело запроса должно быть ресурсом FHIR (объектом JSON)",
        )
    if resource.get("resourceType") != rtype:
        raise bad_request(
            f"resourceType {resource.get('resourceType')!r} does not match the URL type {rtype}",
            f"Тип ресурса в теле не совпадает с типом в адресе ({rtype})",
        )
    missing = [name for name in _REQUIRED.get(rtype, ()) if not resource.get(name)]
    if missing:
        raise FhirError(
            422,
            f"{rtype} is missing required element(s): {', '.join(missing)}",
            f"В ресурсе {rtype} не заполнены обязательные поля: {', '.join(missing)}",
        )
    return resource


def _check_may_write(caller: Caller, resource: dict, action: str = "c") -> None:
    rtype = resource["resourceType"]
    audit.note(
        "create" if action == "c" else "update",
        rtype,
        resource.get("id") or "",
        [patient_of(resource)],
    )
    caller.require(rtype, action)
    if rtype not in PATIENT_WRITABLE:
        raise forbidden(
            f"Patients may not write {rtype} resources",
            f"Пациент не может изменять ресурсы типа {rtype}",
        )
    patient = patient_of(resource)
    if patient is None:
        raise FhirError(
            422,
            f"{rtype} must refer to the patient it belongs to",
            f"Ресурс {rtype} должен ссылаться на пациента",
        )
    caller.require_patient(patient)
    if rtype == "Observation" and not _authored_by_patient(resource, caller):
        raise forbidden(
            "Patients may only write their own diary Observations (performer = the Patient)",
            "Пациент может записывать только наблюдения дневника (исполнитель — сам пациент)",
        )


def _authored_by_patient(resource: dict, caller: Caller) -> bool:
    refs = [p.get("reference", "") for p in resource.get("performer") or [] if isinstance(p, dict)]
    return any(r.startswith("Patient/") and r[len("Patient/") :] in caller.allowed for r in refs)


def _context(caller: Caller, previous: dict | None = None) -> rules.RuleContext:
    return rules.RuleContext(
        store=store(), user=caller.user, now=datetime.now(UTC), previous=previous
    )


def _created(resource: dict, status: int = 201) -> Response:
    return fhir_response(orjson.dumps(resource), status, resource_headers(resource))


@bp.post("/fhir/<rtype>")
def create(rtype: str) -> Response:
    require_type(rtype)
    caller = authenticate()
    resource = _body(rtype)
    _check_may_write(caller, resource)
    resource.pop("id", None)  # the server assigns ids on create
    condition = request.headers.get("If-None-Exist")
    with store().write_lock:
        if condition:
            params = parse_qsl(condition.lstrip("?"), keep_blank_values=True)
            spec = parse_search(rtype, params)
            spec.count = 2
            rows, _, total = run_search(caller, spec, None, None)
            if total > 1:
                raise FhirError(
                    412,
                    "If-None-Exist matches more than one resource",
                    "Условие If-None-Exist соответствует нескольким ресурсам",
                )
            if rows:
                existing = orjson.loads(rows[0][1])
                audit.note("read", rtype, existing["id"], [rows[0][2]])
                return _created(existing, 200)
        ctx = _context(caller)
        resource = rules.registry.run_before("before_create", ctx, resource)
        created = store().create(resource)
        audit.note("create", rtype, created["id"], [patient_of(created)])
        rules.registry.run_after("after_create", ctx, created)
    return _created(created)


def _expected_version() -> int | None:
    header = request.headers.get("If-Match")
    if header is None:
        return None
    match = _IF_MATCH.match(header.strip())
    if not match:
        raise bad_request(
            f'Invalid If-Match header {header!r} (expected W/"n")', "Неверный заголовок If-Match"
        )
    return int(match.group(1))


@bp.put("/fhir/<rtype>/<rid>")
def update(rtype: str, rid: str) -> Response:
    require_type(rtype)
    caller = authenticate()
    resource = _body(rtype)
    return _save(caller, rtype, rid, resource)


@bp.patch("/fhir/<rtype>/<rid>")
def patch(rtype: str, rid: str) -> Response:
    """JSON Patch (application/json-patch+json): applied to the stored version, then the
    result goes through the same checks and rules as a PUT."""
    require_type(rtype)
    caller = authenticate()
    try:
        operations = orjson.loads(request.get_data())
    except orjson.JSONDecodeError as exc:
        raise bad_request(
            "PATCH body is not valid JSON", "Тело запроса PATCH не является корректным JSON"
        ) from exc
    with store().write_lock:
        stored = store().get_stored(rtype, rid)
        if stored is None:
            raise not_found(rtype, rid)
        caller.require_patient(stored.patient_id)
        try:
            resource = apply_patch(stored.resource(), operations)
        except PatchError as exc:
            raise FhirError(
                422,
                f"JSON Patch cannot be applied: {exc}",
                "Изменение (JSON Patch) нельзя применить к ресурсу",
            ) from exc
        return _save(caller, rtype, rid, _checked(rtype, resource))


def _checked(rtype: str, resource: dict) -> dict:
    missing = [name for name in _REQUIRED.get(rtype, ()) if not resource.get(name)]
    if resource.get("resourceType") != rtype or missing:
        raise FhirError(
            422,
            f"The patched {rtype} is not valid (missing: {', '.join(missing)})",
            f"После изменения ресурс {rtype} некорректен",
        )
    return resource


def _save(caller: Caller, rtype: str, rid: str, resource: dict) -> Response:
    if not _ID.match(rid) or resource.get("id") != rid:
        raise bad_request(
            "Resource id in the body must match the URL",
            "Идентификатор ресурса в теле должен совпадать с адресом",
        )
    _check_may_write(caller, resource, "u")
    expected = _expected_version()
    if caller.is_staff and expected is None:
        raise FhirError(
            428,
            "Staff changes need If-Match with the version read (someone else may have "
            "changed the record meanwhile)",
            "Для изменения нужен заголовок If-Match с версией записи",
        )
    with store().write_lock:
        stored = store().get_stored(rtype, rid)
        if stored is not None:
            caller.require_patient(stored.patient_id)
            previous = stored.resource()
            if expected is not None and expected != stored.version:
                raise _stale(expected, stored.version)
        elif expected is not None:
            raise _stale(expected, 0)
        else:
            previous = None
        ctx = _context(caller, previous)
        phase = "update" if previous is not None else "create"
        resource = rules.registry.run_before(f"before_{phase}", ctx, resource)
        try:
            saved = store().update(resource, expected_version=None)
        except VersionConflict as exc:  # pragma: no cover - the lock makes this unreachable
            raise _stale(expected or 0, exc.current) from exc
        rules.registry.run_after(f"after_{phase}", ctx, saved)
    return _created(saved, 200 if previous is not None else 201)


def _stale(expected: int, current: int) -> FhirError:
    return FhirError(
        412,
        f'Version conflict: If-Match W/"{expected}" but the current '
        f"version is {current}; read the resource again",
        "Ресурс уже изменён (версия устарела); загрузите его заново",
    )


@bp.delete("/fhir/<rtype>/<rid>")
def remove(rtype: str, rid: str) -> Response:
    require_type(rtype)
    caller = authenticate()
    audit.note("delete", rtype, rid)
    caller.require(rtype, "d")
    with store().write_lock:
        stored = store().get_stored(rtype, rid)
        if stored is None:
            raise not_found(rtype, rid)
        caller.require_patient(stored.patient_id)
        resource = stored.resource()
        if rtype != "Observation" or not _authored_by_patient(resource, caller):
            raise forbidden(
                "Only the patient's own diary Observations can be deleted",
                "Удалять можно только собственные записи дневника",
            )
        rules.registry.run_before("before_delete", _context(caller, resource), resource)
        store().delete(rtype, rid)
    return Response(status=204)
