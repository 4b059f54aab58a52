"""The write-rule registry: hooks per (phase, resource type), see `demo_portal.rules`.

Usable both as `from demo_portal.rules import registry` (this module) and as
`from demo_portal.rules.registry import registry` (the instance): both offer
`registry.before_create(type)` and friends.
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

Hook = Callable[["RuleContext", dict], Any]
DailyHook = Callable[[Any, date], Any]  # (store, today)
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
        self._daily: list[DailyHook] = []
        # Store -> the last date the daily hooks ran on it (weak: a stopped portal's goes).
        self._daily_done: weakref.WeakKeyDictionary[Any, date] = weakref.WeakKeyDictionary()
        self._daily_lock = threading.Lock()

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

    def daily(self, func: DailyHook) -> DailyHook:
        """A rule that follows the calendar (e.g. access ending at 15), run by `run_daily`."""
        if func not in self._daily:
            self._daily.append(func)
        return func

    def run_daily(self, store: Any, today: date) -> None:
        """Every daily rule at most once per day per store: cheap enough to call on every
        request (the portal does, before deciding what a caller may read)."""
        with self._daily_lock:
            if self._daily_done.get(store) == today:
                return
            self._daily_done[store] = today
        for hook in self._daily:
            hook(store, today)


registry = RuleRegistry()

before_create = registry.before_create
before_update = registry.before_update
after_create = registry.after_create
after_update = registry.after_update
before_delete = registry.before_delete
daily = registry.daily
run_daily = registry.run_daily
run_before = registry.run_before
run_after = registry.run_after
hooks = registry.hooks
