"""Consistent copies of the SQLite database, taken with SQLite's online backup API, and restoring one.

- ``sqlite_backup`` copies page by page, consistent even while the program has the file open,
  into a file readable by its owner only (0600 on POSIX, issue 10);
- automatic copies (daily at start-up, before every upgrade, before a restore) are named
  ``<stem>-<YYYYmmdd-HHMMSS>-<reason>.db`` in the backups folder, and only the newest N are kept
  (setting ``backup.keep``);
- ``check_backup`` says whether a file is a database of this program, and refuses one written by
  a newer version; ``restore_sqlite`` keeps the current database as a backup first.

PostgreSQL is backed up with the server's own tools (``pg_dump``; see the README).
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.presence import RESTORING, Presence, holders
from desktop_app.errors import DatabaseTooNewError, NotOurDatabaseError, OfficeError
from desktop_app.messages import say
from desktop_app.paths import make_private, private_file

SQLITE_HEADER = b"SQLite format 3\x00"
DEFAULT_KEEP = 14
_AUTOMATIC = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9_.\-]+)\.db$")
PG_DUMP_HINT = (
    "PostgreSQL 数据库请在服务器上用 pg_dump 备份、用 pg_restore 恢复（命令见 README 的“备份”一节），"
    "本程序只备份 SQLite 数据库文件。"
)


class BackupError(OfficeError):
    """A backup or restore that cannot be done; the message says why."""


def sqlite_backup(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` page by page; safe while the program has it open."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_name(destination.name + ".partial")
    if tmp.exists():
        tmp.unlink()
    private_file(tmp)  # 0600 before SQLite writes a page into it: a backup holds every member too
    _copy_pages(source, tmp)
    tmp.replace(destination)
    return destination


def _copy_pages(source: Path, target: Path) -> None:
    """SQLite's online backup from ``source`` (opened read-only) into ``target``; either side
    may be in use by another connection (waits up to 30 s for its lock)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(target, timeout=30)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


# --- automatic backups and their rotation -----------------------------------------------------------


def automatic_name(stem: str, reason: str, now: dt.datetime) -> str:
    return f"{stem}-{now:%Y%m%d-%H%M%S}-{reason}.db"


@dataclass(frozen=True)
class AutomaticBackup:
    path: Path
    taken: dt.datetime
    reason: str


def automatic_backups(directory: Path, stem: str) -> list[AutomaticBackup]:
    """The automatic backups of the database named ``stem`` in ``directory``, newest first."""
    found: list[AutomaticBackup] = []
    if not directory.is_dir():
        return found
    for path in directory.glob(f"{glob_escape(stem)}-*.db"):
        match = _AUTOMATIC.match(path.name)
        if match is None or match["stem"] != stem:
            continue
        try:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        found.append(AutomaticBackup(path, taken, match["reason"]))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def is_before_upgrade(reason: str) -> bool:
    """Taken before a schema change (``before-<revision>``), as opposed to daily or manual copies."""
    return reason.startswith("before-") and reason.split(".")[0] != "before-restore"


