"""`medcard sync [--profile DIR] [--account A] [--json]`: sync every account of a profile.

Each account's token is renewed first: the answer carries the current list of patients
the user may read (a child whose access ended drops out of it and out of the cache).
Errors are typed (`MedcardError`); `desktop.services.cli.main` prints their message.
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import TextIO

import orjson

from desktop.services.cache import Cache
from desktop.services.errors import MedcardError, SessionExpired
from desktop.services.i18n import N_, environment_language, tr
from desktop.services.sync import SyncEngine, SyncResult
from desktop.services.sync_lock import WAIT_COMMAND_LINE, sync_lock


def sync_account(
    manager: object, account_id: str, lock_wait: float = WAIT_COMMAND_LINE
) -> SyncResult:
    """Sync one account of an `AccountManager` into its own encrypted cache, holding the
    profile's sync lock (another sync of the profile, window or command line, is waited
    for; SyncBusy after ``lock_wait`` seconds)."""
    with sync_lock(manager.profile.path, lock_wait):  # type: ignore[attr-defined]
        return _sync_account(manager, account_id)


def _sync_account(manager: object, account_id: str) -> SyncResult:
    tokens = manager.token_manager(account_id).refresh()  # type: ignore[attr-defined]
    account = manager.get(account_id)  # type: ignore[attr-defined]
    patients = list(tokens.patients or account.patient_ids)
    client = manager.client(account_id)  # type: ignore[attr-defined]
    cache = Cache.open(
        manager.cache_path(account_id),  # type: ignore[attr-defined]
        manager.cache_key(account_id),  # type: ignore[attr-defined]
    )
    try:
        return SyncEngine(client, cache, patients).run()
    finally:
        cache.close()
        client.close()


def run_sync_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from desktop.services.cli import error_code, open_accounts

    out = out or sys.stdout
    manager = open_accounts(args)
    accounts = manager.list()
    if getattr(args, "account", None):
        accounts = [manager.find(args.account)]
    started = time.monotonic()
    counts: dict[str, int] = {}
    transferred = 0
    skipped = 0
    failures: list[tuple[str, MedcardError]] = []
    for account in accounts:
        if account.needs_sign_in:
            failures.append((account.display_name, SessionExpired("needs sign-in")))
            continue
        try:
            result = sync_account(manager, account.id)
        except MedcardError as exc:
            if len(accounts) == 1:
                raise
            failures.append((account.display_name, exc))
            continue
        for name, n in result.counts.items():
            counts[name] = counts.get(name, 0) + n
        transferred += result.transferred
        skipped += result.skipped
        if not args.json:
            print(
                tr(N_("{name}: {n} resources received.")).format(
                    name=account.display_name, n=result.transferred
                ),
                file=out,
            )
            if result.skipped:
                print(
                    tr(N_("{name}: some records could not be read and were skipped ({n}).")).format(
                        name=account.display_name, n=result.skipped
                    ),
                    file=out,
                )
    seconds = round(time.monotonic() - started, 3)
    lang = environment_language()

    def message(error: MedcardError) -> str:
        return error.describe(lang, lambda text: tr(text, lang))

    if not accounts:
        text = tr(N_("No accounts. Sign in with: medcard sign-in --portal URL"))
        if args.json:
            problem = {"code": "no_accounts", "message": text}
            out.write(orjson.dumps({"error": problem}).decode("utf-8") + "\n")
        else:
            print(text, file=sys.stderr)
        return 1
    if args.json:
        payload: dict[str, object] = {
            "counts": dict(sorted(counts.items())),
            "transferred": transferred,
            "skipped": skipped,
            "seconds": seconds,
        }
        if failures:  # the accounts that did sync are counted; these say why they did not
            payload["errors"] = [
                {"account": name, "code": error_code(error), "message": message(error)}
                for name, error in failures
            ]
        out.write(orjson.dumps(payload).decode("utf-8") + "\n")
    else:
        for name, error in failures:
            print(f"{name}: {message(error)}", file=sys.stderr)
    return 2 if failures else 0
