"""Operator commands for "I did not receive this service" reports (issue 12):

python -m demo_portal.operator --db PATH service-reports
python -m demo_portal.operator --db PATH answer-service-report TASK_ID --confirmed|--not-confirmed --text TEXT
"""

from __future__ import annotations

import argparse

from demo_portal.operator import command
from demo_portal.rules import service_reports as rules
from demo_portal.rules._tasks import code_of, inputs
from demo_portal.store import Store


@command("service-reports", help="list reports of services not received (open first)")
def _list(store: Store, args: argparse.Namespace) -> int:
    tasks = [t for t in store.search("Task", limit=100000) if code_of(t) == rules.REPORT_CODE]
    tasks.sort(key=lambda t: (t.get("status") not in rules.OPEN, t.get("authoredOn") or ""))
    for task in tasks:
        items = ",".join(str(i) for i in inputs(task).get("item") or [])
        print(
            f"{task['id']}\t{task.get('status')}\t{(task.get('for') or {}).get('reference')}\t"
            f"{(task.get('focus') or {}).get('reference')}\titems {items}"
        )
    return 0


@command(
    "answer-service-report",
    help="the insurer's answer: the service was not provided (--confirmed) or it was",
    arguments=[
        (("task_id",), {}),
        (("--confirmed",), {"action": "store_true"}),
        (("--not-confirmed",), {"action": "store_true"}),
        (("--text",), {"required": True}),
    ],
)
def _answer(store: Store, args: argparse.Namespace) -> int:
    if args.confirmed == args.not_confirmed:
        print("error: say --confirmed or --not-confirmed")
        return 2
    try:
        task = rules.answer(store, args.task_id, args.confirmed, args.text)
    except (LookupError, ValueError) as error:
        print(f"error: {error}")
        return 1
    print(f"Task/{task['id']} {task['status']}: {task['statusReason']['coding'][0]['code']}")
    return 0
