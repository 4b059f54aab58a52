"""The audit trail of the registry desk (issue 14): every read and write made with a staff
token becomes an AuditEvent — who (the staff member's PractitionerRole and account),
which patient(s), what (the REST interaction, the resource or the search), when, and
whether it was allowed. Refused attempts are recorded too.

Handlers note what they touched in `flask.g.medcard_audit`; `record_after` runs after
every request and writes the AuditEvent for staff callers. AuditEvents are kept in the
store but not served over FHIR: `python -m demo_portal.operator --db PATH audit` lists
them.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from flask import Response, g, request

AUDIT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type"
RESTFUL = "http://hl7.org/fhir/restful-interaction"
ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type"
OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role"
_ACTIONS = {
    "create": "C",
    "read": "R",
    "vread": "R",
    "search-type": "E",
    "update": "U",
    "patch": "U",
    "delete": "D",
    "operation": "E",
}
_BY_METHOD = {
    "GET": "read",
    "POST": "create",
    "PUT": "update",
    "PATCH": "patch",
    "DELETE": "delete",
}


@dataclass
class AuditNote:
    """What a request touched, as its handler saw it."""

    interaction: str  # read | vread | search-type | create | update | patch | delete | operation
    rtype: str
    rid: str = ""
    patients: list[str] = field(default_factory=list)


def note(
    interaction: str, rtype: str, rid: str = "", patients: list[str | None] | None = None
) -> None:
    g.medcard_audit = AuditNote(interaction, rtype, rid, sorted({p for p in patients or [] if p}))


def _guess() -> AuditNote:
    """For a request refused before its handler noted anything: from the URL."""
    parts = request.path.strip("/").split("/")[1:]  # after "fhir"
    rtype = parts[0] if parts else ""
    rid = parts[1] if len(parts) > 1 and not parts[1].startswith("$") else ""
    interaction = _BY_METHOD.get(request.method, "operation")
    if request.method == "GET" and not rid:
        interaction = "search-type"
    if any(p.startswith("$") for p in parts):
        interaction = "operation"
    patients = [
        v.removeprefix("Patient/") for k, v in request.args.items() if k in ("patient", "subject")
    ]
    if rtype == "Patient" and rid:
        patients.append(rid)
    return AuditNote(interaction, rtype, rid, patients)


def audit_event(caller: Any, seen: AuditNote, status: int, query: str, when: datetime) -> dict:
    user = caller.user
    outcome = "0" if status < 400 else ("4" if status < 500 else "8")
    entities: list[dict] = [
        {
            "what": {"reference": f"Patient/{p}"},
            "type": {"system": ENTITY_TYPE, "code": "1", "display": "Person"},
            "role": {"system": OBJECT_ROLE, "code": "1", "display": "Patient"},
        }
        for p in seen.patients
    ]
    if seen.rid:
        entities.append(
            {
                "what": {"reference": f"{seen.rtype}/{seen.rid}"},
                "type": {"system": ENTITY_TYPE, "code": "2", "display": "System Object"},
            }
        )
    if seen.interaction == "search-type" and query:
        entities.append(
            {
                "type": {"system": ENTITY_TYPE, "code": "2", "display": "System Object"},
                "description": seen.rtype,
                "query": base64.b64encode(query.encode()).decode("ascii"),
            }
        )
    event = {
        "resourceType": "AuditEvent",
        "type": {"system": AUDIT_TYPE, "code": "rest", "display": "RESTful Operation"},
        "subtype": [{"system": RESTFUL, "code": seen.interaction}],
        "action": _ACTIONS.get(seen.interaction, "E"),
        "recorded": when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "outcome": outcome,
        "outcomeDesc": f"HTTP {status}",
        "agent": [
            {
                "who": {
                    "reference": f"PractitionerRole/{user.practitioner_role_id}",
                    "display": user.display_name,
                },
                "altId": user.email,
                "requestor": True,
                "network": {"address": request.remote_addr or "", "type": "2"},
            }
        ],
        "source": {"site": user.organization_id, "observer": {"display": "Medcard demo portal"}},
    }
    if entities:
        event["entity"] = entities
    return event


def record_after(response: Response) -> Response:
    """Flask after_request: write the AuditEvent of a staff request."""
    caller = g.get("medcard_caller")
    if caller is None or not caller.is_staff or not request.path.startswith("/fhir/"):
        return response
    seen = g.get("medcard_audit") or _guess()
    from demo_portal.fhir_common import store

    event = audit_event(
        caller, seen, response.status_code, request.query_string.decode(), datetime.now(UTC)
    )
    store().create(event)
    return response
