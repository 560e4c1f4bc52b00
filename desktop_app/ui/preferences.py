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

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QTableView

from desktop_app.paths import HOME_ENV, data_dir

# Raise when a key changes meaning; ``migrate`` then drops what the new version cannot read.
VERSION = 1

KEY_VERSION = "preferences/version"
LANGUAGE = "ui/language"
MAIN_WINDOW_GEOMETRY = "main_window/geometry"
CERTIFICATE_OFFSET_X = "documents/certificate_offset_x"
CERTIFICATE_OFFSET_Y = "documents/certificate_offset_y"
# Remembered places (issue 16): the window is found as it was left the day before.
LAST_USERNAME = "sign_in/last_username"
LAST_AREA = "main_window/last_area"
# Start on the workbench (issue 17, the default) or where this workstation left off (issue 16).
RESUME_LAST_AREA = "main_window/resume_last_area"
MAIN_WINDOW_SPLITTER = "main_window/splitter"
EXPORT_FOLDER = "export/folder"  # where “export what I see” wrote last
# A table's header (column widths, order, sort) and a view's filters, one key per table or view:
# ``table_key("register")`` → "tables/register/header".
TABLE_PREFIX = "tables/"
VIEW_PREFIX = "views/"

KEYS = (
    KEY_VERSION,
    LANGUAGE,
    MAIN_WINDOW_GEOMETRY,
    CERTIFICATE_OFFSET_X,
    CERTIFICATE_OFFSET_Y,
    LAST_USERNAME,
    LAST_AREA,
    RESUME_LAST_AREA,
    MAIN_WINDOW_SPLITTER,
    EXPORT_FOLDER,
)


def table_key(name: str) -> str:
    """The key of one table's header state (widths, order, sort indicator)."""
    return f"{TABLE_PREFIX}{name}/header"


def view_key(name: str, what: str) -> str:
    """The key of one remembered thing of a view (its filters, a splitter)."""
    return f"{VIEW_PREFIX}{name}/{what}"


def _declared(key: str) -> bool:
    return key in KEYS or key.startswith((TABLE_PREFIX, VIEW_PREFIX))


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
    if not _declared(key):
        raise KeyError(f"undeclared preference {key}")
    return QSettings().value(key, default)


def set_value(key: str, new: Any) -> None:
    if not _declared(key):
        raise KeyError(f"undeclared preference {key}")
    QSettings().setValue(key, new)


def _state(key: str) -> QByteArray | None:
    state = value(key)
    return state if isinstance(state, QByteArray) and not state.isEmpty() else None


def remember_table(view: QTableView, name: str) -> None:
    """Give ``view`` back its column widths, order and sort from the last time, and keep them from
    now on. Call once the model is set and the default widths are in place."""
    header = view.horizontalHeader()
    key = table_key(name)
    state = _state(key)
    if state is not None:
        header.restoreState(state)

    def save(*_args: object) -> None:
        set_value(key, header.saveState())

    header.sectionResized.connect(save)
    header.sectionMoved.connect(save)
    header.sortIndicatorChanged.connect(save)


def remember_splitter(splitter: QSplitter, key: str) -> None:
    """Give ``splitter`` back where it was left, and keep where it is moved (``key``: a declared
    key or ``view_key(…)``)."""
    state = _state(key)
    if state is not None:
        splitter.restoreState(state)
    splitter.splitterMoved.connect(lambda *_args: set_value(key, splitter.saveState()))
