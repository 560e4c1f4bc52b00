"""What the dues area and a member's dues tab show: a year's bills with filters and totals (sorted
and filtered in SQL, rows fetched a page at a time as the register does), and one member's bills,
payments, receipts, consents and credit. A mentor sees its own members' only (R-8.5)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session

from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    PAYMENT_METHOD_LABELS,
    DuesAllocation,
    DuesBill,
    DuesConsent,
    DuesPayment,
    DuesReceipt,
    Member,
    Staff,
)
from desktop_app.core.security import Actor
from desktop_app.core.services.dues.arrears import UnpaidEvidence, unpaid_evidence
from desktop_app.core.services.dues.ledger import Owner, credit_of, mentor_scope, reversed_payment, visible_member
from desktop_app.core.services.dues.receipts import voucher_text
from desktop_app.core.services.members import escape_like, normalise_search_text
from desktop_app.core.settings import level_names

STATES = ("all", "unpaid", "paid", "reduced", "credit")


@dataclass(frozen=True)
class DuesFilter:
    year: int
    mentor_id: int | None = None  # None: every mentor; 0: members without one
    state: str = "all"  # all | unpaid | paid | reduced | credit
    text: str = ""


def _credit_exists() -> Any:
    return exists().where(
        DuesPayment.member_id == DuesBill.member_id,
        DuesPayment.allocated < DuesPayment.amount,
        DuesPayment.reverses_id.is_(None),
        ~reversed_payment(),
    )


def _filtered(query: Any, actor: Actor, flt: DuesFilter) -> Any:
    scope = mentor_scope(actor)
    query = query.where(DuesBill.year == flt.year, DuesBill.cancelled_at.is_(None))
    if scope is not None:
        query = query.where(Member.mentor_id == scope)
    elif flt.mentor_id is not None:
        query = query.where(Member.mentor_id == flt.mentor_id if flt.mentor_id else Member.mentor_id.is_(None))
    if flt.state == "unpaid":
        query = query.where(DuesBill.settled.is_(False))
    elif flt.state == "paid":
        query = query.where(DuesBill.settled.is_(True))
    elif flt.state == "reduced":
        query = query.where(DuesBill.due < DuesBill.scheduled)
    elif flt.state == "credit":
        query = query.where(_credit_exists())
    text = normalise_search_text(flt.text)
    if text:
        query = query.where(Member.search_text.like(f"%{escape_like(text)}%", escape="\\"))
    return query


def dues_bill_ids(
    session: Session, actor: Actor, flt: DuesFilter, *, limit: int | None = None, offset: int = 0
) -> list[int]:
    """The bills of the filter, by member number."""
    query = select(DuesBill.id).join(Member, Member.id == DuesBill.member_id).order_by(Member.member_number)
    query = _filtered(query, actor, flt)
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return list(session.scalars(query))


@dataclass(frozen=True)
class DuesRow:
    bill_id: int
    member_id: int
    member_number: str
    name: str
    level: str
    mentor: str
    scheduled: Decimal
    due: Decimal
    paid: Decimal
    settled: bool
    reduced: bool
    basis_note: str

    @property
    def owed(self) -> Decimal:
        return self.due - self.paid


def dues_rows(session: Session, actor: Actor, bill_ids: list[int]) -> dict[int, DuesRow]:
    scope = mentor_scope(actor)
    if not bill_ids:
        return {}
    names = level_names(session)
    query = (
        select(
            DuesBill.id,
            DuesBill.member_id,
            Member.member_number,
            Member.name,
            DuesBill.level,
            Staff.full_name,
            DuesBill.scheduled,
            DuesBill.due,
            DuesBill.paid,
            DuesBill.settled,
            DuesBill.basis_note,
        )
        .join(Member, Member.id == DuesBill.member_id)
        .outerjoin(Staff, Staff.id == Member.mentor_id)
        .where(DuesBill.id.in_(bill_ids))
    )
    if scope is not None:
        query = query.where(Member.mentor_id == scope)
    return {
        r[0]: DuesRow(
            r[0],
            r[1] or 0,
            r[2],
            r[3],
            names.get(r[4], r[4]),
            r[5] or "",
            r[6],
            r[7],
            r[8],
            bool(r[9]),
            r[7] < r[6],
            r[10] or "",
        )
        for r in session.execute(query)
    }


def dues_page(session: Session, actor: Actor, flt: DuesFilter, offset: int, limit: int) -> list[DuesRow]:
    """One page of the year's list (the window fetches the next as it scrolls)."""
    ids = dues_bill_ids(session, actor, flt, limit=limit, offset=offset)
    rows = dues_rows(session, actor, ids)
    return [rows[i] for i in ids if i in rows]


