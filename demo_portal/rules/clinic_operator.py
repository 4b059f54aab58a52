"""Operator commands for applications to change the attached clinic (issue 13):

python -m demo_portal.operator --db PATH clinic-changes
python -m demo_portal.operator --db PATH accept-clinic-change TASK_ID [--today YYYY-MM-DD]
python -m demo_portal.operator --db PATH reject-clinic-change TASK_ID --reason TEXT
"""

from __future__ import annotations

import argparse
from datetime import date

from demo_portal.operator import command
from demo_portal.rules import clinic_change as rules
from demo_portal.rules._tasks import code_of, first, inputs
from demo_portal.store import Store

_TODAY = (
    ("--today",),
    {"type": date.fromisoformat, "default": None, "help": "the date to act on (default: today)"},
)


@command("clinic-changes", help="list applications to change the attached clinic (in review first)")
def _list(store: Store, args: argparse.Namespace) -> int:
    tasks = [t for t in store.search("Task", limit=100000) if code_of(t) == rules.CHANGE_CODE]
    tasks.sort(key=lambda t: (t.get("status") not in rules.PENDING, t.get("authoredOn") or ""))
    for task in tasks:
        values = inputs(task)
        clinic = (first(values, "clinic") or {}).get("reference", "")
        print(
            f"{task['id']}\t{task.get('status')}\t{(task.get('for') or {}).get('reference')}\t"
            f"{clinic}\t{first(values, 'reason')}"
        )
    return 0


@command(
    "accept-clinic-change",
    help="the new clinic accepts: the patient is attached there from today",
    arguments=[(("task_id",), {}), _TODAY],
)
def _accept(store: Store, args: argparse.Namespace) -> int:
    try:
        task = rules.accept(store, args.task_id, args.today or date.today())
    except (LookupError, ValueError) as error:
        print(f"error: {error}")
        return 1
    print(
        f"Task/{task['id']} {task['status']}: {(task.get('for') or {}).get('reference')} attached"
    )
    return 0


@command(
    "reject-clinic-change",
    help="the new clinic refuses the application, with a reason",
    arguments=[(("task_id",), {}), (("--reason",), {"required": True})],
)
def _reject(store: Store, args: argparse.Namespace) -> int:
    try:
        task = rules.reject(store, args.task_id, args.reason)
    except (LookupError, ValueError) as error:
        print(f"error: {error}")
        return 1
    print(f"Task/{task['id']} {task['status']}")
    return 0
