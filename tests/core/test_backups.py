"""Backups of the SQLite file: consistent while in use, daily, before upgrades, rotated; restoring one."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.core import backup
from desktop_app.core.backup import (
    BackupError,
    automatic_backups,
    back_up,
    check_backup,
    daily_backup,
    restore_sqlite,
    rotate,
)
from desktop_app.core.db import Database, DatabaseBeingRestored, DatabaseReplaced
from desktop_app.core.migrate import open_database
from desktop_app.core.models import Role
from desktop_app.core.services import members
from desktop_app.core.settings import BACKUP_KEEP, new_generation, set_setting
from desktop_app.errors import DatabaseTooNewError, NotOurDatabaseError
from tests.conftest import make_staff

NOON = dt.datetime(2026, 11, 26, 12, 0)


@pytest.fixture
def office(tmp_path: Path, clock):  # type: ignore[no-untyped-def]
    """An office database in a file of its own (backups are of SQLite files)."""
    db = open_database(f"sqlite:///{tmp_path / 'membership.db'}", clock=clock)
    yield db
    db.dispose()


@pytest.fixture
def office_admin(office):  # type: ignore[no-untyped-def]
    return make_staff(office, Role.ADMINISTRATOR)


def names(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.engine.connect() as connection:
        return list(connection.execute(text("SELECT name FROM member ORDER BY id")).scalars())


def add_member(db, actor, name: str, uscc: str) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        members.create_member(session, actor, {"name": name, "uscc": uscc, "category": "construction_enterprise"})


def test_backup_while_a_write_is_in_progress_is_consistent(office, tmp_path: Path) -> None:
    add_member(office, make_staff(office, Role.ADMINISTRATOR), "武汉甲建设有限公司", "914201001777158766")
    with office.engine.connect() as connection:  # another workstation in the middle of a transaction
        transaction = connection.begin()
        connection.execute(text("UPDATE member SET name = '未提交的名称'"))
        copy = back_up(office, tmp_path / "copy.db")
        transaction.rollback()
    saved = sqlite3.connect(copy)
    assert saved.execute("SELECT name FROM member").fetchall() == [("武汉甲建设有限公司",)]
    assert saved.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    saved.close()
    assert check_backup(copy)


def test_backup_refuses_to_overwrite_and_names_a_file_in_a_folder(office, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    copy = back_up(office, folder)
    assert copy.parent == folder and copy.name.startswith("membership-") and copy.name.endswith("-manual.db")
    with pytest.raises(BackupError, match="已存在"):
        back_up(office, copy)


def test_daily_backup_once_a_day_keeping_the_last_n(office, office_admin, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    with office.session() as session:
        set_setting(session, office_admin, BACKUP_KEEP, 3)
    first = daily_backup(office, folder, now=NOON)
    assert first is not None and first.exists()
    assert daily_backup(office, folder, now=NOON + dt.timedelta(hours=3)) is None  # same day
    for day in range(1, 6):
        assert daily_backup(office, folder, now=NOON + dt.timedelta(days=day)) is not None
    kept = automatic_backups(folder, "membership")
    assert [b.taken.date() for b in kept] == [dt.date(2026, 12, 1), dt.date(2026, 11, 30), dt.date(2026, 11, 29)]
    assert not first.exists()


def test_rotation_leaves_other_files_alone(tmp_path: Path) -> None:
    for name in (
        "membership-20261101-090000-daily.db",
        "membership-20261102-090000-before-0002_x.db",
        "membership-20261103-090000-daily.db",
        "demo-20261101-090000-daily.db",
        "notes.txt",
        "membership.db",
    ):
        (tmp_path / name).write_bytes(b"x")
    removed = rotate(tmp_path, "membership", 1)
    # the newest copy taken before a schema change is kept beside the newest one (issue 9)
    assert sorted(p.name for p in removed) == ["membership-20261101-090000-daily.db"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "demo-20261101-090000-daily.db",
        "membership-20261102-090000-before-0002_x.db",
        "membership-20261103-090000-daily.db",
        "membership.db",
        "notes.txt",
    ]


def test_upgrade_backup_uses_the_rotation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core import migrate
    from desktop_app.core.db import Database

    path = tmp_path / "office.db"
    open_database(f"sqlite:///{path}").dispose()
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 20):
        (folder / f"office-202611{day:02d}-090000-daily.db").write_bytes(b"old")
    import alembic.command

    monkeypatch.setattr(migrate, "head_revision", lambda: "9999_Next")
    monkeypatch.setattr(migrate, "revisions_on_disk", lambda: (frozenset({"9999_Next"}), frozenset({"9999_Next"})))
    monkeypatch.setattr(alembic.command, "upgrade", lambda config, target: None)
    db = Database(f"sqlite:///{path}")
    copy = migrate.upgrade_database(db, backup_dir=folder)
    db.dispose()
    assert copy is not None and copy.name.endswith("-before-9999_next.db")
    kept = automatic_backups(folder, "office")
    assert len(kept) == backup.DEFAULT_KEEP and kept[0].path == copy


def test_check_backup_refuses_what_is_not_ours(tmp_path: Path, office) -> None:
    text_file = tmp_path / "notes.db"
    text_file.write_text("hello")
    with pytest.raises(NotOurDatabaseError, match="不是 SQLite"):
        check_backup(text_file)
    other = tmp_path / "other.db"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.commit()
    connection.close()
    with pytest.raises(NotOurDatabaseError, match="不是会籍管理程序的数据库"):
        check_backup(other)
    newer = back_up(office, tmp_path / "newer.db")
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseTooNewError, match="更新版本"):
        check_backup(newer)
    damaged = tmp_path / "damaged.db"
    data = bytearray(back_up(office, tmp_path / "good.db").read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of garbage
    damaged.write_bytes(bytes(data))
    with pytest.raises(NotOurDatabaseError, match="损坏"):
        check_backup(damaged)


def test_restore_keeps_the_current_database_first(office, office_admin, tmp_path: Path) -> None:
    add_member(office, office_admin, "武汉甲建设有限公司", "914201001777158766")
    saved_copy = back_up(office, tmp_path / "monday.db")
    add_member(office, office_admin, "武汉乙建设有限公司", "91420102MA4K00001Q")
    target = office.sqlite_path
    office.dispose()  # the program is closed before restoring
    folder = tmp_path / "backups"
    kept = restore_sqlite(target, saved_copy, folder, keep=5, now=NOON)
    assert kept is not None and kept.name == "membership-20261126-120000-before-restore.db"
    reopened = open_database(f"sqlite:///{target}")
    assert names(reopened) == ["武汉甲建设有限公司"]
    reopened.dispose()
    previous = sqlite3.connect(kept)
    assert [r[0] for r in previous.execute("SELECT name FROM member ORDER BY id")] == [
        "武汉甲建设有限公司",
        "武汉乙建设有限公司",
    ]
    previous.close()


def test_restore_refuses_while_a_program_has_the_database_open(office, office_admin, tmp_path: Path) -> None:
    """Issue 9: saves made by an open window during a restore were reported and then lost."""
    add_member(office, office_admin, "武汉甲建设有限公司", "914201001777158766")
    saved_copy = back_up(office, tmp_path / "monday.db")
    add_member(office, office_admin, "武汉乙建设有限公司", "91420102MA4K00001Q")
    office.presence.signed_in("郑会籍（officer）")
    with pytest.raises(BackupError) as error:
        restore_sqlite(office.sqlite_path, saved_copy, tmp_path / "backups", keep=5, now=NOON)
    assert "正在被使用" in error.value.message and "郑会籍（officer）" in error.value.message
    assert f"进程 {os.getpid()}" in error.value.message
    assert names(office) == ["武汉甲建设有限公司", "武汉乙建设有限公司"]  # untouched
    assert not (tmp_path / "backups").exists()


def test_restore_refuses_while_another_process_has_it_open(office, tmp_path: Path) -> None:
    saved_copy = back_up(office, tmp_path / "monday.db")
    target = office.sqlite_path
    office.dispose()
    script = (
        "import sys, time; from desktop_app.core.migrate import open_database; "
        f"db = open_database('sqlite:///{target}'); print('open', flush=True); time.sleep(60)"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "open"
        with pytest.raises(BackupError, match=f"进程 {child.pid}"):
            restore_sqlite(target, saved_copy, tmp_path / "backups", keep=5)
    finally:
        child.kill()
        child.wait()
    # the process has ended without tidying up (killed): its note is stale and no longer counts
    restore_sqlite(target, saved_copy, tmp_path / "backups", keep=5)


def test_a_program_whose_database_was_replaced_stops_writing(office, office_admin, tmp_path: Path) -> None:
    """If the file is replaced under an open program anyway (by hand, another computer), that
    program's next save is refused instead of landing in the restored database."""
    add_member(office, office_admin, "武汉甲建设有限公司", "914201001777158766")
    other = Database(office.url)  # another program on the same file, without the open-database check
    with other.session() as session:
        new_generation(session)
    other.dispose()
    with pytest.raises(DatabaseReplaced):
        add_member(office, office_admin, "武汉乙建设有限公司", "91420102MA4K00001Q")
    assert names(office) == ["武汉甲建设有限公司"]


