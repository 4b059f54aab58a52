"""Operator commands for children's access: the clinic's in-person check and the clock.

python -m demo_portal.operator --db PATH family-requests
python -m demo_portal.operator --db PATH complete-check TASK_ID
python -m demo_portal.operator --db PATH reject-check TASK_ID --reason "..."
python -m demo_portal.operator --db PATH turn-15 PATIENT_ID [--today YYYY-MM-DD]
python -m demo_portal.operator --db PATH end-access [--today YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
from datetime import date

from demo_portal.operator import command
from demo_portal.rules import family as rules
from demo_portal.rules.family_access import REQUEST_CODE, end_access_at_15, inputs, task_code
from demo_portal.store import Store

_TODAY = (
    ("--today",),
    {"type": date.fromisoformat, "default": None, "help": "the date to act on (default: today)"},
)


def _fail(error: Exception) -> int:
    print(f"error: {error}")
    return 1


@command("family-requests", help="list children's access requests (pending first)")
def _list(store: Store, args: argparse.Namespace) -> int:
    tasks = [t for t in store.search("Task", limit=100000) if task_code(t) == REQUEST_CODE]
    tasks.sort(key=lambda t: (t.get("status") not in rules.PENDING, t.get("authoredOn") or ""))
    for task in tasks:
        values = inputs(task)
        print(
            f"{task['id']}\t{task.get('status')}\t{values.get('child-name', '')}\t"
            f"{values.get('child-birth-date', '')}\t{(task.get('requester') or {}).get('reference')}"
        )
    return 0


@command(
    "complete-check",
    help="the parent's rights were confirmed in person: grant access",
    arguments=[(("task_id",), {}), _TODAY],
)
def _complete(store: Store, args: argparse.Namespace) -> int:
    try:
        task = rules.complete_check(store, args.task_id, args.today or date.today())
    except (LookupError, ValueError) as error:
        return _fail(error)
    print(f"Task/{task['id']} {task['status']}: {(task.get('focus') or {}).get('reference')}")
    return 0


@command(
    "reject-check",
    help="the in-person check failed: reject with a reason",
    arguments=[(("task_id",), {}), (("--reason",), {"required": True})],
)
def _reject(store: Store, args: argparse.Namespace) -> int:
    try:
        task = rules.reject_check(store, args.task_id, args.reason)
    except (LookupError, ValueError) as error:
        return _fail(error)
    print(f"Task/{task['id']} {task['status']}")
    return 0


@command(
    "turn-15",
    help="simulate a child's 15th birthday today: parents' access ends",
    arguments=[(("patient_id",), {}), _TODAY],
)
def _turn_15(store: Store, args: argparse.Namespace) -> int:
    try:
        ended = rules.turn_15(store, args.patient_id, args.today or date.today())
    except LookupError as error:
        return _fail(error)
    for email, child in ended:
        print(f"{email} no longer acts for Patient/{child}")
    return 0


@command(
    "end-access",
    help="the daily rule: end parents' access to children aged 15+",
    arguments=[_TODAY],
)
def _end_access(store: Store, args: argparse.Namespace) -> int:
    for email, child in end_access_at_15(store, args.today or date.today()):
        print(f"{email} no longer acts for Patient/{child}")
    return 0
