"""Translation markers for Qt-free code, and the command line's translations.

The services cannot import Qt, so they only *mark* user-visible strings. The views
translate them later with ``QCoreApplication.translate(CONTEXT, text)``; the marked text is
the English source string and the lookup key.

The command line has no Qt translator, yet speaks the user's language too: `tr(text)`
looks the string up in the same `.ts` catalogue the window's `.qm` is compiled from (one
source of translations), in the language of the environment (`LANGUAGE`, `LC_ALL`,
`LC_MESSAGES`, `LANG`, as gettext reads them; `ru_RU.UTF-8` -> Russian).
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

CONTEXT = "medcard"
SUPPORTED = ("ru", "en")
CATALOGUES = Path(__file__).resolve().parents[2] / "resources" / "translations"
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def N_(text: str) -> str:  # noqa: N802 - the conventional gettext-style marker name
    """Mark ``text`` for translation in context ``"medcard"``; returns it unchanged."""
    return text


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The user's language as the environment names it ("ru" for ru_RU.UTF-8); English
    for "C", "POSIX", an unset or an unsupported one."""
    env = os.environ if environ is None else environ
    for name in _ENVIRONMENT:
        value = env.get(name, "").strip()
        if not value:
            continue
        for item in value.split(":"):  # LANGUAGE may list several: "ru:en"
            code = item.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
            if code in SUPPORTED:
                return code
            if code in ("c", "posix"):
                return "en"
        if name != "LANGUAGE":
            return "en"  # the locale is set, to a language we do not have
    return "en"


@lru_cache(maxsize=4)
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """(context, source) -> translation from `medcard_<lang>.ts` (finished entries only)."""
    path = CATALOGUES / f"medcard_{lang}.ts"
    if lang == "en" or not path.exists():
        return {}
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") or message.get("numerus"):
                continue
            source = message.findtext("source") or ""
            if translation.text:
                found[(name, source)] = translation.text
    return found


def tr(text: str, lang: str | None = None, context: str = CONTEXT) -> str:
    """`text` (a marked source string) in `lang`, by default the environment's language."""
    if not text:
        return text
    table = catalogue(lang or environment_language())
    return table.get((context, text), text)
