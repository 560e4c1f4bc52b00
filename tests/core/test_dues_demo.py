"""The demo's dues (issue 13): two years billed and mostly paid, arrears (some for more than a year),
credit carried forward, consented reductions, a reversal, bank lines waiting — and a ledger whose
running sums agree with its allocations, as the services would have left it."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import func, select

from desktop_app.core.models import (
    BankStatementLine,
    DuesAllocation,
    DuesBill,
    DuesConsent,
    DuesPayment,
    LineStatus,
    Role,
    Staff,
)
from desktop_app.core.security import Actor
from desktop_app.core.services import dues
from desktop_app.demo import generate_demo


def test_the_demo_has_a_consistent_year_of_dues_and_more(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:
        generate_demo(session, 300, seed=5)
    with db.session() as session:
        officer = Actor.of(session.scalars(select(Staff).where(Staff.username == "officer")).one())
        assert set(session.scalars(select(DuesBill.year).distinct())) >= {2025, 2026}
        totals = dues.arrears_totals(session, officer)
        assert totals.members > 10 and 0 < totals.over_a_year < totals.members
        assert len(dues.members_unpaid_over_a_year(session)) == totals.over_a_year
        assert session.scalar(select(func.count(DuesConsent.id))) == 5
        assert len(dues.reductions(session, officer, 2026)) == 5
        assert session.scalar(select(func.count(DuesPayment.id)).where(DuesPayment.reverses_id.is_not(None))) == 1
        assert (
            session.scalar(
                select(func.count(BankStatementLine.id)).where(BankStatementLine.status == LineStatus.UNMATCHED)
            )
            == 2
        )
        assert dues.receipts_waiting_to_mail(session)  # this autumn's receipts are still to go out
        rates = dues.collection_rates(session, officer, 2026)
        assert rates[-1].mentor == "合计" and 0.5 < rates[-1].rate_by_amount < 1
        # the running sums agree with the allocations, bill by bill and payment by payment
        allocated_per_bill = dict(
            session.execute(
                select(DuesAllocation.bill_id, func.sum(DuesAllocation.amount)).group_by(DuesAllocation.bill_id)
            ).all()
        )
        for bill in session.scalars(select(DuesBill)):
            paid = Decimal(str(allocated_per_bill.get(bill.id, 0))).quantize(Decimal("0.01"))
            assert bill.paid == paid, bill.id
            assert bill.settled == (bill.paid >= bill.due), bill.id
        allocated_per_payment = dict(
            session.execute(
                select(DuesAllocation.payment_id, func.sum(DuesAllocation.amount)).group_by(DuesAllocation.payment_id)
            ).all()
        )
        credit = Decimal("0.00")
        for payment in session.scalars(select(DuesPayment)):
            allocated = Decimal(str(allocated_per_payment.get(payment.id, 0))).quantize(Decimal("0.01"))
            assert payment.allocated == allocated, payment.id
            credit += payment.amount - payment.allocated
        assert credit > 0  # some over-payments carried forward
        leader = session.scalars(select(Staff).where(Staff.role == Role.RESIDENT_LEADER)).first()
        assert {c.consented_by_id for c in session.scalars(select(DuesConsent))} == {leader.id}