@dataclass(frozen=True)
class DuesTotals:
    bills: int
    settled: int
    reduced: int
    scheduled: Decimal
    due: Decimal
    paid: Decimal

    @property
    def owed(self) -> Decimal:
        return self.due - self.paid


def dues_totals(session: Session, actor: Actor, flt: DuesFilter) -> DuesTotals:
    query = select(
        func.count(DuesBill.id),
        func.sum(case((DuesBill.settled.is_(True), 1), else_=0)),
        func.sum(case((DuesBill.due < DuesBill.scheduled, 1), else_=0)),
        func.sum(DuesBill.scheduled, type_=DuesBill.scheduled.type),
        func.sum(DuesBill.due, type_=DuesBill.due.type),
        func.sum(DuesBill.paid, type_=DuesBill.paid.type),
    ).join(Member, Member.id == DuesBill.member_id)
    count, settled, reduced, scheduled, due, paid = session.execute(_filtered(query, actor, flt)).one()
    money = lambda v: Decimal(str(v or 0)).quantize(Decimal("0.01"))  # noqa: E731
    return DuesTotals(int(count or 0), int(settled or 0), int(reduced or 0), money(scheduled), money(due), money(paid))


def dues_years(session: Session) -> list[int]:
    """The dues years billed so far, newest first."""
    return list(
        session.scalars(
            select(DuesBill.year).where(DuesBill.cancelled_at.is_(None)).distinct().order_by(DuesBill.year.desc())
        )
    )


# --- one member ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BillView:
    id: int
    year: int
    period: str
    level: str
    scheduled: Decimal
    due: Decimal
    paid: Decimal
    settled: bool
    basis_note: str
    consent: str  # who consented, when, reference
    consent_id: int | None
    cancelled: str  # why and when, for a cancelled bill
    earlier_membership: bool  # a bill of an earlier membership (before the current join date)


@dataclass(frozen=True)
class PaymentView:
    id: int
    received_on: dt.date
    amount: Decimal
    method: str
    payer: str
    reference: str
    note: str
    recorded_by: str
    years: str
    receipt_id: int | None
    receipt_number: str
    voucher: str  # the receipt's line about the official voucher
    voucher_state: str  # none | requested | issued
    voucher_number: str
    mailed_on: dt.date | None
    reversal_of: int | None
    reversed: bool


@dataclass(frozen=True)
class ConsentView:
    id: int
    year: int
    scheduled: Decimal
    agreed: Decimal
    consented_by: str
    consented_on: dt.date
    document_reference: str
    reason: str
    scan_name: str


@dataclass
class MemberDues:
    member_id: int
    name: str
    member_number: str
    bills: list[BillView] = field(default_factory=list)
    payments: list[PaymentView] = field(default_factory=list)
    consents: list[ConsentView] = field(default_factory=list)
    credit: Decimal = Decimal("0.00")
    owed: Decimal = Decimal("0.00")
    evidence: UnpaidEvidence | None = None
    over_a_year: bool = False


