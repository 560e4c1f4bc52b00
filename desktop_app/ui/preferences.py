"""Per-workstation preferences (QSettings): where they are kept, and every key, declared once.

Office-wide settings live in the database (``core/settings.py``); what belongs to one computer
(window geometry, the interface language, the certificate printer's offset) lives here.

Where: the usual per-user place (the registry on Windows, ``~/.config`` on Linux) — unless
``MEMBERSHIP_OFFICE_HOME`` moves the data folder (portable installs, tests): then an INI file in
``<data folder>/settings/``, so that two data folders never share preferences (issue 9).
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QSettings

from desktop_app.paths import HOME_ENV, data_dir

# Raise when a key changes meaning; ``migrate`` then drops what the new version cannot read.
VERSION = 1

KEY_VERSION = "preferences/version"
LANGUAGE = "ui/language"
MAIN_WINDOW_GEOMETRY = "main_window/geometry"
CERTIFICATE_OFFSET_X = "documents/certificate_offset_x"
CERTIFICATE_OFFSET_Y = "documents/certificate_offset_y"

KEYS = (KEY_VERSION, LANGUAGE, MAIN_WINDOW_GEOMETRY, CERTIFICATE_OFFSET_X, CERTIFICATE_OFFSET_Y)


def configure_storage() -> str:
    """Decide where QSettings() writes, before anything reads a preference. Returns the place."""
    if os.environ.get(HOME_ENV):
        folder = data_dir() / "settings"
        folder.mkdir(parents=True, exist_ok=True)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    else:
        QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    settings = QSettings()
    stored = settings.value(KEY_VERSION)
    if stored is None or str(stored) != str(VERSION):
        settings.setValue(KEY_VERSION, VERSION)
    return settings.fileName()


def value(key: str, default: Any = None) -> Any:
    if key not in KEYS:
        raise KeyError(f"undeclared preference {key}")
    return QSettings().value(key, default)


def set_value(key: str, new: Any) -> None:
    if key not in KEYS:
        raise KeyError(f"undeclared preference {key}")
    QSettings().setValue(key, new)
