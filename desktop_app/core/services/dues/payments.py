"""Payments (R-5.5, R-8.5): money received — date, amount, method, payer, reference — settling the
oldest open year first; partial payments leave the rest owed; an over-payment stays as credit for
the next year; a mistake is corrected by a reversal, never by editing what was recorded.

A payment short of the bill stays an arrear: the bill is settled only when what was paid reaches
what is due, and what is due is lower than the schedule only with the resident leader's written
consent on file (``consents``) — never because less was accepted (R-8.5).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    PAYMENT_METHOD_LABELS,
    BankStatementLine,
    DuesAllocation,
    DuesBill,
    DuesPayment,
    DuesReceipt,
    LineStatus,
    Member,
    PaymentMethod,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.dues.ledger import (
    ZERO,
    Owner,
    credit_of,
    is_reversed,
    open_bills,
    refresh_settled,
    settle,
)
from desktop_app.core.services.dues.receipts import issue_payment_receipt
from desktop_app.core.services.dues.schedule import parse_amount
from desktop_app.core.validation import FieldError, clean_multiline, clean_text
from desktop_app.errors import NotFound, ValidationError
from desktop_app.messages import say

METHOD_WORDS = {
    "bank_transfer": PaymentMethod.BANK_TRANSFER,
    "银行转账": PaymentMethod.BANK_TRANSFER,
    "转账": PaymentMethod.BANK_TRANSFER,
    "银行": PaymentMethod.BANK_TRANSFER,
    "cash": PaymentMethod.CASH,
    "现金": PaymentMethod.CASH,
    "other": PaymentMethod.OTHER,
    "其他": PaymentMethod.OTHER,
}


def parse_method(value: Any) -> PaymentMethod:
    if isinstance(value, PaymentMethod):
        return value
    method = METHOD_WORDS.get(str(value or "").strip().lower())
    if method is None:
        raise ValidationError({"method": say("dues.payments.bad_method", value=value)})
    return method


def _line(errors: dict[str, str], field: str, label: str, value: Any, limit: int, *, required: bool) -> str | None:
    try:
        text = clean_text(value)
    except FieldError as exc:
        errors[field] = say("withdrawal.activities.field_problem", label=label, exc=exc)
        return None
    if required and not text:
        errors[field] = say("dues.payments.required", label=label)
    elif len(text) > limit:
        errors[field] = say("dues.payments.too_long", label=label, limit=limit)
    return text or None


def _note(errors: dict[str, str], field: str, label: str, value: Any, *, required: bool) -> str | None:
    try:
        text = clean_multiline(value)
    except FieldError as exc:
        errors[field] = say("withdrawal.activities.field_problem", label=label, exc=exc)
        return None
    if required and not text:
        errors[field] = say("dues.payments.required", label=label)
    return text or None


def _date(session: Session, errors: dict[str, str], field: str, label: str, value: Any) -> dt.date | None:
    if value in (None, ""):
        return clock_of(session).today()
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).strip())
    except ValueError:
        errors[field] = say("mailing.not_a_date", label=label, value=value)
        return None
    if isinstance(day, dt.datetime):
        day = day.date()
    if day > clock_of(session).today():
        errors[field] = say("dues.receipts.after_today", label=label)
    return day


@dataclass
class PaymentResult:
    payment: DuesPayment
    settled: list[tuple[int, Decimal]] = field(default_factory=list)  # (year, amount) this payment paid
    credit: Decimal = ZERO  # the owner's credit after it (carried to the next year)
    still_owed: Decimal = ZERO  # open bills after it
    receipt: DuesReceipt | None = None

    def summary(self) -> str:
        parts = [f"收到 {self.payment.amount:,.2f} 元"]
        if self.settled:
            parts.append("抵缴 " + "、".join(f"{year} 年度 {amount:,.2f} 元" for year, amount in self.settled))
        if self.credit > 0:
            parts.append(f"余额 {self.credit:,.2f} 元留作下一年度会费")
        if self.still_owed > 0:
            parts.append(f"仍欠 {self.still_owed:,.2f} 元")
        if self.receipt is not None:
            parts.append(f"收据 {self.receipt.number}")
        return "，".join(parts) + "。"


def book_payment(
    session: Session,
    actor: Actor,
    owner: Owner,
    *,
    amount: Decimal,
    received_on: dt.date,
    method: PaymentMethod,
    payer: str,
    reference: str | None,
    note: str | None,
    application_id: int | None = None,
    only_bills: Iterable[int] | None = None,
) -> PaymentResult:
    """Record checked money for ``owner`` and settle its open years (no permission check: the
    callers — ``record_payment``, admission's dues step, the bank import — check theirs)."""
    payment = DuesPayment(
        member_id=owner.member_id,
        application_id=owner.application_id or application_id,
        received_on=received_on,
        amount=amount,
        allocated=ZERO,
        method=method,
        payer=payer[:200],
        reference=reference,
        note=note,
        recorded_at=clock_of(session).now(),
        recorded_by_id=actor.id,
        recorded_by_name=actor.full_name[:64],
    )
    session.add(payment)
    session.flush()
    made = settle(session, owner, only=only_bills)
    years: dict[int, Decimal] = {}
    bills = {b.id: b for b in session.scalars(select(DuesBill).where(DuesBill.id.in_([a.bill_id for a in made])))}
    for allocation in made:
        if allocation.payment_id == payment.id:
            year = bills[allocation.bill_id].year
            years[year] = years.get(year, ZERO) + allocation.amount
    result = PaymentResult(
        payment,
        sorted(years.items()),
        credit_of(session, owner),
        sum((b.due - b.paid for b in open_bills(session, owner)), ZERO),
    )
    owner_text = f"会员 {owner.member_id}" if owner.member_id else f"入会申请 {owner.application_id}"
    audit.record(
        session,
        actor,
        "dues_payment",
        "member" if owner.member_id else "application",
        owner.member_id or owner.application_id,
        say(
            "dues.payments.history.recorded",
            owner_text=owner_text,
            payer=payer,
            amount=amount,
            PAYMENT_METHOD_LABELS=PAYMENT_METHOD_LABELS[method],
        ),
        after={
            "payment_id": payment.id,
            "received_on": received_on,
            "amount": amount,
            "method": method,
            "payer": payer,
            "reference": reference,
            "settled": {str(y): str(a) for y, a in result.settled},
            "credit": result.credit,
        },
    )
    return result


def record_payment(
    session: Session,
    actor: Actor,
    member_id: int,
    *,
    amount: Any,
    received_on: Any = None,
    method: Any = PaymentMethod.BANK_TRANSFER,
    payer: Any = None,
    reference: Any = None,
    note: Any = None,
    receipt: bool = True,
) -> PaymentResult:
    """Money received from a member: date (today when empty), amount, method, payer (the member's
    name when empty), reference (the bank's serial number, a cheque …). It pays the oldest open
    year first; less than what is owed leaves the rest owed; more stays as credit. With
    ``receipt`` a receipt is issued from the one sequence."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(say("dues.bank.member_not_found"))
    errors: dict[str, str] = {}
    value: Decimal | None = None
    try:
        value = parse_amount(amount, "amount", "金额")
    except ValidationError as exc:
        errors.update(exc.errors)
    day = _date(session, errors, "received_on", "收款日期", received_on)
    try:
        how = parse_method(method)
    except ValidationError as exc:
        errors.update(exc.errors)
    who = _line(errors, "payer", "交款单位", payer, 200, required=False) or member.name
    ref = _line(errors, "reference", "凭证号/流水号", reference, 100, required=False)
    text = _note(errors, "note", "备注", note, required=False)
    if errors:
        raise ValidationError(errors)
    assert value is not None and day is not None
    result = book_payment(
        session,
        actor,
        Owner(member_id=member.id),
        amount=value,
        received_on=day,
        method=how,
        payer=who,
        reference=ref,
        note=text,
    )
    if receipt:
        result.receipt = issue_payment_receipt(session, actor, result.payment.id)
    return result


def reverse_payment(session: Session, actor: Actor, payment_id: int, reason: Any) -> DuesPayment:
    """Undo a payment recorded wrongly (wrong member, wrong amount, a bounced transfer): a reversal
    of the opposite amount is recorded, what the payment had settled is owed again (or paid from
    other credit), its receipt is void, a bank line it came from waits to be matched again. The
    payment itself stays as it was recorded."""
    require(actor, Permission.RECORD_DUES_PAYMENTS)
    payment = session.get(DuesPayment, payment_id)
    if payment is None:
        raise NotFound(say("dues.receipts.payment_not_found"))
    return reverse_payment_unchecked(session, actor, payment, reason)


def reverse_payment_unchecked(session: Session, actor: Actor, payment: DuesPayment, reason: Any) -> DuesPayment:
    """``reverse_payment`` for a caller that checked its own permission (admission's dues step
    re-done after a send-back)."""
    errors: dict[str, str] = {}
    text = _note(errors, "reason", "冲正原因", reason, required=True)
    if errors:
        raise ValidationError(errors)
    if payment.reverses_id is not None:
        raise ValidationError({"payment": say("dues.payments.reversal_of_reversal")})
    if is_reversed(session, payment.id):
        raise ValidationError({"payment": say("dues.payments.already_reversed")})
    now = clock_of(session).now()
    reversal = DuesPayment(
        member_id=payment.member_id,
        application_id=payment.application_id,
        received_on=clock_of(session).today(),
        amount=-payment.amount,
        allocated=-payment.allocated,
        method=payment.method,
        payer=payment.payer,
        reference=payment.reference,
        note=text,
        reverses_id=payment.id,
        recorded_at=now,
        recorded_by_id=actor.id,
        recorded_by_name=actor.full_name[:64],
    )
    session.add(reversal)
    session.flush()
    per_bill = session.execute(
        select(DuesAllocation.bill_id, func.sum(DuesAllocation.amount))
        .where(DuesAllocation.payment_id == payment.id)
        .group_by(DuesAllocation.bill_id)
    ).all()
    years = []
    for bill_id, amount in per_bill:
        amount = Decimal(str(amount)).quantize(Decimal("0.01"))
        if amount == 0:
            continue
        bill = session.get(DuesBill, bill_id)
        assert bill is not None
        session.add(DuesAllocation(payment_id=reversal.id, bill_id=bill_id, amount=-amount, at=now))
        bill.paid -= amount
        refresh_settled(bill)
        years.append(bill.year)
    for line in session.scalars(select(BankStatementLine).where(BankStatementLine.payment_id == payment.id)):
        line.status, line.member_id, line.payment_id, line.match_basis = LineStatus.UNMATCHED, None, None, None
        line.note = "\n".join(filter(None, [line.note, f"{now:%Y-%m-%d} 冲正后待重新核对：{text}"]))
        line.handled_at, line.handled_by_id = now, actor.id
    owner = Owner(member_id=payment.member_id, application_id=None if payment.member_id else payment.application_id)
    settle(session, owner)
    receipt = session.scalar(select(DuesReceipt.number).where(DuesReceipt.payment_id == payment.id))
    audit.record(
        session,
        actor,
        "reverse_payment",
        "member" if payment.member_id else "application",
        payment.member_id or payment.application_id,
        say(
            "dues.payments.history.reversed",
            amount=payment.amount,
            received_on=payment.received_on,
            payer=payment.payer,
            text=text,
        ),
        before={"payment_id": payment.id, "amount": payment.amount, "years": years, "receipt": receipt},
        after={"reversal_id": reversal.id, "reason": text},
    )
    return reversal
