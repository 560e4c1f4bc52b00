"""Dues (R-5.5, R-8.5, R-9.4, R-12.1 (1), R-15.1): what each member owes per dues year, what it
paid and how each payment settled which year, the resident leader's written consents to
reductions, the receipts the association issues (one sequence) with the official vouchers issued
for them, and the bank statements read in.

Money is never edited: a payment is corrected by a reversal (a second payment of the opposite
amount pointing at the first), and how payments settle bills is a list of allocations that only
grows. ``DuesBill.paid`` and ``DuesPayment.allocated`` are running sums of those allocations, kept
so that the arrears of 100,000 members are one indexed query.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, LargeBinary, Numeric, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.core.models.base import Base, str_enum

MONEY = Numeric(12, 2)


class PaymentMethod(str, enum.Enum):
    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"
    OTHER = "other"

    @property
    def label(self) -> str:
        return PAYMENT_METHOD_LABELS[self]


PAYMENT_METHOD_LABELS = {
    PaymentMethod.BANK_TRANSFER: "银行转账",
    PaymentMethod.CASH: "现金",
    PaymentMethod.OTHER: "其他",
}


class BillBasis(str, enum.Enum):
    """Why a bill has its amount."""

    YEAR = "year"  # the year's dues at the member's level (``bill_year``)
    FIRST_YEAR = "first_year"  # the member joined during that year: the setting dues.first_year
    ADMISSION = "admission"  # billed at admission's dues step (R-5.1 (5))
    BACK_PAYMENT = "back_payment"  # a year owed when a membership is restored by back-payment


class VoucherStatus(str, enum.Enum):
    """The official voucher (社会团体会费统一票据, paper or electronic) issued for a receipt."""

    NONE = "none"  # the receipt is the association's own acknowledgement only
    REQUESTED = "requested"
    ISSUED = "issued"


class VoucherKind(str, enum.Enum):
    PAPER = "paper"  # 社会团体会费统一票据（纸质）
    ELECTRONIC = "electronic"  # 社会团体会费电子票据


VOUCHER_KIND_LABELS = {VoucherKind.PAPER: "社会团体会费统一票据", VoucherKind.ELECTRONIC: "社会团体会费电子票据"}


class LineStatus(str, enum.Enum):
    """An incoming line of a bank statement."""

    BOOKED = "booked"  # matched to a member and booked as a payment
    UNMATCHED = "unmatched"  # waiting for a person to match it
    IGNORED = "ignored"  # not dues (a donation, a training fee …), with the reason


class DuesBill(Base):
    """What one member owes for one dues year. ``scheduled`` is the schedule's amount (after the
    first-year rule); ``due`` is lower only with a resident leader's written consent (R-8.5:
    ``consent_id``). Before registration a bill belongs to the application (admission's dues
    step); it follows the application to its member."""

    __tablename__ = "dues_bill"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"), index=True)
    year: Mapped[int]
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    level: Mapped[str] = mapped_column(String(32))
    scheduled: Mapped[Decimal] = mapped_column(MONEY)
    due: Mapped[Decimal] = mapped_column(MONEY)
    paid: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))
    settled: Mapped[bool] = mapped_column(default=False)
    basis: Mapped[BillBasis] = mapped_column(str_enum(BillBasis))
    basis_note: Mapped[str | None] = mapped_column(String(200))
    consent_id: Mapped[int | None] = mapped_column(ForeignKey("dues_consent.id"))
    created_at: Mapped[dt.datetime]
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # Future dues of a member who left; arrears stay on record.
    cancelled_at: Mapped[dt.datetime | None]
    cancelled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    cancel_reason: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (
        # One bill per member and year; billing twice adds nothing.
        Index(
            "ux_dues_bill_member_year",
            "member_id",
            "year",
            unique=True,
            sqlite_where=text("cancelled_at IS NULL"),
            postgresql_where=text("cancelled_at IS NULL"),
        ),
        # Arrears read the open bills only, and nothing but this index (partial and covering).
        Index(
            "ix_dues_bill_open",
            "member_id",
            "period_start",
            "period_end",
            "year",
            "due",
            "paid",
            sqlite_where=text("settled = 0 AND cancelled_at IS NULL"),
            postgresql_where=text("settled = false AND cancelled_at IS NULL"),
        ),
        # A year's list and the collection rates (covering).
        Index(
            "ix_dues_bill_year",
            "year",
            "member_id",
            "settled",
            "due",
            "paid",
            "scheduled",
            sqlite_where=text("cancelled_at IS NULL"),
            postgresql_where=text("cancelled_at IS NULL"),
        ),
    )


class DuesConsent(Base):
    """A resident leader's written consent to reduced (or waived) dues for one member and year
    (R-8.5): who, when, the document's reference and its scan. Recorded by the resident leader,
    before any lower amount is billed or accepted."""

    __tablename__ = "dues_consent"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"), index=True)
    year: Mapped[int] = mapped_column(index=True)
    scheduled: Mapped[Decimal] = mapped_column(MONEY)  # what the schedule asks for that year
    agreed: Mapped[Decimal] = mapped_column(MONEY)  # what the member is to pay (0: waived)
    reason: Mapped[str] = mapped_column(Text)
    document_reference: Mapped[str] = mapped_column(String(100))  # 文号 or the letter's reference
    consented_on: Mapped[dt.date] = mapped_column(Date)  # the date on the written consent
    consented_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    consented_by_name: Mapped[str] = mapped_column(String(64))
    scan_name: Mapped[str] = mapped_column(String(255))
    scan_mime: Mapped[str] = mapped_column(String(64))
    scan_size: Mapped[int]
    scan_sha256: Mapped[str] = mapped_column(String(64))
    # Deferred: lists and reports never load megabytes of scans.
    scan: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    recorded_at: Mapped[dt.datetime]


class DuesPayment(Base):
    """Money received (or, with a negative amount, a reversal of money recorded wrongly)."""

    __tablename__ = "dues_payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"), index=True)
    received_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    allocated: Mapped[Decimal] = mapped_column(MONEY, default=Decimal("0"))  # what settled bills; the rest is credit
    method: Mapped[PaymentMethod] = mapped_column(str_enum(PaymentMethod))
    payer: Mapped[str] = mapped_column(String(200))
    reference: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("dues_payment.id"), unique=True)
    recorded_at: Mapped[dt.datetime]
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recorded_by_name: Mapped[str] = mapped_column(String(64))


class DuesAllocation(Base):
    """How much of a payment settled which bill (negative: undone by a reversal)."""

    __tablename__ = "dues_allocation"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("dues_payment.id"), index=True)
    bill_id: Mapped[int] = mapped_column(ForeignKey("dues_bill.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    at: Mapped[dt.datetime]


class DuesReceipt(Base):
    """A dues receipt (会费收据) handed out: its number is unique, whoever issued it (the dues area,
    the documents area, the command line, admission's dues step). Numbers come from one sequence
    (``numbering.receipt_number``); a number typed in for a receipt written by hand is kept too.

    A receipt acknowledges one payment (``payment_id``; older receipts have none). The official
    voucher issued for it (社会团体会费统一票据, paper or electronic) is tracked here, and when the
    receipt and the voucher went out in the post (R-9.4)."""

    __tablename__ = "dues_receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    payer: Mapped[str] = mapped_column(String(200))
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"), index=True)
    years: Mapped[str] = mapped_column(String(64))  # "2026" or "2024,2025"
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    issued_at: Mapped[dt.datetime]
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    issued_by_name: Mapped[str] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("dues_payment.id"), index=True)
    payer_uscc: Mapped[str | None] = mapped_column(String(18))
    voucher_status: Mapped[VoucherStatus] = mapped_column(
        str_enum(VoucherStatus), default=VoucherStatus.NONE, server_default=VoucherStatus.NONE.value
    )
    voucher_kind: Mapped[VoucherKind | None] = mapped_column(str_enum(VoucherKind))
    voucher_number: Mapped[str | None] = mapped_column(String(60))
    voucher_requested_on: Mapped[dt.date | None] = mapped_column(Date)
    voucher_issued_on: Mapped[dt.date | None] = mapped_column(Date)
    voucher_mailed_on: Mapped[dt.date | None] = mapped_column(Date)
    mailed_on: Mapped[dt.date | None] = mapped_column(Date)  # the receipt itself, with the journal
    mailed_note: Mapped[str | None] = mapped_column(String(200))  # the mailing batch, a tracking number


class BankStatement(Base):
    """One bank statement read in: the file, who, when, and what became of its rows."""

    __tablename__ = "bank_statement"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    sheet: Mapped[str] = mapped_column(String(100))
    imported_at: Mapped[dt.datetime]
    imported_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    summary: Mapped[str] = mapped_column(String(300))


class BankStatementLine(Base):
    """An incoming transaction of a statement. ``fingerprint`` (the bank's serial number, or the
    date, amount, payer, account and text) is unique: the same line imported again is known."""

    __tablename__ = "bank_statement_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("bank_statement.id"), index=True)
    row_number: Mapped[int]
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    booked_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    payer_name: Mapped[str | None] = mapped_column(String(200))
    payer_account: Mapped[str | None] = mapped_column(String(64))
    reference: Mapped[str | None] = mapped_column(String(300))  # 摘要 / 用途 / 附言
    serial: Mapped[str | None] = mapped_column(String(100))  # the bank's transaction number
    status: Mapped[LineStatus] = mapped_column(str_enum(LineStatus), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), index=True)
    match_basis: Mapped[str | None] = mapped_column(String(40))  # 信用代码 / 会员编号 / 单位名称 / 手工
    payment_id: Mapped[int | None] = mapped_column(ForeignKey("dues_payment.id"))
    note: Mapped[str | None] = mapped_column(Text)
    handled_at: Mapped[dt.datetime | None]
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
