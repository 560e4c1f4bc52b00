"""admission: applications, their history and documents, the print queue (R-4.1, R-5.1 … R-5.6, R-15.1)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_number", sa.String(length=32), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open", "registered", "declined", "abandoned", name="applicationstatus", native_enum=False, length=32
            ),
            nullable=False,
        ),
        sa.Column(
            "stage",
            sa.Enum(
                "received",
                "visited",
                "forms_completed",
                "documents_submitted",
                "credit_checked",
                "reviewed",
                "approved",
                "dues_paid",
                "signed_off",
                "registered",
                name="applicationstage",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("stage_since", sa.DateTime(timezone=True), nullable=False),
        sa.Column("handler_id", sa.Integer(), nullable=True),
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
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("main_business", sa.String(length=200), nullable=True),
        sa.Column("qualification", sa.String(length=300), nullable=True),
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
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("application_date", sa.Date(), nullable=False),
        sa.Column("received_by_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("briefing_note", sa.Text(), nullable=True),
        sa.Column("visit_date", sa.Date(), nullable=True),
        sa.Column("visit_leader_name", sa.String(length=64), nullable=True),
        sa.Column("visit_leader_rank", sa.String(length=64), nullable=True),
        sa.Column("visit_note", sa.Text(), nullable=True),
        sa.Column("visit_by_id", sa.Integer(), nullable=True),
        sa.Column("visit_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("forms_by_id", sa.Integer(), nullable=True),
        sa.Column("forms_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("documents_by_id", sa.Integer(), nullable=True),
        sa.Column("documents_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("former_member_id", sa.Integer(), nullable=True),
        sa.Column(
            "credit_result",
            sa.Enum("passed", "failed", name="creditresult", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("credit_checked_on", sa.Date(), nullable=True),
        sa.Column("credit_evidence", sa.Text(), nullable=True),
        sa.Column("credit_by_id", sa.Integer(), nullable=True),
        sa.Column("credit_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "back_payment",
            sa.Enum("granted", "refused", name="backpaymentdecision", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("back_payment_reason", sa.Text(), nullable=True),
        sa.Column("back_payment_by_id", sa.Integer(), nullable=True),
        sa.Column("back_payment_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("review_opinion", sa.Text(), nullable=True),
        sa.Column("review_by_id", sa.Integer(), nullable=True),
        sa.Column("review_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approval_opinion", sa.Text(), nullable=True),
        sa.Column("approval_by_id", sa.Integer(), nullable=True),
        sa.Column("approval_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("dues_amount", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.Column("dues_receipt_number", sa.String(length=40), nullable=True),
        sa.Column("dues_paid_on", sa.Date(), nullable=True),
        sa.Column("dues_by_id", sa.Integer(), nullable=True),
        sa.Column("dues_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sign_off_opinion", sa.Text(), nullable=True),
        sa.Column("sign_off_by_id", sa.Integer(), nullable=True),
        sa.Column("sign_off_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("registered_by_id", sa.Integer(), nullable=True),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_reason", sa.Text(), nullable=True),
        sa.Column("closed_by_id", sa.Integer(), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["approval_by_id"], ["staff.id"], name=op.f("fk_application_approval_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["back_payment_by_id"], ["staff.id"], name=op.f("fk_application_back_payment_by_id_staff")
        ),
        sa.ForeignKeyConstraint(["closed_by_id"], ["staff.id"], name=op.f("fk_application_closed_by_id_staff")),
        sa.ForeignKeyConstraint(["credit_by_id"], ["staff.id"], name=op.f("fk_application_credit_by_id_staff")),
        sa.ForeignKeyConstraint(["documents_by_id"], ["staff.id"], name=op.f("fk_application_documents_by_id_staff")),
        sa.ForeignKeyConstraint(["dues_by_id"], ["staff.id"], name=op.f("fk_application_dues_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["former_member_id"], ["member.id"], name=op.f("fk_application_former_member_id_member")
        ),
        sa.ForeignKeyConstraint(["forms_by_id"], ["staff.id"], name=op.f("fk_application_forms_by_id_staff")),
        sa.ForeignKeyConstraint(["handler_id"], ["staff.id"], name=op.f("fk_application_handler_id_staff")),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_application_member_id_member")),
        sa.ForeignKeyConstraint(["received_by_id"], ["staff.id"], name=op.f("fk_application_received_by_id_staff")),
        sa.ForeignKeyConstraint(["registered_by_id"], ["staff.id"], name=op.f("fk_application_registered_by_id_staff")),
        sa.ForeignKeyConstraint(["review_by_id"], ["staff.id"], name=op.f("fk_application_review_by_id_staff")),
        sa.ForeignKeyConstraint(["sign_off_by_id"], ["staff.id"], name=op.f("fk_application_sign_off_by_id_staff")),
        sa.ForeignKeyConstraint(["visit_by_id"], ["staff.id"], name=op.f("fk_application_visit_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
        sa.UniqueConstraint("application_number", name=op.f("uq_application_application_number")),
    )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_application_date"), ["application_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_former_member_id"), ["former_member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_handler_id"), ["handler_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_name"), ["name"], unique=False)
        batch_op.create_index("ix_application_status_stage", ["status", "stage"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_uscc"), ["uscc"], unique=False)

    op.create_table(
        "application_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "business_licence",
                "qualification_certificate",
                "profile",
                "brochure",
                "credit_evidence",
                "other",
                name="documentkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("mime_type", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_document_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"], ["staff.id"], name=op.f("fk_application_document_uploaded_by_id_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_document")),
    )
    with op.batch_alter_table("application_document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_document_application_id"), ["application_id"], unique=False)

    op.create_table(
        "application_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", sa.String(length=64), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "created",
                "step",
                "sent_back",
                "declined",
                "abandoned",
                "credit_check",
                "back_payment",
                "document_added",
                "document_removed",
                "edited",
                name="eventkind",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "stage_from",
            sa.Enum(
                "received",
                "visited",
                "forms_completed",
                "documents_submitted",
                "credit_checked",
                "reviewed",
                "approved",
                "dues_paid",
                "signed_off",
                "registered",
                name="applicationstage",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "stage_to",
            sa.Enum(
                "received",
                "visited",
                "forms_completed",
                "documents_submitted",
                "credit_checked",
                "reviewed",
                "approved",
                "dues_paid",
                "signed_off",
                "registered",
                name="applicationstage",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("details", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["staff.id"], name=op.f("fk_application_event_actor_id_staff")),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_application_event_application_id_application"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_event")),
    )
    with op.batch_alter_table("application_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_event_application_id"), ["application_id"], unique=False)

    op.create_table(
        "print_job",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("certificate", "plaque_order", name="printkind", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column(
            "status", sa.Enum("queued", "printed", name="printstatus", native_enum=False, length=32), nullable=False
        ),
        sa.Column("queued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("queued_by_id", sa.Integer(), nullable=True),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("printed_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f("fk_print_job_application_id_application"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["member.id"], name=op.f("fk_print_job_member_id_member"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["printed_by_id"], ["staff.id"], name=op.f("fk_print_job_printed_by_id_staff")),
        sa.ForeignKeyConstraint(["queued_by_id"], ["staff.id"], name=op.f("fk_print_job_queued_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_print_job")),
    )
    with op.batch_alter_table("print_job", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_job_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_job_status"), ["status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_job", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_job_status"))
        batch_op.drop_index(batch_op.f("ix_print_job_member_id"))

    op.drop_table("print_job")
    with op.batch_alter_table("application_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_event_application_id"))

    op.drop_table("application_event")
    with op.batch_alter_table("application_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_document_application_id"))

    op.drop_table("application_document")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_uscc"))
        batch_op.drop_index("ix_application_status_stage")
        batch_op.drop_index(batch_op.f("ix_application_name"))
        batch_op.drop_index(batch_op.f("ix_application_member_id"))
        batch_op.drop_index(batch_op.f("ix_application_handler_id"))
        batch_op.drop_index(batch_op.f("ix_application_former_member_id"))
        batch_op.drop_index(batch_op.f("ix_application_application_date"))

    op.drop_table("application")
