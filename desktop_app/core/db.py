"""Opening the database: the SQLite file by default, or a PostgreSQL server by URL."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.core.clock import SYSTEM_CLOCK, Clock
from desktop_app.core.presence import Presence
from desktop_app.errors import DatabaseBusy, OfficeError
from desktop_app.paths import data_dir, make_private, private_file

ENV_DATABASE_URL = "MEMBERSHIP_OFFICE_DB"
# How long a SQLite connection waits for another's write lock (an import holds it for its whole
# transaction) before giving up with "database is locked"; read when a connection opens.
SQLITE_BUSY_TIMEOUT_MS = 5000
# PostgreSQL: lock_not_available (lock_timeout), serialization_failure, deadlock_detected.
_PG_BUSY_STATES = frozenset({"55P03", "40001", "40P01"})


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'membership.db'}"


def demo_database_url() -> str:
    """The demo data lives in its own file, never in the office's real database."""
    return f"sqlite:///{data_dir() / 'demo.db'}"


def resolve_database_url(explicit: str | None = None) -> str:
    """``--db`` wins, then ``MEMBERSHIP_OFFICE_DB``, then the SQLite file in the data folder."""
    return explicit or os.environ.get(ENV_DATABASE_URL) or default_database_url()


def normalise_url(url: str) -> URL:
    """Accept the usual spellings: a bare file path, ``postgres://``, ``postgresql://``."""
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def describe_url(url: str | URL) -> str:
    """A human description of the database for the status bar, with no password in it."""
    parsed = normalise_url(str(url)) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite：{parsed.database}"
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"PostgreSQL：{parsed.username or ''}@{host}{port}/{parsed.database}"


def sqlite_on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_MS)}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # 8 MB of page cache per connection: the cache is per connection, and 64 MB on each pooled
    # one took the register to 269 MB after a few sorts (issue 16). Searches scan their indexes
    # from the operating system's file cache as fast (tests/benchmarks/bench_clerk.py).
    cursor.execute("PRAGMA cache_size=-8192")
    cursor.close()


def create_engine_for(url: str | URL) -> Engine:
    parsed = normalise_url(str(url)) if isinstance(url, str) else url
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed)
        event.listen(engine, "connect", sqlite_on_connect)
        if parsed.database and parsed.database != ":memory:" and "uri" not in parsed.query:
            event.listen(engine, "do_connect", _owner_only_sqlite_files(Path(parsed.database)))
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _owner_only_sqlite_files(path: Path):  # type: ignore[no-untyped-def]
    """Before SQLite opens ``path``: a new file is created 0600 (SQLite would make it 0644), an
    older one and its -wal/-shm are tightened to that (issue 10: the members and the password
    hashes are in it). SQLite gives the -wal/-shm files it creates the database file's mode."""

    def before_connect(*_args) -> None:  # type: ignore[no-untyped-def]
        try:
            private_file(path)
        except OSError:  # a folder that is missing or read-only: SQLite says so in its own words
            pass
        for suffix in ("-wal", "-shm"):
            make_private(path.with_name(path.name + suffix))

    return before_connect


# The setting a restore changes (core/settings.py declares it): a program that opened the database
# before the restore sees a different value and stops writing (issue 9).
GENERATION_KEY = "database.generation"
GENERATION_WRITTEN = "generation_written"  # session.info key: this session set a new generation


class DatabaseReplaced(OfficeError):
    """The SQLite file was replaced (restored from a backup) while this program had it open."""

    def __init__(self) -> None:
        super().__init__(
            "数据库已被另一程序从备份恢复（替换）。为免把更改写进恢复后的数据库，本程序已停止保存，"
            "这次的更改没有保存。请关闭程序后重新打开。"
        )


class DatabaseBeingRestored(OfficeError):
    def __init__(self) -> None:
        super().__init__("数据库正在从备份恢复，请稍后再打开。")


