"""Demo dues (issue 13): last year and this year billed for every active member, most of it paid by
bank transfer or in cash with receipts (most mailed, some with the official voucher), some part
payments and arrears — a few members unpaid for more than a year —, some credit carried forward,
consented reductions (and one waiver) with the resident leader's scanned consent, one reversal,
and a bank statement with lines still waiting to be matched. Called by ``demo.members.generate_demo``.

Billing goes through the service (``dues.bill_year``); the thousands of payments of a large demo
are inserted in bulk with their allocations, running sums and receipts exactly as the ledger's
own rule (oldest year first) would have left them; the few consents, the reversal and the bank
statement go through the services.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_app.core.db import bulk_insert, clock_of, table_of
from desktop_app.core.models import (
    DuesAllocation,
    DuesBill,
    DuesPayment,
    DuesReceipt,
    Member,
    MemberStatus,
    NumberSequence,
    PaymentMethod,
    Role,
    Staff,
    VoucherKind,
    VoucherStatus,
)
from desktop_app.core.security import Actor
from desktop_app.core.services import admission, dues
from desktop_app.core.settings import ASSOCIATION_USCC, RECEIPT_NUMBER_FORMAT, get_setting
from desktop_app.demo.admission import demo_pdf
from desktop_app.spreadsheets.bank_statement import StatementRow, StatementSheet

CENT = Decimal("0.01")
LARGE = 20_000  # members: above this, one year of dues
METHODS = [PaymentMethod.BANK_TRANSFER] * 16 + [PaymentMethod.CASH] * 3 + [PaymentMethod.OTHER]


def add_demo_dues(session: Session, *, seed: int = 20201027) -> None:
    officer_staff = session.scalars(
        select(Staff).where(Staff.role == Role.MEMBERSHIP_OFFICER).order_by(Staff.id).limit(1)
    ).first()
    leader_staff = session.scalars(
        select(Staff).where(Staff.role == Role.RESIDENT_LEADER).order_by(Staff.id).limit(1)
    ).first()
    if officer_staff is None or leader_staff is None:
        return
    officer, leader = Actor.of(officer_staff), Actor.of(leader_staff)
    _association_uscc(session)
    rng = random.Random(seed + 13)
    this_year = dues.current_year(session)
    active = list(
        session.scalars(select(Member.id).where(Member.status == MemberStatus.ACTIVE).order_by(Member.member_number))
    )
    if not active:
        return
    # Two years for an office-sized demo; a 100,000-member demo (benchmarks) gets this year only,
    # which keeps its dues to seconds.
    years = (this_year - 1, this_year) if len(active) <= LARGE else (this_year,)
    _consents(session, leader, active[:40], this_year, rng)
    for year in years:
        dues.bill_year(session, officer, year)
    _payments(session, officer, years, rng)
    _reversal(session, officer, rng)
    _bank_statement(session, officer, rng)


def _association_uscc(session: Session) -> None:
    """The association's credit code on the receipts: a made-up one (a social organisation's, with a
    valid check character) — the demo database never carries the real one."""
    from desktop_app.core.models import SettingValue
    from desktop_app.core.validation import uscc_check_character

    first17 = "51420100MJ0000001"
    if session.get(SettingValue, ASSOCIATION_USCC.key) is None:
        session.add(
            SettingValue(
                key=ASSOCIATION_USCC.key,
                value=first17 + uscc_check_character(first17),
                updated_at=clock_of(session).now(),
                updated_by_id=None,
            )
        )
        session.flush()


def _consents(session: Session, leader: Actor, candidates: list[int], year: int, rng: random.Random) -> None:
    """Four reductions by half and one waiver, each with the resident leader's scanned consent."""
    chosen = rng.sample(candidates, min(5, len(candidates)))
    scan = demo_pdf("Written consent of the resident leader")
    reasons = [
        "受汛期停工影响经营困难，经驻会领导研究同意本年度会费减半",
        "新设立的专业分公司，首年业务量小，同意减半收取",
        "承担协会公益项目，经驻会领导同意减半",
        "对口帮扶的中小企业，同意减半收取",
    ]
    today = clock_of(session).today()
    for number, member_id in enumerate(chosen):
        member = session.get(Member, member_id)
        assert member is not None
        full = dues.annual_dues(session, member.level, year)
        if full is None:
            continue
        waived = number == len(chosen) - 1
        dues.record_consent(
            session,
            leader,
            member_id=member_id,
            year=year,
            agreed="0" if waived else str((full / 2).quantize(CENT)),
            reason="抗洪抢险中贡献突出，经驻会领导研究同意免缴本年度会费" if waived else reasons[number % len(reasons)],
            document_reference=f"武建协〔{year}〕{20 + number}号",
            consented_on=min(today, dt.date(year, 3, 10 + number)),
            scan_name=f"减免会费同意书-{number + 1}.pdf",
            scan=scan,
            scan_check=admission.attachment_problem,
        )


