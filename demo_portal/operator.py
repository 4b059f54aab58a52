"""`python -m demo_portal.operator --db PATH <command> ...`: the clinic side of the demo.

Plays what portal staff would do (decide an access request, advance a home visit, ...)
on a portal database, also while the portal is serving it. Feature modules add commands:

    from demo_portal.operator import command

    @command("grant", help="give a user access to a patient")
    def grant(store: Store, args: argparse.Namespace) -> int: ...
    grant.arguments = [(("email",), {}), (("patient",), {})]  # optional argparse specs

A command receives the Store and the parsed arguments and returns an exit code.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from demo_portal.db import make_engine
from demo_portal.store import Store

Handler = Callable[[Store, argparse.Namespace], int]


@dataclass
class Command:
    name: str
    handler: Handler
    help: str
    arguments: list[tuple[tuple[str, ...], dict[str, Any]]] = field(default_factory=list)


COMMANDS: dict[str, Command] = {}


def command(
    name: str, help: str = "", arguments: list[tuple[tuple[str, ...], dict[str, Any]]] | None = None
) -> Callable[[Handler], Handler]:
    """Register an operator command; `arguments` are (args, kwargs) for add_argument."""

    def decorator(func: Handler) -> Handler:
        COMMANDS[name] = Command(name, func, help, list(arguments or []))
        return func

    return decorator


@command(
    "grant",
    help="give USER access to PATIENT (accepted link)",
    arguments=[(("email",), {}), (("patient",), {}), (("--relationship",), {"default": "parent"})],
)
def _grant(store: Store, args: argparse.Namespace) -> int:
    store.grant_access(args.email, args.patient, args.relationship)
    print(f"{args.email} may now act for Patient/{args.patient}")
    return 0


@command(
    "revoke",
    help="take away USER's access to PATIENT",
    arguments=[(("email",), {}), (("patient",), {})],
)
def _revoke(store: Store, args: argparse.Namespace) -> int:
    store.revoke_access(args.email, args.patient)
    print(f"{args.email} no longer acts for Patient/{args.patient}")
    return 0


@command("accounts", help="list the portal's accounts and their patients")
def _accounts(store: Store, args: argparse.Namespace) -> int:
    for user in store.users():
        linked = ", ".join(store.accessible_patients(user)[1:]) or "-"
        print(f"{user.email}\t{user.patient_id}\tlinked: {linked}")
    return 0


def _load_feature_commands() -> None:
    """Rule modules may define operator commands next to their rules."""
    import demo_portal.rules as rules_pkg

    for info in pkgutil.iter_modules(rules_pkg.__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"demo_portal.rules.{info.name}")


def main(argv: list[str] | None = None) -> int:
    _load_feature_commands()
    parser = argparse.ArgumentParser(prog="python -m demo_portal.operator")
    parser.add_argument("--db", type=Path, required=True, help="the portal's SQLite file")
    sub = parser.add_subparsers(dest="command", required=True)
    for cmd in COMMANDS.values():
        sub_parser = sub.add_parser(cmd.name, help=cmd.help)
        for names, options in cmd.arguments:
            sub_parser.add_argument(*names, **options)
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"no portal database at {args.db}", file=sys.stderr)
        return 2
    store = Store(make_engine(args.db))
    try:
        return COMMANDS[args.command].handler(store, args)
    finally:
        store.engine.dispose()


if __name__ == "__main__":
    # Run the importable module's main: feature modules register their commands on
    # `demo_portal.operator`, which is a different module object than this __main__.
    from demo_portal.operator import main as registered_main

    sys.exit(registered_main())
