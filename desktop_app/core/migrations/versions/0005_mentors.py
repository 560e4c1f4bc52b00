"""mentors: allocation constraint, WeChat groups, contact log, circulation, handover forms, nominations (issue 12)

- ``mentor_assignment``: who ended an assignment and why (a reassignment asks the reason), and a
  partial unique index — at most one open assignment (no end date) per member, on SQLite and
  PostgreSQL alike (R-7.1). A database that already holds two open assignments for a member
  (possible before this revision) has the older ones closed first, the reason saying so.
- ``member_business_kind``: the business kind the office files a member under (R-9.1).
- ``wechat_membership`` (R-8.1), ``contact_entry`` (R-8.2), ``circulation`` with
  ``circulation_recipient`` and ``member_news`` (R-8.3), ``handover_form`` with ``handover_change``
  (R-8.4, R-9.3, R-10.1), ``liaison_nomination`` (R-10.5).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DUPLICATE_REASON = "数据整理：同一会员同时有多条在任班主任记录，保留现任班主任，其余于此日结束"


def upgrade() -> None:
    op.create_table(
        "circulation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind", sa.Enum("document", "news", name="circulationkind", native_enum=False, length=32), nullable=False
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "wechat_group",
                "mail",
                "email",
                "in_person",
                "other",
                name="circulationchannel",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_circulation_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_circulation")),
    )
    with op.batch_alter_table("circulation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_circulation_sent_on"), ["sent_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_circulation_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "circulation_recipient",
        sa.Column("circulation_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["circulation_id"],
            ["circulation.id"],
            name=op.f("fk_circulation_recipient_circulation_id_circulation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_circulation_recipient_member_id_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("circulation_id", "member_id", name=op.f("pk_circulation_recipient")),
    )
    with op.batch_alter_table("circulation_recipient", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_circulation_recipient_member_id"), ["member_id"], unique=False)

    op.create_table(
        "contact_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("contact_date", sa.Date(), nullable=False),
        sa.Column(
            "channel",
            sa.Enum(
                "visit", "phone", "wechat", "meeting", "other", name="contactchannel", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column("contact_person", sa.String(length=64), nullable=True),
        sa.Column("learnt", sa.Text(), nullable=False),
        sa.Column("needs", sa.Text(), nullable=True),
        sa.Column("follow_up", sa.Text(), nullable=True),
        sa.Column("follow_up_due", sa.Date(), nullable=True),
        sa.Column("follow_up_done_on", sa.Date(), nullable=True),
        sa.Column("follow_up_result", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_contact_entry_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"], name=op.f("fk_contact_entry_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_entry")),
    )
    with op.batch_alter_table("contact_entry", schema=None) as batch_op:
        batch_op.create_index("ix_contact_entry_member_date", ["member_id", "contact_date"], unique=False)
        batch_op.create_index(
            "ix_contact_entry_open_follow_up",
            ["member_id", "follow_up_due"],
            unique=False,
            sqlite_where=sa.text("follow_up_due IS NOT NULL AND follow_up_done_on IS NULL"),
            postgresql_where=sa.text("follow_up_due IS NOT NULL AND follow_up_done_on IS NULL"),
        )
        batch_op.create_index(batch_op.f("ix_contact_entry_staff_id"), ["staff_id"], unique=False)

    op.create_table(
        "handover_form",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("filed_by_id", sa.Integer(), nullable=True),
        sa.Column("form_date", sa.Date(), nullable=False),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("pending", "applied", "rejected", name="handoverstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("filed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["decided_by_id"], ["staff.id"], name=op.f("fk_handover_form_decided_by_id_staff")),
        sa.ForeignKeyConstraint(["filed_by_id"], ["staff.id"], name=op.f("fk_handover_form_filed_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_handover_form_member_id_member"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_form")),
    )
    with op.batch_alter_table("handover_form", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handover_form_filed_by_id"), ["filed_by_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_handover_form_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_handover_form_status"), ["status"], unique=False)

    op.create_table(
        "liaison_nomination",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=8), nullable=False),
        sa.Column("liaison_name", sa.String(length=64), nullable=False),
        sa.Column("liaison_position", sa.String(length=64), nullable=True),
        sa.Column("liaison_mobile", sa.String(length=20), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("nominated_by_id", sa.Integer(), nullable=True),
        sa.Column("nominated_on", sa.Date(), nullable=False),
        sa.Column(
            "decision",
            sa.Enum("pending", "approved", "declined", name="nominationdecision", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_note", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["staff.id"], name=op.f("fk_liaison_nomination_decided_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_liaison_nomination_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["nominated_by_id"], ["staff.id"], name=op.f("fk_liaison_nomination_nominated_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_liaison_nomination")),
        sa.UniqueConstraint("member_id", "period", name=op.f("uq_liaison_nomination_member_id")),
    )
    with op.batch_alter_table("liaison_nomination", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_liaison_nomination_period"), ["period"], unique=False)

    op.create_table(
        "member_business_kind",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("set_by_id", sa.Integer(), nullable=True),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_member_business_kind_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["set_by_id"], ["staff.id"], name=op.f("fk_member_business_kind_set_by_id_staff")),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_business_kind")),
    )
    with op.batch_alter_table("member_business_kind", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_business_kind_kind"), ["kind"], unique=False)

    op.create_table(
        "member_news",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("submitted_on", sa.Date(), nullable=False),
        sa.Column("submitted_by_id", sa.Integer(), nullable=True),
        sa.Column(
            "outcome",
            sa.Enum("pending", "published", "declined", name="publicityoutcome", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("outcome_note", sa.String(length=300), nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["decided_by_id"], ["staff.id"], name=op.f("fk_member_news_decided_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_member_news_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["submitted_by_id"], ["staff.id"], name=op.f("fk_member_news_submitted_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_news")),
    )
    with op.batch_alter_table("member_news", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_news_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_member_news_outcome"), ["outcome"], unique=False)

    op.create_table(
        "wechat_membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mentor_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "person", sa.Enum("principal", "liaison", name="wechatperson", native_enum=False, length=32), nullable=False
        ),
        sa.Column("person_name", sa.String(length=64), nullable=False),
        sa.Column(
            "status",
            sa.Enum("invited", "joined", "left", name="wechatstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("invited_on", sa.Date(), nullable=True),
        sa.Column("joined_on", sa.Date(), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(length=300), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_wechat_membership_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["mentor_id"], ["staff.id"], name=op.f("fk_wechat_membership_mentor_id_staff")),
        sa.ForeignKeyConstraint(["updated_by_id"], ["staff.id"], name=op.f("fk_wechat_membership_updated_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wechat_membership")),
        sa.UniqueConstraint("mentor_id", "member_id", "person", name=op.f("uq_wechat_membership_mentor_id")),
    )
    with op.batch_alter_table("wechat_membership", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_wechat_membership_member_id"), ["member_id"], unique=False)

    op.create_table(
        "handover_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["form_id"], ["handover_form.id"], name=op.f("fk_handover_change_form_id_handover_form"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover_change")),
    )
    with op.batch_alter_table("handover_change", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_handover_change_form_id"), ["form_id"], unique=False)

    with op.batch_alter_table("mentor_assignment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ended_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("end_reason", sa.String(length=300), nullable=True))
    _close_duplicate_open_assignments()
    with op.batch_alter_table("mentor_assignment", schema=None) as batch_op:
        batch_op.create_index(
            "ux_mentor_assignment_current",
            ["member_id"],
            unique=True,
            sqlite_where=sa.text("end_date IS NULL"),
            postgresql_where=sa.text("end_date IS NULL"),
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_mentor_assignment_ended_by_id_staff"), "staff", ["ended_by_id"], ["id"]
        )


def _close_duplicate_open_assignments() -> None:
    """Before the unique index: keep one open assignment per member (the member's own mentor's,
    else the newest) and close the others on the day the kept one started."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT a.id, a.member_id, a.mentor_id, a.start_date, m.mentor_id AS current FROM mentor_assignment a "
            "JOIN member m ON m.id = a.member_id WHERE a.end_date IS NULL AND a.member_id IN "
            "(SELECT member_id FROM mentor_assignment WHERE end_date IS NULL GROUP BY member_id HAVING COUNT(*) > 1) "
            "ORDER BY a.member_id, a.start_date, a.id"
        )
    ).all()
    by_member: dict[int, list] = {}
    for row in rows:
        by_member.setdefault(row.member_id, []).append(row)
    for open_rows in by_member.values():
        kept = next((r for r in reversed(open_rows) if r.mentor_id == r.current), open_rows[-1])
        for row in open_rows:
            if row.id == kept.id:
                continue
            connection.execute(
                sa.text("UPDATE mentor_assignment SET end_date = :end, end_reason = :reason WHERE id = :id"),
                {"end": max(kept.start_date, row.start_date), "reason": DUPLICATE_REASON, "id": row.id},
            )


