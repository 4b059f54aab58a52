"""The portal's clinics: finding one to attach to, and the details of one (Qt-free; blocking
HTTP, run on the network pool).

Only standard R4 search parameters: `Organization?type=&name=` / `&address=` (the
portal's `address` matches street, district, city and postcode), `Location?organization=`
(the registry with its opening hours, the doctors' rooms) and
`PractitionerRole?organization=&practitioner=` (the district doctor's position and room).
The details are kept in the cache by the caller, so the tab shows them offline too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Protocol

from desktop.services.cache.projections.common import dicts
from desktop.services.clinic.fhir import ADULT, CHILDREN, CLINIC_KIND, Clinic, clinic_from
from desktop.services.clinic.overview import Missing
from desktop.services.errors import NotFound, ValidationFailed

JSON = dict[str, Any]
SEARCH_PAGE = 50


class Reader(Protocol):
    def read(self, resource_type: str, resource_id: str) -> dict: ...
    def search(self, resource_type: str, params: Any = None) -> Iterator[dict]: ...


def _entries(pages: Iterator[dict], resource_type: str, limit: int = 200) -> list[JSON]:
    found: list[JSON] = []
    for page in pages:
        for entry in dicts(page.get("entry")):
            resource = entry.get("resource")
            if isinstance(resource, dict) and resource.get("resourceType") == resource_type:
                found.append(resource)
        if len(found) >= limit:
            break
    return found[:limit]


def search_clinics(client: Reader, text: str, child: bool) -> list[Clinic]:
    """Polyclinics for adults (or children) whose name, or address or district, matches
    `text` (all of them for an empty text), by name."""
    kind = [("type", f"{CLINIC_KIND}|{CHILDREN if child else ADULT}")]
    text = " ".join(text.replace("№", " ").split())
    count = [("_count", str(SEARCH_PAGE))]
    searches = [kind + [(p, text)] + count for p in ("name", "address")] if text else [kind + count]
    found: dict[str, Clinic] = {}
    for params in searches:
        _collect(found, client.search("Organization", params))
    if any(ch.isdigit() for ch in text):
        # "134" or "№ 12": a number is no word's prefix, so ask for names containing it;
        # a portal without the standard :contains modifier just adds nothing.
        try:
            _collect(found, client.search("Organization", kind + [("name:contains", text)] + count))
        except ValidationFailed:
            pass
    return sorted(found.values(), key=lambda c: c.short_name)


def _collect(found: dict[str, Clinic], pages: Iterator[dict]) -> None:
    for organization in _entries(pages, "Organization"):
        clinic = clinic_from(organization)
        if clinic.id and clinic.kind:
            found.setdefault(clinic.id, clinic)


def clinic_details(client: Reader, clinic_id: str, doctor_id: str = "") -> list[JSON]:
    """What the tab shows of a clinic: the Organization, its Locations (the registry with
    hours; the doctors' rooms) and the district doctor's Practitioner and role."""
    found: list[JSON] = []
    try:
        found.append(client.read("Organization", clinic_id))
    except NotFound:
        return []  # the portal no longer has it: the tab says what it knows
    at_clinic = [("organization", f"Organization/{clinic_id}")]
    found += _entries(client.search("Location", at_clinic + [("_count", "100")]), "Location")
    if doctor_id:
        params = at_clinic + [("practitioner", f"Practitioner/{doctor_id}")]
        found += _entries(client.search("PractitionerRole", params), "PractitionerRole")
        try:
            found.append(client.read("Practitioner", doctor_id))
        except NotFound:
            pass
    return found


def insurer_of(client: Reader, organization_id: str) -> list[JSON]:
    try:
        return [client.read("Organization", organization_id)]
    except NotFound:
        return []


def fetch_missing(client: Reader, missing: Missing) -> list[JSON]:
    """Everything `missing` names, to keep in the cache."""
    found = (
        clinic_details(client, missing.clinic_id, missing.doctor_id) if missing.clinic_id else []
    )
    for insurer_id in missing.insurer_ids:
        found += insurer_of(client, insurer_id)
    return found
