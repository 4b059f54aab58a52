"""The patient's page at the desk (Qt-free): who they are, their policy and attachment
with warnings, their visits (upcoming and past, home-visit requests) and the documents
ready for them. Read fresh from the portal each time a patient is opened; kept only in
memory, for the patient on screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.services.booking.catalog import bundle_entries
from desktop.services.booking.fhir import (
    KIND_HOME,
    AppointmentInfo,
    describe,
    extension_value,
)
from desktop.services.booking.service import BookingService
from desktop.services.desk.documents import ReadyDocument, ready_documents
from desktop.services.desk.people import (
    POLICY_ENDING,
    POLICY_INVALID,
    POLICY_NONE,
    PatientSummary,
    summary_of,
)
from desktop.services.desk.staff import StaffMember
from desktop.services.i18n import N_

BOOKED_BY_EXT = "https://demo.medcard/fhir/StructureDefinition/booked-by"

# Warnings: (code, English source text marked for translation)
WARN_NO_POLICY = N_("No OMS policy on file: free booking will be refused.")
WARN_POLICY_INVALID = N_("The OMS policy is not valid today: free booking will be refused.")
WARN_POLICY_ENDING = N_("The temporary OMS certificate ends soon: ask for the policy.")
WARN_ELSEWHERE = N_("Attached to another clinic: free visits there, not here.")
WARN_NOT_ATTACHED = N_("Not attached to any clinic.")


@dataclass(frozen=True)
class Visit:
    info: AppointmentInfo
    booked_by: str = ""  # the desk that booked it ("" when the patient did)


@dataclass
class PatientFile:
    summary: PatientSummary
    warnings: list[str] = field(default_factory=list)
    upcoming: list[Visit] = field(default_factory=list)
    past: list[Visit] = field(default_factory=list)
    documents: list[ReadyDocument] = field(default_factory=list)


def warnings_for(summary: PatientSummary, organization_id: str) -> list[str]:
    found = []
    state = summary.policy.state
    if state == POLICY_NONE:
        found.append(WARN_NO_POLICY)
    elif state == POLICY_INVALID:
        found.append(WARN_POLICY_INVALID)
    elif state == POLICY_ENDING:
        found.append(WARN_POLICY_ENDING)
    if summary.attachment is None:
        found.append(WARN_NOT_ATTACHED)
    elif organization_id and not summary.attached_here(organization_id):
        found.append(WARN_ELSEWHERE)
    return found


def load_patient_file(
    client: Any, patient_id: str, staff: StaffMember, now: datetime
) -> PatientFile:
    patient = client.read("Patient", patient_id)
    coverages = list(
        bundle_entries(
            client.search("Coverage", [("beneficiary", f"Patient/{patient_id}")]), "Coverage"
        )
    )
    summary = summary_of(patient, coverages, now.date())
    page = PatientFile(summary, warnings_for(summary, staff.organization_id))
    page.upcoming, page.past = patient_visits(client, patient_id, now, known=[patient])
    page.documents = ready_documents(client, patient_id)
    return page


def patient_visits(
    client: Any, patient_id: str, now: datetime, known: list[dict[str, Any]] | None = None
) -> tuple[list[Visit], list[Visit]]:
    """(upcoming soonest first, past newest first) of the patient's appointments."""
    portal = BookingService(client)
    seen = {f"{r.get('resourceType')}/{r.get('id')}": r for r in known or []}

    def lookup(reference: str) -> dict[str, Any] | None:
        # The Patient just read is not read again; doctors and rooms once per page.
        return seen[reference] if reference in seen else portal.lookup(reference)

    params = [("patient", f"Patient/{patient_id}"), ("_count", "200")]
    upcoming: list[Visit] = []
    past: list[Visit] = []
    for appointment in bundle_entries(client.search("Appointment", params), "Appointment"):
        info = describe(appointment, lookup)
        by = extension_value(appointment, BOOKED_BY_EXT) or {}
        visit = Visit(info, str(by.get("display") or "") if isinstance(by, dict) else "")
        (upcoming if info.is_upcoming(now) else past).append(visit)
    upcoming.sort(key=lambda v: (v.info.start is not None, v.info.start or now))
    past.sort(key=lambda v: v.info.start or now, reverse=True)
    return upcoming, past


def is_home_visit(visit: Visit) -> bool:
    return visit.info.kind == KIND_HOME
