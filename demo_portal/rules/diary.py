"""Portal-side rules for the health diary.

A patient (or a parent acting for a child) writes Observations only as diary entries: the
performer is the subject Patient itself and the entry carries the ``self-measured`` tag.
The clinic's Observations (lab results, vital signs taken at a visit) can never be
changed by a patient: 403 with an English and a Russian explanation. (Deletes are checked
by the FHIR DELETE handler itself: only the patient's own diary Observations.)

The vocabulary is the app's (desktop/services/diary/entries.py); the two packages may not import
each other, so the URLs are repeated here.
"""

from __future__ import annotations

from typing import Any

from demo_portal.errors import FhirError
from demo_portal.rules import registry

DIARY_TAG_SYSTEM = "http://demo.medcard/fhir/CodeSystem/tags"  # shared with the demo data
DIARY_TAG_CODE = "self-measured"


def _not_own_record() -> FhirError:
    return FhirError(
        403,
        "Only your own diary entries can be changed or deleted; this record was made by "
        "the clinic.",
        "Изменять и удалять можно только свои записи дневника; эту запись внесла клиника.",
    )


def _not_diary_entry() -> FhirError:
    return FhirError(
        403,
        "A patient may record only their own measurements: the performer must be the "
        "patient and the entry must be marked as self-measured.",
        "Пациент может вносить только собственные измерения: исполнителем должен быть сам "
        "пациент, а запись — отмечена как самостоятельное измерение.",
    )


def is_patient_authored(resource: dict[str, Any]) -> bool:
    """Performer is exactly the subject Patient and the self-measured tag is present."""
    subject = (resource.get("subject") or {}).get("reference") or ""
    if not subject.startswith("Patient/"):
        return False
    performers = [(p or {}).get("reference") for p in resource.get("performer") or []]
    tags = (resource.get("meta") or {}).get("tag") or []
    tagged = any(
        (t or {}).get("system") == DIARY_TAG_SYSTEM and (t or {}).get("code") == DIARY_TAG_CODE
        for t in tags
    )
    return tagged and bool(performers) and all(p == subject for p in performers)


def _is_patient_user(ctx: Any) -> bool:
    # Rules run for requests of signed-in portal users, who are all patients (or parents);
    # a context without a user is the operator/data loader, which may write anything.
    return getattr(ctx, "user", None) is not None


@registry.before_create("Observation")
def diary_entry_created(ctx: Any, resource: dict[str, Any]) -> dict[str, Any]:
    if _is_patient_user(ctx) and not is_patient_authored(resource):
        raise _not_diary_entry()
    return resource


@registry.before_update("Observation")
def diary_entry_updated(ctx: Any, resource: dict[str, Any]) -> dict[str, Any]:
    if not _is_patient_user(ctx):
        return resource
    stored = getattr(ctx, "previous", None) or ctx.store.get("Observation", resource.get("id", ""))
    if stored is not None and not is_patient_authored(stored):
        raise _not_own_record()
    if not is_patient_authored(resource):
        raise _not_diary_entry()
    if stored is not None and stored.get("subject") != resource.get("subject"):
        raise FhirError(
            400,
            "A diary entry cannot be moved to another patient.",
            "Запись дневника нельзя перенести в карту другого пациента.",
        )
    return resource
