"""The daily backup at start-up (issue 3): the logic is ``core.backup.daily_backup``; this only
tells the office when it fails, so that a full disk is noticed before the backups are needed.

At start-up the copy is taken in the worker that opens the database (``ui/app.py``, issue 11):
``take_daily_backup`` touches no widget and hands its failure back; ``report_failure`` then shows
it over the sign-in dialog, in the GUI thread.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.core import backup
from desktop_app.ui import msgbox

if TYPE_CHECKING:
    from desktop_app.core.db import Database


def take_daily_backup(db: Database) -> tuple[Path | None, Exception | None]:
    """Any thread: today's copy (None when already taken today, or not a SQLite file), or why not."""
    try:
        return backup.daily_backup(db), None
    except (OSError, sqlite3.Error) as exc:
        return None, exc


def report_failure(parent: QWidget | None, exc: Exception) -> None:
    """GUI thread: the backup could not be made; the program works on, but someone must know."""
    msgbox.warning(
        parent,
        QCoreApplication.translate("StartupBackup", "Daily backup failed"),
        QCoreApplication.translate(
            "StartupBackup",
            "Today's backup of the database could not be made:\n%1\n\n"
            "The program works as usual, but please tell the administrator.",
        ).replace("%1", str(exc)),
    )


def daily_backup(parent: QWidget | None, db: Database) -> Path | None:
    """GUI thread: take today's copy now and report a failure at once."""
    path, failure = take_daily_backup(db)
    if failure is not None:
        report_failure(parent, failure)
    return path
