"""UI language: our .qm catalogue plus Qt's own (dialog buttons, date pickers).

Installing a translator makes Qt send LanguageChange to every widget, whose
`changeEvent` calls `retranslate()`: switching language needs no restart. Dates and
numbers follow `QLocale.setDefault`, so models format with the chosen language too.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from desktop.resource_files import resource_path
from desktop.services.i18n import CONTEXT

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = resource_path("translations")
SUPPORTED = ("ru", "en")


def tr_service(text: str) -> str:
    """Translate a string the Qt-free services marked with N_ (context "medcard")."""
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def system_language() -> str:
    """The system locale's language if we have it, otherwise English."""
    for name in QLocale.system().uiLanguages():
        base = name.replace("_", "-").split("-")[0].lower()
        if base in SUPPORTED:
            return base
    return "en"


def resolve_language(requested: str | None) -> str:
    """--lang / settings value ("ru", "en", "system" or None) -> a supported language."""
    if requested in SUPPORTED:
        return str(requested)
    return system_language()


class LanguageManager(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translators: list[QTranslator] = []
        self.language = ""

    def apply(self, requested: str | None) -> str:
        """Install the catalogues for `requested`; returns the language now in use."""
        lang = resolve_language(requested)
        if lang == self.language:
            return lang
        app = QCoreApplication.instance()
        QLocale.setDefault(_locale_for(lang))  # before any LanguageChange is delivered
        for old in self._translators:
            if app is not None:
                app.removeTranslator(old)
        self._translators = []
        # English is the source language: only its plural forms ("1 service", "2 services")
        # come from a catalogue, and Qt's own strings need none.
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues: list[tuple[str, str | None]] = [(f"medcard_{lang}", None)]
        if lang != "en":
            catalogues.insert(0, (f"qtbase_{lang}", qt_dir))
        for name, folder in catalogues:
            translator = QTranslator(self)
            where = folder if folder is not None else str(TRANSLATIONS_DIR)
            if translator.load(name, where):
                self._translators.append(translator)
            else:
                log.warning("translation catalogue %s not found", name)
        self.language = lang
        if app is not None:  # each install/remove sends LanguageChange to every widget
            for translator in self._translators:
                app.installTranslator(translator)
        return lang


def _locale_for(lang: str) -> QLocale:
    """Russian UI -> ru_RU formats; English keeps the user's region if it is English."""
    if lang == "ru":
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    system = QLocale.system()
    if system.language() == QLocale.Language.English:
        return system
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
