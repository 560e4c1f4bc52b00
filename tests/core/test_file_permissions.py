"""Owner-only files (issue 10): the data folder, the database, its backups and the error log.

On a shared computer any other account could otherwise copy every member and the staff's
password hashes. POSIX only: on Windows the per-user profile folders are closed by their ACLs.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.core import backup
from desktop_app.core.backup import automatic_backup, back_up, daily_backup, restore_sqlite
from desktop_app.core.db import Database
from desktop_app.core.migrate import open_database
from desktop_app.paths import HOME_ENV, backups_dir, data_dir

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")

NOON = dt.datetime(2026, 11, 26, 12, 0)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def loose_umask() -> Iterator[None]:
    """The usual 022: what a new file would get (0644) if the program did nothing about it."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "data"))
    return tmp_path / "data"


def test_a_new_data_folder_and_its_backups_folder_are_owner_only(home: Path) -> None:
    assert not home.exists()
    assert data_dir() == home
    assert mode(home) == 0o700
    assert mode(backups_dir()) == 0o700


def test_existing_folders_with_looser_bits_are_tightened(home: Path) -> None:
    (home / "backups").mkdir(parents=True)
    home.chmod(0o755)
    (home / "backups").chmod(0o775)
    data_dir()
    assert mode(home) == 0o700
    backups_dir()
    assert mode(home / "backups") == 0o700


def test_a_new_database_and_its_wal_and_shm_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "membership.db"
    db = open_database(f"sqlite:///{path}")
    try:
        with db.engine.connect() as connection:  # open: the -wal and -shm files exist now
            connection.execute(text("SELECT count(*) FROM member")).scalar()
            for name in ("membership.db", "membership.db-wal", "membership.db-shm"):
                assert mode(tmp_path / name) == 0o600, name
    finally:
        db.dispose()


def test_an_existing_database_with_looser_bits_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "membership.db"
    open_database(f"sqlite:///{path}").dispose()
    older = sqlite3.connect(path)  # another program keeps the -wal and -shm in place
    try:
        older.execute("PRAGMA journal_mode=WAL")
        older.execute("SELECT count(*) FROM member").fetchone()
        files = [path, tmp_path / "membership.db-wal", tmp_path / "membership.db-shm"]
        for file in files:
            file.chmod(0o644)  # as an earlier version (SQLite's default) left them
        db = Database(f"sqlite:///{path}")
        try:
            with db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        finally:
            db.dispose()
        assert [mode(file) for file in files] == [0o600] * 3
    finally:
        older.close()


def test_backups_are_owner_only_from_the_first_page(
    tmp_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'membership.db'}")
    partial_modes = []
    copy_pages = backup._copy_pages

    def watching(source: Path, target: Path) -> None:
        partial_modes.append((target.name, mode(target)))  # before SQLite writes into it
        copy_pages(source, target)

    monkeypatch.setattr(backup, "_copy_pages", watching)
    try:
        daily = daily_backup(db, now=NOON)
        automatic = automatic_backup(db.sqlite_path, backups_dir(), "before-upgrade", keep=5, now=NOON)
        manual = back_up(db, tmp_path / "manual.db")  # `membership-office backup OUT`
        into_folder = back_up(db, tmp_path)
    finally:
        db.dispose()
    assert daily is not None and daily.parent == home / "backups"
    for made in (daily, automatic, manual, into_folder):
        assert mode(made) == 0o600, made
    assert [name.endswith(".partial") for name, _ in partial_modes] == [True] * 4
    assert {m for _, m in partial_modes} == {0o600}
    assert mode(home / "backups") == 0o700


def test_a_database_restored_where_there_was_none_is_owner_only(tmp_path: Path, home: Path) -> None:
    source = tmp_path / "office.db"
    open_database(f"sqlite:///{source}").dispose()
    source.chmod(0o644)
    target = tmp_path / "restored" / "membership.db"
    restore_sqlite(target, source, backups_dir(), keep=5, now=NOON)
    assert mode(target) == 0o600


@pytest.mark.gui
def test_the_error_log_is_owner_only(home: Path) -> None:
    from desktop_app.ui import crash  # the log is written without any window

    (home / "logs").mkdir(parents=True)
    (home / "logs").chmod(0o755)
    path = crash.write_report("=== report\n")
    assert path == home / "logs" / "errors.log"
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    path.chmod(0o644)  # written by an older version
    crash.write_report("=== another\n")
    assert mode(path) == 0o600
