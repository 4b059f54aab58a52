"""Plain data the generator hands to the demo portal: accounts, links and resources."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoUser:
    """A portal account; ``patient_id`` is the user's own Patient ("" for staff, whose
    ``role`` is "registry": they work for ``organization_id`` as ``practitioner_role_id``)."""

    email: str
    password: str
    patient_id: str
    display_name: str
    snils_verified: bool = True
    region_available: bool = True
    region: str = "Москва"
    role: str = "patient"
    organization_id: str = ""
    practitioner_role_id: str = ""


@dataclass(frozen=True)
class DemoLink:
    """Access of an account to another person's card (a parent to a child)."""

    user_email: str
    patient_id: str
    status: str = "accepted"
    relationship: str = "parent"


@dataclass
class DemoDataset:
    resources: list[dict] = field(default_factory=list)
    users: list[DemoUser] = field(default_factory=list)
    links: list[DemoLink] = field(default_factory=list)

    def by_type(self, resource_type: str) -> list[dict]:
        return [r for r in self.resources if r["resourceType"] == resource_type]

    def counts(self) -> dict[str, int]:
        """Number of resources per type (for reports and the closing note of issue 2)."""
        out: dict[str, int] = {}
        for r in self.resources:
            out[r["resourceType"]] = out.get(r["resourceType"], 0) + 1
        return dict(sorted(out.items()))
