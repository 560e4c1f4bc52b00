"""Which schema a database has, against the migrations this program carries (no Alembic import
at the usual start-up: its revision files are read as text).

``migrate`` upgrades; ``backup`` checks a file before restoring it; ``roles`` refuses a staff
account's sign-in to a database that the owner has not upgraded yet. All three ask here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from desktop_app.errors import DatabaseTooNewError, NotOurDatabaseError, OfficeError
from desktop_app.messages import say

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
def revisions_on_disk() -> tuple[frozenset[str], frozenset[str]]:
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
            raise NotOurDatabaseError(say("database.not_ours", join=", ".join(sorted(tables)[:5])))
        return None
    if revision not in known_revisions():
        raise DatabaseTooNewError(say("database.too_new", revision=revision))
    return revision


class NeedsUpgrade(OfficeError):
    """A staff account's own server role cannot upgrade the schema: that is the owner's job."""


def check_current(connection: Connection) -> str:
    """The revision, which must be this program's head (a newer or foreign database is refused)."""
    revision = check_database(connection)
    _all, heads = revisions_on_disk()
    if revision is None or {revision} != heads:
        raise NeedsUpgrade(say("database.needs_upgrade"))
    return revision