def _payments(session: Session, officer: Actor, years: tuple[int, ...], rng: random.Random) -> None:
    """Payments for most bills, in bulk: oldest year first, part payments, a few over-payments."""
    today = clock_of(session).today()
    now = clock_of(session).now()
    bills = session.execute(
        select(DuesBill.id, DuesBill.member_id, DuesBill.year, DuesBill.due, DuesBill.paid, DuesBill.period_start)
        .where(DuesBill.year.in_(years), DuesBill.cancelled_at.is_(None), DuesBill.settled.is_(False))
        .order_by(DuesBill.member_id, DuesBill.period_start)
    ).all()
    names = dict(session.execute(select(Member.id, Member.name)).all())
    usccs = dict(session.execute(select(Member.id, Member.uscc)).all())
    by_member: dict[int, list[Any]] = {}
    for bill in bills:
        by_member.setdefault(bill.member_id, []).append(bill)
    next_payment = (session.scalar(select(func.max(DuesPayment.id))) or 0) + 1
    fmt = get_setting(session, RECEIPT_NUMBER_FORMAT)
    sequences: dict[int, int] = {}
    for year in {*years, today.year}:
        row = session.get(NumberSequence, ("receipt", str(year)))
        sequences[year] = row.last_value if row is not None else 0
    payments, allocations, receipts, changes = [], [], [], []
    for member_id, member_bills in by_member.items():
        chronic = rng.random() < 0.06  # pays nothing at all: unpaid for more than a year by now
        if chronic:
            continue
        for bill in member_bills:
            roll = rng.random()
            owed = bill.due - bill.paid
            start = (
                bill.period_start
                if isinstance(bill.period_start, dt.date)
                else dt.date.fromisoformat(str(bill.period_start))
            )
            if bill.year == years[-1]:
                if roll < 0.22:
                    continue  # not paid yet this year
                amount = owed if roll < 0.9 else ((owed / 2).quantize(CENT) if roll < 0.95 else owed * Decimal("1.5"))
            else:
                if roll < 0.03:
                    break  # last year unpaid: this year too (oldest first)
                amount = owed if roll > 0.06 else (owed / 2).quantize(CENT)
            latest = min(today, start + dt.timedelta(days=300))
            received = start + dt.timedelta(days=rng.randint(5, max(6, (latest - start).days)))
            received = min(received, today)
            settled_part = min(amount, owed)
            payment_id = next_payment
            next_payment += 1
            method = rng.choice(METHODS)
            payments.append(
                {
                    "id": payment_id,
                    "member_id": member_id,
                    "application_id": None,
                    "received_on": received,
                    "amount": amount,
                    "allocated": settled_part,
                    "method": method,
                    "payer": names[member_id],
                    "reference": f"HX{received:%Y%m%d}{payment_id:06d}"
                    if method == PaymentMethod.BANK_TRANSFER
                    else None,
                    "note": None,
                    "reverses_id": None,
                    "recorded_at": now,
                    "recorded_by_id": officer.id,
                    "recorded_by_name": officer.full_name,
                }
            )
            allocations.append({"payment_id": payment_id, "bill_id": bill.id, "amount": settled_part, "at": now})
            changes.append(bill.id)
            sequences[received.year] = sequences.get(received.year, 0) + 1
            voucher = rng.random()
            old = received < today - dt.timedelta(days=45)
            receipts.append(
                {
                    "number": fmt.format(year=received.year, seq=sequences[received.year]),
                    "payer": names[member_id],
                    "member_id": member_id,
                    "application_id": None,
                    "years": str(bill.year) if amount <= owed else f"{bill.year},{bill.year + 1}",
                    "amount": amount,
                    "issued_on": received,
                    "issued_at": now,
                    "issued_by_id": officer.id,
                    "issued_by_name": officer.full_name,
                    "note": f"其中 {amount - owed:,.2f} 元预收，留作 {bill.year + 1} 年度会费"
                    if amount > owed
                    else None,
                    "payment_id": payment_id,
                    "payer_uscc": usccs[member_id],
                    "voucher_status": VoucherStatus.ISSUED
                    if voucher < 0.3
                    else (VoucherStatus.REQUESTED if voucher < 0.33 else VoucherStatus.NONE),
                    "voucher_kind": (VoucherKind.PAPER if voucher < 0.2 else VoucherKind.ELECTRONIC)
                    if voucher < 0.33
                    else None,
                    "voucher_number": f"4201{received:%Y}{payment_id:07d}" if voucher < 0.3 else None,
                    "voucher_requested_on": received if voucher < 0.33 else None,
                    "voucher_issued_on": received + dt.timedelta(days=7)
                    if voucher < 0.3 and old
                    else (received if voucher < 0.3 else None),
                    "voucher_mailed_on": received + dt.timedelta(days=30) if voucher < 0.2 and old else None,
                    "mailed_on": received + dt.timedelta(days=30) if old else None,
                    "mailed_note": "随会刊寄出" if old else None,
                }
            )
            if amount < owed:
                break  # a part payment: the later year stays unpaid
    connection = session.connection()
    for first in range(0, len(payments), 5000):
        bulk_insert(connection, table_of(DuesPayment), payments[first : first + 5000])
    for first in range(0, len(allocations), 5000):
        bulk_insert(connection, table_of(DuesAllocation), allocations[first : first + 5000])
    for first in range(0, len(receipts), 5000):
        bulk_insert(connection, table_of(DuesReceipt), receipts[first : first + 5000])
    if changes:  # the bills' running sums from their allocations, in one statement
        bills_table, allocation_table = table_of(DuesBill), table_of(DuesAllocation)
        paid = (
            select(func.coalesce(func.sum(allocation_table.c.amount), 0))
            .where(allocation_table.c.bill_id == bills_table.c.id)
            .scalar_subquery()
        )
        connection.execute(
            update(bills_table).where(bills_table.c.id.in_(select(allocation_table.c.bill_id))).values(paid=paid)
        )
        connection.execute(
            update(bills_table)
            .where(bills_table.c.id.in_(select(allocation_table.c.bill_id)), bills_table.c.paid >= bills_table.c.due)
            .values(settled=True)
        )
    for year, last in sequences.items():
        session.merge(NumberSequence(name="receipt", period=str(year), last_value=last))
    if session.get_bind().dialect.name == "postgresql":  # explicit ids: move the serial on
        from sqlalchemy import text

        session.execute(
            text("SELECT setval(pg_get_serial_sequence('dues_payment', 'id'), (SELECT max(id) FROM dues_payment))")
        )
    session.expire_all()


