"""pinyin sort keys and pinyin search (issue 16)

Names sort by pinyin as WPS and Excel sort them, and the register's search finds a member by the
pinyin initials or full pinyin of its name and its people (whzs → 武汉中山建设). Every name column a
list sorts by gets a sort key beside it (core/pinyin.py), the register's search text gains the
pinyin; existing rows are keyed here, in bulk: the keys go into a temporary table with multi-row
INSERTs and one UPDATE … FROM copies them (a 100,000-member register in seconds).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KEY = sa.String(length=255)
CHUNK = 5000

MEMBER_KEYS = ("name_pinyin", "liaison_name_pinyin", "principal_name_pinyin")
INITIALS = "pinyin_initials"  # the names' initials, for a search of initials alone (whzs)
# What build_search_text reads (models/member.py SEARCHABLE_FIELDS).
MEMBER_SEARCHED = (
    "name",
    "uscc",
    "member_number",
    "liaison_name",
    "principal_name",
    "legal_representative_name",
    "liaison_mobile",
    "liaison_landline",
    "principal_mobile",
    "principal_landline",
    "legal_representative_mobile",
    "legal_representative_landline",
)


def _copy(table: str, columns: Sequence[str], rows: list[dict]) -> None:
    """UPDATE ``table`` SET columns FROM a temporary table holding (id, columns…) ``rows``."""
    if not rows:
        return
    bind = op.get_bind()
    temp = sa.Table(
        f"tmp_pinyin_{table}",
        sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        *(sa.Column(c, sa.Text) for c in columns),
        prefixes=["TEMPORARY"],
    )
    temp.create(bind)
    try:
        for start in range(0, len(rows), CHUNK):
            bind.execute(temp.insert(), rows[start : start + CHUNK])
        assignments = ", ".join(f"{c} = t.{c}" for c in columns)
        bind.execute(sa.text(f"UPDATE {table} SET {assignments} FROM {temp.name} AS t WHERE {table}.id = t.id"))
    finally:
        temp.drop(bind)


def upgrade() -> None:
    from desktop_app.core import pinyin
    from desktop_app.core.models.member import build_search_text, pinyin_keys

    with op.batch_alter_table("member", schema=None) as batch_op:
        for column in MEMBER_KEYS:
            batch_op.add_column(sa.Column(column, KEY, server_default="", nullable=False))
        batch_op.add_column(sa.Column(INITIALS, sa.String(length=200), server_default="", nullable=False))
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.add_column(sa.Column("full_name_pinyin", KEY, server_default="", nullable=False))
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_pinyin", KEY, server_default="", nullable=False))

    bind = op.get_bind()
    rows = []
    for row in bind.execute(sa.text(f"SELECT id, {', '.join(MEMBER_SEARCHED)} FROM member")).mappings():
        values = dict(row)
        rows.append({"id": values["id"], "search_text": build_search_text(values), **pinyin_keys(values)})
    _copy("member", [*MEMBER_KEYS, INITIALS, "search_text"], rows)
    _copy(
        "staff",
        ["full_name_pinyin"],
        [
            {"id": i, "full_name_pinyin": pinyin.sort_key(name, person=True)}
            for i, name in bind.execute(sa.text("SELECT id, full_name FROM staff"))
        ],
    )
    _copy(
        "application",
        ["name_pinyin"],
        [
            {"id": i, "name_pinyin": pinyin.sort_key(name)}
            for i, name in bind.execute(sa.text("SELECT id, name FROM application"))
        ],
    )

    # The indexes after the keys: one build instead of 100,000 index updates.
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index("ix_member_name_pinyin", ["name_pinyin", "id"], unique=False)
        batch_op.create_index("ix_member_liaison_name_pinyin", ["liaison_name_pinyin", "id"], unique=False)
        batch_op.create_index("ix_member_pinyin_initials", [INITIALS, "member_number", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index("ix_member_pinyin_initials")
        batch_op.drop_column(INITIALS)
        batch_op.drop_index("ix_member_liaison_name_pinyin")
        batch_op.drop_index("ix_member_name_pinyin")
        for column in reversed(MEMBER_KEYS):
            batch_op.drop_column(column)
    with op.batch_alter_table("staff", schema=None) as batch_op:
        batch_op.drop_column("full_name_pinyin")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_column("name_pinyin")
    # The search text keeps its pinyin: harmless to the older program, which rewrites it on save.
