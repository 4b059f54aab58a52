"""The write-rule registry: hooks per (phase, resource type), see `demo_portal.rules`.

Usable both as `from demo_portal.rules import registry` (this module) and as
`from demo_portal.rules.registry import registry` (the instance): both offer
`registry.before_create(type)` and friends.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

Hook = Callable[["RuleContext", dict], Any]
PHASES = ("before_create", "before_update", "after_create", "after_update", "before_delete")


@dataclass
class RuleContext:
    store: Any  # demo_portal.store.Store (Any avoids an import cycle)
    user: Any  # demo_portal.store.PortalUser: email, patient_id, display_name, ...
    now: datetime  # UTC, aware
    previous: dict | None = None  # the stored version before an update, else None


class RuleRegistry:
    def __init__(self) -> None:
        self._hooks: dict[tuple[str, str], list[Hook]] = defaultdict(list)

    def _register(self, phase: str, rtype: str) -> Callable[[Hook], Hook]:
        def decorator(func: Hook) -> Hook:
            if func not in self._hooks[(phase, rtype)]:
                self._hooks[(phase, rtype)].append(func)
            return func

        return decorator

    def before_create(self, rtype: str) -> Callable[[Hook], Hook]:
        return self._register("before_create", rtype)

    def before_update(self, rtype: str) -> Callable[[Hook], Hook]:
        return self._register("before_update", rtype)

    def after_create(self, rtype: str) -> Callable[[Hook], Hook]:
        return self._register("after_create", rtype)

    def after_update(self, rtype: str) -> Callable[[Hook], Hook]:
        return self._register("after_update", rtype)

    def before_delete(self, rtype: str) -> Callable[[Hook], Hook]:
        """Runs with the stored resource before a DELETE; raise FhirError to refuse."""
        return self._register("before_delete", rtype)

    def run_before(self, phase: str, ctx: RuleContext, resource: dict) -> dict:
        for hook in self._hooks.get((phase, resource["resourceType"]), []):
            changed = hook(ctx, resource)
            if isinstance(changed, dict):
                resource = changed
        return resource

    def run_after(self, phase: str, ctx: RuleContext, resource: dict) -> None:
        for hook in self._hooks.get((phase, resource["resourceType"]), []):
            hook(ctx, resource)

    def hooks(self, phase: str, rtype: str) -> list[Hook]:
        return list(self._hooks.get((phase, rtype), []))




registry = RuleRegistry()

before_create = registry.before_create
before_update = registry.before_update
after_create = registry.after_create
after_update = registry.after_update
before_delete = registry.before_delete
run_before = registry.run_before
run_after = registry.run_after
hooks = registry.hooks
