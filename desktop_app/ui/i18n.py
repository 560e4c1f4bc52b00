"""Loading the interface language: Chinese by default, English on request (STYLE.md §12)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app import messages
from desktop_app.paths import resources_dir
from desktop_app.ui import preferences

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

_installed: list[QTranslator] = []


def translations_dir():  # type: ignore[no-untyped-def]
    return resources_dir() / "translations"


def saved_language() -> str:
    value = preferences.value(preferences.LANGUAGE, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def save_language(language: str) -> None:
    preferences.set_value(preferences.LANGUAGE, language)


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """Install ours and Qt's own (so standard buttons speak Chinese). Returns what was loaded."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    messages.set_language(language)  # the services' messages follow the interface language
    if language == "en":
        QLocale.setDefault(QLocale("en_US"))
        from desktop_app.ui.plurals import EnglishPlurals  # "%n member(s)" → "1 member", "3,003 members"

        plurals = EnglishPlurals(app)
        app.installTranslator(plurals)
        _installed.append(plurals)
        return []
    QLocale.setDefault(QLocale("zh_CN"))
    loaded = []
    candidates = [
        (f"membership_office_{language}", str(translations_dir())),
        (f"qtbase_{language}", str(translations_dir())),
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    for name, folder in candidates:
        if name.startswith("qtbase") and any(n.startswith("qtbase") for n in loaded):
            continue
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(name)
    return loaded
