"""What the "My clinic" tab shows of one person, read from the cache in one go (read pool):
the attachment, the clinic with its registry, the district doctor, the OMS policies and
the applications to change the clinic; and `missing`, what the portal should be asked
for (the registry's hours and the doctor's role do not come with the card's sync).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from desktop.services.cache import Cache
from desktop.services.cache.projections.common import ref_id
from desktop.services.clinic.change import ClinicChange, changes_from
from desktop.services.clinic.fhir import (
    BY_CHOICE,
    Attachment,
    Clinic,
    DistrictDoctor,
    attachment_of,
    clinic_from,
    district_doctor,
    registry_of,
)
from desktop.services.clinic.policy import (
    OmsPolicy,
    PolicyNotice,
    current_first,
    parse_policy,
    policy_notice,
)

CHOICE_INTERVAL_DAYS = 365  # a clinic may be chosen once a year (the portal's rule too)


@dataclass(frozen=True)
class Missing:
    """What to fetch from the portal: the clinic's details, the insurers."""

    clinic_id: str = ""
    doctor_id: str = ""
    insurer_ids: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.clinic_id or self.insurer_ids)


@dataclass(frozen=True)
class ClinicOverview:
    patient_id: str
    attachment: Attachment | None = None
    clinic: Clinic | None = None
    doctor: DistrictDoctor | None = None
    policies: tuple[OmsPolicy, ...] = ()
    changes: tuple[ClinicChange, ...] = ()
    missing: Missing = field(default_factory=Missing)

    def notice(self, today: date) -> PolicyNotice | None:
        return policy_notice(self.policies, today)

    def next_by_choice(self, today: date) -> date | None:
        """From when a change by choice is possible again (the once-a-year rule), or None
        when it is possible now: a year after the last change by choice."""
        last = [
            c.decided_on or (c.authored_on.date() if c.authored_on else None)
            for c in self.changes
            if c.status == "completed" and c.reason == BY_CHOICE
        ]
        if self.attachment is not None and self.attachment.reason == BY_CHOICE:
            last.append(self.attachment.since)
        known = [d for d in last if d is not None]
        again = max(known) + timedelta(days=CHOICE_INTERVAL_DAYS) if known else None
        return again if again is not None and again > today else None


def clinic_overview(cache: Cache, patient_id: str, today: date | None = None) -> ClinicOverview:
    today = today or date.today()
    resources = cache.resources
    attachment = attachment_of(resources.get("Patient", patient_id))
    policies = current_first(_policies(cache, patient_id), today)
    insurers = tuple(
        sorted({p.insurer_id for p in policies if p.insurer_id and not p.insurer_phone})
    )
    changes = tuple(changes_from(resources.of_patient(patient_id, "Task")))
    if attachment is None:
        return ClinicOverview(
            patient_id,
            policies=tuple(policies),
            changes=changes,
            missing=Missing(insurer_ids=insurers),
        )
    organization = resources.get("Organization", attachment.clinic_id)
    locations = resources.shared("Location")
    registry = registry_of(attachment.clinic_id, locations)
    clinic = clinic_from(organization, registry) if organization else None
    doctor = None
    roles = []
    if attachment.doctor_id:
        roles = [
            r
            for r in resources.shared("PractitionerRole")
            if ref_id(r.get("practitioner")) == attachment.doctor_id
            and ref_id(r.get("organization")) == attachment.clinic_id
        ]
        doctor = district_doctor(
            resources.get("Practitioner", attachment.doctor_id),
            roles,
            {str(loc.get("id")): loc for loc in locations},
            attachment.doctor_display,
        )
    details_known = organization is not None and registry is not None
    doctor_known = not attachment.doctor_id or bool(roles)
    return ClinicOverview(
        patient_id=patient_id,
        attachment=attachment,
        clinic=clinic,
        doctor=doctor,
        policies=tuple(policies),
        changes=changes,
        missing=Missing(
            clinic_id="" if details_known and doctor_known else attachment.clinic_id,
            doctor_id=attachment.doctor_id,
            insurer_ids=insurers,
        ),
    )


def _policies(cache: Cache, patient_id: str) -> list[OmsPolicy]:
    return [
        p for p in cache.resources.parse_all(patient_id, "Coverage", parse_policy) if p is not None
    ]


def policy_notices(
    cache: Cache, patient_ids: list[str], today: date | None = None
) -> dict[str, PolicyNotice]:
    """Patient id -> the warning about their OMS policy, for those who need one."""
    today = today or date.today()
    found = {}
    for patient_id in patient_ids:
        notice = policy_notice(_policies(cache, patient_id), today)
        if notice is not None:
            found[patient_id] = notice
    return found
