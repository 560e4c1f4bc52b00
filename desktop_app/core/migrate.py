"""Bringing a database up to this program's schema at start-up (STYLE.md §5).

- a new database gets every table;
- an older one is copied to the backups folder first (SQLite), then upgraded;
- one written by a newer program is refused and left untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, create_engine, event
from sqlalchemy.pool import NullPool

from desktop_app.core.backup import automatic_backup, keep_setting
from desktop_app.core.db import Database, sqlite_on_connect
from desktop_app.core.roles import apply_privileges
from desktop_app.core.schema import alembic_config, check_database, current_revision, head_revision, revisions_on_disk


def upgrade_database(db: Database, *, backup_dir: Path | None = None, privileges: bool = False) -> Path | None:
    """Upgrade ``db`` to the head revision. Returns the backup made before upgrading, if any.
    On PostgreSQL the roles' privileges are applied after an upgrade (or when ``privileges``)."""
    with db.engine.connect() as connection:
        revision = current_revision(connection)
        _known, heads_on_disk = revisions_on_disk()
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
