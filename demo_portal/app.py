"""Builds the portal's WSGI application: Flask + OAuth + FHIR endpoints + fault injection."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from flask import Flask, Response, request
from werkzeug.exceptions import HTTPException

from demo_portal import audit, capability, fhir_read, fhir_write, pages
from demo_portal.errors import FhirError, operation_outcome
from demo_portal.faults import FaultInjector, FaultMiddleware
from demo_portal.fhir_common import dumps, error_response, fhir_response
from demo_portal.link import Link, SlowLink
from demo_portal.oauth import create_authorization_server
from demo_portal.rules import load_rule_modules
from demo_portal.store import Store

log = logging.getLogger(__name__)


def create_app(
    store: Store, faults: FaultInjector, access_token_ttl: int = 3600, link: Link | None = None
) -> tuple[Flask, FaultMiddleware | SlowLink]:
    """The Flask app and the WSGI callable to serve (the app behind fault injection, both
    behind the link's latency when `link` sets one)."""
    load_rule_modules()
    app = Flask("demo_portal")
    app.config["SECRET_KEY"] = secrets.token_hex(32)  # sessions die with the process
    app.config["SESSION_COOKIE_SAMESITE"] = "Lax"
    server, protector = create_authorization_server(app, store, access_token_ttl)
    app.extensions["medcard_store"] = store
    app.extensions["medcard_oauth"] = server
    app.extensions["medcard_protector"] = protector
    app.extensions["medcard_faults"] = faults
    app.extensions["medcard_link"] = link or Link()
    for blueprint in (capability.bp, pages.bp, fhir_read.bp, fhir_write.bp):
        app.register_blueprint(blueprint)
    app.after_request(audit.record_after)  # staff reads and writes leave an AuditEvent
    _register_errors(app)
    _register_fault_control(app, faults)
    wsgi = FaultMiddleware(app.wsgi_app, faults)
    if link is not None and link.latency_ms > 0:
        return app, SlowLink(wsgi, link.latency_ms)
    return app, wsgi


def _register_errors(app: Flask) -> None:
    @app.errorhandler(FhirError)
    def _fhir_error(error: FhirError) -> Response:
        return error_response(error)

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> Any:
        if not request.path.startswith("/fhir"):
            return error
        status = error.code or 500
        if status == 404:
            outcome = operation_outcome(
                404,
                f"No such FHIR endpoint: {request.path}",
                f"Адрес FHIR не найден: {request.path}",
            )
        elif status == 405:
            outcome = operation_outcome(
                405,
                f"Method {request.method} not supported here",
                f"Метод {request.method} здесь не поддерживается",
            )
        else:
            outcome = operation_outcome(
                status, error.description or error.name, f"Ошибка запроса (HTTP {status})"
            )
        return fhir_response(dumps(outcome), status)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        log.exception("unexpected error serving %s %s", request.method, request.path)
        return fhir_response(
            dumps(operation_outcome(500, "Internal server error", "Внутренняя ошибка сервера")), 500
        )


def _register_fault_control(app: Flask, faults: FaultInjector) -> None:
    """POST /_demo/faults {status, count, path_contains, retry_after, drop, body} adds a
    fault, DELETE clears them: the same switch as DemoPortal.faults, for subprocesses."""

    @app.route("/_demo/faults", methods=["POST", "DELETE"])
    def _faults() -> Response:
        if request.method == "DELETE":
            faults.clear()
            return Response(status=204)
        spec = request.get_json(force=True, silent=True)
        if not isinstance(spec, dict):
            return Response("JSON object expected", status=400)
        allowed = {"status", "count", "path_contains", "retry_after", "drop", "body"}
        unknown = set(spec) - allowed
        if unknown:
            return Response(f"unknown keys: {sorted(unknown)}", status=400)
        faults.add(**spec)
        return Response(
            dumps({"pending": faults.pending()}), status=201, content_type="application/json"
        )
