"""What the desk shows of a patient: name, age, OMS policy state, attached clinic (Qt-free).

Pure functions over FHIR Patient and Coverage resources; the search and the patient's
page both use them, so a result row and the page always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.services.booking.fhir import address_text, extension_value, human_name, ref_id

ATTACHMENT_EXT = "https://demo.medcard/fhir/StructureDefinition/attachment"
POLICY_FORM_EXT = "https://demo.medcard/fhir/StructureDefinition/oms-policy-form"
PUBLIC_POLICY = "PUBLICPOL"
ENDING_SOON_DAYS = 7

# Policy states ("checking": the search found the patient, their Coverage is being read)
POLICY_VALID, POLICY_ENDING, POLICY_INVALID, POLICY_NONE = "valid", "ending", "invalid", "none"
POLICY_CHECKING = "checking"


@dataclass(frozen=True)
class Policy:
    state: str  # valid | ending (valid, ends within a week) | invalid | none | checking
    number: str = ""
    kind: str = ""  # the portal's name of the form (e.g. «Временное свидетельство ОМС»)
    until: date | None = None
    insurer: str = ""


@dataclass(frozen=True)
class Attachment:
    organization_id: str
    clinic: str
    site: str = ""
    since: date | None = None


@dataclass(frozen=True)
class PatientSummary:
    id: str
    name: str
    birth_date: date | None
    gender: str
    phone: str
    address: str
    policy: Policy
    attachment: Attachment | None
    version_id: str = ""

    def age(self, today: date) -> int | None:
        return age_on(self.birth_date, today)

    def attached_here(self, organization_id: str) -> bool:
        return self.attachment is not None and self.attachment.organization_id == organization_id


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _date(value: Any) -> date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _is_public(coverage: dict[str, Any]) -> bool:
    for coding in (coverage.get("type") or {}).get("coding") or []:
        if isinstance(coding, dict) and coding.get("code") == PUBLIC_POLICY:
            return True
    return False


def policy_of(coverages: list[dict[str, Any]], today: date) -> Policy:
    """The patient's OMS policy as of today: the best of their public Coverages."""
    best: Policy | None = None
    rank = {POLICY_VALID: 3, POLICY_ENDING: 2, POLICY_INVALID: 1}
    for coverage in coverages:
        if not _is_public(coverage):
            continue
        period = coverage.get("period") or {}
        start, end = _date(period.get("start")), _date(period.get("end"))
        active = coverage.get("status") == "active" and (start is None or start <= today)
        if active and (end is None or end >= today):
            ending = end is not None and (end - today).days <= ENDING_SOON_DAYS
            state = POLICY_ENDING if ending else POLICY_VALID
        else:
            state = POLICY_INVALID
        identifier: dict[str, Any] = next(iter(coverage.get("identifier") or []), {}) or {}
        form = extension_value(coverage, POLICY_FORM_EXT) or {}
        payor: dict[str, Any] = next(iter(coverage.get("payor") or []), {}) or {}
        found = Policy(
            state=state,
            number=str(identifier.get("value") or ""),
            kind=str(form.get("display") or (identifier.get("type") or {}).get("text") or ""),
            until=end,
            insurer=str(payor.get("display") or ""),
        )
        if best is None or rank[state] > rank[best.state]:
            best = found
    return best or Policy(POLICY_NONE)


def attachment_of(patient: dict[str, Any]) -> Attachment | None:
    """The clinic the patient is attached to (the attachment extension, else
    managingOrganization)."""
    for ext in patient.get("extension") or []:
        if not isinstance(ext, dict) or ext.get("url") != ATTACHMENT_EXT:
            continue
        parts = {e.get("url"): e for e in ext.get("extension") or [] if isinstance(e, dict)}
        org = (parts.get("organization") or {}).get("valueReference") or {}
        org_id = ref_id(org, "Organization")
        if org_id:
            return Attachment(
                organization_id=org_id,
                clinic=str(org.get("display") or org_id),
                site=str((parts.get("site") or {}).get("valueString") or ""),
                since=_date((parts.get("since") or {}).get("valueDate")),
            )
    managing = patient.get("managingOrganization") or {}
    org_id = ref_id(managing, "Organization")
    if org_id:
        return Attachment(org_id, str(managing.get("display") or org_id))
    return None


def phone_of(patient: dict[str, Any]) -> str:
    for telecom in patient.get("telecom") or []:
        if isinstance(telecom, dict) and telecom.get("system") == "phone":
            return str(telecom.get("value") or "")
    return ""


def policy_number_on_patient(patient: dict[str, Any]) -> str:
    """The OMS number the Patient carries (for the result row before its Coverage is read)."""
    for ident in patient.get("identifier") or []:
        text = str(((ident or {}).get("type") or {}).get("text") or "")
        if "ОМС" in text or "OMS" in text.upper():
            return str(ident.get("value") or "")
    return ""


def summary_of(
    patient: dict[str, Any], coverages: list[dict[str, Any]], today: date
) -> PatientSummary:
    policy = policy_of(coverages, today)
    if policy.state == POLICY_NONE and policy_number_on_patient(patient):
        # A number on the Patient without a public Coverage: the portal cannot vouch for it.
        policy = Policy(POLICY_INVALID, number=policy_number_on_patient(patient))
    return PatientSummary(
        id=str(patient.get("id") or ""),
        name=human_name(patient),
        birth_date=_date(patient.get("birthDate")),
        gender=str(patient.get("gender") or ""),
        phone=phone_of(patient),
        address=address_text(patient.get("address")),
        policy=policy,
        attachment=attachment_of(patient),
        version_id=str((patient.get("meta") or {}).get("versionId") or ""),
    )
