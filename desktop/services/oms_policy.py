"""The OMS (obligatory medical insurance) policy number in its three kinds (Qt-free, pure).

Every form that asks for a policy uses these rules, so a person may give whichever
document they hold:
- new form (since 2011, «полис единого образца»): one 16-digit number, the ЕНП, on paper,
  a plastic card or electronic; its last digit is a Luhn check digit (the portal's rule,
  docs/CONTRACTS.md "My clinic and the OMS policy"), so a mistyped digit is caught here;
- old form (before 2011): a series and a number, e.g. "4512 1234567890";
- temporary certificate («временное свидетельство», while the policy is made): 9 digits.
Messages are N_-marked; the views translate them.
"""

from __future__ import annotations

import re
from enum import StrEnum

from desktop.services.i18n import N_


class PolicyKind(StrEnum):
    NEW = "new"
    OLD = "old"
    TEMPORARY = "temporary"


KIND_LABELS: dict[PolicyKind, str] = {
    PolicyKind.NEW: N_("New form (16 digits)"),
    PolicyKind.OLD: N_("Old form (series and number)"),
    PolicyKind.TEMPORARY: N_("Temporary certificate (9 digits)"),
}
KIND_PLACEHOLDERS: dict[PolicyKind, str] = {
    PolicyKind.NEW: N_("16 digits"),
    PolicyKind.OLD: N_("series and number, e.g. 4512 1234567890"),
    PolicyKind.TEMPORARY: N_("9 digits"),
}

# Identifier systems of the portal (Coverage.identifier / Patient.identifier).
NEW_SYSTEM = "urn:oid:1.2.643.5.1.13.2.1.1.635"
OLD_SYSTEM = "https://demo.medcard/fhir/sid/oms-policy-old"
TEMPORARY_SYSTEM = "https://demo.medcard/fhir/sid/oms-temporary-certificate"
SYSTEMS = {
    PolicyKind.NEW: NEW_SYSTEM,
    PolicyKind.OLD: OLD_SYSTEM,
    PolicyKind.TEMPORARY: TEMPORARY_SYSTEM,
}

# Old-form series were printed in several styles: 2-6 digits or 2-4 letters (Cyrillic or
# Latin), sometimes joined with a hyphen ("77-01"); numbers had 6-10 digits.
_OLD = re.compile(r"^([0-9A-ZА-ЯЁ]{2,6}(?:-[0-9A-ZА-ЯЁ]{2,4})?) ([0-9]{6,10})$")


def luhn_valid(digits: str) -> bool:
    """The Luhn check over a string of digits (the last one is the check digit)."""
    if not digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def normalize_number(kind: str, text: str) -> str:
    """What is sent: digits only for the new form and the certificate; for the old form
    the series (upper case) and the number separated by one space."""
    if kind == PolicyKind.OLD:
        words = text.upper().replace("№", " ").split()
        if len(words) >= 2 and words[-1].isdigit():
            return f"{''.join(words[:-1])} {words[-1]}"
        return " ".join(words)
    return re.sub(r"[\s-]", "", text)


def number_error(kind: str, number: str) -> str | None:
    """N_ message for a wrong number of that kind (expects `normalize_number` output);
    None when it is well formed."""
    if not number:
        return N_("Enter the insurance policy number.")
    if kind == PolicyKind.NEW:
        if not re.fullmatch(r"\d{16}", number):
            return N_("A new-form policy number has 16 digits.")
        if not luhn_valid(number):
            return N_("This policy number has a typing error: check the digits.")
        return None
    if kind == PolicyKind.OLD:
        if not _OLD.match(number):
            return N_("An old-form policy has a series and a number, e.g. 4512 1234567890.")
        return None
    if kind == PolicyKind.TEMPORARY:
        if not re.fullmatch(r"\d{9}", number):
            return N_("A temporary certificate number has 9 digits.")
        return None
    return N_("Choose the kind of policy.")


def kind_of_system(system: object) -> PolicyKind | None:
    """The kind an identifier system stands for (None: not an OMS policy number)."""
    for kind, known in SYSTEMS.items():
        if system == known:
            return kind
    return None
