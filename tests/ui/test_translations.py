"""The Russian catalogue covers every string the app shows, and the compiled .qm the app
loads carries the newest of them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QTranslator

from desktop.views.language import TRANSLATIONS_DIR


def _messages(lang: str) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(TRANSLATIONS_DIR / f"medcard_{lang}.ts")
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def test_every_russian_string_is_translated() -> None:
    missing = []
    for context, source, message in _messages("ru"):
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):
            continue  # no longer in the sources
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if kind == "unfinished" or not all(f and f.strip() for f in forms):
            missing.append(f"{context}: {source}")
    assert not missing, "untranslated: " + "; ".join(missing[:10])


def test_the_compiled_russian_catalogue_has_the_newest_strings() -> None:
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS_DIR / "medcard_ru.qm"))
    checked = 0
    for context, source, message in _messages("ru"):
        translation = message.find("translation")
        if translation is None or translation.get("type") or message.get("numerus"):
            continue
        assert translator.translate(context, source) == translation.text, source
        checked += 1
    assert checked > 300


def test_a_count_in_the_text_makes_a_plural_message() -> None:
    """A source with %n is translated with plural forms, never as one text (a message
    lupdate took for a plain one once held a Python tuple, shown as such in the banner)."""
    wrong = []
    for lang in ("ru", "en"):
        for context, source, message in _messages(lang):
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            if ("%n" in source and message.get("numerus") != "yes") or text.startswith("('"):
                wrong.append(f"{lang} {context}: {source}")
    assert not wrong, wrong
