"""Operator command for the registry desk's audit trail (issue 14):

python -m demo_portal.operator --db PATH audit [--patient ID] [--staff EMAIL] [--limit N]

One line per AuditEvent, oldest first: when, who (account), what (interaction and the
resource or the searched type), outcome (HTTP status), which patients.
"""

from __future__ import annotations

import argparse
import base64

from demo_portal.operator import command
from demo_portal.store import Store


def describe(event: dict) -> str:
    agent = (event.get("agent") or [{}])[0]
    subtype = ((event.get("subtype") or [{}])[0]).get("code", "")
    patients, what = [], ""
    for entity in event.get("entity") or []:
        ref = (entity.get("what") or {}).get("reference", "")
        if ref.startswith("Patient/") and (entity.get("role") or {}).get("code") == "1":
            patients.append(ref.removeprefix("Patient/"))
        elif ref:
            what = ref
        elif entity.get("query"):
            query = base64.b64decode(entity["query"]).decode("utf-8", "replace")
            what = f"{entity.get('description', '')}?{query}"
    return "\t".join(
        [
            event.get("recorded", ""),
            agent.get("altId", ""),
            subtype,
            what or "-",
            event.get("outcomeDesc", ""),
            ",".join(patients) or "-",
        ]
    )


@command(
    "audit",
    help="list what registry staff read and wrote (AuditEvents), oldest first",
    arguments=[
        (("--patient",), {"default": None, "help": "only events about this Patient id"}),
        (("--staff",), {"default": None, "help": "only events of this staff account (email)"}),
        (("--limit",), {"type": int, "default": 1000}),
    ],
)
def _audit(store: Store, args: argparse.Namespace) -> int:
    where = {}
    if args.patient:
        where["patient"] = f"Patient/{args.patient}"
    if args.staff:
        where["altid"] = args.staff.lower()
    events = store.search("AuditEvent", where=where, limit=args.limit)
    for event in events:
        print(describe(event))
    if not events:
        print("no audit events")
    return 0
