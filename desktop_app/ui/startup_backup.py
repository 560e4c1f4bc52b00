"""The daily backup at start-up (issue 3): the logic is ``core.backup.daily_backup``; this only
tells the office when it fails, so that a full disk is noticed before the backups are needed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from desktop_app.core import backup
from desktop_app.core.db import Database
from desktop_app.ui import msgbox


def daily_backup(parent: QWidget | None, db: Database) -> Path | None:
    try:
        return backup.daily_backup(db)
    except (OSError, sqlite3.Error) as exc:
        msgbox.warning(
            parent,
            QCoreApplication.translate("StartupBackup", "Daily backup failed"),
            QCoreApplication.translate(
                "StartupBackup",
                "Today's backup of the database could not be made:\n%1\n\n"
                "The program works as usual, but please tell the administrator.",
            ).replace("%1", str(exc)),
        )
        return None
