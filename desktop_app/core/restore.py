"""Restoring the SQLite database from a backup, with the window closed or from the command line
(issue 9, issue 16): the one path both take — the backup checked, the current database kept as a
"before-restore" copy, the file replaced (refused while another program has it open), a backup
from an older version upgraded, every program still holding the old file told to stop writing,
and the restore recorded in the audit log."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core import audit
from desktop_app.core.backup import check_backup, restore_sqlite
from desktop_app.core.db import Database
from desktop_app.core.migrate import open_database
from desktop_app.core.security import SYSTEM_ACTOR
from desktop_app.core.settings import BACKUP_KEEP, get_setting, new_generation
from desktop_app.messages import say
from desktop_app.paths import backups_dir


def backups_to_keep(db: Database) -> int:
    """The ``backup.keep`` setting of the database about to be replaced; the default when it cannot
    be read (a damaged database is exactly what one restores)."""
    try:
        with db.session() as session:
            return int(get_setting(session, BACKUP_KEEP))
    except Exception:  # noqa: BLE001 — see above
        return int(BACKUP_KEEP.default)


def restore_database(url: str, source: Path, who: str, *, keep: int) -> Path | None:
    """Replace the SQLite database at ``url`` with the backup ``source`` on behalf of ``who`` (how
    the audit log names the person). Returns the copy of the database as it was (None when there
    was none)."""
    current = Database(url)
    target = current.sqlite_path
    current.dispose()
    assert target is not None, "restore is for SQLite databases"
    revision = check_backup(source)
    saved = restore_sqlite(target, source, backups_dir(), keep=keep)
    restored = open_database(url)  # upgrades a backup from an older version (after its own backup)
    try:
        with restored.session() as session:
            new_generation(session)  # a program that somehow kept the old file open stops writing
            note = say("backup.history.restored", who=who, name=source.name, revision=revision)
            if saved is not None:
                note = say(
                    "backup.history.restored_kept", who=who, name=source.name, revision=revision, saved=saved.name
                )
            audit.record(session, SYSTEM_ACTOR, "restore", "database", None, note)
    finally:
        restored.dispose()
    return saved
