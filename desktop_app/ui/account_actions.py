"""Account and data actions of the File menu (issue 16): sign out or switch user, back up now,
restore from a backup — with the same checks as the command line (``commands/backup.py``).

The window does not restore under itself: it checks what it can while it is open (the file is a
backup of this program, not from a newer version; no other program has the database open —
``core/presence.py``), asks, and then closes with ``exit_request = ("restore", path)``. The
start-up loop in ``ui/app.py`` closes the database, restores (``restore_now``), and opens the
sign-in again: the window is rebuilt on the restored data, for whoever signs in. Signing out is
the same loop without the restore.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from desktop_app.core import presence
from desktop_app.core.backup import PG_DUMP_HINT, automatic_name, back_up, check_backup
from desktop_app.core.security import Actor, Permission
from desktop_app.errors import OfficeError
from desktop_app.ui import guards, msgbox, ops, table_export

SIGN_OUT, RESTORE = "sign_out", "restore"


def install(window: QMainWindow, menu: QMenu, before: QAction | None = None) -> list[QAction]:
    """Sign out / switch user for everyone; Back up now and Restore for the administrator."""
    actions: list[QAction] = []
    sign_out = QAction(QCoreApplication.translate("AccountActions", "Sign out / switch user…"), window)
    sign_out.setObjectName("sign_out")
    sign_out.setStatusTip(
        QCoreApplication.translate(
            "AccountActions", "Close this window and sign in again, as yourself or as another person"
        )
    )
    sign_out.triggered.connect(lambda: request_sign_out(window))
    actions.append(sign_out)
    actor: Actor = window.actor  # type: ignore[attr-defined]
    if actor.can(Permission.RESTORE_DATABASE):
        local = window.db.sqlite_path is not None  # type: ignore[attr-defined]
        backup = QAction(QCoreApplication.translate("AccountActions", "Back up now…"), window)
        backup.setObjectName("backup_now")
        backup.triggered.connect(lambda: backup_now(window))
        restore = QAction(QCoreApplication.translate("AccountActions", "Restore from a backup…"), window)
        restore.setObjectName("restore_backup")
        restore.triggered.connect(lambda: restore_backup(window))
        for action in (backup, restore):
            action.setEnabled(local)
            if not local:  # a PostgreSQL server is backed up with its own tools: said where it is greyed
                action.setToolTip(str(PG_DUMP_HINT))
                action.setStatusTip(str(PG_DUMP_HINT))
        actions += [backup, restore]
    for action in actions:
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
    return actions


# --- sign out -----------------------------------------------------------------------------------------


def request_sign_out(window: QMainWindow) -> bool:
    """Close the window and return to the sign-in (work in progress is waited for first)."""
    if ops.busy() and not msgbox.question(
        window,
        QCoreApplication.translate("AccountActions", "Sign out"),
        QCoreApplication.translate("AccountActions", "Some work is still running. Sign out when it has finished?"),
    ):
        return False
    window.exit_request = (SIGN_OUT, None)  # type: ignore[attr-defined]
    window.close()
    return True


# --- backup ---------------------------------------------------------------------------------------------


def ask_backup_path(window: QMainWindow, suggested: Path) -> str:  # replaced in tests
    name, _filter = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("AccountActions", "Back up now"),
        str(suggested),
        QCoreApplication.translate("AccountActions", "Database backups (*.sqlite3 *.db);;All files (*)"),
    )
    return name


def backup_now(window: QMainWindow) -> None:
    """A consistent copy of the database now (SQLite's online backup: others may keep working)."""
    from desktop_app.paths import backups_dir

    db = window.db  # type: ignore[attr-defined]
    if db.sqlite_path is None:
        msgbox.warning(window, QCoreApplication.translate("AccountActions", "Back up now"), str(PG_DUMP_HINT))
        return
    folder = backups_dir()
    folder.mkdir(parents=True, exist_ok=True)
    suggested = folder / automatic_name(db.sqlite_path.stem, "manual", dt.datetime.now())
    name = ask_backup_path(window, suggested)
    if not name:
        return
    destination = Path(name)

    def done(path: Path) -> None:
        size = path.stat().st_size / 1_048_576
        guards.saved(QCoreApplication.translate("AccountActions", "Backed up to %1").replace("%1", str(path)))
        table_export.offer_open(
            window,
            path,
            QCoreApplication.translate("AccountActions", "The database was backed up to %1 (%2 MB).")
            .replace("%1", str(path))
            .replace("%2", f"{size:.1f}"),
            title=QCoreApplication.translate("AccountActions", "Back up now"),
        )

    # SQLite's online backup copies through a connection of its own: the session is not used
    ops.Op(
        window,
        db,
        lambda _session, _progress: back_up(db, destination),
        title=QCoreApplication.translate("AccountActions", "Back up now"),
    ).success(done).in_background(QCoreApplication.translate("AccountActions", "Backing up the database…")).run()


# --- restore --------------------------------------------------------------------------------------------


def ask_restore_path(window: QMainWindow) -> str:  # replaced in tests
    from desktop_app.paths import backups_dir

    name, _filter = QFileDialog.getOpenFileName(
        window,
        QCoreApplication.translate("AccountActions", "Restore from a backup"),
        str(backups_dir()),
        QCoreApplication.translate("AccountActions", "Database backups (*.sqlite3 *.db);;All files (*)"),
    )
    return name


def restore_backup(window: QMainWindow) -> bool:
    """Check the chosen backup and that nobody else has the database open, confirm, then close the
    window for the start-up loop to restore and reopen (see the module's notes)."""
    db = window.db  # type: ignore[attr-defined]
    title = QCoreApplication.translate("AccountActions", "Restore from a backup")
    target = db.sqlite_path
    if target is None:
        msgbox.warning(window, title, str(PG_DUMP_HINT))
        return False
    name = ask_restore_path(window)
    if not name:
        return False
    source = Path(name)
    try:
        revision = check_backup(source)  # a wrong, damaged or newer file is refused at once
        if source.resolve() == target.resolve():
            raise OfficeError(
                QCoreApplication.translate("AccountActions", "This is the database in use; choose a backup file.")
            )
    except OfficeError as exc:
        ops.show_failure(window, exc, title, note=QCoreApplication.translate("AccountActions", "Nothing was changed."))
        return False
    others = presence.holders(target, exclude=db.presence)
    if others:  # the same refusal as the command line, before anything is closed
        from desktop_app.messages import say

        text = say("backup.in_use", holders="\n".join(f"· {h.describe()}" for h in others))
        msgbox.warning(window, title, ops.failure_text(OfficeError(text)))
        return False
    what = (
        QCoreApplication.translate(
            "AccountActions",
            "The database %1 will be replaced by the backup %2 (database version %3).\n\n"
            "The current database is first kept as a backup in the backup folder. This window closes, "
            "the restored database opens, and everyone signs in again.",
        )
        .replace("%1", str(target))
        .replace("%2", str(source))
        .replace("%3", revision)
    )
    if not guards.confirm(window, title, what, QCoreApplication.translate("AccountActions", "Restore this backup")):
        return False
    window.exit_request = (RESTORE, source)  # type: ignore[attr-defined]
    window.close()
    return True


def restore_now(url: Any, source: Path, actor: Actor) -> str:
    """With the window closed and its database released: restore ``source`` over the database at
    ``url``, upgrade it if it came from an older version, record who did it. Returns what to tell."""
    from desktop_app.core.db import Database
    from desktop_app.core.restore import backups_to_keep, restore_database

    current = Database(url)
    try:
        keep = backups_to_keep(current)
    finally:
        current.dispose()
    saved = restore_database(url, source, actor.display, keep=keep)
    text = QCoreApplication.translate("AccountActions", "The database was restored from %1.").replace("%1", str(source))
    if saved is not None:
        text += "\n" + QCoreApplication.translate(
            "AccountActions", "The database as it was before is kept as %1."
        ).replace("%1", str(saved))
    return text
