"""Billing (R-5.5, R-8.5, R-15.1): a dues year for every active member, a newcomer's first year at
admission's dues step, the years a restored membership owes, and the future dues of a member who
left cancelled (R-14.1: arrears stay on record).

Billing a year twice creates nothing new (one bill per member and year; a partial unique index
refuses a second even from plain SQL). A bill below the schedule carries the resident leader's
written consent (R-8.5) or is not made lower at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import event, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import get_history

from desktop_app.core import audit
from desktop_app.core.db import bulk_insert, clock_of, table_of
from desktop_app.core.models import (
    Application,
    BillBasis,
    DuesBill,
    DuesConsent,
    DuesPayment,
    DuesReceipt,
    Member,
    MemberStatus,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.dues.ledger import Owner, members_with_credit, settle, settle_members
from desktop_app.core.services.dues.schedule import (
    amounts_for_year,
    charge_for,
    check_year,
    current_year,
    dues_year_of,
    first_year_rule,
    level_amounts,
    period,
    period_of,
    schedule,
    year_start_month,
)
from desktop_app.core.settings import level_names
from desktop_app.errors import ValidationError
from desktop_app.messages import Join, say

ProgressFn = Callable[[int, int], None]
CHUNK = 5000


@dataclass
class BillingResult:
    year: int
    billed: int = 0
    amount: Decimal = Decimal("0.00")
    already: int = 0  # had their bill for that year
    reduced: int = 0  # billed lower with a consent on file
    first_year: int = 0  # joined during the year (the first-year rule)
    free_first_year: int = 0  # joined during the year, first year free
    not_yet_members: int = 0  # joined after the year
    free_level: int = 0  # their level pays no dues that year (0 in the schedule)
    credit_settled: int = 0  # bills (partly) paid at once from credit carried forward
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = f"{self.year}年度：新开具 {self.billed} 个会员，合计 {self.amount:,.2f} 元"
        if self.already:
            text += f"；{self.already} 个会员已开具过，未重复开具"
        if self.reduced:
            text += f"；其中 {self.reduced} 个按驻会领导书面同意减免"
        if self.first_year:
            text += f"；{self.first_year} 个当年入会，按入会当年规则计"
        if self.free_first_year:
            text += f"；{self.free_first_year} 个当年入会，当年免缴"
        if self.not_yet_members:
            text += f"；{self.not_yet_members} 个在该年度之后入会，不开具"
        if self.free_level:
            text += f"；{self.free_level} 个所在级别该年度不收会费"
        if self.credit_settled:
            text += f"；{self.credit_settled} 笔以预缴余额抵扣"
        if self.problems:
            text += "。未能开具：" + "；".join(self.problems)
        return text + "。"


def _check_billable_year(session: Session, year: Any) -> int:
    year = check_year(year)
    entries = schedule(session)
    if not entries or year < entries[0].from_year:
        first = entries[0].from_year if entries else "—"
        raise ValidationError({"year": say("dues.billing.no_rate_for_year", first=first, year=year)})
    following = current_year(session) + 1
    if year > following:
        raise ValidationError({"year": say("dues.billing.too_far_ahead", following=following)})
    return year


def bill_year(session: Session, actor: Actor, year: Any, *, progress: ProgressFn | None = None) -> BillingResult:
    """Bill dues ``year`` for every active member that has no bill for it yet: the level's dues
    from the schedule, the first-year rule for a member who joined during the year, and the
    amount a resident leader consented to (R-8.5) where one is on file. Credit a member carried
    forward pays the new bill at once. Idempotent."""
    require(actor, Permission.BILL_DUES)
    year = _check_billable_year(session, year)
    adopt_registered_applications(session)
    start, end = period(session, year)
    amounts = level_amounts(session, year)
    rule = first_year_rule(session)
    names = level_names(session)
    now = clock_of(session).now()
    result = BillingResult(year)
    existing = set(
        session.scalars(
            select(DuesBill.member_id).where(
                DuesBill.year == year, DuesBill.cancelled_at.is_(None), DuesBill.member_id.is_not(None)
            )
        )
    )
    consents: dict[int, DuesConsent] = {}
    for consent in session.scalars(
        select(DuesConsent)
        .where(DuesConsent.year == year, DuesConsent.member_id.is_not(None))
        .order_by(DuesConsent.recorded_at, DuesConsent.id)
    ):
        assert consent.member_id is not None
        consents[consent.member_id] = consent  # the latest consent for a member counts
    members = session.execute(
        select(Member.id, Member.level, Member.join_date)
        .where(Member.status == MemberStatus.ACTIVE)
        .order_by(Member.id)
    ).all()
    total = len(members)
    if progress is not None:
        progress(0, total)
    unpriced: dict[str, int] = {}
    rows: list[dict[str, Any]] = []
    billed_ids: list[int] = []
    connection = session.connection()
    for done, (member_id, level, join_date) in enumerate(members, 1):
        if member_id in existing:
            result.already += 1
        elif level not in amounts:
            unpriced[level] = unpriced.get(level, 0) + 1
        elif amounts[level] <= 0:
            result.free_level += 1
        else:
            charge = charge_for(amounts[level], join_date, start, end, rule)
            if charge is None:
                if join_date is not None and join_date > end:
                    result.not_yet_members += 1
                else:
                    result.free_first_year += 1
            else:
                due, consent_id = charge.amount, None
                agreed = consents.get(member_id)
                if agreed is not None and agreed.agreed < charge.amount:
                    due, consent_id = agreed.agreed, agreed.id
                    result.reduced += 1
                if charge.basis == BillBasis.FIRST_YEAR:
                    result.first_year += 1
                rows.append(
                    {
                        "member_id": member_id,
                        "application_id": None,
                        "year": year,
                        "period_start": start,
                        "period_end": end,
                        "level": level,
                        "scheduled": charge.amount,
                        "due": due,
                        "paid": Decimal("0.00"),
                        "settled": due <= 0,
                        "basis": charge.basis,
                        "basis_note": charge.note,
                        "consent_id": consent_id,
                        "created_at": now,
                        "created_by_id": actor.id,
                    }
                )
                billed_ids.append(member_id)
                result.billed += 1
                result.amount += due
        if len(rows) >= CHUNK:
            bulk_insert(connection, table_of(DuesBill), rows)
            rows = []
        if progress is not None and (done % 1000 == 0 or done == total):
            progress(done, total)
    bulk_insert(connection, table_of(DuesBill), rows)
    for level, count in unpriced.items():
        result.problems.append(f"级别“{names.get(level, level)}”没有 {year} 年度的会费标准（{count} 个会员）")
    with_credit = members_with_credit(session, set(billed_ids))
    result.credit_settled = settle_members(session, sorted(with_credit))
    audit.record(
        session,
        actor,
        "bill_dues",
        "dues",
        None,
        say("dues.billing.history.billed", year=year, billed=result.billed, amount=result.amount),
        after={
            "year": year,
            "billed": result.billed,
            "amount": result.amount,
            "already": result.already,
            "reduced": result.reduced,
            "problems": result.problems,
        },
    )
    return result


def members_without_bill(session: Session, year: int) -> int:
    """Active members that joined by the end of ``year`` and have no bill for it (billing again
    would bill them: a member entered by hand, or the first-year rule's next year)."""
    start, end = period(session, year)
    billed = select(DuesBill.member_id).where(
        DuesBill.year == year, DuesBill.cancelled_at.is_(None), DuesBill.member_id.is_not(None)
    )
    rule = first_year_rule(session)
    query = select(Member.id, Member.join_date).where(Member.status == MemberStatus.ACTIVE, Member.id.not_in(billed))
    count = 0
    for _id, join_date in session.execute(query):
        if join_date is None or join_date <= start or (join_date <= end and rule != "free"):
            count += 1
    return count


# --- admission's dues step and the back-payment route ------------------------------------------


def _new_bill(
    session: Session,
    actor: Actor,
    owner: Owner,
    year: int,
    level: str,
    amount: Decimal,
    basis: BillBasis,
    note: str | None,
) -> DuesBill:
    start, end = period(session, year)
    due, consent_id = amount, None
    consent = _consent_for(session, owner, year)
    if consent is not None and consent.agreed < amount:
        due, consent_id = consent.agreed, consent.id
    bill = DuesBill(
        member_id=owner.member_id,
        application_id=owner.application_id,
        year=year,
        period_start=start,
        period_end=end,
        level=level,
        scheduled=amount,
        due=due,
        paid=Decimal("0.00"),
        settled=due <= 0,
        basis=basis,
        basis_note=note,
        consent_id=consent_id,
        created_at=clock_of(session).now(),
        created_by_id=actor.id,
    )
    session.add(bill)
    session.flush()
    return bill


def _consent_for(session: Session, owner: Owner, year: int) -> DuesConsent | None:
    query = select(DuesConsent).where(DuesConsent.year == year)
    if owner.member_id is not None:
        query = query.where(DuesConsent.member_id == owner.member_id)
    else:
        query = query.where(DuesConsent.application_id == owner.application_id, DuesConsent.member_id.is_(None))
    return session.scalars(query.order_by(DuesConsent.recorded_at.desc(), DuesConsent.id.desc()).limit(1)).first()


def application_owner(application: Application) -> Owner:
    """Whose dues admission's step books: the former member's record for a re-admission (its
    history stays in one place), else the application until registration makes it a member."""
    if application.former_member_id is not None:
        return Owner(member_id=application.former_member_id)
    if application.member_id is not None:
        return Owner(member_id=application.member_id)
    return Owner(application_id=application.id)


def bill_admission(session: Session, actor: Actor, application: Application, on: dt.date) -> list[DuesBill]:
    """The first dues year of an applicant paying at admission's dues step (R-5.1 (5)), on the
    first-year rule with ``on`` (the day it pays) standing for the day it joins. Idempotent: an
    existing bill for that year is returned. Called by admission's ``record_dues``."""
    owner = application_owner(application)
    start_month = year_start_month(session)
    year = dues_year_of(session, on)
    start, end = period_of(start_month, year)
    rule = first_year_rule(session)
    if rule == "free" and on > start:
        year += 1
        start, end = period_of(start_month, year)
    found = session.scalars(
        select(DuesBill).where(owner.bills(), DuesBill.year == year, DuesBill.cancelled_at.is_(None)).limit(1)
    ).first()
    if found is not None:
        return [found]
    full = amounts_for_year(session, year).get(application.level)
    if full is None:
        name = level_names(session).get(application.level, application.level)
        raise ValidationError({"dues_amount": say("dues.billing.no_rate_for_level", name=name, year=year)})
    charge = charge_for(full, on, start, end, "full" if rule == "free" else rule)
    assert charge is not None
    note = f"入会缴费（入会申请 {application.application_number}）" + (f"；{charge.note}" if charge.note else "")
    return [_new_bill(session, actor, owner, year, application.level, charge.amount, BillBasis.ADMISSION, note)]


def back_payment_years(session: Session, member: Member) -> list[int]:
    """The dues years a former member owes to restore its membership (R-15.1): every year from the
    first one it has not paid (the first year after its last bill when all are paid; the year it
    left when it never had a bill) up to this dues year."""
    bills = session.execute(
        select(DuesBill.year, DuesBill.settled).where(DuesBill.member_id == member.id, DuesBill.cancelled_at.is_(None))
    ).all()
    this_year = current_year(session)
    unpaid = [year for year, settled in bills if not settled]
    if unpaid:
        first = min(unpaid)
    elif bills:
        first = max(year for year, _s in bills) + 1
    elif member.left_date is not None:
        first = dues_year_of(session, member.left_date)
    else:
        first = this_year
    return list(range(min(first, this_year), this_year + 1))


def bill_back_payment(session: Session, actor: Actor, application: Application) -> list[DuesBill]:
    """R-15.1: when a resident leader grants the back-payment route, the years the former member
    owes are billed (at the schedule of each year, at its level) — those already billed and unpaid
    stay as they are. Returns every open bill of those years. Idempotent."""
    if application.former_member_id is None:
        raise ValidationError({"back_payment": say("dues.billing.back_payment_only_rejoining")})
    member = session.get(Member, application.former_member_id)
    assert member is not None
    owner = Owner(member_id=member.id)
    years = back_payment_years(session, member)
    billed = {
        bill.year: bill
        for bill in session.scalars(
            select(DuesBill).where(owner.bills(), DuesBill.year.in_(years), DuesBill.cancelled_at.is_(None))
        )
    }
    names = level_names(session)
    problems = []
    for year in years:
        if year in billed:
            continue
        full = amounts_for_year(session, year).get(application.level)
        if full is None:
            problems.append(
                say("dues.billing.level_no_rate", level=names.get(application.level, application.level), year=year)
            )
            continue
        billed[year] = _new_bill(
            session,
            actor,
            owner,
            year,
            application.level,
            full,
            BillBasis.BACK_PAYMENT,
            f"补缴会费恢复会籍（入会申请 {application.application_number}）",
        )
    if problems:
        raise ValidationError({"dues_amount": say("dues.billing.no_rates", problems=Join(problems))})
    settle(session, owner)
    return sorted((b for b in billed.values() if b.cancelled_at is None), key=lambda b: b.year)


def back_payment_refusal(session: Session, application: Application) -> str | None:
    """Why a membership restored by back-payment cannot be registered yet (R-15.1: only when the
    years owed are paid); None when nothing is owed. For admission's registration gate."""
    if application.former_member_id is None:
        return None
    member = session.get(Member, application.former_member_id)
    assert member is not None
    years = back_payment_years(session, member)
    owed = session.execute(
        select(DuesBill.year, DuesBill.due - DuesBill.paid).where(
            DuesBill.member_id == member.id,
            DuesBill.year.in_(years),
            DuesBill.settled.is_(False),
            DuesBill.cancelled_at.is_(None),
        )
    ).all()
    billed = set(
        session.scalars(
            select(DuesBill.year).where(
                DuesBill.member_id == member.id, DuesBill.year.in_(years), DuesBill.cancelled_at.is_(None)
            )
        )
    )
    missing = [y for y in years if y not in billed]
    if not owed and not missing:
        return None
    unpaid = [str(y) for y in sorted({y for y, _a in owed} | set(missing))]
    amount = sum((Decimal(str(a)) for _y, a in owed), Decimal("0.00"))
    if amount:
        return say("dues.billing.back_payment_owed", years=unpaid, amount=amount)
    return say("dues.billing.back_payment_unbilled", years=unpaid)


# --- a member who left ---------------------------------------------------------------------------


def cancel_future_dues(session: Session, actor: Actor, member_id: int, *, after: dt.date, reason: str) -> list[int]:
    """R-14.1: the dues of years starting after ``after`` (the day the membership ended) are
    cancelled when nothing was paid on them; arrears and paid years stay on record. Returns the
    years cancelled. For the withdrawal procedures."""
    require(actor, Permission.BILL_DUES)
    if not reason or not str(reason).strip():
        raise ValidationError({"reason": say("dues.billing.cancel_reason_required")})
    now = clock_of(session).now()
    bills = session.scalars(
        select(DuesBill).where(
            DuesBill.member_id == member_id,
            DuesBill.cancelled_at.is_(None),
            DuesBill.period_start > after,
            DuesBill.paid == 0,
        )
    ).all()
    for bill in bills:
        bill.cancelled_at, bill.cancelled_by_id, bill.cancel_reason = now, actor.id, str(reason).strip()[:300]
        bill.settled = False
    if bills:
        audit.record(
            session,
            actor,
            "cancel_dues",
            "member",
            member_id,
            say("dues.billing.history.cancelled", join="、".join(str(b.year) for b in bills), reason=reason),
            after={"years": [b.year for b in bills], "reason": reason},
        )
    session.flush()
    return [b.year for b in bills]


# --- registration: an application's dues pass to its member ---------------------------------------


def adopt_registered_applications(session: Session) -> int:
    """Dues an application held (its dues step) pass to the member its registration made. The
    ``before_flush`` hook below does this as registration happens; this catches anything left."""
    registered = select(Application.id).where(Application.member_id.is_not(None))
    moved = 0
    for model in (DuesBill, DuesPayment, DuesConsent, DuesReceipt):
        table = table_of(model)
        member_of = select(Application.member_id).where(Application.id == table.c.application_id).scalar_subquery()
        result = session.execute(
            update(table)
            .where(table.c.member_id.is_(None), table.c.application_id.in_(registered))
            .values(member_id=member_of)
            .execution_options(synchronize_session=False)
        )
        moved += result.rowcount or 0  # type: ignore[attr-defined]
    if moved:
        session.expire_all()
    return moved


def _adopt_on_registration(session: Session, _context: Any, _instances: Any) -> None:
    """Admission's registration sets ``application.member_id``: the dues the applicant paid at the
    dues step go with it to the member, in the same flush. A hook, because the register's step
    is admission's (which calls dues, never the other way round)."""
    for item in list(session.dirty) + list(session.new):
        if not isinstance(item, Application) or item.member_id is None or item.id is None:
            continue
        if not get_history(item, "member_id").added:
            continue
        models: tuple[Any, ...] = (DuesBill, DuesPayment, DuesConsent, DuesReceipt)
        for model in models:
            for row in session.scalars(
                select(model)
                .where(model.application_id == item.id, model.member_id.is_(None))
                .execution_options(autoflush=False)
            ):
                row.member_id = item.member_id


event.listen(Session, "before_flush", _adopt_on_registration)
