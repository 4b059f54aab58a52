"""Command line: ``medcard sign-in | accounts | sign-out | sync`` (Qt-free).

``desktop.app`` calls ``main(argv)`` when the first argument is one of ``COMMANDS``; the
``sync`` command belongs to ``desktop.services.sync_cli.run_sync_command(args)``.
Errors print the human message (never a traceback) and give a non-zero exit code.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from collections.abc import Sequence
from typing import TextIO

import orjson

from desktop.services.accounts import Account, AccountManager
from desktop.services.cli_args import ArgumentParser
from desktop.services.errors import KeyringUnavailable, MedcardError
from desktop.services.i18n import N_, environment_language, tr
from desktop.services.logs import setup_logging
from desktop.services.portal.address import check_base_url
from desktop.services.profile import Profile
from desktop.services.secrets import SecretStore, open_secret_store

COMMANDS = ("sign-in", "accounts", "sign-out", "sync")
MASTER_PASSWORD_ENV = "MEDCARD_MASTER_PASSWORD"


def build_parser() -> argparse.ArgumentParser:
    # Help texts in the user's language (cli_args.ArgumentParser, i18n.tr).
    parser = ArgumentParser(prog="medcard", description=tr(N_("Medcard command line")))
    common = ArgumentParser(add_help=False)
    common.add_argument(
        "--profile", metavar="DIR", help=tr(N_("profile folder (default: per user)"))
    )
    common.add_argument(
        "--secret-store",
        choices=("keyring", "encrypted-file"),
        help=tr(
            N_(
                "where tokens are kept; encrypted-file asks for a master password "
                "(or reads MEDCARD_MASTER_PASSWORD) and is remembered in the profile"
            )
        ),
    )
    sub = parser.add_subparsers(dest="command", required=True, title=tr(N_("commands")))

    sign_in = sub.add_parser("sign-in", parents=[common], help=tr(N_("sign in at a portal")))
    sign_in.add_argument("--portal", required=True, metavar="URL", help=tr(N_("FHIR base URL")))
    sign_in.add_argument("--timeout", type=float, default=300, help=tr(N_("seconds to wait")))

    accounts = sub.add_parser("accounts", parents=[common], help=tr(N_("list the accounts")))
    accounts.add_argument("--json", action="store_true", help=tr(N_("print JSON")))

    sign_out = sub.add_parser(
        "sign-out", parents=[common], help=tr(N_("sign out, delete the account's data"))
    )
    sign_out.add_argument(
        "account", nargs="?", help=tr(N_("id, name or patient (default: the current one)"))
    )

    sync = sub.add_parser(
        "sync", parents=[common], help=tr(N_("sync every account of the profile"))
    )
    sync.add_argument("--json", action="store_true", help=tr(N_("print one JSON object")))
    sync.add_argument("--account", help=tr(N_("only this account")))
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
            password = getpass.getpass(tr(N_("Medcard master password:")) + " ")
    return open_secret_store(kind, profile.path, password)


def open_accounts(args: argparse.Namespace) -> AccountManager:
    """Profile + secret store + account registry for a command (also used by sync_cli)."""
    profile = Profile(args.profile)
    setup_logging(profile.path)
    return AccountManager(profile, open_secrets(profile, getattr(args, "secret_store", None)))


def describe(account: Account, current: bool = False) -> str:
    marks = []
    if current:
        marks.append(tr(N_("current")))
    if account.needs_sign_in:
        marks.append(tr(N_("needs sign-in")))
    patients = ", ".join(account.patient_ids)
    suffix = f"  [{', '.join(marks)}]" if marks else ""
    return f"{account.id}  {account.display_name}  {account.portal_url}  ({patients}){suffix}"


def _sign_in(args: argparse.Namespace, out: TextIO) -> int:
    check_base_url(args.portal)  # a mistyped address is refused before any browser opens
    manager = open_accounts(args)
    print(tr(N_("Opening the browser to sign in…")), file=out, flush=True)
    account = manager.sign_in(args.portal, timeout=args.timeout)
    print(tr(N_("Signed in as {name}.")).format(name=account.display_name), file=out)
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
        print(tr(N_("No accounts. Sign in with: medcard sign-in --portal URL")), file=out)
    for account in [] if args.json else accounts:
        print(describe(account, current=current is not None and account.id == current.id), file=out)
    return 0


def _sign_out(args: argparse.Namespace, out: TextIO) -> int:
    manager = open_accounts(args)
    account = manager.find(args.account) if args.account else manager.current()
    if account is None:
        print(tr(N_("No accounts to sign out of.")), file=out)
        return 1
    revoked = manager.sign_out(account.id)
    print(
        tr(N_("Signed out of {name}; its data was deleted.")).format(name=account.display_name),
        file=out,
    )
    if not revoked:
        print(
            tr(N_("The portal could not be told; the sign-in was still removed here.")),
            file=out,
        )
    return 0


def _sync(args: argparse.Namespace, out: TextIO) -> int:
    # Hook owned by the cache/sync part: desktop/services/sync_cli.py.
    from desktop.services.sync_cli import run_sync_command

    return int(run_sync_command(args, out) or 0)


HANDLERS = {"sign-in": _sign_in, "accounts": _accounts, "sign-out": _sign_out, "sync": _sync}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one subcommand; ``argv`` starts with the subcommand (no program name)."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    out = out or sys.stdout
    try:
        return HANDLERS[args.command](args, out)
    except KeyringUnavailable as exc:
        hint = tr(N_("Use --secret-store encrypted-file to keep the sign-in in an encrypted file."))
        return _fail(args, out, exc, 3, hint)
    except MedcardError as exc:
        return _fail(args, out, exc, 2)
    except KeyboardInterrupt:
        return 130


def _fail(
    args: argparse.Namespace, out: TextIO, exc: MedcardError, code: int, hint: str = ""
) -> int:
    """The error in the user's language on stderr, or as JSON on stdout for --json (so a
    script can tell why): {"error": {"code": "portal_unreachable", "message": "…"}}."""
    lang = environment_language()
    message = exc.describe(lang, lambda text: tr(text, lang))
    if getattr(args, "json", False):
        error = {"code": error_code(exc), "message": "\n".join(t for t in (message, hint) if t)}
        out.write(orjson.dumps({"error": error}).decode("utf-8") + "\n")
    else:
        print(message, file=sys.stderr)
        if hint:
            print(hint, file=sys.stderr)
    return code


def error_code(exc: BaseException) -> str:
    """A stable name for scripts: PortalUnreachable -> "portal_unreachable"."""
    name = type(exc).__name__.removesuffix("Error") or "error"
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower() if name != "Medcard" else "error"


if __name__ == "__main__":
    raise SystemExit(main())
