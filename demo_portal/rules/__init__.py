"""Write rules (business logic per feature) hooked into the FHIR create/update path.

A feature module `demo_portal/rules/<feature>.py` registers its hooks at import time::

    from demo_portal.rules import RuleContext, registry

    @registry.before_create("Appointment")
    def check_slot(ctx: RuleContext, resource: dict) -> dict:
        ...  # return the (possibly changed) resource, or raise FhirError(status, en, ru)

`before_*` hooks run before the write and may change or refuse it; `after_*` hooks run
after it (their return value is ignored). All of them run while the store's write lock is
held, so a check and the writes it leads to are atomic. Every module of this package is
imported when the app is created (`load_rule_modules`).
"""

from __future__ import annotations

import importlib
import pkgutil

from demo_portal.errors import FhirError  # re-exported for rule modules
from demo_portal.rules import registry
from demo_portal.rules.registry import RuleContext, RuleRegistry

__all__ = ["FhirError", "RuleContext", "RuleRegistry", "load_rule_modules", "registry"]


def load_rule_modules() -> list[str]:
    """Import every module of this package so their hooks register (idempotent)."""
    names = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name == "registry":
            continue
        importlib.import_module(f"{__name__}.{info.name}")
        names.append(info.name)
    return names
