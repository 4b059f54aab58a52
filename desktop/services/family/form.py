"""The child-access request form: normalisation and validation (Qt-free, pure).

Checks formats only; the portal decides the request itself (age, role, certificate
date and place), so a form that passes here may still be rejected there — on purpose,
the rules live in one place. Messages are marked with N_ and translated by the views.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from desktop.services.i18n import N_
from desktop.services.oms_policy import PolicyKind, normalize_number, number_error


class ApplicantRole(StrEnum):
    PARENT = "parent"
    ADOPTIVE_PARENT = "adoptive-parent"
    GUARDIAN = "guardian"
    TRUSTEE = "trustee"


ROLE_LABELS: dict[ApplicantRole, str] = {
    ApplicantRole.PARENT: N_("Parent"),
    ApplicantRole.ADOPTIVE_PARENT: N_("Adoptive parent"),
    ApplicantRole.GUARDIAN: N_("Guardian"),
    ApplicantRole.TRUSTEE: N_("Trustee"),
}

# Field names double as keys of the error dict, so the form can put each message next
# to its own input.
FIELDS = (
    "child_name",
    "birth_date",
    "insurance_policy",
    "policy_kind",
    "certificate_series",
    "certificate_number",
    "certificate_issued",
    "certificate_place",
    "role",
)


@dataclass(frozen=True)
class AccessRequestForm:
    child_name: str = ""
    birth_date: date | None = None
    insurance_policy: str = ""
    certificate_series: str = ""
    # Any of the three kinds of OMS policy (desktop/services/oms_policy.py); the new form
    # is what most children hold.
    policy_kind: str = PolicyKind.NEW
    certificate_number: str = ""
    certificate_issued: date | None = None
    certificate_place: str = ""
    role: str = ""


_NAME_WORD = re.compile(r"^[A-Za-zА-Яа-яЁё]+(?:[-'’][A-Za-zА-Яа-яЁё]+)*$")
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_SERIES = re.compile(r"^([IVXLCDM]+)-([А-ЯЁ]{2})$")
# People often type the Roman part on a Russian keyboard: these Cyrillic letters look
# the same as the Latin numerals, so we accept them and store the Latin form.
_CYRILLIC_LOOKALIKES = str.maketrans({"І": "I", "Х": "X", "С": "C", "М": "M"})


def _digits(text: str) -> str:
    return re.sub(r"[\s-]", "", text)


def normalize_series(text: str) -> str:
    """'iv мю', 'IV МЮ', 'ІV-мю' -> 'IV-МЮ' (Roman part in Latin, letters in Cyrillic)."""
    compact = re.sub(r"\s+", " ", text.strip().upper())
    match = re.match(r"^([IVXLCDMІХСМ]+)\s*[- ]?\s*([А-ЯЁ]{2})$", compact)
    if not match:
        return compact
    roman = match.group(1).translate(_CYRILLIC_LOOKALIKES)
    return f"{roman}-{match.group(2)}"


def normalize(form: AccessRequestForm) -> AccessRequestForm:
    """Trimmed and canonical values: what gets validated and sent."""
    return replace(
        form,
        child_name=" ".join(form.child_name.split()),
        insurance_policy=normalize_number(form.policy_kind, form.insurance_policy),
        policy_kind=form.policy_kind.strip(),
        certificate_series=normalize_series(form.certificate_series),
        certificate_number=_digits(form.certificate_number),
        certificate_place=" ".join(form.certificate_place.split()),
        role=form.role.strip(),
    )


def _check_name(name: str) -> str | None:
    if not name:
        return N_("Enter the child's full name.")
    words = name.split(" ")
    if len(words) < 2:
        return N_("Enter the surname and the given name (and patronymic, if any).")
    if len(words) > 5 or not all(_NAME_WORD.match(word) for word in words):
        return N_("The name may contain only letters, spaces, hyphens and apostrophes.")
    return None


def _check_birth_date(value: date | None, today: date) -> str | None:
    if value is None:
        return N_("Enter the child's birth date.")
    if value > today:
        return N_("The birth date cannot be in the future.")
    if value.year < today.year - 120:
        return N_("Check the birth date: it is too far in the past.")
    return None


def _check_series(series: str) -> str | None:
    if not series:
        return N_("Enter the birth certificate series.")
    match = _SERIES.match(series)
    if not match or not _ROMAN.match(match.group(1)):
        return N_("The series is a Roman numeral and two Cyrillic letters, for example IV-МЮ.")
    return None


def _check_issued(issued: date | None, birth: date | None, today: date) -> str | None:
    if issued is None:
        return N_("Enter the date the birth certificate was issued.")
    if issued > today:
        return N_("The issue date cannot be in the future.")
    if birth is not None and issued < birth:
        return N_("The certificate cannot be issued before the child was born.")
    return None


def validate(form: AccessRequestForm, today: date) -> dict[str, str]:
    """Field name -> message (N_-marked) for each invalid field; empty when all is well.

    Expects a normalised form (see `normalize`).
    """
    birth_error = _check_birth_date(form.birth_date, today)
    # Compare with the birth date only when that date itself is plausible: one wrong
    # field should produce one message.
    valid_birth = None if birth_error else form.birth_date
    errors: dict[str, str | None] = {
        "child_name": _check_name(form.child_name),
        "birth_date": birth_error,
        "certificate_series": _check_series(form.certificate_series),
        "certificate_issued": _check_issued(form.certificate_issued, valid_birth, today),
    }
    if not form.insurance_policy:
        errors["insurance_policy"] = N_("Enter the child's insurance policy number.")
    else:
        errors["insurance_policy"] = number_error(form.policy_kind, form.insurance_policy)
    if not form.certificate_number:
        errors["certificate_number"] = N_("Enter the birth certificate number.")
    elif not re.fullmatch(r"\d{6}", form.certificate_number):
        errors["certificate_number"] = N_("The birth certificate number has 6 digits.")
    if len(form.certificate_place) < 3:
        errors["certificate_place"] = N_(
            "Enter where the certificate was issued (the registry office and town)."
        )
    elif len(form.certificate_place) > 300:
        errors["certificate_place"] = N_("The place of issue is too long.")
    if form.role not in {role.value for role in ApplicantRole}:
        errors["role"] = N_("Choose who you are to the child.")
    return {field: message for field, message in errors.items() if message}
