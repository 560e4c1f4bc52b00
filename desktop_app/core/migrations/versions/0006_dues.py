"""dues: schedule, bills, payments, reductions, vouchers, bank statements (issue 13)

- ``dues_bill`` (what a member owes per dues year), ``dues_payment`` (money in, and reversals),
  ``dues_allocation`` (which payment settled which bill), ``dues_consent`` (the resident leader's
  written consent to a reduction, R-8.5), ``bank_statement`` and ``bank_statement_line``;
  ``dues_receipt`` gains the payment it acknowledges, the payer's USCC, the official voucher
  issued for it and when it was mailed.
- The annual dues move from ``membership.levels`` into the schedule ``dues.schedule`` (effective
  from 2000, i.e. for every year as before), when the office had stored its own levels.
- The dues admission's step took before this version are booked: a bill for that year at the
  level's dues, the payment as it was recorded and its receipt linked, so a member registered
  with its first year paid is not billed that year again (and one that paid less shows the rest).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MIGRATED_FROM_YEAR = 2000
_SETTING = sa.table(
    "setting",
    sa.column("key", sa.String),
    sa.column("value", sa.JSON),
    sa.column("updated_at", sa.DateTime(timezone=True)),
    sa.column("updated_by_id", sa.Integer),
)


def upgrade() -> None:
    _create_tables()
    amounts = _move_dues_out_of_levels()
    _book_admission_dues(amounts)


def _create_tables() -> None:
    op.create_table(
        "bank_statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("sheet", sa.String(length=100), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(["imported_by_id"], ["staff.id"], name=op.f("fk_bank_statement_imported_by_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_statement")),
    )
    with op.batch_alter_table("bank_statement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bank_statement_sha256"), ["sha256"], unique=False)

    op.create_table(
        "dues_consent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("scheduled", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("agreed", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("document_reference", sa.String(length=100), nullable=False),
        sa.Column("consented_on", sa.Date(), nullable=False),
        sa.Column("consented_by_id", sa.Integer(), nullable=False),
        sa.Column("consented_by_name", sa.String(length=64), nullable=False),
        sa.Column("scan_name", sa.String(length=255), nullable=False),
        sa.Column("scan_mime", sa.String(length=64), nullable=False),
        sa.Column("scan_size", sa.Integer(), nullable=False),
        sa.Column("scan_sha256", sa.String(length=64), nullable=False),
        sa.Column("scan", sa.LargeBinary(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["application.id"], name=op.f("fk_dues_consent_application_id_application")
        ),
        sa.ForeignKeyConstraint(["consented_by_id"], ["staff.id"], name=op.f("fk_dues_consent_consented_by_id_staff")),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_dues_consent_member_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_consent")),
    )
    with op.batch_alter_table("dues_consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dues_consent_application_id"), ["application_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dues_consent_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dues_consent_year"), ["year"], unique=False)

    op.create_table(
        "dues_payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("allocated", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column(
            "method",
            sa.Enum("bank_transfer", "cash", "other", name="paymentmethod", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("payer", sa.String(length=200), nullable=False),
        sa.Column("reference", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("recorded_by_name", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"], ["application.id"], name=op.f("fk_dues_payment_application_id_application")
        ),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_dues_payment_member_id_member")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["staff.id"], name=op.f("fk_dues_payment_recorded_by_id_staff")),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["dues_payment.id"], name=op.f("fk_dues_payment_reverses_id_dues_payment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_payment")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_dues_payment_reverses_id")),
    )
    with op.batch_alter_table("dues_payment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dues_payment_application_id"), ["application_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dues_payment_member_id"), ["member_id"], unique=False)

    op.create_table(
        "bank_statement_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("booked_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("payer_name", sa.String(length=200), nullable=True),
        sa.Column("payer_account", sa.String(length=64), nullable=True),
        sa.Column("reference", sa.String(length=300), nullable=True),
        sa.Column("serial", sa.String(length=100), nullable=True),
        sa.Column(
            "status",
            sa.Enum("booked", "unmatched", "ignored", name="linestatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("match_basis", sa.String(length=40), nullable=True),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("handled_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["handled_by_id"], ["staff.id"], name=op.f("fk_bank_statement_line_handled_by_id_staff")
        ),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_bank_statement_line_member_id_member")),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["dues_payment.id"], name=op.f("fk_bank_statement_line_payment_id_dues_payment")
        ),
        sa.ForeignKeyConstraint(
            ["statement_id"], ["bank_statement.id"], name=op.f("fk_bank_statement_line_statement_id_bank_statement")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_statement_line")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_bank_statement_line_fingerprint")),
    )
    with op.batch_alter_table("bank_statement_line", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bank_statement_line_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bank_statement_line_statement_id"), ["statement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bank_statement_line_status"), ["status"], unique=False)

    op.create_table(
        "dues_bill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("scheduled", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("due", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("paid", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("settled", sa.Boolean(), nullable=False),
        sa.Column(
            "basis",
            sa.Enum("year", "first_year", "admission", "back_payment", name="billbasis", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("basis_note", sa.String(length=200), nullable=True),
        sa.Column("consent_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cancelled_by_id", sa.Integer(), nullable=True),
        sa.Column("cancel_reason", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"], ["application.id"], name=op.f("fk_dues_bill_application_id_application")
        ),
        sa.ForeignKeyConstraint(["cancelled_by_id"], ["staff.id"], name=op.f("fk_dues_bill_cancelled_by_id_staff")),
        sa.ForeignKeyConstraint(["consent_id"], ["dues_consent.id"], name=op.f("fk_dues_bill_consent_id_dues_consent")),
        sa.ForeignKeyConstraint(["created_by_id"], ["staff.id"], name=op.f("fk_dues_bill_created_by_id_staff")),
        sa.ForeignKeyConstraint(["member_id"], ["member.id"], name=op.f("fk_dues_bill_member_id_member")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_bill")),
    )
    with op.batch_alter_table("dues_bill", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dues_bill_application_id"), ["application_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dues_bill_member_id"), ["member_id"], unique=False)
        batch_op.create_index(
            "ix_dues_bill_open",
            ["member_id", "period_start", "period_end", "year", "due", "paid"],
            unique=False,
            sqlite_where=sa.text("settled = 0 AND cancelled_at IS NULL"),
            postgresql_where=sa.text("settled = false AND cancelled_at IS NULL"),
        )
        batch_op.create_index(
            "ix_dues_bill_year",
            ["year", "member_id", "settled", "due", "paid", "scheduled"],
            unique=False,
            sqlite_where=sa.text("cancelled_at IS NULL"),
            postgresql_where=sa.text("cancelled_at IS NULL"),
        )
        batch_op.create_index(
            "ux_dues_bill_member_year",
            ["member_id", "year"],
            unique=True,
            sqlite_where=sa.text("cancelled_at IS NULL"),
            postgresql_where=sa.text("cancelled_at IS NULL"),
        )

    op.create_table(
        "dues_allocation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("bill_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["bill_id"], ["dues_bill.id"], name=op.f("fk_dues_allocation_bill_id_dues_bill")),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["dues_payment.id"], name=op.f("fk_dues_allocation_payment_id_dues_payment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_allocation")),
    )
    with op.batch_alter_table("dues_allocation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_dues_allocation_bill_id"), ["bill_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_dues_allocation_payment_id"), ["payment_id"], unique=False)

    with op.batch_alter_table("dues_receipt", schema=None) as batch_op:
        batch_op.add_column(sa.Column("payment_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("payer_uscc", sa.String(length=18), nullable=True))
        batch_op.add_column(
            sa.Column(
                "voucher_status",
                sa.Enum("none", "requested", "issued", name="voucherstatus", native_enum=False, length=32),
                server_default="none",
                nullable=False,
            )
        )
        batch_op.add_column(
            sa.Column(
                "voucher_kind",
                sa.Enum("paper", "electronic", name="voucherkind", native_enum=False, length=32),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("voucher_number", sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column("voucher_requested_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("voucher_issued_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("voucher_mailed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("mailed_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("mailed_note", sa.String(length=200), nullable=True))
        batch_op.create_index(batch_op.f("ix_dues_receipt_payment_id"), ["payment_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_dues_receipt_payment_id_dues_payment"), "dues_payment", ["payment_id"], ["id"]
        )


# --- data -------------------------------------------------------------------------------------------


def _stored(connection: sa.Connection, key: str) -> Any:
    value = connection.execute(sa.select(_SETTING.c.value).where(_SETTING.c.key == key)).scalar()
    if isinstance(value, str):  # a driver that hands JSON back as text
        value = json.loads(value)
    return value


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _money(value: Any) -> Decimal | None:
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        return None
    return amount if amount >= 0 else None


def _move_dues_out_of_levels() -> dict[str, Decimal]:
    """The office's stored levels carried their annual dues: they become the schedule (from 2000,
    so every year is billed as before) and the levels keep their codes and names. Returns the
    dues per level the admission bookings below use (the defaults when nothing was stored)."""
    connection = op.get_bind()
    defaults = {
        "president": Decimal("50000"),
        "vice_president": Decimal("30000"),
        "standing_council": Decimal("10000"),
        "council": Decimal("5000"),
        "member": Decimal("2000"),
    }
    levels = _stored(connection, "membership.levels")
    if not isinstance(levels, list):
        return defaults
    amounts: dict[str, Decimal] = {}
    for level in levels:
        if isinstance(level, dict) and level.get("code") and "annual_dues" in level:
            amount = _money(level["annual_dues"])
            if amount is not None:
                amounts[str(level["code"])] = amount
    if amounts and _stored(connection, "dues.schedule") is None:
        schedule = [
            {
                "from_year": MIGRATED_FROM_YEAR,
                "amounts": {code: int(a) if a == int(a) else float(a) for code, a in amounts.items()},
                "note": "由原设置“会员级别及年度会费”迁移",
            }
        ]
        connection.execute(
            sa.insert(_SETTING).values(key="dues.schedule", value=schedule, updated_at=_now(), updated_by_id=None)
        )
    stripped = [
        {k: v for k, v in level.items() if k != "annual_dues"} if isinstance(level, dict) else level for level in levels
    ]
    if stripped != levels:
        connection.execute(sa.update(_SETTING).where(_SETTING.c.key == "membership.levels").values(value=stripped))
    return amounts or defaults


def _book_admission_dues(amounts: dict[str, Decimal]) -> None:
    """Admission's dues step recorded an amount and a receipt number on the application only."""
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT id, name, uscc, level, member_id, former_member_id, dues_amount, dues_receipt_number, "
            "dues_paid_on, dues_at, dues_by_id FROM application WHERE dues_amount IS NOT NULL "
            "AND dues_paid_on IS NOT NULL ORDER BY id"
        )
    ).all()
    money, day, moment = sa.Numeric(12, 2), sa.Date(), sa.DateTime(timezone=True)
    bill_t = sa.table(
        "dues_bill",
        sa.column("id", sa.Integer),
        sa.column("member_id", sa.Integer),
        sa.column("application_id", sa.Integer),
        sa.column("year", sa.Integer),
        sa.column("period_start", day),
        sa.column("period_end", day),
        sa.column("level", sa.String),
        sa.column("scheduled", money),
        sa.column("due", money),
        sa.column("paid", money),
        sa.column("settled", sa.Boolean),
        sa.column("basis", sa.String),
        sa.column("basis_note", sa.String),
        sa.column("created_at", moment),
        sa.column("created_by_id", sa.Integer),
    )
    payment_t = sa.table(
        "dues_payment",
        sa.column("id", sa.Integer),
        sa.column("member_id", sa.Integer),
        sa.column("application_id", sa.Integer),
        sa.column("received_on", day),
        sa.column("amount", money),
        sa.column("allocated", money),
        sa.column("method", sa.String),
        sa.column("payer", sa.String),
        sa.column("reference", sa.String),
        sa.column("note", sa.Text),
        sa.column("recorded_at", moment),
        sa.column("recorded_by_id", sa.Integer),
        sa.column("recorded_by_name", sa.String),
    )
    allocation_t = sa.table(
        "dues_allocation",
        sa.column("payment_id", sa.Integer),
        sa.column("bill_id", sa.Integer),
        sa.column("amount", money),
        sa.column("at", moment),
    )
    receipt_t = sa.table(
        "dues_receipt",
        sa.column("number", sa.String),
        sa.column("payment_id", sa.Integer),
        sa.column("member_id", sa.Integer),
        sa.column("payer_uscc", sa.String),
    )
    taken: set[tuple[int, int]] = set()
    for row in rows:
        paid_on = row.dues_paid_on
        if isinstance(paid_on, str):
            paid_on = dt.date.fromisoformat(paid_on[:10])
        at = row.dues_at
        if isinstance(at, str):
            at = dt.datetime.fromisoformat(at)
        at = at if isinstance(at, dt.datetime) else _now()
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.timezone.utc)
        member_id = row.member_id or row.former_member_id
        amount = _money(row.dues_amount)
        if amount is None or amount <= 0:
            continue
        year = paid_on.year
        if member_id is not None and (member_id, year) in taken:
            continue
        if member_id is not None:
            taken.add((member_id, year))
        scheduled = amounts.get(row.level, amount)
        settled_part = min(amount, scheduled)
        bill_id = connection.execute(
            sa.insert(bill_t)
            .values(
                member_id=member_id,
                application_id=row.id,
                year=year,
                period_start=dt.date(year, 1, 1),
                period_end=dt.date(year, 12, 31),
                level=row.level,
                scheduled=scheduled,
                due=scheduled,
                paid=settled_part,
                settled=settled_part >= scheduled,
                basis="admission",
                basis_note="入会时缴纳（升级时由入会申请记录转入）",
                created_at=at,
                created_by_id=row.dues_by_id,
            )
            .returning(bill_t.c.id)
        ).scalar_one()
        payment_id = connection.execute(
            sa.insert(payment_t)
            .values(
                member_id=member_id,
                application_id=row.id,
                received_on=paid_on,
                amount=amount,
                allocated=settled_part,
                method="other",
                payer=row.name,
                reference=row.dues_receipt_number,
                note="入会时缴纳会费（升级时由入会申请记录转入）",
                recorded_at=at,
                recorded_by_id=row.dues_by_id,
                recorded_by_name="入会缴费",
            )
            .returning(payment_t.c.id)
        ).scalar_one()
        connection.execute(
            sa.insert(allocation_t).values(payment_id=payment_id, bill_id=bill_id, amount=settled_part, at=at)
        )
        if row.dues_receipt_number:
            connection.execute(
                sa.update(receipt_t)
                .where(receipt_t.c.number == row.dues_receipt_number)
                .values(payment_id=payment_id, member_id=member_id, payer_uscc=row.uscc)
            )


