"""Requests a person sends as a FHIR Task (a child's card, a change of clinic): withdrawing
one the portal still holds."""

from __future__ import annotations

from typing import Any, Protocol


class TaskStore(Protocol):
    def read(self, resource_type: str, resource_id: str) -> dict: ...
    def update(self, resource: dict, if_match: str | None = None) -> dict: ...


def withdraw_task(client: TaskStore, task_id: str) -> dict[str, Any]:
    """The Task read anew, `cancelled`, and sent back with its version (If-Match), so a
    decision the portal made meanwhile is refused (412), never overwritten."""
    task = client.read("Task", task_id)
    meta = task.get("meta")
    version = meta.get("versionId") if isinstance(meta, dict) else None
    changed = dict(task, status="cancelled")
    return client.update(changed, if_match=f'W/"{version}"' if version else None)
