"""The kinds of documents one may order: the portal's list (a FHIR CodeSystem), never ours.

`CodeSystem?url=<KINDS_URL>`: each concept has a code, a Russian `display`, an English
`designation`, and properties `form` (the form's number, e.g. 027/у), `issue`
(`immediate | doctor`), `period` (a period must be given), `age` (`any | child | adult`)
and `delivery` (repeated: `electronic`, `paper`). The list is kept in the cache (offline,
the order dialog still lists the kinds; ordering then waits for the portal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from desktop.services.cache import Cache
from desktop.services.cache.projections.common import dicts, text_or_none

KINDS_URL = "https://demo.medcard/fhir/CodeSystem/document-kind"
KEPT_ID = "medcard-document-kinds"  # the id the portal's list is kept under in the cache
ADULT_AGE = 18


class Searcher(Protocol):
    def search(self, resource_type: str, params: Any = None) -> Any: ...


@dataclass(frozen=True)
class DocumentKind:
    code: str
    name_ru: str
    name_en: str
    form: str
    immediate: bool  # issued when ordered; else a doctor writes it
    needs_period: bool
    age: str  # any | child | adult
    deliveries: tuple[str, ...]  # electronic, paper

    def name(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name_ru

    def allowed_for(self, age: int | None) -> bool:
        if age is None or self.age == "any":
            return True
        return age < ADULT_AGE if self.age == "child" else age >= ADULT_AGE


def parse_kinds(code_system: Any) -> list[DocumentKind]:
    if not isinstance(code_system, dict) or code_system.get("resourceType") != "CodeSystem":
        return []
    kinds = []
    for concept in dicts(code_system.get("concept")):
        code = concept.get("code")
        if not isinstance(code, str) or not code:
            continue
        props: dict[str, list[Any]] = {}
        for prop in dicts(concept.get("property")):
            value = next((v for k, v in prop.items() if k.startswith("value")), None)
            props.setdefault(str(prop.get("code")), []).append(value)
        english = next(
            (
                str(d["value"])
                for d in dicts(concept.get("designation"))
                if str(d.get("language", "")).startswith("en") and isinstance(d.get("value"), str)
            ),
            "",
        )
        display = text_or_none(concept.get("display")) or code
        deliveries = tuple(v for v in props.get("delivery", []) if v in ("electronic", "paper"))
        kinds.append(
            DocumentKind(
                code=code,
                name_ru=display,
                name_en=english or display,
                form=str((props.get("form") or [""])[0] or ""),
                immediate=(props.get("issue") or [""])[0] == "immediate",
                needs_period=(props.get("period") or [False])[0] is True,
                age=str((props.get("age") or ["any"])[0] or "any"),
                deliveries=deliveries or ("electronic", "paper"),
            )
        )
    return kinds


def fetch_kinds(client: Searcher) -> dict[str, Any] | None:
    """Network pool: the portal's CodeSystem of document kinds (None: it offers none)."""
    for page in client.search("CodeSystem", [("url", KINDS_URL)]):
        for entry in dicts(page.get("entry")):
            resource = entry.get("resource")
            if isinstance(resource, dict) and resource.get("resourceType") == "CodeSystem":
                return resource
    return None


def keep_kinds(cache: Cache, code_system: dict[str, Any] | None) -> list[DocumentKind]:
    """Writer queue: keep the list for offline use; the kinds it holds."""
    if code_system is None:
        return []
    cache.ingest([{**code_system, "id": KEPT_ID}])
    return parse_kinds(code_system)


def kept_kinds(cache: Cache) -> list[DocumentKind]:
    """Read pool: the kinds as last read from the portal."""
    return parse_kinds(cache.resources.get("CodeSystem", KEPT_ID))