class Database:
    """One engine and its session factory. Sessions are opened per user action (STYLE.md §3)."""

    def __init__(self, url: str | URL, *, clock: Clock = SYSTEM_CLOCK, engine: Engine | None = None):
        self.url = normalise_url(str(url)) if isinstance(url, str) else url
        self.engine = engine or create_engine_for(self.url)
        self.clock = clock
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._generation: str | None = None
        self._watching = False
        self.presence: Presence | None = None
        path = self.sqlite_path
        if path is not None and engine is None:
            from desktop_app.core import presence

            self.presence = Presence(path, presence.PROGRAM)
            if any(h.program == presence.RESTORING for h in presence.holders(path, exclude=self.presence)):
                self.dispose()
                raise DatabaseBeingRestored()

    def watch_for_replacement(self) -> None:
        """From now on, refuse to commit once the database was restored under this program."""
        if not self.is_sqlite or self._watching:
            return
        with self.engine.connect() as connection:
            self._generation = read_generation(connection)
        self._watching = True
        event.listen(self._sessions, "before_commit", self._check_generation)

    def _check_generation(self, session: Session) -> None:
        session.flush()
        current = read_generation(session.connection())
        written = session.info.get(GENERATION_WRITTEN)
        if written is not None and current == written:  # this program restored it: carry on
            self._generation = current
        elif current != self._generation:
            raise DatabaseReplaced()

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        if self.is_sqlite and self.url.database and self.url.database != ":memory:":
            return Path(self.url.database)
        return None

    def description(self) -> str:
        return describe_url(self.url)

    def new_session(self) -> Session:
        session = self._sessions()
        session.info["clock"] = self.clock
        return session

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed when the block ends normally, rolled back on error.

        A write that waited too long for another workstation's lock raises ``DatabaseBusy``
        (an office message) instead of the driver's ``OperationalError``.
        """
        session = self.new_session()
        try:
            yield session
            session.commit()
        except BaseException as exc:
            session.rollback()
            if isinstance(exc, OperationalError) and _is_busy(exc):
                raise DatabaseBusy() from exc
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
        if self.presence is not None:
            self.presence.release()


def read_generation(connection: Connection) -> str | None:
    """The stored ``database.generation`` (raw), or None before it was ever set."""
    from sqlalchemy.exc import DBAPIError

    try:
        return connection.execute(text("SELECT value FROM setting WHERE key = :key"), {"key": GENERATION_KEY}).scalar()
    except DBAPIError:
        return None


def _is_busy(exc: OperationalError) -> bool:
    """SQLite's SQLITE_BUSY / SQLITE_LOCKED, or PostgreSQL giving up on a lock or a serialisation."""
    if getattr(exc.orig, "sqlstate", None) in _PG_BUSY_STATES:
        return True
    message = str(exc.orig).lower()
    return any(words in message for words in ("database is locked", "database is busy", "database table is locked"))


def clock_of(session: Session) -> Clock:
    return session.info.get("clock", SYSTEM_CLOCK)


def table_of(model: Any) -> Table:
    """A mapped class's ``Table`` (``__table__`` is typed as a mere ``FromClause``)."""
    return cast(Table, model.__table__)


def bulk_insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows with one ``executemany`` and little Python per row.

    STYLE.md measured the ORM at 15 s for 100,000 objects; Core's ``insert(table)`` still spent
    most of its time here converting every parameter of every row. This converts each distinct
    value once per column (dates, enums and timestamps repeat a lot) with the dialect's own bind
    processors, then hands plain tuples to the driver. Every row must have the same keys.
    """
    if not rows:
        return
    dialect = connection.dialect
    columns = list(rows[0])
    converters: list[Callable[[Any], Any] | None] = []
    for name in columns:
        processor = table.c[name].type._cached_bind_processor(dialect)
        if processor is None:
            converters.append(None)
            continue
        memo: dict[Any, Any] = {}

        def convert(value: Any, processor=processor, memo=memo) -> Any:  # type: ignore[no-untyped-def]
            if value is None:
                return None
            try:
                return memo[value]
            except KeyError:
                memo[value] = result = processor(value)
                return result

        converters.append(convert)
    quoted = ", ".join(dialect.identifier_preparer.quote(name) for name in columns)
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({quoted}) VALUES ({', '.join([marker] * len(columns))})"
    plan = list(zip(columns, converters, strict=True))
    data = [tuple(row[name] if conv is None else conv(row[name]) for name, conv in plan) for row in rows]
    connection.exec_driver_sql(sql, data)
