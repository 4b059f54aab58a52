"""What registry staff (issue 14) may do: the desk's share of the portal, nothing more.

A staff token (role "registry", `user/` scopes) reaches every patient, but only what a
registry needs: demographics, the policy and the attachment, schedules and appointments
(home visits are Appointments too), the directory, and the documents issued for printing
(DocumentReference / Binary / Provenance tagged `issued-document`, and the document-order
Tasks they come from). A clinical record (Observation, Condition, DiagnosticReport, notes,
...) is refused with 403 — as a search and as a read. Staff write Appointments only.

Within that, the token's SMART scopes decide: `user/Patient.rs`, `user/*.cruds`,
`user/Appointment.write`, ... (v1 `read`/`write`/`*` and v2 `cruds` letters).
"""

from __future__ import annotations

import re
from typing import Any

from demo_portal.errors import FhirError

STAFF_READABLE = frozenset(
    """Patient Coverage RelatedPerson Organization Location Practitioner PractitionerRole
    HealthcareService Schedule Slot Appointment CodeSystem ValueSet""".split()
)
# Documents only when issued for handing out (the clinical notes stay closed).
TAGS_SYSTEM = "http://demo.medcard/fhir/CodeSystem/tags"
ISSUED_DOCUMENT = "issued-document"
STAFF_TAGGED = frozenset({"DocumentReference", "Binary", "Provenance"})
# Orders whose documents the desk prints and hands out (demo_portal/rules/documents.py).
STAFF_TASK_CODES = ("document-order", "paper-copy")
STAFF_WRITABLE = frozenset({"Appointment"})

_SCOPE = re.compile(r"^(patient|user|system)/(\*|[A-Z][A-Za-z]+)\.(read|write|\*|c?r?u?d?s?)$")
_V1 = {"read": "rs", "write": "cud", "*": "cruds"}


def is_smart_scope(scope: str) -> bool:
    """A SMART resource scope (v1 or v2 letters), e.g. `user/Patient.rs`."""
    match = _SCOPE.match(scope.split("?", 1)[0])
    return bool(match and match.group(3))


def scope_allows(scopes: str, context: str, rtype: str, action: str) -> bool:
    """Whether `context/rtype` scopes grant `action` (one of c r u d s)."""
    for scope in scopes.split():
        match = _SCOPE.match(scope.split("?", 1)[0])
        if not match or match.group(1) != context or match.group(2) not in ("*", rtype):
            continue
        letters = _V1.get(match.group(3), match.group(3))
        if action in letters:
            return True
    return False


def refused(rtype: str) -> FhirError:
    return FhirError(
        403,
        f"Registry staff may not read {rtype}: the desk sees demographics, policies, "
        "attachment, appointments and documents issued for printing only",
        f"Сотрудникам регистратуры недоступны данные типа {rtype}: регистратура видит "
        "только сведения о пациенте, полис, прикрепление, записи на приём и документы к выдаче",
    )


def _out_of_scope(rtype: str, action: str) -> FhirError:
    return FhirError(
        403,
        f"The access token's scopes do not allow '{action}' on {rtype} (user/ scopes needed)",
        f"Права токена не разрешают это действие с ресурсом {rtype}",
    )


def check_staff_access(scopes: str, rtype: str, action: str) -> None:
    """Raise 403 unless staff may do `action` (c r u d s) on the type at all."""
    if action in "rs" and rtype not in STAFF_READABLE | STAFF_TAGGED | {"Task"}:
        raise refused(rtype)
    if action in "cud" and rtype not in STAFF_WRITABLE:
        raise FhirError(
            403,
            f"Registry staff may not write {rtype}",
            f"Сотрудники регистратуры не могут изменять ресурсы типа {rtype}",
        )
    if not scope_allows(scopes, "user", rtype, action):
        raise _out_of_scope(rtype, action)


def staff_search_clause(rtype: str) -> tuple[str, list[Any]] | None:
    """The extra condition a staff search of the type gets (None: none needed)."""
    if rtype in STAFF_TAGGED:
        return (
            "r.seq IN (SELECT t.seq FROM tokens t WHERE t.param = '_tag' AND t.system = ? "
            "AND t.value = ?)",
            [TAGS_SYSTEM, ISSUED_DOCUMENT],
        )
    if rtype == "Task":
        marks = ",".join("?" * len(STAFF_TASK_CODES))
        return (
            "r.seq IN (SELECT t.seq FROM tokens t WHERE t.param = 'code' "
            f"AND t.value IN ({marks}))",
            list(STAFF_TASK_CODES),
        )
    return None


def staff_may_read(resource: dict) -> bool:
    rtype = resource.get("resourceType", "")
    if rtype in STAFF_READABLE:
        return True
    if rtype in STAFF_TAGGED:
        tags = (resource.get("meta") or {}).get("tag") or []
        return any(
            t.get("system") == TAGS_SYSTEM and t.get("code") == ISSUED_DOCUMENT for t in tags
        )
    if rtype == "Task":
        codes = [c.get("code") for c in (resource.get("code") or {}).get("coding") or []]
        return any(code in STAFF_TASK_CODES for code in codes)
    return False
