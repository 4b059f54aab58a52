"""Finding the patient at the desk (Qt-free): what was typed becomes a standard FHIR
Patient search — surname prefix (`family`), first name (`given`), birth date
(`birthdate`), OMS policy number (`identifier`) or phone (`phone`).

Typing "иван серг 17.07.1981" finds Sergey Ivanov; "7773831564104477" the holder of that
policy; "+7 916 123-45-67" or "89161234567" the owner of that phone. A name typed in
the Latin layout by mistake ("bdfyjd") is tried again in the Russian one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from desktop.services.booking.catalog import bundle_entries
from desktop.services.desk.people import (
    POLICY_CHECKING,
    PatientSummary,
    Policy,
    policy_of,
    summary_of,
)

RESULT_LIMIT = 50
_DATE_RU = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_NUMBERISH = re.compile(r"^[+\d][\d\s()\-]*$")
_LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
_CYRILLIC = "йцукенгшщзхъфывапролджэячсмитьбюё"
_LAYOUT = str.maketrans(_LATIN + _LATIN.upper(), _CYRILLIC + _CYRILLIC.upper())


@dataclass(frozen=True)
class PatientQuery:
    family: str = ""
    given: tuple[str, ...] = ()
    birthdate: str = ""  # ISO date
    identifier: str = ""
    phone: str = ""

    def params(self, limit: int = RESULT_LIMIT) -> list[tuple[str, str]]:
        params: list[tuple[str, str]] = []
        if self.family:
            params.append(("family", self.family))
        params += [("given", g) for g in self.given]
        if self.birthdate:
            params.append(("birthdate", self.birthdate))
        if self.identifier:
            params.append(("identifier", self.identifier))
        if self.phone:
            params.append(("phone", self.phone))
        return params + [("_count", str(limit))]

    def in_russian_layout(self) -> PatientQuery | None:
        """The same names retyped in the Russian layout, when they were typed in the
        Latin one (None when there is nothing to retype)."""
        names = (self.family, *self.given)
        if not any(names) or not all(n.isascii() for n in names):
            return None
        family = self.family.translate(_LAYOUT)
        given = tuple(g.translate(_LAYOUT) for g in self.given)
        return PatientQuery(family, given, self.birthdate, self.identifier, self.phone)


def _typed_date(token: str) -> str:
    for pattern, order in ((_DATE_RU, (3, 2, 1)), (_DATE_ISO, (1, 2, 3))):
        match = pattern.match(token)
        if match:
            year, month, day = (int(match.group(i)) for i in order)
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                return ""
    return ""


def parse_query(text: str) -> PatientQuery | None:
    """What was typed, as a query; None when there is nothing to search for yet."""
    text = " ".join(text.split())
    if not text:
        return None
    if _NUMBERISH.match(text) and not _typed_date(text):
        digits = re.sub(r"\D", "", text)
        phone_like = text.startswith("+") or "(" in text or "-" in text
        if phone_like or len(digits) == 10 or (len(digits) == 11 and digits[0] in "78"):
            return PatientQuery(phone=digits) if len(digits) >= 10 else None
        if len(digits) < 6:
            return None  # part of a number: wait for the rest
        # A policy number: the 16 digits, a 9-digit temporary certificate, or an old
        # policy's "series number" kept as typed.
        return PatientQuery(identifier=text if " " in text else digits)
    birthdate = ""
    words: list[str] = []
    for token in re.split(r"[\s,]+", text):
        found = _typed_date(token)
        if found:
            birthdate = found
        elif token:
            words.append(token)
    if not words and not birthdate:
        return None
    return PatientQuery(
        family=words[0] if words else "", given=tuple(words[1:3]), birthdate=birthdate
    )


@dataclass(frozen=True)
class SearchResult:
    query: PatientQuery
    patients: list[PatientSummary]
    total: int  # how many the portal found (more than shown when over the limit)

    @property
    def more(self) -> bool:
        return self.total > len(self.patients)


def search_patients(
    client: Any, query: PatientQuery, today: date, limit: int = RESULT_LIMIT
) -> SearchResult:
    """The patients matching `query` (at most `limit`, sorted by name): one Patient search.
    Their policy state is "checking" until `policies_of` has read their Coverage — the
    rows are on screen at once, the states follow."""
    found, total = _patients(client, query, limit)
    if not found:
        retyped = query.in_russian_layout()
        if retyped is not None:
            query = retyped
            found, total = _patients(client, query, limit)
    people = [_checking(summary_of(p, [], today)) for p in found]
    people.sort(key=lambda s: (s.name.casefold(), s.birth_date or date.min))
    return SearchResult(query, people, max(total, len(people)))


def _checking(summary: PatientSummary) -> PatientSummary:
    return replace(summary, policy=Policy(POLICY_CHECKING, number=summary.policy.number))


def policies_of(client: Any, patient_ids: list[str], today: date) -> dict[str, Policy]:
    """The OMS policy state of each patient, from their Coverages: one plain
    `Coverage?beneficiary=Patient/<id>` search each — cheap on any server, where an OR
    over many patients or a `type` filter is not (the type is checked here instead)."""
    policies = {}
    for pid in patient_ids:
        params = [("beneficiary", f"Patient/{pid}"), ("_count", "50")]
        found = list(bundle_entries(client.search("Coverage", params), "Coverage"))
        policies[pid] = policy_of(found, today)
    return policies


def _patients(client: Any, query: PatientQuery, limit: int) -> tuple[list[dict], int]:
    first = next(iter(client.search("Patient", query.params(limit))), None)
    if first is None:
        return [], 0
    patients = [p for p in bundle_entries([first], "Patient") if isinstance(p.get("id"), str)][
        :limit
    ]
    total = first.get("total")
    return patients, total if isinstance(total, int) else len(patients)
