"""Migrations at start-up: created, upgraded after a backup, newer databases refused untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from desktop_app.core.db import describe_url, normalise_url, resolve_database_url
from desktop_app.core.migrate import open_database
from desktop_app.core.models import Base
from desktop_app.core.schema import alembic_config, head_revision
from desktop_app.errors import DatabaseTooNewError, NotOurDatabaseError


def test_one_head() -> None:
    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_fast_revision_reading_agrees_with_alembic() -> None:
    from desktop_app.core.schema import known_revisions
    from desktop_app.core.schema import revisions_on_disk as _revisions_on_disk

    revisions, heads = _revisions_on_disk()
    assert revisions == known_revisions()
    assert heads == {head_revision()}


def test_new_database_gets_every_table(new_db_url: str) -> None:
    db = open_database(new_db_url)
    try:
        tables = set(inspect(db.engine).get_table_names())
        assert set(Base.metadata.tables) <= tables
        with db.engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
    finally:
        db.dispose()


def test_models_and_migrations_agree(new_db_url: str) -> None:
    """Autogenerate finds nothing to do: every model change came with its migration."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    db = open_database(new_db_url)
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
        assert diff == []
    finally:
        db.dispose()


def test_newer_database_is_refused_and_untouched(new_db_url: str) -> None:
    db = open_database(new_db_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_future'"))
    db.dispose()
    with pytest.raises(DatabaseTooNewError, match="更新版本"):
        open_database(new_db_url)
    engine = create_engine(normalise_url(new_db_url))
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "ffff_future"
    engine.dispose()


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE invoices (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(NotOurDatabaseError):
        open_database(f"sqlite:///{path}")
    assert sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall() == [("invoices",)]


def test_upgrade_backs_up_the_sqlite_file_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When this program's head is newer than the file, the file is copied before Alembic runs."""
    from desktop_app.core import migrate
    from desktop_app.core.db import Database

    path = tmp_path / "office.db"
    db = open_database(f"sqlite:///{path}")
    with db.engine.begin() as conn:
        conn.execute(text("CREATE TABLE marker (note TEXT)"))
        conn.execute(text("INSERT INTO marker VALUES ('before upgrade')"))
    db.dispose()
    upgraded: list[Path] = []

    def fake_upgrade(config, target):  # type: ignore[no-untyped-def]
        upgraded.extend(sorted((tmp_path / "backups").glob("*.db")))

    monkeypatch.setattr(migrate, "head_revision", lambda: "9999_next")
    monkeypatch.setattr(migrate, "revisions_on_disk", lambda: (frozenset({"9999_next"}), frozenset({"9999_next"})))
    import alembic.command

    monkeypatch.setattr(alembic.command, "upgrade", fake_upgrade)
    db = Database(f"sqlite:///{path}")
    copy = migrate.upgrade_database(db, backup_dir=tmp_path / "backups")
    db.dispose()
    assert copy is not None and upgraded == [copy]  # the copy existed before the upgrade ran
    saved = sqlite3.connect(copy)
    assert saved.execute("SELECT note FROM marker").fetchall() == [("before upgrade",)]
    saved.close()


def test_current_database_is_not_backed_up_again(tmp_path: Path) -> None:
    from desktop_app.core import migrate
    from desktop_app.core.db import Database

    path = tmp_path / "office.db"
    open_database(f"sqlite:///{path}").dispose()
    db = Database(f"sqlite:///{path}")
    assert migrate.upgrade_database(db, backup_dir=tmp_path / "backups") is None
    db.dispose()
    assert not (tmp_path / "backups").exists()


def test_foreign_keys_are_enforced_on_sqlite(db) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite pragma")
    with db.engine.connect() as conn:
        assert conn.scalar(text("PRAGMA foreign_keys")) == 1


def test_url_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MEMBERSHIP_OFFICE_DB", raising=False)
    assert resolve_database_url().endswith("membership.db")
    monkeypatch.setenv("MEMBERSHIP_OFFICE_DB", "postgresql://u:p@server/office")
    assert resolve_database_url() == "postgresql://u:p@server/office"
    assert resolve_database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert normalise_url("postgres://u:p@h/db").drivername == "postgresql+psycopg"
    assert describe_url("postgresql://u:secret@server:5432/office") == "PostgreSQL：u@server:5432/office"
    assert "secret" not in describe_url("postgresql://u:secret@server/office")


def test_demo_database_is_never_the_real_one() -> None:
    from desktop_app.core.db import default_database_url, demo_database_url

    assert demo_database_url() != default_database_url()
