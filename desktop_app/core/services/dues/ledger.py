"""The ledger's one rule of settlement, and who may see whose dues.

Money settles the oldest open year first: ``settle`` takes every payment with something left
(its credit) and allocates it, oldest payment first, to the owner's open bills, oldest period
first. It is the only place allocations are made (a reversal mirrors them, see ``payments``), so
billing, paying, reversing and consenting all leave the ledger in the same shape: no bill open
while the same member has credit.

An *owner* is a member, or — before registration — an application (admission's dues step).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from desktop_app.core.db import clock_of
from desktop_app.core.models import DuesAllocation, DuesBill, DuesPayment, Member, Role
from desktop_app.core.security import Actor, Permission, require
from desktop_app.errors import NotFound, PermissionDenied
from desktop_app.messages import say

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Owner:
    member_id: int | None = None
    application_id: int | None = None

    def bills(self) -> ColumnElement[bool]:
        if self.member_id is not None:
            return DuesBill.member_id == self.member_id
        return (DuesBill.application_id == self.application_id) & DuesBill.member_id.is_(None)

    def payments(self) -> ColumnElement[bool]:
        if self.member_id is not None:
            return DuesPayment.member_id == self.member_id
        return (DuesPayment.application_id == self.application_id) & DuesPayment.member_id.is_(None)


def reversed_payment() -> ColumnElement[bool]:
    """True for a payment that a later reversal undid."""
    reversal = aliased(DuesPayment)
    return exists().where(reversal.reverses_id == DuesPayment.id)


def is_reversed(session: Session, payment_id: int) -> bool:
    """Whether a reversal undoes this payment (its receipt is then void)."""
    return session.scalar(select(DuesPayment.id).where(DuesPayment.reverses_id == payment_id)) is not None


def credit_sources(session: Session, owner: Owner) -> list[DuesPayment]:
    """The owner's payments with money not yet allocated, oldest first (reversals and the payments
    they undid cancel out and are never a source)."""
    return list(
        session.scalars(
            select(DuesPayment)
            .where(
                owner.payments(),
                DuesPayment.allocated < DuesPayment.amount,
                DuesPayment.reverses_id.is_(None),
                ~reversed_payment(),
            )
            .order_by(DuesPayment.received_on, DuesPayment.id)
        )
    )


def open_bills(session: Session, owner: Owner) -> list[DuesBill]:
    return list(
        session.scalars(
            select(DuesBill)
            .where(owner.bills(), DuesBill.settled.is_(False), DuesBill.cancelled_at.is_(None))
            .order_by(DuesBill.period_start, DuesBill.id)
        )
    )


def credit_of(session: Session, owner: Owner) -> Decimal:
    return sum((p.amount - p.allocated for p in credit_sources(session, owner)), ZERO)


def refresh_settled(bill: DuesBill) -> None:
    bill.settled = bill.cancelled_at is None and bill.paid >= bill.due


def settle(session: Session, owner: Owner, *, only: Iterable[int] | None = None) -> list[DuesAllocation]:
    """Allocate the owner's credit to its open bills, oldest first (``only``: just these bills —
    a re-admitted member's first-year payment pays its new year, not the old membership's
    arrears, which stay on record). Returns the allocations made."""
    session.flush()
    bills = open_bills(session, owner)
    if only is not None:
        wanted = set(only)
        bills = [b for b in bills if b.id in wanted]
    for bill in bills:  # a bill lowered to what was paid already (a consent) is settled now
        refresh_settled(bill)
    bills = [b for b in bills if not b.settled]
    made: list[DuesAllocation] = []
    if not bills:
        return made
    now = clock_of(session).now()
    for payment in credit_sources(session, owner):
        while bills and payment.allocated < payment.amount:
            bill = bills[0]
            share = min(payment.amount - payment.allocated, bill.due - bill.paid)
            allocation = DuesAllocation(payment_id=payment.id, bill_id=bill.id, amount=share, at=now)
            session.add(allocation)
            made.append(allocation)
            payment.allocated += share
            bill.paid += share
            refresh_settled(bill)
            if bill.settled:
                bills.pop(0)
        if not bills:
            break
    for bill in bills:
        refresh_settled(bill)
    session.flush()
    return made


def settle_members(session: Session, member_ids: Iterable[int]) -> int:
    """``settle`` for each member (after billing: credit carried forward). Returns allocations made."""
    return sum(len(settle(session, Owner(member_id=member_id))) for member_id in member_ids)


def members_with_credit(session: Session, member_ids: set[int] | None = None) -> set[int]:
    query = (
        select(DuesPayment.member_id)
        .where(
            DuesPayment.member_id.is_not(None),
            DuesPayment.allocated < DuesPayment.amount,
            DuesPayment.reverses_id.is_(None),
            ~reversed_payment(),
        )
        .distinct()
    )
    found = {m for m in session.scalars(query) if m is not None}
    return found if member_ids is None else found & member_ids


# --- who sees whose dues ------------------------------------------------------------------------


def mentor_scope(actor: Actor) -> int | None:
    """The mentor whose members ``actor`` may see (its own id), or None for everyone's."""
    require(actor, Permission.VIEW_DUES)
    return actor.id if actor.role == Role.MENTOR else None


def visible_member(session: Session, actor: Actor, member_id: int) -> Member:
    scope = mentor_scope(actor)
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound(say("dues.bank.member_not_found"))
    if scope is not None and member.mentor_id != scope:
        raise PermissionDenied(say("dues.own_members_only"))
    return member
