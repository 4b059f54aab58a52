"""The portals the app knows: a data file shipped with the app (resources/portals/,
described in its README), read once for the welcome screen. The demo portal comes first;
an entry that cannot be used (no https address, a duplicate) is skipped, never an error
at start-up."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from desktop.services.errors import InvalidPortalAddress
from desktop.services.portal.address import check_base_url

log = logging.getLogger("medcard.onboarding")

PORTALS_FILE = Path(__file__).resolve().parents[3] / "resources" / "portals" / "portals.json"


@dataclass(frozen=True)
class KnownPortal:
    id: str
    names: dict[str, str] = field(default_factory=dict)  # language -> name
    regions: dict[str, str] = field(default_factory=dict)
    fhir_base: str = ""  # empty for the demo portal (it runs on this computer)
    esia: bool = False  # sign-in goes through Gosuslugi (ЕСИА)
    demo: bool = False

    def name(self, lang: str) -> str:
        return _in(self.names, lang) or self.fhir_base or self.id

    def region(self, lang: str) -> str:
        return _in(self.regions, lang)


def _in(texts: dict[str, str], lang: str) -> str:
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


def _texts(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if isinstance(v, str) and v.strip()}
    return {}


def load_portals(path: Path | None = None) -> list[KnownPortal]:
    """The usable entries of the file, the demo portal first."""
    path = path or PORTALS_FILE
    try:
        data = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as exc:
        log.warning("the list of portals could not be read: %s", type(exc).__name__)
        return []
    entries = data.get("portals") if isinstance(data, dict) else None
    portals: list[KnownPortal] = []
    seen: set[str] = set()
    for entry in entries if isinstance(entries, list) else []:
        portal = _portal(entry)
        key = "demo" if portal is not None and portal.demo else getattr(portal, "fhir_base", "")
        if portal is None or key in seen:
            continue
        seen.add(key)
        portals.append(portal)
    return sorted(portals, key=lambda p: not p.demo)


def _portal(entry: Any) -> KnownPortal | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        return None
    demo = entry.get("demo") is True
    base = ""
    if not demo:
        try:
            base = check_base_url(str(entry.get("fhir_base") or ""))
        except InvalidPortalAddress:
            log.warning("a listed portal has no usable address: %s", entry["id"][:40])
            return None
    return KnownPortal(
        id=entry["id"],
        names=_texts(entry.get("name")),
        regions=_texts(entry.get("region")),
        fhir_base=base,
        esia=entry.get("esia") is True,
        demo=demo,
    )
