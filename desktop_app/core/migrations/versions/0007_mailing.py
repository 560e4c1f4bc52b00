"""mailing batches: recipients, contents, tracking, proof (issue 14)

- ``mailing_batch`` (a mailing: title, date, how its recipients were chosen), ``mailing_content``
  (what it carries), ``mailing_recipient`` (one member with the address and contact frozen when it
  was added, its problem if any, its tracking and the liaison's notification),
  ``mailing_recipient_content`` (what goes in each envelope), ``mailing_proof`` (photos of what
  was mailed, R-8.4) and ``mailing_preference`` (the contact each mentor set, R-9.4, and the doubt
  about an address after returned mail).
- Nothing existing changes: the tables start empty.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ENUM = sa.String(length=32)
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "mailing_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("mailed_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("selection", sa.JSON(), nullable=False),
        sa.Column("include_former", sa.Boolean(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_by_name", sa.String(length=64), nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"], name=op.f("fk_mailing_batch_created_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mailing_batch")),
        sa.UniqueConstraint("number", name=op.f("uq_mailing_batch_number")),
    )
    with op.batch_alter_table("mailing_batch", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mailing_batch_mailed_on"), ["mailed_on"], unique=False)

    op.create_table(
        "mailing_content",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", ENUM, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("important", sa.Boolean(), nullable=False),
        sa.Column("per_recipient", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["mailing_batch.id"],
            name=op.f("fk_mailing_content_batch_id_mailing_batch"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mailing_content")),
    )
    with op.batch_alter_table("mailing_content", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mailing_content_batch_id"), ["batch_id"], unique=False)

    op.create_table(
        "mailing_recipient",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("member_number", sa.String(length=32), nullable=False),
        sa.Column("member_status", ENUM, nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("contact_choice", ENUM, nullable=False),
        sa.Column("contact_name", sa.String(length=64), nullable=True),
        sa.Column("contact_position", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.String(length=24), nullable=True),
        sa.Column("problem", sa.String(length=300), nullable=True),
        sa.Column("frozen_at", TIMESTAMP, nullable=False),
        sa.Column("state", ENUM, nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("tracking_number", sa.String(length=40), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("return_reason", sa.String(length=300), nullable=True),
        sa.Column("notified_at", TIMESTAMP, nullable=True),
        sa.Column("notified_by_id", sa.Integer(), nullable=True),
        sa.Column("notified_by_name", sa.String(length=64), nullable=True),
        sa.Column("notify_note", sa.String(length=300), nullable=True),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["mailing_batch.id"],
            name=op.f("fk_mailing_recipient_batch_id_mailing_batch"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_mailing_recipient_member_id_member")),
        sa.ForeignKeyConstraint(
            ["notified_by_id"], ["staff.id"], name=op.f("fk_mailing_recipient_notified_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mailing_recipient")),
        sa.UniqueConstraint("batch_id", "member_id", name="uq_mailing_recipient_batch_member"),
    )
    with op.batch_alter_table("mailing_recipient", schema=None) as batch_op:
        batch_op.create_index("ix_mailing_recipient_batch_position", ["batch_id", "position"], unique=False)
        batch_op.create_index(batch_op.f("ix_mailing_recipient_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mailing_recipient_tracking_number"), ["tracking_number"], unique=False)

    op.create_table(
        "mailing_recipient_content",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("content_id", sa.Integer(), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("detail", sa.String(length=120), nullable=True),
        sa.Column("dues_receipt_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["content_id"],
            ["mailing_content.id"],
            name=op.f("fk_mailing_recipient_content_content_id_mailing_content"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["dues_receipt_id"],
            ["dues_receipt.id"],
            name=op.f("fk_mailing_recipient_content_dues_receipt_id_dues_receipt"),
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["mailing_recipient.id"],
            name=op.f("fk_mailing_recipient_content_recipient_id_mailing_recipient"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mailing_recipient_content")),
    )
    with op.batch_alter_table("mailing_recipient_content", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mailing_recipient_content_content_id"), ["content_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_mailing_recipient_content_dues_receipt_id"), ["dues_receipt_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_mailing_recipient_content_recipient_id"), ["recipient_id"], unique=False)

    op.create_table(
        "mailing_proof",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("mime", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", TIMESTAMP, nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_by_name", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["mailing_recipient.id"],
            name=op.f("fk_mailing_proof_recipient_id_mailing_recipient"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["uploaded_by_id"], ["staff.id"], name=op.f("fk_mailing_proof_uploaded_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mailing_proof")),
    )
    with op.batch_alter_table("mailing_proof", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mailing_proof_recipient_id"), ["recipient_id"], unique=False)

    op.create_table(
        "mailing_preference",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("contact", ENUM, nullable=False),
        sa.Column("name", sa.String(length=64), nullable=True),
        sa.Column("position", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.String(length=24), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("postcode", sa.String(length=10), nullable=True),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_by_name", sa.String(length=64), nullable=True),
        sa.Column("doubtful_address", sa.String(length=300), nullable=True),
        sa.Column("doubtful_since", sa.Date(), nullable=True),
        sa.Column("doubtful_reason", sa.String(length=300), nullable=True),
        sa.Column("doubtful_recipient_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["doubtful_recipient_id"],
            ["mailing_recipient.id"],
            name=op.f("fk_mailing_preference_doubtful_recipient_id_mailing_recipient"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_mailing_preference_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["staff.id"], name=op.f("fk_mailing_preference_updated_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_mailing_preference")),
    )


def downgrade() -> None:
    op.drop_table("mailing_preference")
    with op.batch_alter_table("mailing_proof", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mailing_proof_recipient_id"))
    op.drop_table("mailing_proof")
    with op.batch_alter_table("mailing_recipient_content", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mailing_recipient_content_recipient_id"))
        batch_op.drop_index(batch_op.f("ix_mailing_recipient_content_dues_receipt_id"))
        batch_op.drop_index(batch_op.f("ix_mailing_recipient_content_content_id"))
    op.drop_table("mailing_recipient_content")
    with op.batch_alter_table("mailing_recipient", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mailing_recipient_tracking_number"))
        batch_op.drop_index(batch_op.f("ix_mailing_recipient_member_id"))
        batch_op.drop_index("ix_mailing_recipient_batch_position")
    op.drop_table("mailing_recipient")
    with op.batch_alter_table("mailing_content", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mailing_content_batch_id"))
    op.drop_table("mailing_content")
    with op.batch_alter_table("mailing_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mailing_batch_mailed_on"))
    op.drop_table("mailing_batch")
