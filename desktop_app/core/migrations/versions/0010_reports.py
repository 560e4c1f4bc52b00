"""reports: mentor reward/penalty proposals and the roster publication log (issue 17)

- ``mentor_report_proposal``: the proposal (reward / none / penalty) the office settled on for one
  mentor and half year (R-9.5), what the thresholds suggested then, the reason, who edited it.
- ``roster_publication``: every roster published (R-9.2): the day, public or internal version,
  website and/or work groups, how many members, the file, who.
- Nothing existing changes: the tables start empty.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ENUM = sa.String(length=32)
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "mentor_report_proposal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("suggested", ENUM, nullable=False),
        sa.Column("score", sa.String(length=16), nullable=True),
        sa.Column("proposal", ENUM, nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("edited_at", TIMESTAMP, nullable=False),
        sa.Column("edited_by_id", sa.Integer(), nullable=True),
        sa.Column("edited_by_name", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["edited_by_id"], ["staff.id"], name=op.f("fk_mentor_report_proposal_edited_by_id_staff")
        ),
        sa.ForeignKeyConstraint(["mentor_id"], ["staff.id"], name=op.f("fk_mentor_report_proposal_mentor_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentor_report_proposal")),
        sa.UniqueConstraint("period", "mentor_id", name="uq_mentor_report_proposal_period_mentor"),
    )
    with op.batch_alter_table("mentor_report_proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentor_report_proposal_period"), ["period"], unique=False)

    op.create_table(
        "roster_publication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("website", sa.Boolean(), nullable=False),
        sa.Column("work_group", sa.Boolean(), nullable=False),
        sa.Column("members", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=True),
        sa.Column("file_format", sa.String(length=8), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("recorded_at", TIMESTAMP, nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("published_by_name", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["published_by_id"], ["staff.id"], name=op.f("fk_roster_publication_published_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_publication")),
    )
    with op.batch_alter_table("roster_publication", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_roster_publication_published_on"), ["published_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("roster_publication", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roster_publication_published_on"))
    op.drop_table("roster_publication")
    with op.batch_alter_table("mentor_report_proposal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentor_report_proposal_period"))
    op.drop_table("mentor_report_proposal")
