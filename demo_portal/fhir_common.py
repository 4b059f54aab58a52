"""Shared pieces of the FHIR endpoints: the caller's identity and access, and responses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from authlib.oauth2 import OAuth2Error
from authlib.oauth2.rfc6749 import ResourceProtector
from flask import Response, current_app, g, request

from demo_portal import roles
from demo_portal.errors import FhirError, forbidden
from demo_portal.store import PortalUser, Store

FHIR_JSON = "application/fhir+json; charset=utf-8"

# Resource types the portal serves; anything else is "unknown type".
RESOURCE_TYPES = frozenset(
    """
    Patient Practitioner PractitionerRole Organization Location HealthcareService
    Encounter Observation DiagnosticReport Condition Procedure MedicationRequest
    MedicationStatement MedicationAdministration Medication Immunization AllergyIntolerance
    DocumentReference Composition ExplanationOfBenefit Claim Coverage Appointment Schedule
    Slot Task ServiceRequest RelatedPerson CarePlan CareTeam Goal ImagingStudy Device
    Provenance Consent Media SupplyDelivery Binary CodeSystem ValueSet
""".split()
)

# What a patient may write through the API (everything else is the clinics' data).
PATIENT_WRITABLE = frozenset({"Appointment", "Observation", "Task", "ServiceRequest"})


@dataclass(frozen=True)
class Caller:
    user: PortalUser
    allowed: list[str]  # patient ids, own first (staff: none of their own)
    scope: str = ""

    @property
    def is_staff(self) -> bool:
        return self.user.is_staff

    @property
    def patients(self) -> list[str] | None:
        """Whose records a search may return: these patients' (None: anyone's, for staff,
        whose limits are by type: demo_portal.roles)."""
        return None if self.is_staff else self.allowed

    def require_patient(self, patient_id: str | None) -> None:
        if patient_id is not None and not self.is_staff and patient_id not in self.allowed:
            raise forbidden()

    def require(self, rtype: str, action: str) -> None:
        """Staff: the desk's share of the portal and the token's `user/` scopes."""
        if self.is_staff:
            roles.check_staff_access(self.scope, rtype, action)

    def require_readable(self, resource: dict) -> None:
        if self.is_staff and not roles.staff_may_read(resource):
            raise roles.refused(resource.get("resourceType", ""))


def store() -> Store:
    return current_app.extensions["medcard_store"]


class _HeadersOnly:
    """What authlib's ResourceProtector needs from a request: just the headers."""

    def __init__(self, headers: Any):
        self.headers = headers


def _unauthorized(en: str, ru: str, error: str | None) -> FhirError:
    challenge = 'Bearer realm="medcard-demo"'
    if error:
        challenge += f', error="{error}"'
    return FhirError(401, en, ru, headers={"WWW-Authenticate": challenge})


def authenticate() -> Caller:
    """The signed-in caller, or a 401/403 FhirError."""
    protector: ResourceProtector = current_app.extensions["medcard_protector"]
    if not request.headers.get("Authorization"):
        raise _unauthorized(
            "Authentication required: send a Bearer access token",
            "Требуется вход: нет токена доступа",
            None,
        )
    try:
        token = protector.validate_request(scopes=None, request=_HeadersOnly(request.headers))
    except OAuth2Error as exc:
        raise _unauthorized(
            "Access token is invalid, expired or revoked",
            "Токен доступа недействителен, истёк или отозван",
            exc.error or "invalid_token",
        ) from exc
    user = store().user(token.user_email)
    if user is None:
        raise _unauthorized("Unknown user", "Неизвестный пользователь", "invalid_token")
    if not user.snils_verified:
        raise FhirError(
            403,
            "Access denied: your identity (SNILS) is not verified yet",
            "Доступ запрещён: ваша личность (СНИЛС) ещё не подтверждена. Подтвердите учётную "
            "запись в МФЦ или на Госуслугах.",
            reason="identity-not-verified",
        )
    if not user.region_available:
        raise FhirError(
            403,
            "Access denied: the service is not available in your region",
            "Доступ запрещён: сервис недоступен в вашем регионе.",
            reason="region-not-served",
        )
    # Calendar rules (a parent's access ends on the child's 15th birthday), once a day.
    from demo_portal.rules import registry

    registry.run_daily(store(), datetime.now(UTC).date())
    caller = Caller(user=user, allowed=store().accessible_patients(user), scope=token.scope)
    g.medcard_caller = caller  # for the audit trail of staff requests (demo_portal.audit)
    return caller


def require_type(rtype: str) -> None:
    if rtype not in RESOURCE_TYPES:
        raise FhirError(
            404, f"Unknown resource type '{rtype}'", f"Неизвестный тип ресурса «{rtype}»"
        )


def fhir_response(
    body: bytes, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    return Response(body, status=status, content_type=FHIR_JSON, headers=headers or {})


def resource_headers(resource: dict) -> dict[str, str]:
    meta = resource.get("meta") or {}
    return {
        "ETag": f'W/"{meta.get("versionId", "1")}"',
        "Location": f"{request.host_url.rstrip('/')}/fhir/{resource['resourceType']}/"
        f"{resource['id']}/_history/{meta.get('versionId', '1')}",
    }


def error_response(error: FhirError) -> Response:
    return fhir_response(error.body(), error.status, error.headers)


def dumps(data: Any) -> bytes:
    return orjson.dumps(data)
