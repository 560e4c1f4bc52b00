"""Bringing a database up to this program's schema at start-up (STYLE.md §5).

- a new database gets every table;
- an older one is copied to the backups folder first (SQLite), then upgraded;
- one written by a newer program is refused and left untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, create_engine, event, inspect, text
from sqlalchemy.pool import NullPool

from desktop_app.core.backup import automatic_backup, keep_setting
from desktop_app.core.db import Database, sqlite_on_connect
from desktop_app.core.errors import DatabaseTooNewError, NotOurDatabaseError, OfficeError
from desktop_app.core.roles import apply_privileges

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision\b[^=]*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN_REVISION = re.compile(r"^down_revision\b[^=]*=(.*)$", re.M)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


@cache
def _revisions_on_disk() -> tuple[frozenset[str], frozenset[str]]:
    """(all revisions, heads) read from the migration files' text, without importing Alembic:
    at every start-up the database is usually current, and Alembic costs a third of a second
    to import. Anything unusual falls back to Alembic itself."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN_REVISION.search(source)
        if revision is None or down is None:
            continue
        revisions.add(revision.group(1))
        parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return frozenset(revisions), frozenset(revisions - parents)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:  # two branches of migrations were written in parallel: merge them
        raise RuntimeError(f"migrations have {len(heads)} heads: {heads}")
    return heads[0]


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def check_database(connection: Connection) -> str | None:
    """The database's revision; raises if it is newer than this program or not one of ours."""
    revision = current_revision(connection)
    if revision is None:
        tables = set(inspect(connection).get_table_names())
        if tables:
            raise NotOurDatabaseError(
                "该数据库已有其他数据表，但不是本程序的数据库，程序不会改动它。"
                f"（已有数据表：{', '.join(sorted(tables)[:5])}…）"
            )
        return None
    if revision not in known_revisions():
        raise DatabaseTooNewError(
            "该数据库由更新版本的会籍管理程序创建（数据库版本 "
            f"{revision}），本程序无法安全使用，也不会改动它。请安装最新版本的程序。"
        )
    return revision


class NeedsUpgrade(OfficeError):
    """A staff account's own server role cannot upgrade the schema: that is the owner's job."""


def check_current(connection: Connection) -> str:
    """The revision, which must be this program's head (a newer or foreign database is refused)."""
    revision = check_database(connection)
    _all, heads = _revisions_on_disk()
    if revision is None or {revision} != heads:
        raise NeedsUpgrade(
            "数据库尚未升级到本程序的版本。请系统管理员用数据库所有者的地址运行 "
            "membership-office migrate --db postgresql://所有者@服务器/数据库，然后再登录。"
        )
    return revision


def upgrade_database(db: Database, *, backup_dir: Path | None = None, privileges: bool = False) -> Path | None:
    """Upgrade ``db`` to the head revision. Returns the backup made before upgrading, if any.
    On PostgreSQL the roles' privileges are applied after an upgrade (or when ``privileges``)."""
    with db.engine.connect() as connection:
        revision = current_revision(connection)
        revisions_on_disk, heads_on_disk = _revisions_on_disk()
        if revision is not None and heads_on_disk == {revision}:
            if privileges and not db.is_sqlite:
                with db.engine.begin() as owner:
                    apply_privileges(owner)
            return None  # current: the usual start-up
        revision = check_database(connection)
    head = head_revision()
    if revision == head:
        return None
    backup_path = None
    if revision is not None and db.sqlite_path is not None and db.sqlite_path.exists():
        from desktop_app.paths import backups_dir

        target_dir = backup_dir or backups_dir()
        with db.engine.connect() as connection:
            keep = keep_setting(connection)  # the office's backup.keep, read before the upgrade
        reason = "before-" + re.sub(r"[^a-z0-9_.\-]", "-", head.lower())
        backup_path = automatic_backup(db.sqlite_path, target_dir, reason, keep=keep)
    from alembic import command

    config = alembic_config()
    with migration_connection(db) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        apply_privileges(connection)  # PostgreSQL: the office roles follow the new tables
    return backup_path


@contextmanager
def migration_connection(db: Database) -> Iterator[Connection]:
    """A connection in one transaction for the whole upgrade: it commits entirely or not at all.

    PostgreSQL has transactional DDL out of the box. So has SQLite, but Python's ``sqlite3``
    driver commits by itself before every DDL statement: an upgrade killed after its first
    ``CREATE TABLE`` left that table behind with the old revision, and every later start failed.
    Here the driver is told to keep out of it (``isolation_level=None``) and the transaction is
    opened by hand — ``BEGIN IMMEDIATE``, so no other workstation writes half-way through
    (SQLAlchemy's "Serializable isolation / Savepoints / Transactional DDL" recipe for pysqlite).
    """
    if not db.is_sqlite:
        with db.engine.begin() as connection:
            yield connection
        return
    engine = create_engine(db.url, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, record) -> None:  # type: ignore[no-untyped-def]
        sqlite_on_connect(dbapi_connection, record)
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


def open_database(url: str, **kwargs) -> Database:  # type: ignore[no-untyped-def]
    """Open and upgrade the database at ``url``; the one way the program and tests get a Database."""
    backup_dir = kwargs.pop("backup_dir", None)
    db = Database(url, **kwargs)
    try:
        upgrade_database(db, backup_dir=backup_dir)
        db.watch_for_replacement()
    except BaseException:
        db.dispose()
        raise
    return db