def downgrade() -> None:
    with op.batch_alter_table("mentor_assignment", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_mentor_assignment_ended_by_id_staff"), type_="foreignkey")
        batch_op.drop_index(
            "ux_mentor_assignment_current",
            sqlite_where=sa.text("end_date IS NULL"),
            postgresql_where=sa.text("end_date IS NULL"),
        )
        batch_op.drop_column("end_reason")
        batch_op.drop_column("ended_by_id")

    with op.batch_alter_table("handover_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handover_change_form_id"))

    op.drop_table("handover_change")
    with op.batch_alter_table("wechat_membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wechat_membership_member_id"))

    op.drop_table("wechat_membership")
    with op.batch_alter_table("member_news", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_news_outcome"))
        batch_op.drop_index(batch_op.f("ix_member_news_member_id"))

    op.drop_table("member_news")
    with op.batch_alter_table("member_business_kind", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_business_kind_kind"))

    op.drop_table("member_business_kind")
    with op.batch_alter_table("liaison_nomination", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_liaison_nomination_period"))

    op.drop_table("liaison_nomination")
    with op.batch_alter_table("handover_form", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_handover_form_status"))
        batch_op.drop_index(batch_op.f("ix_handover_form_member_id"))
        batch_op.drop_index(batch_op.f("ix_handover_form_filed_by_id"))

    op.drop_table("handover_form")
    with op.batch_alter_table("contact_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_entry_staff_id"))
        batch_op.drop_index(
            "ix_contact_entry_open_follow_up",
            sqlite_where=sa.text("follow_up_due IS NOT NULL AND follow_up_done_on IS NULL"),
            postgresql_where=sa.text("follow_up_due IS NOT NULL AND follow_up_done_on IS NULL"),
        )
        batch_op.drop_index("ix_contact_entry_member_date")

    op.drop_table("contact_entry")
    with op.batch_alter_table("circulation_recipient", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_circulation_recipient_member_id"))

    op.drop_table("circulation_recipient")
    with op.batch_alter_table("circulation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_circulation_staff_id"))
        batch_op.drop_index(batch_op.f("ix_circulation_sent_on"))

    op.drop_table("circulation")
