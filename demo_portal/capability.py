"""The server's self-description: FHIR CapabilityStatement and SMART configuration."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Response, current_app, request

from demo_portal.fhir_common import PATIENT_WRITABLE, RESOURCE_TYPES, dumps, fhir_response
from demo_portal.oauth import SCOPES
from demo_portal.searchdefs import params_of, r4_type

bp = Blueprint("capability", __name__)


# The request Tasks this portal decides (task-code system), so a client shows only the
# services the portal offers (issue 18): one extension per code on the Task entry.
TASK_CODES_EXT = "https://demo.medcard/fhir/StructureDefinition/supported-task-code"
TASK_CODES = (
    "child-access-request",
    "child-access-revoke",
    "change-of-clinic",
    "document-order",
    "paper-copy",
    "service-not-received",
)


def search_params(rtype: str) -> list[dict]:
    """What a search of the type accepts: only R4 names, each with its R4 type."""
    return [
        {"name": name, "type": "date" if name == "_lastUpdated" else r4_type(param)}
        for name, param in sorted(params_of(rtype).items())
    ]


def _root() -> str:
    """Where the OAuth endpoints are advertised: this server, or under another host name
    (`DemoPortal(auth_host=...)`) so tests see an authorization server on another origin
    than the FHIR base, as many real deployments have."""
    root = request.host_url.rstrip("/")
    other = current_app.config.get("MEDCARD_AUTH_HOST")
    if other:
        parts = urlsplit(root)
        return f"{parts.scheme}://{other}:{parts.port}"
    return root


def capability_statement() -> dict:
    root = _root()
    resources = []
    for rtype in sorted(RESOURCE_TYPES):
        interactions = ["read", "search-type"]
        if rtype in PATIENT_WRITABLE:
            interactions += ["create", "update", "patch"]
        if rtype == "Observation":
            interactions.append("delete")
        entry = {
            "type": rtype,
            "interaction": [{"code": code} for code in interactions],
            "versioning": "versioned-update",
            "conditionalCreate": rtype in PATIENT_WRITABLE,
            "searchParam": search_params(rtype),
        }
        if rtype == "Task":
            entry["extension"] = [{"url": TASK_CODES_EXT, "valueCode": code} for code in TASK_CODES]
        if rtype == "Patient":
            entry["operation"] = [
                {
                    "name": "everything",
                    "definition": "http://hl7.org/fhir/OperationDefinition/Patient-everything",
                }
            ]
        resources.append(entry)
    return {
        "resourceType": "CapabilityStatement",
        "status": "active",
        "date": "2026-11-25",
        "kind": "instance",
        "software": {"name": "Medcard demo portal", "version": "0.1.0"},
        "implementation": {
            "description": "Medcard demo portal (synthetic data)",
            "url": f"{request.host_url.rstrip('/')}/fhir",
        },
        "fhirVersion": "4.0.1",
        "format": ["application/fhir+json", "json"],
        "rest": [
            {
                "mode": "server",
                "security": {
                    "cors": False,
                    "service": [
                        {
                            "coding": [
                                {
                                    "system": "http://terminology.hl7.org/CodeSystem/restful-security-service",
                                    "code": "SMART-on-FHIR",
                                }
                            ]
                        }
                    ],
                    "extension": [
                        {
                            "url": "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris",
                            "extension": [
                                {"url": "authorize", "valueUri": f"{root}/oauth/authorize"},
                                {"url": "token", "valueUri": f"{root}/oauth/token"},
                                {"url": "revoke", "valueUri": f"{root}/oauth/revoke"},
                                {"url": "manage", "valueUri": f"{root}/account"},
                            ],
                        }
                    ],
                },
                "resource": resources,
            }
        ],
    }


def smart_configuration() -> dict:
    root = _root()
    return {
        "issuer": root,
        "authorization_endpoint": f"{root}/oauth/authorize",
        "token_endpoint": f"{root}/oauth/token",
        "revocation_endpoint": f"{root}/oauth/revoke",
        "management_endpoint": f"{root}/account",
        "token_endpoint_auth_methods_supported": ["none"],
        "grant_types_supported": ["authorization_code", "refresh_token"],
        "response_types_supported": ["code"],
        "scopes_supported": list(SCOPES),
        "code_challenge_methods_supported": ["S256"],
        "capabilities": [
            "launch-standalone",
            "client-public",
            "permission-offline",
            "permission-patient",
            "permission-user",
            "permission-v2",
            "context-standalone-patient",
        ],
    }


@bp.get("/fhir/metadata")
def metadata() -> Response:
    return fhir_response(dumps(capability_statement()))


@bp.get("/fhir/.well-known/smart-configuration")
@bp.get("/.well-known/smart-configuration")
def smart() -> Response:
    return Response(dumps(smart_configuration()), content_type="application/json")
