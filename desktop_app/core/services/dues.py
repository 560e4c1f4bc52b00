"""Dues (R-5.5, R-8.5, R-9.4, R-12.1 (1), R-15.1): the one schedule of annual dues per level, the one
amount parser, and receipts numbered from one sequence backed by the ``dues_receipt`` table.

Admission's dues step and the documents area both issue receipts here, so a number is never
handed out twice and every receipt can be found again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import DuesReceipt, Member
from desktop_app.core.numbering import next_number
from desktop_app.core.security import Actor
from desktop_app.core.settings import RECEIPT_NUMBER_FORMAT, levels
from desktop_app.documents import Problem
from desktop_app.documents.inputs import DuesReceiptInput
from desktop_app.documents.numerals import to_amount
from desktop_app.errors import ValidationError
from desktop_app.records import MemberRef


def annual_dues(session: Session, level: str) -> Decimal | None:
    """The annual dues of ``level`` (setting ``membership.levels``); None for a level that is not
    in the schedule or has no amount set — the caller says what that means, never a silent 0."""
    for item in levels(session):
        if item["code"] == level:
            amount = to_amount(item.get("annual_dues", 0))
            return amount if amount > 0 else None
    return None


def parse_amount(value: Any, field: str = "amount", label: str = "金额", *, positive: bool = True) -> Decimal:
    """A money amount typed or imported: ``to_amount``'s rules (two decimals, no negatives …), and
    above zero unless ``positive`` is False."""
    amount = to_amount(value, field, label)
    if positive and amount <= 0:
        raise ValidationError({field: f"{label}：应大于 0"})
    return amount


def receipt_taken(session: Session, number: str) -> bool:
    return session.scalar(select(DuesReceipt.id).where(DuesReceipt.number == number)) is not None


def find_receipt(session: Session, number: str) -> DuesReceipt | None:
    return session.scalar(select(DuesReceipt).where(DuesReceipt.number == number))


def issue_receipt(
    session: Session,
    actor: Actor,
    *,
    payer: str,
    years: Sequence[int],
    amount: Decimal,
    on: dt.date,
    member_id: int | None = None,
    application_id: int | None = None,
    number: str | None = None,
    note: str | None = None,
) -> DuesReceipt:
    """Record a receipt: the next number of the sequence, or ``number`` (a receipt written by hand),
    which must not have been used."""
    if number:
        if receipt_taken(session, number):
            raise ValidationError({"receipt_number": f"收据编号：“{number}”已经用过"})
    else:
        number = next_number(session, "receipt", RECEIPT_NUMBER_FORMAT, lambda n: receipt_taken(session, n))
    receipt = DuesReceipt(
        number=number,
        payer=payer,
        member_id=member_id,
        application_id=application_id,
        years=",".join(str(y) for y in years),
        amount=amount,
        issued_on=on,
        issued_at=clock_of(session).now(),
        issued_by_id=actor.id,
        issued_by_name=actor.full_name[:64],
        note=note,
    )
    session.add(receipt)
    session.flush()
    audit.record(
        session,
        actor,
        "issue_receipt",
        "member" if member_id else "application",
        member_id or application_id,
        f"开具会费收据 {number}：{payer}，{'、'.join(map(str, years))}年度，{amount:,.2f} 元",
        after={"receipt_number": number, "years": list(years), "amount": str(amount), "date": on},
    )
    return receipt


def receipt_items(
    session: Session,
    actor: Actor,
    members: list[Member],
    options: dict[str, Any],
    problems: list[Problem],
    issued: list[str],
) -> list[DuesReceiptInput]:
    """The documents area's dues receipts (R-8.5, R-9.4): the level's dues times the years unless an
    amount is given; a reprint names its receipt's number and uses none."""
    given_number = options["receipt_number"]
    if given_number and len(members) > 1:
        raise ValidationError({"receipt_number": "收据编号：补打时只能选一个会员"})
    years = options["years"]
    items = []
    for member in members:
        scheduled = (annual_dues(session, member.level) or Decimal("0.00")) * len(years)
        amount = options["amount"] if options["amount"] is not None else scheduled
        if amount <= 0:
            problems.append(Problem(MemberRef.of(member), "金额为零：该会员级别没有设置年度会费，请填写金额"))
            continue
        if given_number:
            number = given_number  # a reprint: the receipt keeps its number
            if not receipt_taken(session, number):
                issue_receipt(
                    session,
                    actor,
                    payer=member.name,
                    years=years,
                    amount=amount,
                    on=options["date"],
                    member_id=member.id,
                    number=number,
                    note="按给定编号开具",
                )
        else:
            number = issue_receipt(
                session, actor, payer=member.name, years=years, amount=amount, on=options["date"], member_id=member.id
            ).number
            issued.append(number)
        item = DuesReceiptInput(
            receipt_number=number,
            payer=member.name,
            years=years,
            amount=amount,
            date=options["date"],
            member_number=member.member_number,
            received_by=options["received_by"] or (actor.full_name if actor.id is not None else None),
            payment_method=options["payment_method"] or None,
            note=options["note"] or None,
        )
        if amount < scheduled:
            # less than the scheduled dues needs the resident leader's written consent.
            problems.append(
                Problem(
                    item,
                    f"金额低于应缴会费 {scheduled:,.2f} 元：减免须有驻会领导书面同意（第八条第（五）项）",
                    drawn=True,
                )
            )
        items.append(item)
    return items
