"""Operator commands for document orders and paper copies (issue 12):

python -m demo_portal.operator --db PATH document-orders
python -m demo_portal.operator --db PATH issue-document TASK_ID
python -m demo_portal.operator --db PATH reject-document TASK_ID --reason TEXT
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

from demo_portal.operator import command
from demo_portal.rules import documents as rules
from demo_portal.rules._tasks import code_of, reason
from demo_portal.store import Store

OPEN = ("requested", "in-progress")


def _open_order(store: Store, task_id: str) -> dict:
    task = store.get("Task", task_id)
    if task is None or code_of(task) not in (rules.ORDER, rules.COPY):
        raise LookupError(f"no document order Task/{task_id}")
    if task.get("status") not in OPEN:
        raise ValueError(f"Task/{task_id} is {task.get('status')}, not open")
    return task


@command("document-orders", help="list document orders and paper-copy requests (open first)")
def _list(store: Store, args: argparse.Namespace) -> int:
    tasks = [
        t for t in store.search("Task", limit=100000) if code_of(t) in (rules.ORDER, rules.COPY)
    ]
    tasks.sort(key=lambda t: (t.get("status") not in OPEN, t.get("authoredOn") or ""))
    for task in tasks:
        due = ((task.get("restriction") or {}).get("period") or {}).get("end", "-")
        print(
            f"{task['id']}\t{task.get('status')}\t{code_of(task)}\t{task.get('description', '')}\t"
            f"{(task.get('for') or {}).get('reference')}\tdue {due}"
        )
    return 0


@command(
    "issue-document",
    help="the document is written (or the copies made): issue the signed PDF",
    arguments=[(("task_id",), {})],
)
def _issue(store: Store, args: argparse.Namespace) -> int:
    try:
        with store.write_lock:
            task = store.put(
                rules.complete(store, _open_order(store, args.task_id), datetime.now(UTC))
            )
    except (LookupError, ValueError) as error:
        print(f"error: {error}")
        return 1
    print(f"Task/{task['id']} {task['status']}: {task['output'][0]['valueReference']['reference']}")
    return 0


@command(
    "reject-document",
    help="the clinic cannot issue the document: reject with a reason",
    arguments=[(("task_id",), {}), (("--reason",), {"required": True})],
)
def _reject(store: Store, args: argparse.Namespace) -> int:
    try:
        with store.write_lock:
            task = _open_order(store, args.task_id)
            refusal = reason(
                rules.STATUS_REASON_SYSTEM,
                "rejected-by-clinic",
                "Rejected by the clinic",
                args.reason,
            )
            task = store.put({**task, "status": "rejected", "statusReason": refusal})
    except (LookupError, ValueError) as error:
        print(f"error: {error}")
        return 1
    print(f"Task/{task['id']} {task['status']}")
    return 0
