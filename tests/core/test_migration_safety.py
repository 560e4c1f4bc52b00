"""An upgrade interrupted half-way leaves the old schema usable; its backups survive retries (issue 9)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, event, inspect, text

from desktop_app.core.backup import automatic_backup, automatic_backups, rotate
from desktop_app.core.db import normalise_url
from desktop_app.core.migrate import open_database
from desktop_app.core.schema import alembic_config, head_revision


class Interrupted(Exception):
    pass


def _at_revision(url: str, revision: str) -> None:
    engine = create_engine(normalise_url(url))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def _state(url: str) -> tuple[set[str], str]:
    engine = create_engine(normalise_url(url))
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        revision = connection.scalar(text("SELECT version_num FROM alembic_version"))
    engine.dispose()
    return tables, revision


def _crash_after_first_create_table(seen: list[str]):  # type: ignore[no-untyped-def]
    """An engine listener that raises right after the first CREATE TABLE (a kill half-way)."""

    def after(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("CREATE TABLE"):
            seen.append(statement)
            raise Interrupted("killed after the first CREATE TABLE")

    return after


def test_interrupted_upgrade_leaves_the_old_revision_usable(new_db_url: str, tmp_path: Path) -> None:
    _at_revision(new_db_url, "0001")
    before, revision = _state(new_db_url)
    assert revision == "0001"
    seen: list[str] = []
    hook = _crash_after_first_create_table(seen)
    event.listen(Engine, "after_cursor_execute", hook)
    try:
        with pytest.raises(Interrupted):
            open_database(new_db_url, backup_dir=tmp_path / "backups")
    finally:
        event.remove(Engine, "after_cursor_execute", hook)
    assert seen  # it did get as far as one new table
    tables, revision = _state(new_db_url)
    assert revision == "0001" and tables == before  # nothing of the new schema is left behind


def test_the_next_start_after_an_interrupted_upgrade_succeeds(new_db_url: str, tmp_path: Path) -> None:
    _at_revision(new_db_url, "0001")
    seen: list[str] = []
    after = _crash_after_first_create_table(seen)
    event.listen(Engine, "after_cursor_execute", after)
    try:
        for _attempt in range(3):  # three failed starts in the same second
            with pytest.raises(Interrupted):
                open_database(new_db_url, backup_dir=tmp_path / "backups")
    finally:
        event.remove(Engine, "after_cursor_execute", after)
    db = open_database(new_db_url, backup_dir=tmp_path / "backups")  # no "table already exists"
    with db.engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
    db.dispose()
    if new_db_url.startswith("sqlite"):
        copies = automatic_backups(tmp_path / "backups", "empty")
        # one copy per attempt (three failed, one good), none overwritten by a retry
        assert len(copies) == 4 and len({c.path.name for c in copies}) == 4
        for copy in copies:
            assert _state(f"sqlite:///{copy.path}")[1] == "0001"


def test_rotation_keeps_the_newest_copy_taken_before_a_schema_change(tmp_path: Path) -> None:
    source = tmp_path / "membership.db"
    open_database(f"sqlite:///{source}").dispose()
    folder = tmp_path / "backups"
    start = dt.datetime(2026, 11, 1, 9, 0)
    before = automatic_backup(source, folder, "before-0003", keep=3, now=start)
    for day in range(1, 10):  # nine daily copies later, keeping three
        automatic_backup(source, folder, "daily", keep=3, now=start + dt.timedelta(days=day))
    kept = automatic_backups(folder, "membership")
    assert before in [k.path for k in kept]
    assert len(kept) == 4  # the three newest, and the one before the schema change
    rotate(folder, "membership", 1)
    assert before in [k.path for k in automatic_backups(folder, "membership")]
