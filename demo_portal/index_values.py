"""How one element value becomes index entries, and a query value the same key.

Both the index (at write time) and the search (at query time) go through these
functions, so a value and a query for it always meet: strings are compared case- and
ё/е-insensitively by prefix, phone numbers by their digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

# Ranges: a date without an end reaches "for ever"; one without a start, "always".
NO_DATE = -(2**62)
FOREVER = 2**62

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_NAME_PARTS = ("family", "given", "prefix", "suffix", "text")
_ADDRESS_PARTS = ("text", "line", "city", "district", "state", "postalCode", "country")
_PHONE_SYSTEMS = frozenset({"phone", "sms", "fax"})


def normalize_string(text: str) -> str:
    """Case-insensitive, ё = е, single spaces: how strings are kept and compared."""
    return " ".join(text.casefold().replace("ё", "е").split())


def string_terms(value: Any) -> set[str]:
    """What a string search can match by prefix: each part whole, and each part from
    every later word on (so «Новаторов» finds «ул. Новаторов, д. 14» and «поликлиника
    № 12» finds «ГБУЗ «Городская поликлиника № 12 ДЗМ»»). Tails that start with a word
    shorter than 3 letters or a number are left out: they would match almost anything."""
    parts: list[str] = []
    if isinstance(value, str):
        parts.append(value)
    elif isinstance(value, dict):
        keys = _NAME_PARTS if ("family" in value or "given" in value) else _ADDRESS_PARTS
        for key in keys:
            item = value.get(key)
            if isinstance(item, str):
                parts.append(item)
            elif isinstance(item, list):
                parts.extend(x for x in item if isinstance(x, str))
    terms: set[str] = set()
    for part in parts:
        whole = normalize_string(part)
        if not whole:
            continue
        terms.add(whole)
        for match in list(_WORD.finditer(whole))[1:]:
            word = match.group()
            if len(word) >= 3 and not word.isdigit():
                terms.add(whole[match.start() :])
    return terms


def normalize_phone(text: str) -> str:
    """Digits only, the Russian trunk prefix 8 read as +7: «8 (916) 123-45-67» and
    «+7 916 1234567» are one number."""
    digits = "".join(ch for ch in text if ch.isdigit())
    if len(digits) == 11 and digits[0] == "8":
        return "7" + digits[1:]
    if len(digits) == 10:
        return "7" + digits
    return digits


def looks_like_phone(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 7 and all(ch.isdigit() or ch in "+-() " for ch in text)


def token_pairs(value: Any, contact: str = "") -> Iterator[tuple[str, str]]:
    """(system, code) pairs of a code, Coding, CodeableConcept, Identifier, ContactPoint,
    boolean or plain string. `contact` keeps only ContactPoints of that system."""
    if isinstance(value, bool):
        if not contact:
            yield "", "true" if value else "false"
    elif isinstance(value, str):
        if not contact:
            yield "", value
    elif isinstance(value, dict):
        if "coding" in value or ("text" in value and "value" not in value):
            for coding in value.get("coding") or []:
                if isinstance(coding, dict) and coding.get("code"):
                    yield str(coding.get("system", "")), str(coding["code"])
        elif isinstance(value.get("code"), str):
            yield str(value.get("system", "")), value["code"]
        elif isinstance(value.get("value"), str):
            system = str(value.get("system", ""))
            if contact and system != contact:
                return
            if system in _PHONE_SYSTEMS:
                yield system, normalize_phone(value["value"])
            elif system == "email":
                yield system, value["value"].casefold()
            else:
                yield system, value["value"]


def reference_of(value: Any, targets: tuple[str, ...] = ()) -> str | None:
    """`Type/id` of a Reference (absolute URLs cut to their last two segments)."""
    if not isinstance(value, dict):
        return None
    ref = value.get("reference")
    if not isinstance(ref, str) or ref.startswith(("#", "urn:")):
        return None
    parts = ref.rstrip("/").split("/")
    if len(parts) < 2:
        return None
    if len(parts) > 2:
        parts = parts[-4:-2] if "_history" in parts[-2:] else parts[-2:]
    rtype, rid = parts[0], parts[1]
    if targets and rtype not in targets:
        return None
    return f"{rtype}/{rid}"
