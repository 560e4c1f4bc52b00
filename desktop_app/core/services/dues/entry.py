"""Dues at entry (R-5.1 (5), R-15.1): what admission's dues step books.

The step records a real payment: against the first dues year on the ``dues.first_year`` rule (the
day the applicant pays standing for the day it joins), or — when a resident leader granted the
back-payment route — against every year the former member owes. Less than is due is refused: the
amount is lowered only by the resident leader's written consent on file (R-8.5), never by
accepting less. More stays as credit for the next year. The paper receipt's number is the
receipt's number in the one sequence.

Re-doing the step after the application was sent back reverses what the earlier attempt booked
(unless it is the same amount under the same receipt), so nothing is counted twice.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.models import Application, BackPaymentDecision, DuesBill, DuesPayment, DuesReceipt, PaymentMethod
from desktop_app.core.security import Actor
from desktop_app.core.services.dues.billing import (
    _consent_for,
    application_owner,
    back_payment_years,
    bill_admission,
    bill_back_payment,
)
from desktop_app.core.services.dues.ledger import ZERO, reversed_payment
from desktop_app.core.services.dues.payments import PaymentResult, book_payment, reverse_payment_unchecked
from desktop_app.core.services.dues.receipts import payment_receipt
from desktop_app.core.services.dues.schedule import (
    amounts_for_year,
    charge_for,
    first_year_rule,
    period,
    period_of,
    year_of,
    year_start_month,
)
from desktop_app.errors import ValidationError
from desktop_app.messages import say

NOTE = "入会时缴纳会费（入会申请 {number}）"


@dataclass(frozen=True)
class AdmissionDues:
    """What the applicant owes at the dues step: the years and the amount still due."""

    years: tuple[int, ...]
    owed: Decimal
    back_payment: bool

    def text(self) -> str:
        years = "、".join(str(y) for y in self.years)
        what = "补缴会费恢复会籍" if self.back_payment else "入会会费"
        return f"{what}：{years} 年度应缴 {self.owed:,.2f} 元"


def _bills(session: Session, actor: Actor, application: Application, on: dt.date) -> list[DuesBill]:
    if application.back_payment == BackPaymentDecision.GRANTED:
        return bill_back_payment(session, actor, application)
    return bill_admission(session, actor, application, on)


def _earlier_payment(session: Session, application: Application) -> DuesPayment | None:
    return session.scalars(
        select(DuesPayment)
        .where(
            DuesPayment.application_id == application.id,
            DuesPayment.reverses_id.is_(None),
            ~reversed_payment(),
        )
        .order_by(DuesPayment.id.desc())
        .limit(1)
    ).first()


def book_admission_dues(
    session: Session, actor: Actor, application: Application, *, amount: Decimal, on: dt.date, receipt_number: str
) -> PaymentResult:
    """Bill what the applicant owes, check ``amount`` covers it, book the payment and its receipt
    (``receipt_number``: the paper receipt's). Admission's ``record_dues`` checked the step."""
    earlier = _earlier_payment(session, application)
    if earlier is not None:
        same_receipt = (
            session.scalar(select(DuesReceipt.number).where(DuesReceipt.payment_id == earlier.id)) == receipt_number
        )
        if same_receipt and earlier.amount == amount:
            return PaymentResult(earlier)
        if same_receipt:
            raise ValidationError(
                {
                    "dues_receipt_number": say(
                        "dues.entry.receipt_number_used", receipt_number=receipt_number, amount=earlier.amount
                    )
                }
            )
        reverse_payment_unchecked(
            session,
            actor,
            earlier,
            f"入会缴费步骤重新办理：原登记 {earlier.amount:,.2f} 元（{earlier.received_on}）作废",
        )
    bills = _bills(session, actor, application, on)
    owed = sum((b.due - b.paid for b in bills if not b.settled and b.cancelled_at is None), ZERO)
    due = AdmissionDues(tuple(b.year for b in bills), owed, application.back_payment == BackPaymentDecision.GRANTED)
    if amount < owed:
        raise ValidationError({"dues_amount": say("dues.entry.underpaid", text=due.text())})
    result = book_payment(
        session,
        actor,
        application_owner(application),
        amount=amount,
        received_on=on,
        method=PaymentMethod.OTHER,
        payer=application.name,
        reference=receipt_number,
        note=NOTE.format(number=application.application_number),
        application_id=application.id,
        only_bills=[b.id for b in bills],  # the years this step bills, not an old membership's arrears
    )
    written = session.scalar(select(DuesReceipt).where(DuesReceipt.number == receipt_number))
    if written is not None and written.payment_id is None and written.application_id == application.id:
        written.payment_id = result.payment.id  # the receipt recorded before this version: now its payment's
        result.receipt = written
    else:
        result.receipt = payment_receipt(session, actor, result.payment, number=receipt_number, on=on)
    return result


def admission_dues(session: Session, application: Application, on: dt.date) -> AdmissionDues:
    """For the dues step's form: what the applicant owes if it pays on ``on`` — the same amounts
    ``book_admission_dues`` will bill, computed without writing anything (a window reads this)."""
    back = application.back_payment == BackPaymentDecision.GRANTED
    owner = application_owner(application)
    if back and application.former_member_id is not None:
        from desktop_app.core.models import Member

        member = session.get(Member, application.former_member_id)
        assert member is not None
        years = back_payment_years(session, member)
    else:
        start_month = year_start_month(session)
        year = year_of(start_month, on)
        if first_year_rule(session) == "free" and on > period_of(start_month, year)[0]:
            year += 1
        years = [year]
    owed = ZERO
    for year in years:
        bill = session.scalars(
            select(DuesBill).where(owner.bills(), DuesBill.year == year, DuesBill.cancelled_at.is_(None)).limit(1)
        ).first()
        if bill is not None:
            owed += bill.due - bill.paid if not bill.settled else ZERO
            continue
        full = amounts_for_year(session, year).get(application.level)
        if full is None:
            continue
        start, end = period(session, year)
        rule = first_year_rule(session)
        charge = (
            charge_for(full, None, start, end, rule)
            if back
            else charge_for(full, on, start, end, "full" if rule == "free" else rule)
        )
        amount = charge.amount if charge is not None else ZERO
        consent = _consent_for(session, owner, year)
        owed += min(amount, consent.agreed) if consent is not None else amount
    return AdmissionDues(tuple(years), owed, back)