def _reversal(session: Session, officer: Actor, rng: random.Random) -> None:
    """A transfer booked to the wrong member, reversed and booked again to the right one."""
    payment = session.scalars(
        select(DuesPayment)
        .where(DuesPayment.method == PaymentMethod.BANK_TRANSFER)
        .order_by(DuesPayment.id.desc())
        .limit(1)
    ).first()
    if payment is None or payment.member_id is None:
        return
    dues.reverse_payment(session, officer, payment.id, "录错会员：该笔转账是同名分公司所缴，冲正后按付款人重新登记")
    dues.record_payment(
        session,
        officer,
        payment.member_id,
        amount=payment.amount,
        received_on=payment.received_on,
        method=PaymentMethod.BANK_TRANSFER,
        reference=payment.reference,
        note="冲正后重新登记",
    )


def _bank_statement(session: Session, officer: Actor, rng: random.Random) -> None:
    """This week's statement: three transfers matched by name or code, two waiting to be matched
    by hand, the bank's fee (not incoming)."""
    today = clock_of(session).today()
    owing = dues.arrears(session, officer, limit=3)
    rows = []
    for number, row in enumerate(owing, 1):
        text = f"会费 {row.member_number}" if number == 2 else "会费"
        rows.append(
            StatementRow(
                number + 4,
                today - dt.timedelta(days=2),
                row.amount,
                row.name,
                f"4200{rng.randint(10**9, 10**10)}",
                text,
                f"DEMO{today:%Y%m%d}{number:03d}",
            )
        )
    rows.append(
        StatementRow(
            8,
            today - dt.timedelta(days=1),
            Decimal("2000.00"),
            "武汉某某劳务有限公司",
            "420011112222",
            "会费",
            f"DEMO{today:%Y%m%d}004",
        )
    )
    rows.append(
        StatementRow(
            9,
            today - dt.timedelta(days=1),
            Decimal("800.00"),
            "李明",
            "622200001111",
            "培训费",
            f"DEMO{today:%Y%m%d}005",
        )
    )
    rows.append(StatementRow(10, today, Decimal("-15.00"), "", "", "手续费", f"DEMO{today:%Y%m%d}006"))
    sheet = StatementSheet(
        path=Path("演示银行流水.xlsx"),
        sheet="账户明细",
        header_row=4,
        columns={"date": "交易日期", "credit": "贷方发生额"},
        rows=rows,
        title="中国建设银行 单位账户交易明细（演示）",
    )
    dues.import_statement(session, officer, sheet, file_bytes=b"demo statement")
