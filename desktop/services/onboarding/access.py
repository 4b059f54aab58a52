"""After a first sign-in: may this account read its card at all?

A portal may let a person sign in and still refuse the card — an identity (SNILS) not
verified yet, a region where the service is not offered. Then the sign-in is undone
(nothing kept, the tokens revoked) and the refusal, with its next step
(desktop/services/errors.py: IdentityNotVerified, RegionNotServed), is what the welcome
screen says; any other answer is left to the first sync to report.
"""

from __future__ import annotations

import logging

from desktop.services.accounts import Account, AccountManager
from desktop.services.errors import IdentityNotVerified, MedcardError, RegionNotServed

log = logging.getLogger("medcard.onboarding")


def confirm_access(accounts: AccountManager, account: Account) -> Account:
    """Read the account's own Patient once; raise the portal's refusal (after signing the
    account out again) when the portal refuses the person as such."""
    if not account.patient_id:
        return account  # a portal that names no patient: the sync will tell
    try:
        with accounts.client(account.id) as client:
            client.read("Patient", account.patient_id)
    except (IdentityNotVerified, RegionNotServed):
        try:
            accounts.sign_out(account.id)
        except MedcardError as exc:  # the refusal is what matters to the person
            log.warning("could not undo a refused sign-in: %s", type(exc).__name__)
        raise
    except MedcardError as exc:
        log.info("first read after sign-in failed: %s", type(exc).__name__)
    return account