def downgrade() -> None:
    connection = op.get_bind()
    schedule = _stored(connection, "dues.schedule")
    levels = _stored(connection, "membership.levels")
    if isinstance(schedule, list) and schedule and isinstance(levels, list):
        latest = max(schedule, key=lambda entry: entry.get("from_year", 0)).get("amounts", {})
        restored = [
            {**level, "annual_dues": latest.get(level.get("code"), 0)} if isinstance(level, dict) else level
            for level in levels
        ]
        connection.execute(sa.update(_SETTING).where(_SETTING.c.key == "membership.levels").values(value=restored))
    connection.execute(sa.delete(_SETTING).where(_SETTING.c.key == "dues.schedule"))

    with op.batch_alter_table("dues_receipt", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_dues_receipt_payment_id_dues_payment"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_dues_receipt_payment_id"))
        for column in (
            "mailed_note",
            "mailed_on",
            "voucher_mailed_on",
            "voucher_issued_on",
            "voucher_requested_on",
            "voucher_number",
            "voucher_kind",
            "voucher_status",
            "payer_uscc",
            "payment_id",
        ):
            batch_op.drop_column(column)

    with op.batch_alter_table("dues_allocation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dues_allocation_payment_id"))
        batch_op.drop_index(batch_op.f("ix_dues_allocation_bill_id"))
    op.drop_table("dues_allocation")
    with op.batch_alter_table("dues_bill", schema=None) as batch_op:
        batch_op.drop_index(
            "ux_dues_bill_member_year",
            sqlite_where=sa.text("cancelled_at IS NULL"),
            postgresql_where=sa.text("cancelled_at IS NULL"),
        )
        batch_op.drop_index("ix_dues_bill_year", sqlite_where=sa.text("cancelled_at IS NULL"))
        batch_op.drop_index("ix_dues_bill_open", sqlite_where=sa.text("settled = 0 AND cancelled_at IS NULL"))
        batch_op.drop_index(batch_op.f("ix_dues_bill_member_id"))
        batch_op.drop_index(batch_op.f("ix_dues_bill_application_id"))
    op.drop_table("dues_bill")
    with op.batch_alter_table("bank_statement_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bank_statement_line_status"))
        batch_op.drop_index(batch_op.f("ix_bank_statement_line_statement_id"))
        batch_op.drop_index(batch_op.f("ix_bank_statement_line_member_id"))
    op.drop_table("bank_statement_line")
    with op.batch_alter_table("dues_payment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dues_payment_member_id"))
        batch_op.drop_index(batch_op.f("ix_dues_payment_application_id"))
    op.drop_table("dues_payment")
    with op.batch_alter_table("dues_consent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dues_consent_year"))
        batch_op.drop_index(batch_op.f("ix_dues_consent_member_id"))
        batch_op.drop_index(batch_op.f("ix_dues_consent_application_id"))
    op.drop_table("dues_consent")
    with op.batch_alter_table("bank_statement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bank_statement_sha256"))
    op.drop_table("bank_statement")
