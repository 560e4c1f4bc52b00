"""initial register

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "number_sequence",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("period", sa.String(length=10), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", "period", name=op.f("pk_number_sequence")),
    )
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=64), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "membership_officer",
                "mentor",
                "resident_leader",
                "administrator",
                name="role",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("mobile", sa.String(length=20), nullable=True),
        sa.Column("landline", sa.String(length=20), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_username")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("entity_type", sa.String(length=50), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["staff.id"], name=op.f("fk_audit_log_actor_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_log_entity", ["entity_type", "entity_id"], unique=False)

    op.create_table(
        "member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_number", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "construction_enterprise",
                "industry_chain_enterprise",
                "public_institution",
                "social_organisation",
                name="category",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("main_business", sa.String(length=200), nullable=True),
        sa.Column("qualification", sa.String(length=300), nullable=True),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column(
            "status",
            sa.Enum("active", "withdrawn", "cancelled", name="memberstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("join_date", sa.Date(), nullable=True),
        sa.Column("certificate_number", sa.String(length=32), nullable=True),
        sa.Column("district", sa.String(length=20), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("postcode", sa.String(length=6), nullable=True),
        sa.Column("legal_representative_name", sa.String(length=64), nullable=True),
        sa.Column("legal_representative_position", sa.String(length=64), nullable=True),
        sa.Column("legal_representative_mobile", sa.String(length=20), nullable=True),
        sa.Column("legal_representative_landline", sa.String(length=24), nullable=True),
        sa.Column("legal_representative_wechat", sa.String(length=64), nullable=True),
        sa.Column("legal_representative_email", sa.String(length=120), nullable=True),
        sa.Column("principal_name", sa.String(length=64), nullable=True),
        sa.Column("principal_position", sa.String(length=64), nullable=True),
        sa.Column("principal_mobile", sa.String(length=20), nullable=True),
        sa.Column("principal_landline", sa.String(length=24), nullable=True),
        sa.Column("principal_wechat", sa.String(length=64), nullable=True),
        sa.Column("principal_email", sa.String(length=120), nullable=True),
        sa.Column("liaison_name", sa.String(length=64), nullable=True),
        sa.Column("liaison_position", sa.String(length=64), nullable=True),
        sa.Column("liaison_mobile", sa.String(length=20), nullable=True),
        sa.Column("liaison_landline", sa.String(length=24), nullable=True),
        sa.Column("liaison_wechat", sa.String(length=64), nullable=True),
        sa.Column("liaison_email", sa.String(length=120), nullable=True),
        sa.Column("mentor_id", sa.Integer(), nullable=True),
        sa.Column("left_date", sa.Date(), nullable=True),
        sa.Column("left_reason", sa.Text(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("search_text", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["mentor_id"], ["staff.id"], name=op.f("fk_member_mentor_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member")),
        sa.UniqueConstraint("certificate_number", name=op.f("uq_member_certificate_number")),
        sa.UniqueConstraint("member_number", name=op.f("uq_member_member_number")),
        sa.UniqueConstraint("uscc", name=op.f("uq_member_uscc")),
    )
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_category"), ["category"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_join_date"), ["join_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_mentor_id"), ["mentor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_name"), ["name"], unique=False)
        batch_op.create_index("ix_member_search", ["search_text", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_status"), ["status"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["updated_by_id"], ["staff.id"], name=op.f("fk_setting_updated_by_id_staff")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "mentor_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("assigned_by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["assigned_by_id"], ["staff.id"], name=op.f("fk_mentor_assignment_assigned_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_mentor_assignment_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["mentor_id"], ["staff.id"], name=op.f("fk_mentor_assignment_mentor_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentor_assignment")),
    )
    with op.batch_alter_table("mentor_assignment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mentor_assignment_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mentor_assignment_mentor_id"), ["mentor_id"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("mentor_assignment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mentor_assignment_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_mentor_assignment_member_id"))

    op.drop_table("mentor_assignment")
    op.drop_table("setting")
    with op.batch_alter_table("member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_status"))
        batch_op.drop_index("ix_member_search")
        batch_op.drop_index(batch_op.f("ix_member_name"))
        batch_op.drop_index(batch_op.f("ix_member_mentor_id"))
        batch_op.drop_index(batch_op.f("ix_member_level"))
        batch_op.drop_index(batch_op.f("ix_member_join_date"))
        batch_op.drop_index(batch_op.f("ix_member_category"))

    op.drop_table("member")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_entity")
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("staff")
    op.drop_table("number_sequence")