def rotate(directory: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` (at least one) automatic backups; returns what was deleted.

    The newest copy taken before a schema change is never deleted, however many daily copies
    or failed upgrade attempts came after it: it is the one to go back to if an upgrade went wrong.
    """
    removed = []
    found = automatic_backups(directory, stem)
    protected = next((b.path for b in found if is_before_upgrade(b.reason)), None)
    for backup in found[max(1, keep) :]:
        if backup.path == protected:
            continue
        try:
            backup.path.unlink()
            removed.append(backup.path)
        except OSError:
            pass  # a copy open in another program: it goes next time
    return removed


def automatic_backup(source: Path, directory: Path, reason: str, *, keep: int, now: dt.datetime | None = None) -> Path:
    """Take an automatic backup of ``source`` and rotate the folder to the newest ``keep``."""
    now = now or dt.datetime.now()
    path = directory / automatic_name(source.stem, reason, now)
    attempt = 1
    while path.exists():  # a retry in the same second never overwrites the earlier copy
        attempt += 1
        path = directory / automatic_name(source.stem, f"{reason}.{attempt}", now)
    path = sqlite_backup(source, path)
    rotate(directory, source.stem, keep)
    return path


def keep_setting(connection) -> int:  # type: ignore[no-untyped-def]
    """The ``backup.keep`` setting read with plain SQL (works before the schema is upgraded)."""
    from sqlalchemy import text

    try:
        value = connection.execute(text("SELECT value FROM setting WHERE key = 'backup.keep'")).scalar()
    except Exception:  # noqa: BLE001 — an old or new database without that table: the default
        return DEFAULT_KEEP
    try:
        import json

        value = json.loads(value) if isinstance(value, str) else value
        return max(1, int(value))
    except (TypeError, ValueError):
        return DEFAULT_KEEP


def daily_backup(db, directory: Path | None = None, *, now: dt.datetime | None = None) -> Path | None:  # type: ignore[no-untyped-def]
    """Once a day (at start-up): a backup of the SQLite database unless one was taken today.
    Returns the new backup, or None (already done today, or not a SQLite file)."""
    source = db.sqlite_path
    if source is None or not source.exists():
        return None
    from desktop_app.paths import backups_dir

    directory = directory or backups_dir()
    now = now or db.clock.now().replace(tzinfo=None)
    if any(b.taken.date() == now.date() for b in automatic_backups(directory, source.stem) if b.reason == "daily"):
        return None
    with db.engine.connect() as connection:
        keep = keep_setting(connection)
    return automatic_backup(source, directory, "daily", keep=keep, now=now)


# --- manual backup and restore ---------------------------------------------------------------------------


def back_up(db, destination: Path) -> Path:  # type: ignore[no-untyped-def]
    """``membership-office backup OUT``: a consistent copy of the SQLite database at ``destination``
    (a file name, or a folder to put a dated file in)."""
    source = db.sqlite_path
    if source is None:
        raise BackupError(PG_DUMP_HINT)
    if destination.is_dir():
        destination = destination / automatic_name(source.stem, "manual", dt.datetime.now())
    if destination.exists():
        raise BackupError(say("backup.destination_exists", destination=destination))
    if destination.resolve() == source.resolve():
        raise BackupError(say("backup.destination_is_database"))
    try:
        return sqlite_backup(source, destination)
    except sqlite3.Error as exc:
        raise BackupError(say("backup.failed", exc=exc)) from exc


def check_backup(path: Path) -> str:
    """The revision of the program database in ``path``; raises if it is not one of ours, is
    damaged, or was written by a newer version of the program."""
    from desktop_app.core.schema import known_revisions

    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise NotOurDatabaseError(say("backup.unreadable", path=path, value=exc.strerror or exc)) from exc
    if header != SQLITE_HEADER:
        raise NotOurDatabaseError(say("backup.not_sqlite", name=path.name))
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not {"alembic_version", "member", "staff"} <= tables:
                raise NotOurDatabaseError(say("backup.not_ours", name=path.name))
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            status = connection.execute("PRAGMA quick_check").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise NotOurDatabaseError(say("backup.damaged", name=path.name, exc=exc)) from exc
    if status is None or status[0] != "ok":
        raise NotOurDatabaseError(
            say("backup.damaged_integrity", name=path.name, value=status[0] if status else "无结果")
        )
    if revision is None:
        raise NotOurDatabaseError(say("backup.no_version", name=path.name))
    if revision[0] not in known_revisions():
        raise DatabaseTooNewError(say("backup.too_new", name=path.name, revision=revision[0]))
    return revision[0]


def restore_sqlite(
    target: Path, source: Path, backup_directory: Path, *, keep: int, now: dt.datetime | None = None
) -> Path | None:
    """Replace the database file ``target`` with the backup ``source``.

    The backup is checked first (``check_backup``); the current database is kept as an automatic
    backup ("before-restore") before anything is overwritten. Returns that copy (None when there
    was no database yet). The copy into ``target`` goes through SQLite's backup API, so a program
    that has the file open sees either the old or the restored database, never a mixture.
    """
    check_backup(source)
    if source.resolve() == target.resolve():
        raise BackupError(say("backup.restore_self"))
    target.parent.mkdir(parents=True, exist_ok=True)
    note = Presence(target, RESTORING)  # first: a program opening the file from now on waits
    try:
        others = holders(target, exclude=note)
        if others:  # issue 9: never replace the database under a program that is writing to it
            raise BackupError(say("backup.in_use", holders="\n".join(f"· {h.describe()}" for h in others)))
        saved = None
        if target.exists():
            saved = automatic_backup(target, backup_directory, "before-restore", keep=max(keep, 1), now=now)
        try:
            _copy_pages(source, target)
        except sqlite3.OperationalError as exc:
            raise BackupError(say("backup.restore_failed", exc=exc)) from exc
        make_private(target)  # a database that did not exist yet was just created by SQLite
    finally:
        note.release()
    return saved
