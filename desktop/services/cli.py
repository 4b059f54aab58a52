"""Command line: ``medcard sign-in | accounts | sign-out | sync`` (Qt-free).

``desktop.app`` calls ``main(argv)`` when the first argument is one of ``COMMANDS``; the
``sync`` command belongs to ``desktop.services.sync_cli.run_sync_command(args)``.
Errors print the human message (never a traceback) and give a non-zero exit code.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from typing import TextIO

import orjson

from desktop.services.accounts import Account, AccountManager
from desktop.services.errors import KeyringUnavailable, MedcardError
from desktop.services.i18n import N_
from desktop.services.logs import setup_logging
from desktop.services.profile import Profile
from desktop.services.secrets import SecretStore, open_secret_store

COMMANDS = ("sign-in", "accounts", "sign-out", "sync")
MASTER_PASSWORD_ENV = "MEDCARD_MASTER_PASSWORD"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="medcard", description="Medcard command line")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--profile", metavar="DIR", help="profile folder (default: per user)")
    common.add_argument(
        "--secret-store",
        choices=("keyring", "encrypted-file"),
        help="where tokens are kept; encrypted-file asks for a master password "
        f"(or reads {MASTER_PASSWORD_ENV}) and is remembered in the profile",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    sign_in = sub.add_parser("sign-in", parents=[common], help="sign in at a portal")
    sign_in.add_argument("--portal", required=True, metavar="URL", help="FHIR base URL")
    sign_in.add_argument("--timeout", type=float, default=300, help="seconds to wait")

    accounts = sub.add_parser("accounts", parents=[common], help="list the accounts")
    accounts.add_argument("--json", action="store_true", help="print JSON")

    sign_out = sub.add_parser("sign-out", parents=[common], help="sign out, delete data")
    sign_out.add_argument("account", nargs="?", help="id, name or patient (default: current)")

    sync = sub.add_parser("sync", parents=[common], help="sync every account of the profile")
    sync.add_argument("--json", action="store_true", help="print one JSON object")
    sync.add_argument("--account", help="only this account")
    return parser


def open_secrets(profile: Profile, choice: str | None) -> SecretStore:
    """The profile's secret store; an explicit ``--secret-store`` choice is remembered."""
    if choice and choice != profile.settings.get("secret_store"):
        profile.settings.set("secret_store", choice)
    kind = str(profile.settings.get("secret_store") or "keyring")
    password = None
    if kind == "encrypted-file":
        password = os.environ.get(MASTER_PASSWORD_ENV)
        if password is None and sys.stdin.isatty():
            password = getpass.getpass("Medcard master password: ")
    return open_secret_store(kind, profile.path, password)


def open_accounts(args: argparse.Namespace) -> AccountManager:
    """Profile + secret store + account registry for a command (also used by sync_cli)."""
    profile = Profile(args.profile)
    setup_logging(profile.path)
    return AccountManager(profile, open_secrets(profile, getattr(args, "secret_store", None)))


def describe(account: Account, current: bool = False) -> str:
    marks = []
    if current:
        marks.append("current")
    if account.needs_sign_in:
        marks.append("needs sign-in")
    patients = ", ".join(account.patient_ids)
    suffix = f"  [{', '.join(marks)}]" if marks else ""
    return f"{account.id}  {account.display_name}  {account.portal_url}  ({patients}){suffix}"


def _sign_in(args: argparse.Namespace, out: TextIO) -> int:
    manager = open_accounts(args)
    print(N_("Opening the browser to sign in…"), file=out, flush=True)
    account = manager.sign_in(args.portal, timeout=args.timeout)
    print(N_("Signed in as {name}.").format(name=account.display_name), file=out)
    print(describe(account, current=True), file=out)
    return 0


def _accounts(args: argparse.Namespace, out: TextIO) -> int:
    manager = open_accounts(args)
    current = manager.current()
    accounts = manager.list()
    if args.json:
        payload = {
            "current": current.id if current else None,
            "accounts": [a.to_dict() for a in accounts],
        }
        out.write(orjson.dumps(payload).decode("utf-8") + "\n")
    elif not accounts:
        print(N_("No accounts. Sign in with: medcard sign-in --portal URL"), file=out)
    for account in [] if args.json else accounts:
        print(describe(account, current=current is not None and account.id == current.id), file=out)
    return 0


def _sign_out(args: argparse.Namespace, out: TextIO) -> int:
    manager = open_accounts(args)
    account = manager.find(args.account) if args.account else manager.current()
    if account is None:
        print(N_("No accounts to sign out of."), file=out)
        return 1
    revoked = manager.sign_out(account.id)
    print(
        N_("Signed out of {name}; its data was deleted.").format(name=account.display_name),
        file=out,
    )
    if not revoked:
        print(N_("The portal could not be told; the sign-in was still removed here."), file=out)
    return 0


def _sync(args: argparse.Namespace, out: TextIO) -> int:
    # Hook owned by the cache/sync part: desktop/services/sync_cli.py.
    from desktop.services.sync_cli import run_sync_command

    return int(run_sync_command(args) or 0)


HANDLERS = {"sign-in": _sign_in, "accounts": _accounts, "sign-out": _sign_out, "sync": _sync}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one subcommand; ``argv`` starts with the subcommand (no program name)."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    out = out or sys.stdout
    try:
        return HANDLERS[args.command](args, out)
    except KeyringUnavailable as exc:
        print(exc.describe(), file=sys.stderr)
        print(
            N_("Use --secret-store encrypted-file to keep the sign-in in an encrypted file."),
            file=sys.stderr,
        )
        return 3
    except MedcardError as exc:
        print(exc.describe(_language()), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _language() -> str:
    return (os.environ.get("LANG") or "en")[:2]


if __name__ == "__main__":
    raise SystemExit(main())