def member_dues(session: Session, actor: Actor, member_id: int) -> MemberDues:
    """One member's dues: every bill (newest first), payment with its receipt and voucher, consent,
    the credit carried forward and the arrears evidence of R-12.1 (1)."""
    member = visible_member(session, actor, member_id)
    names = level_names(session)
    today = clock_of(session).today()
    out = MemberDues(member.id, member.name, member.member_number)
    consents = {c.id: c for c in session.scalars(select(DuesConsent).where(DuesConsent.member_id == member.id))}
    for bill in session.scalars(
        select(DuesBill).where(DuesBill.member_id == member.id).order_by(DuesBill.year.desc(), DuesBill.id.desc())
    ):
        consent = consents.get(bill.consent_id) if bill.consent_id else None
        cancelled = ""
        if bill.cancelled_at is not None:
            cancelled = f"{bill.cancelled_at.astimezone(clock_of(session).now().tzinfo):%Y-%m-%d} 取消：{bill.cancel_reason or ''}"
        earlier = member.join_date is not None and bill.period_end < member.join_date
        out.bills.append(
            BillView(
                bill.id,
                bill.year,
                f"{bill.period_start:%Y-%m-%d}—{bill.period_end:%Y-%m-%d}",
                names.get(bill.level, bill.level),
                bill.scheduled,
                bill.due,
                bill.paid,
                bill.settled,
                bill.basis_note or "",
                f"{consent.consented_by_name} {consent.consented_on:%Y-%m-%d}（{consent.document_reference}）"
                if consent
                else "",
                consent.id if consent else None,
                cancelled,
                earlier,
            )
        )
        if bill.cancelled_at is None and not bill.settled and not earlier and bill.period_start <= today:
            out.owed += bill.due - bill.paid
    reversed_ids = set(
        session.scalars(
            select(DuesPayment.reverses_id).where(
                DuesPayment.member_id == member.id, DuesPayment.reverses_id.is_not(None)
            )
        )
    )
    years_of: dict[int, set[int]] = {}
    for payment_id, year, amount in session.execute(
        select(DuesAllocation.payment_id, DuesBill.year, DuesAllocation.amount)
        .join(DuesBill, DuesBill.id == DuesAllocation.bill_id)
        .join(DuesPayment, DuesPayment.id == DuesAllocation.payment_id)
        .where(DuesPayment.member_id == member.id)
    ):
        if amount:
            years_of.setdefault(payment_id, set()).add(year)
    receipts = {
        r.payment_id: r
        for r in session.scalars(
            select(DuesReceipt).where(DuesReceipt.member_id == member.id, DuesReceipt.payment_id.is_not(None))
        )
    }
    for payment in session.scalars(
        select(DuesPayment)
        .where(DuesPayment.member_id == member.id)
        .order_by(DuesPayment.received_on.desc(), DuesPayment.id.desc())
    ):
        receipt = receipts.get(payment.id)
        out.payments.append(
            PaymentView(
                payment.id,
                payment.received_on,
                payment.amount,
                PAYMENT_METHOD_LABELS[payment.method],
                payment.payer,
                payment.reference or "",
                payment.note or "",
                payment.recorded_by_name,
                "、".join(str(y) for y in sorted(years_of.get(payment.id, set()))),
                receipt.id if receipt else None,
                receipt.number if receipt else "",
                voucher_text(receipt) if receipt else "",
                receipt.voucher_status.value if receipt else "none",
                receipt.voucher_number or "" if receipt else "",
                receipt.mailed_on if receipt else None,
                payment.reverses_id,
                payment.id in reversed_ids,
            )
        )
    for consent in sorted(consents.values(), key=lambda c: (c.year, c.recorded_at), reverse=True):
        out.consents.append(
            ConsentView(
                consent.id,
                consent.year,
                consent.scheduled,
                consent.agreed,
                consent.consented_by_name,
                consent.consented_on,
                consent.document_reference,
                consent.reason,
                consent.scan_name,
            )
        )
    out.credit = credit_of(session, Owner(member_id=member.id))
    out.evidence = unpaid_evidence(session, member.id, today)
    out.over_a_year = out.evidence is not None and out.evidence.over_a_year(today)
    return out


def find_members(session: Session, actor: Actor, text: str, *, limit: int = 50) -> list[tuple[int, str, str]]:
    """Members for a picker (payment, consent, matching a bank line): (id, number, name)."""
    scope = mentor_scope(actor)
    key = normalise_search_text(text)
    query = select(Member.id, Member.member_number, Member.name).order_by(Member.member_number).limit(limit)
    if key:
        query = query.where(Member.search_text.like(f"%{escape_like(key)}%", escape="\\"))
    if scope is not None:
        query = query.where(Member.mentor_id == scope)
    return [(r[0], r[1], r[2]) for r in session.execute(query)]


__all__ = [
    "STATES",
    "BillView",
    "ConsentView",
    "DuesFilter",
    "DuesRow",
    "DuesTotals",
    "MemberDues",
    "PaymentView",
    "dues_bill_ids",
    "dues_page",
    "dues_rows",
    "dues_totals",
    "dues_years",
    "find_members",
    "member_dues",
]
