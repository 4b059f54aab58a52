"""Short names for lists: "Соколова Е. В." for a doctor, "Городская поликлиника № 12" for
a clinic (Qt-free, pure; shared by the cache's projections and the features' parsers).

A list column is narrow: the full legal name of a clinic ("ГБУЗ «Городская поликлиника
№ 12 ДЗМ»") is cut to the same first letters for every clinic, and a doctor's full name
takes a third of a row. Lists show these short forms; the full name stays in the tooltip
and the detail. Russian names follow Russian custom (family name, then initials); Latin
ones the English one ("M. Gleason"), as Synthea and foreign portals write them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_TITLES = frozenset({"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof."})
# A legal form in capitals before the quoted name: ГБУЗ «…», ООО "…", ФГБУ «…».
_LEGAL_FORM = re.compile(r"^(?:[А-ЯЁ]{2,8}\s+)*[А-ЯЁ]{2,8}\s*[«\"“](?P<name>.+?)[»\"”]?\s*$")
# The owner of a state clinic after its name (Moscow's health department, the ministry).
_OWNER_SUFFIX = re.compile(r"\s+(?:ДЗМ|МЗ\s+РФ|Минздрава\s+России|ФМБА\s+России)$")
# English legal forms at the end: "HOSPITAL INC,THE", "CLINIC, LLC", "CENTER -".
_ENGLISH_TAIL = re.compile(
    r"(?:[\s,]+(?:the|inc\.?|llc|l\.l\.c\.|ltd\.?|corp\.?|corporation|co\.?|p\.?c\.?|pllc))+$"
    r"|[\s,\-–]+$",
    re.IGNORECASE,
)


def is_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def _initial(word: str) -> str:
    word = word.strip(".")
    if not word:
        return ""
    parts = [p for p in word.split("-") if p]  # Анна-Мария -> А.-М.
    return "-".join(p[0].upper() + "." for p in parts)


def short_person_name(family: str, given: Sequence[str]) -> str:
    """Family name and initials: "Соколова Е. В." (Cyrillic), "M. Gleason" (Latin)."""
    family = family.strip()
    initials = " ".join(i for i in (_initial(g) for g in given[:2] if g) if i)
    if not family:
        return " ".join(g for g in given if g).strip()
    if not initials:
        return family
    if is_cyrillic(family):
        return f"{family} {initials}"
    return f"{initials} {family}"


def short_person_text(text: str | None) -> str:
    """The short form of a name given only as text ("Соколова Елена Викторовна" in
    Russian order, "Dr. Mariam Gleason" in English order); other text stays as it is."""
    words = [w for w in (text or "").split() if w.lower() not in _TITLES]
    if len(words) < 2 or not all(w[:1].isalpha() and w[:1].isupper() for w in words):
        return " ".join(words) if words else (text or "")
    if len(words) > 3:
        return " ".join(words)
    if is_cyrillic(text or ""):
        return short_person_name(words[0], words[1:])
    return short_person_name(words[-1], words[:-1])


def short_org_name(name: str | None, aliases: Iterable[str] = ()) -> str:
    """What tells one clinic from another: its alias when it has one, else its name
    without the legal form and the quotes ("ГБУЗ «Городская поликлиника № 12 ДЗМ»" ->
    "Городская поликлиника № 12"; "COOLEY DICKINSON HOSPITAL INC,THE" -> "COOLEY
    DICKINSON HOSPITAL")."""
    full = (name or "").strip()
    for alias in aliases:
        if isinstance(alias, str) and alias.strip():
            return _balanced(alias.strip())
    if not full:
        return ""
    short = full
    match = _LEGAL_FORM.match(short)
    if match:
        short = match.group("name").strip()
    short = _OWNER_SUFFIX.sub("", short)
    if not is_cyrillic(short):
        short = _ENGLISH_TAIL.sub("", short)
    short = _balanced(short.strip())
    return short or full


def _balanced(text: str) -> str:
    """Quotes as pairs: 'Клиника «Здоровье Плюс' gets its closing quote back."""
    if text.count("«") > text.count("»"):
        text += "»" * (text.count("«") - text.count("»"))
    if text.startswith("«") and text.endswith("»") and text.count("«") == 1:
        text = text[1:-1]
    return text
