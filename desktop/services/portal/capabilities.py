"""What a portal offers, read from its CapabilityStatement (`GET metadata`).

The app shows only what the portal offers: booking needs free slots to search and
appointments to create; the diary needs Observations it may create; requests to the clinic
(child access, change of clinic, documents...) need Tasks it may create, and — where the
portal lists them with the `supported-task-code` extension — that request's code. A
statement that cannot be read (first start offline, a portal without one) leaves every
feature on: the portal's own answer then decides, with its own message.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

SUPPORTED_TASK_CODE = "https://demo.medcard/fhir/StructureDefinition/supported-task-code"


@dataclass(frozen=True)
class Capabilities:
    known: bool = False  # False: no statement read yet (every feature stays on)
    interactions: dict[str, frozenset[str]] = field(default_factory=dict)
    search_params: dict[str, frozenset[str]] = field(default_factory=dict)
    task_codes: frozenset[str] | None = None  # None: the portal does not list them

    @classmethod
    def unknown(cls) -> Capabilities:
        return cls()

    @classmethod
    def from_statement(cls, statement: Any) -> Capabilities:
        """Read a CapabilityStatement; anything malformed in it counts as not offered."""
        if not isinstance(statement, dict) or statement.get("resourceType") != (
            "CapabilityStatement"
        ):
            return cls.unknown()
        interactions: dict[str, frozenset[str]] = {}
        params: dict[str, frozenset[str]] = {}
        task_codes: set[str] | None = None
        for rest in _dicts(statement.get("rest")):
            if rest.get("mode") not in (None, "server"):
                continue
            for resource in _dicts(rest.get("resource")):
                rtype = resource.get("type")
                if not isinstance(rtype, str):
                    continue
                interactions[rtype] = interactions.get(rtype, frozenset()) | frozenset(
                    str(i["code"]) for i in _dicts(resource.get("interaction")) if "code" in i
                )
                params[rtype] = params.get(rtype, frozenset()) | frozenset(
                    str(p["name"]) for p in _dicts(resource.get("searchParam")) if "name" in p
                )
                codes = [
                    str(e["valueCode"])
                    for e in _dicts(resource.get("extension"))
                    if e.get("url") == SUPPORTED_TASK_CODE and isinstance(e.get("valueCode"), str)
                ]
                if rtype == "Task" and codes:
                    task_codes = (task_codes or set()) | set(codes)
        return cls(
            known=True,
            interactions=interactions,
            search_params=params,
            task_codes=frozenset(task_codes) if task_codes is not None else None,
        )

    def can(self, resource_type: str, *interactions: str) -> bool:
        """Whether the portal lists every one of these interactions for the type."""
        if not self.known:
            return True
        offered = self.interactions.get(resource_type, frozenset())
        return all(i in offered for i in interactions)

    def searchable(self, resource_type: str, params: Iterable[str] = ()) -> bool:
        """A type search with these parameters (those the portal lists, when it lists any)."""
        if not self.can(resource_type, "search-type"):
            return False
        listed = self.search_params.get(resource_type)
        return not self.known or not listed or all(p in listed for p in params)

    # -- features -------------------------------------------------------------------------
    @property
    def booking(self) -> bool:
        """Free slots to find and appointments to make."""
        return (
            self.searchable("Slot")
            and self.searchable("Schedule")
            and self.can("Appointment", "create")
        )

    @property
    def diary_writable(self) -> bool:
        return self.can("Observation", "create")

    def request(self, task_code: str) -> bool:
        """A request to the clinic of this Task code (child access, a document...)."""
        if not self.can("Task", "create"):
            return False
        return self.task_codes is None or task_code in self.task_codes


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
