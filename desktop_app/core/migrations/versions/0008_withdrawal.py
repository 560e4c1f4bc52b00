"""withdrawal and cancellation: activities, spells, cases, appeals, positions (issue 15)

Every member becomes one membership spell (joined, left, how, why) taken from the register's
columns: from now on a re-admission opens a new spell instead of overwriting the last one.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "withdrawal_document",
    "withdrawal_task",
    "member_position",
    "membership_spell",
    "case_ground",
    "appeal",
    "withdrawal_case",
    "sign_in_row",
    "disqualification",
    "attendance",
    "activity",
)


def upgrade() -> None:
    op.create_table(
        "activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "meeting",
                "training",
                "inspection",
                "exchange",
                "event",
                "other",
                name="activitykind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("organiser", sa.String(length=200), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"], name=op.f("fk_activity_created_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_held_on"), ["held_on"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("attendee", sa.String(length=120), nullable=True),
        sa.Column("attendee_position", sa.String(length=64), nullable=True),
        sa.Column("source", sa.String(length=300), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_attendance_activity_id_activity"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_attendance_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["staff.id"], name=op.f("fk_attendance_recorded_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint("activity_id", "member_id", name="uq_attendance_activity_member"),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_activity_id"), ["activity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_member_id"), ["member_id"], unique=False)

    op.create_table(
        "disqualification",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "dishonest_judgment_debtor",
                "deprived_of_political_rights",
                "lost_civil_capacity",
                "other",
                name="disqualificationkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.String(length=200), nullable=True),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("found_on", sa.Date(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("lifted_on", sa.Date(), nullable=True),
        sa.Column("lifted_note", sa.Text(), nullable=True),
        sa.Column("lifted_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["lifted_by_id"], ["staff.id"], name=op.f("fk_disqualification_lifted_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_disqualification_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_disqualification_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disqualification")),
    )
    with op.batch_alter_table("disqualification", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_disqualification_member_id"), ["member_id"], unique=False)

    op.create_table(
        "sign_in_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("row_key", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=True),
        sa.Column("uscc", sa.String(length=32), nullable=True),
        sa.Column("attendee", sa.String(length=120), nullable=True),
        sa.Column("attendee_position", sa.String(length=64), nullable=True),
        sa.Column("phone", sa.String(length=40), nullable=True),
        sa.Column(
            "status",
            sa.Enum("pending", "matched", "dismissed", name="signinstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by_id", sa.Integer(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activity.id"], name=op.f("fk_sign_in_row_activity_id_activity"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["imported_by_id"], ["staff.id"], name=op.f("fk_sign_in_row_imported_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_sign_in_row_member_id_member"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["resolved_by_id"], ["staff.id"], name=op.f("fk_sign_in_row_resolved_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sign_in_row")),
        sa.UniqueConstraint("activity_id", "row_key", name="uq_sign_in_row_activity_key"),
    )
    with op.batch_alter_table("sign_in_row", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sign_in_row_activity_id"), ["activity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sign_in_row_status"), ["status"], unique=False)

    op.create_table(
        "withdrawal_case",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind", sa.Enum("voluntary", "cancellation", name="casekind", native_enum=False, length=32), nullable=False
        ),
        sa.Column(
            "status",
            sa.Enum(
                "pending",
                "withdrawn",
                "confirmed",
                "notified",
                "obligations_met",
                "deemed_withdrawn",
                "cancelled",
                "restored",
                "dropped",
                name="casestatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("letter_received_on", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("certificate_returned_on", sa.Date(), nullable=True),
        sa.Column("plaque_returned_on", sa.Date(), nullable=True),
        sa.Column("certificate_not_returned", sa.String(length=200), nullable=True),
        sa.Column("plaque_not_returned", sa.String(length=200), nullable=True),
        sa.Column("review_date", sa.Date(), nullable=True),
        sa.Column("confirmed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("confirmed_by_id", sa.Integer(), nullable=True),
        sa.Column("notice_number", sa.String(length=64), nullable=True),
        sa.Column("notice_date", sa.Date(), nullable=True),
        sa.Column("response_deadline", sa.Date(), nullable=True),
        sa.Column("notice_issued_by_id", sa.Integer(), nullable=True),
        sa.Column("mailing_batch_id", sa.Integer(), nullable=True),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=True),
        sa.Column("outcome_evidence", sa.JSON(), nullable=True),
        sa.Column("outcome_by_id", sa.Integer(), nullable=True),
        sa.Column("council_date", sa.Date(), nullable=True),
        sa.Column("council_resolution", sa.String(length=100), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["confirmed_by_id"], ["staff.id"], name=op.f("fk_withdrawal_case_confirmed_by_id_staff")
        ),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"], name=op.f("fk_withdrawal_case_created_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_withdrawal_case_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["notice_issued_by_id"], ["staff.id"], name=op.f("fk_withdrawal_case_notice_issued_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["mailing_batch_id"],
            ["mailing_batch.id"],
            name=op.f("fk_withdrawal_case_mailing_batch_id_mailing_batch"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(["outcome_by_id"], ["staff.id"], name=op.f("fk_withdrawal_case_outcome_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_withdrawal_case")),
        sa.UniqueConstraint("notice_number", name=op.f("uq_withdrawal_case_notice_number")),
    )
    with op.batch_alter_table("withdrawal_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_withdrawal_case_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_withdrawal_case_status"), ["status"], unique=False)

    op.create_table(
        "appeal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("filed", "escalated", "upheld", "restored", name="appealstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("grounds", sa.Text(), nullable=False),
        sa.Column("council_replied_on", sa.Date(), nullable=True),
        sa.Column(
            "council_decision",
            sa.Enum("upheld", "restored", name="appealdecision", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("council_reply", sa.Text(), nullable=True),
        sa.Column("council_resolution", sa.String(length=100), nullable=True),
        sa.Column("escalated_on", sa.Date(), nullable=True),
        sa.Column("escalation_reason", sa.Text(), nullable=True),
        sa.Column("assembly_decided_on", sa.Date(), nullable=True),
        sa.Column(
            "assembly_decision",
            sa.Enum("upheld", "restored", name="appealdecision", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("assembly_resolution", sa.String(length=100), nullable=True),
        sa.Column("assembly_note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["withdrawal_case.id"], name=op.f("fk_appeal_case_id_withdrawal_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"], name=op.f("fk_appeal_created_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal")),
    )
    with op.batch_alter_table("appeal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appeal_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appeal_status"), ["status"], unique=False)

    op.create_table(
        "case_ground",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "ground",
            sa.Enum("unpaid_dues", "no_activity", "disqualified", name="ground", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.Column("disqualification_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"], ["withdrawal_case.id"], name=op.f("fk_case_ground_case_id_withdrawal_case"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["disqualification_id"],
            ["disqualification.id"],
            name=op.f("fk_case_ground_disqualification_id_disqualification"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_ground")),
    )
    with op.batch_alter_table("case_ground", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_ground_case_id"), ["case_id"], unique=False)

    op.create_table(
        "member_position",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "president",
                "vice_president",
                "standing_council",
                "council",
                "supervisor",
                "other",
                name="positionkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=100), nullable=True),
        sa.Column("term", sa.String(length=64), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=200), nullable=True),
        sa.Column("ended_by_case_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"], name=op.f("fk_member_position_created_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["ended_by_case_id"],
            ["withdrawal_case.id"],
            name=op.f("fk_member_position_ended_by_case_id_withdrawal_case"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_member_position_member_id_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_position")),
    )
    with op.batch_alter_table("member_position", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_position_member_id"), ["member_id"], unique=False)
        batch_op.create_index("ix_member_position_open", ["member_id", "ended_on"], unique=False)

    op.create_table(
        "membership_spell",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column(
            "joined_how",
            sa.Enum(
                "registered", "readmitted", "back_payment", "historic", name="spellstart", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column(
            "left_how", sa.Enum("withdrawn", "cancelled", name="spellend", native_enum=False, length=32), nullable=True
        ),
        sa.Column("left_reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("member_number", sa.String(length=32), nullable=True),
        sa.Column("certificate_number", sa.String(length=32), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("reopened_on", sa.Date(), nullable=True),
        sa.Column("reopened_note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_membership_spell_application_id_application"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["withdrawal_case.id"],
            name=op.f("fk_membership_spell_case_id_withdrawal_case"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_membership_spell_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["staff.id"], name=op.f("fk_membership_spell_recorded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership_spell")),
    )
    with op.batch_alter_table("membership_spell", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_membership_spell_member_id"), ["member_id"], unique=False)

    op.create_table(
        "withdrawal_task",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("mentor_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "remove_from_wechat_group", "invite_to_wechat_group", name="taskkind", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum("open", "done", "cancelled", name="taskstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("created_on", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("done_by_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["withdrawal_case.id"],
            name=op.f("fk_withdrawal_task_case_id_withdrawal_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["done_by_id"], ["staff.id"], name=op.f("fk_withdrawal_task_done_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_withdrawal_task_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["mentor_id"], ["staff.id"], name=op.f("fk_withdrawal_task_mentor_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_withdrawal_task")),
    )
    with op.batch_alter_table("withdrawal_task", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_withdrawal_task_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_withdrawal_task_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_withdrawal_task_mentor_id"), ["mentor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_withdrawal_task_status"), ["status"], unique=False)

    op.create_table(
        "withdrawal_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("disqualification_id", sa.Integer(), nullable=True),
        sa.Column("appeal_id", sa.Integer(), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "letter",
                "disqualification",
                "appeal",
                "resolution",
                "other",
                name="documentrole",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("mime_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["appeal_id"], ["appeal.id"], name=op.f("fk_withdrawal_document_appeal_id_appeal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["withdrawal_case.id"],
            name=op.f("fk_withdrawal_document_case_id_withdrawal_case"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["disqualification_id"],
            ["disqualification.id"],
            name=op.f("fk_withdrawal_document_disqualification_id_disqualification"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"], ["staff.id"], name=op.f("fk_withdrawal_document_uploaded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_withdrawal_document")),
    )
    with op.batch_alter_table("withdrawal_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_withdrawal_document_appeal_id"), ["appeal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_withdrawal_document_case_id"), ["case_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_withdrawal_document_disqualification_id"), ["disqualification_id"], unique=False
        )

    _spells_from_the_register()


def _spells_from_the_register() -> None:
    """One spell per member from its columns: joined on ``join_date``; a former member left on
    ``left_date`` for ``left_reason``, withdrawn or cancelled as its status says."""
    connection = op.get_bind()
    now = dt.datetime.now(dt.UTC)
    member = sa.table(
        "member",
        sa.column("id", sa.Integer()),
        sa.column("status", sa.String()),
        sa.column("join_date", sa.Date()),
        sa.column("left_date", sa.Date()),
        sa.column("left_reason", sa.Text()),
        sa.column("member_number", sa.String()),
        sa.column("certificate_number", sa.String()),
    )
    spell = sa.table(
        "membership_spell",
        sa.column("member_id", sa.Integer()),
        sa.column("joined_on", sa.Date()),
        sa.column("joined_how", sa.String()),
        sa.column("left_on", sa.Date()),
        sa.column("left_how", sa.String()),
        sa.column("left_reason", sa.Text()),
        sa.column("member_number", sa.String()),
        sa.column("certificate_number", sa.String()),
        sa.column("recorded_at", sa.DateTime(timezone=True)),
    )
    rows = []
    for row in connection.execute(sa.select(member)).mappings():
        left = row["status"] in ("withdrawn", "cancelled")
        rows.append(
            {
                "member_id": row["id"],
                "joined_on": row["join_date"],
                "joined_how": "historic",
                "left_on": row["left_date"] if left else None,
                "left_how": row["status"] if left else None,
                "left_reason": row["left_reason"] if left else None,
                "member_number": row["member_number"],
                "certificate_number": row["certificate_number"],
                "recorded_at": now,
            }
        )
        if len(rows) >= 5000:
            connection.execute(sa.insert(spell), rows)
            rows = []
    if rows:
        connection.execute(sa.insert(spell), rows)


def downgrade() -> None:
    for table in TABLES:
        op.drop_table(table)
