"""Filling the store: the generated demo dataset and FHIR Bundles from a folder."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from demo_portal.store import Store

SYNTHEA_PASSWORD = "demo1234"


def load_demo_dataset(
    store: Store,
    seed: int = 42,
    scale: int = 0,
    today: date | None = None,
    patients: int = 0,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Generate the demo family (deterministic for seed+today) and load it with accounts;
    `patients` more townspeople on top (a city, for the desk), `progress(done, total)`."""
    from demo_portal.datagen import generate

    today = today or date.today()
    dataset = generate(seed=seed, scale=scale, today=today)
    store.load(dataset.resources)
    for user in dataset.users:
        store.add_user(
            user.email,
            user.password,
            user.patient_id,
            user.display_name,
            user.snils_verified,
            user.region_available,
            user.role,
            user.organization_id,
            user.practitioner_role_id,
        )
    for link in dataset.links:
        store.grant_access(link.user_email, link.patient_id, link.relationship, link.status)
    issue_documents(store, seed)
    counts: dict[str, int] = {}
    for resource in dataset.resources:
        counts[resource["resourceType"]] = counts.get(resource["resourceType"], 0) + 1
    if patients > 0:
        added = load_townspeople(store, seed, today, patients, progress)
        counts["Patient"] = counts.get("Patient", 0) + added
        counts["Coverage"] = counts.get("Coverage", 0) + added
    return counts


def issue_documents(store: Store, seed: int) -> None:
    """The portal's document services: the kinds it offers (CodeSystem), its CA, the
    signed PDFs of documents ordered before today and the PDF originals of the clinics'
    text documents (their signatures are made now)."""
    from datetime import datetime

    from demo_portal.documents.issue import publish_ca
    from demo_portal.documents.kinds import code_system
    from demo_portal.documents.renditions import add_pdf_originals
    from demo_portal.rules import documents
    from demo_portal.rules._tasks import code_of

    publish_ca(store, seed)
    store.put(code_system())
    for task in store.search("Task", status="completed", limit=100000):
        if code_of(task) == documents.ORDER and not task.get("output"):
            issued = datetime.fromisoformat(str(task.get("lastModified") or task["authoredOn"]))
            store.put(documents.complete(store, task, issued))
    add_pdf_originals(store)


def load_townspeople(
    store: Store,
    seed: int,
    today: date,
    count: int,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """`count` synthetic patients (with policy and attachment) after the demo's own, in
    chunks: a city loads without holding it in memory."""
    from demo_portal.datagen.builder import Builder, instant
    from demo_portal.datagen.clinics import CLINICS
    from demo_portal.datagen.population import BASE_POPULATION, resources_of, townspeople

    def name_of(rtype: str, rid: str) -> str:
        resource = store.get(rtype, rid) or {}
        return str(resource.get("name") if rtype == "Organization" else resource["name"][0]["text"])

    org_names = {oid: name_of("Organization", oid) for oid in [*CLINICS, "org-smo"]}
    doctors = {
        c.district_doctor: name_of("Practitioner", c.district_doctor) for c in CLINICS.values()
    }
    cutoff = Builder(seed, today).cutoff
    stamp = instant(cutoff.replace(year=cutoff.year - 1))
    done = 0
    for chunk in townspeople(seed, today, BASE_POPULATION, count):
        batch = [r for t in chunk for r in resources_of(t, org_names, doctors, stamp)]
        store.load(batch, new=True)
        done += len(chunk)
        if progress is not None:
            progress(done, count)
    return done


def _resolve_references(node: Any, mapping: dict[str, str]) -> Any:
    """Replace `urn:uuid:` references of a transaction Bundle with `Type/id`."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "reference" and isinstance(value, str) and value in mapping:
                out[key] = mapping[value]
            else:
                out[key] = _resolve_references(value, mapping)
        return out
    if isinstance(node, list):
        return [_resolve_references(item, mapping) for item in node]
    return node


def bundle_resources(bundle: dict) -> list[dict]:
    """The resources of a transaction/collection/searchset Bundle, references resolved."""
    entries = [e for e in bundle.get("entry") or [] if isinstance(e.get("resource"), dict)]
    mapping = {}
    for entry in entries:
        resource = entry["resource"]
        full_url = entry.get("fullUrl")
        if "id" not in resource and isinstance(full_url, str):
            resource["id"] = full_url.rsplit(":", 1)[-1].rsplit("/", 1)[-1]
        if isinstance(full_url, str) and "id" in resource:
            mapping[full_url] = f"{resource['resourceType']}/{resource['id']}"
    return [_resolve_references(e["resource"], mapping) for e in entries]


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", plain.lower())


def synthea_login(patient: dict) -> tuple[str, str]:
    """(email, display name) for a loaded Patient: `<given>.<family>@synthea.demo`."""
    names = patient.get("name") or [{}]
    official = next((n for n in names if n.get("use") == "official"), names[0])
    given = (official.get("given") or ["patient"])[0]
    family = official.get("family") or patient["id"][:8]
    email = f"{_ascii(given)}.{_ascii(family)}@synthea.demo"
    return email, f"{given} {family}"


def load_bundle_dir(store: Store, folder: Path) -> list[tuple[str, str]]:
    """Load every *.json Bundle (or single resource) in the folder; give each Patient a
    login. Returns the (email, patient id) accounts created."""
    resources: list[dict] = []
    for path in sorted(Path(folder).glob("*.json")):
        data = orjson.loads(path.read_bytes())
        if data.get("resourceType") == "Bundle":
            resources.extend(bundle_resources(data))
        elif isinstance(data.get("resourceType"), str) and data.get("id"):
            resources.append(data)
    store.load(resources)
    accounts = []
    for patient in (r for r in resources if r["resourceType"] == "Patient"):
        email, display = synthea_login(patient)
        store.add_user(email, SYNTHEA_PASSWORD, patient["id"], display)
        accounts.append((email, patient["id"]))
    return accounts