def test_opening_waits_while_a_restore_runs(office, tmp_path: Path) -> None:
    from desktop_app.core.presence import RESTORING, Presence

    target = office.sqlite_path
    office.dispose()
    note = Presence(target, RESTORING)
    try:
        with pytest.raises(DatabaseBeingRestored):
            open_database(f"sqlite:///{target}")
    finally:
        note.release()
    open_database(f"sqlite:///{target}").dispose()


def test_restore_refuses_a_newer_file_and_changes_nothing(office, office_admin, tmp_path: Path) -> None:
    add_member(office, office_admin, "武汉甲建设有限公司", "914201001777158766")
    newer = back_up(office, tmp_path / "newer.db")
    connection = sqlite3.connect(newer)
    connection.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    connection.execute("DELETE FROM member")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseTooNewError):
        restore_sqlite(office.sqlite_path, newer, tmp_path / "backups", keep=5)
    assert names(office) == ["武汉甲建设有限公司"]
    assert not (tmp_path / "backups").exists()


def test_postgresql_is_pointed_to_pg_dump(db) -> None:
    if db.is_sqlite:
        pytest.skip("PostgreSQL only")
    with pytest.raises(BackupError, match="pg_dump"):
        back_up(db, Path("/tmp/x.db"))
    assert daily_backup(db) is None
