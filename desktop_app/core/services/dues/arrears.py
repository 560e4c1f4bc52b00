"""Arrears (R-8.5, R-9.5, R-12.1 (1)): what each member owes and since when, each mentor's
collection rate, the members unpaid for more than a year (the withdrawal procedure's evidence),
and the reminder list.

"Unpaid for more than a year" is defined once, here, from two settings (REQUIREMENTS.md: "from
the end of the last paid dues period"):

- counted from (``dues.unpaid_counted_from``): the last day of the last dues year the member paid
  in full — the day before the first year it has not (``paid_period_end``, the default) — or the
  due date of that first unpaid year, its start plus ``dues.due_days`` days (``due_date``);
- more than ``dues.unpaid_months`` (12) months after that day, counted as the Civil Code counts
  periods (第二百零一条: the first day not counted; 第二百零三条: the period ends on the
  corresponding day, or the month's last day when there is none): it holds from the next day.

Paid through 2024 (period ending 2024-12-31): unpaid for more than a year from 2026-01-01, not on
2025-12-31. A member never paid since it joined during its first unpaid year counts from the day
it joined (joined 2025-10-04, unpaid: more than a year from 2026-10-04), never from before. Only
the years of the current membership count (a bill whose period ended before the member's join
date belongs to an earlier membership); a member never billed is never a candidate.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import String, and_, case, cast, column, false, func, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.expression import TableClause

from desktop_app.core.db import clock_of, table_of
from desktop_app.core.models import DuesBill, Member, MemberStatus, Staff
from desktop_app.core.security import Actor
from desktop_app.core.services.dues.ledger import mentor_scope
from desktop_app.core.services.dues.schedule import add_months, check_year
from desktop_app.core.settings import (
    DUES_DUE_DAYS,
    UNPAID_COUNTED_FROM,
    UNPAID_MONTHS,
    get_setting,
    level_names,
)
from desktop_app.errors import ValidationError
from desktop_app.messages import say
from desktop_app.records import SheetTable

COUNTINGS = {
    "paid_period_end": "自已缴清的最后一个会费年度结束之日起算",
    "due_date": "自最早欠缴年度的缴费期限届满之日起算",
}


@dataclass(frozen=True)
class UnpaidRule:
    counted_from: str
    months: int
    due_days: int

    @property
    def words(self) -> str:
        return f"{COUNTINGS[self.counted_from]}超过 {self.months} 个月"

    def counting_start(self, first_unpaid: dt.date) -> dt.date:
        """The day the period is counted from (not itself counted)."""
        if self.counted_from == "due_date":
            return first_unpaid + dt.timedelta(days=self.due_days - 1)
        return first_unpaid - dt.timedelta(days=1)

    def holds_from(self, first_unpaid: dt.date) -> dt.date:
        """The first day the member is unpaid for more than the period."""
        return add_months(self.counting_start(first_unpaid), self.months) + dt.timedelta(days=1)

    def latest_first_unpaid(self, on: dt.date) -> dt.date:
        """The last first-unpaid day for which it holds on ``on``: ``holds_from`` grows with the first
        unpaid day, so a member is unpaid for more than a year exactly when its oldest open period
        started on or before this day (one comparison in SQL instead of one per member)."""
        low, high = on.toordinal() - 366 * (self.months // 12 + 2) - self.due_days, on.toordinal()
        if self.holds_from(dt.date.fromordinal(low)) > on:
            return dt.date.fromordinal(low - 1)
        while low < high:  # the largest day whose holds_from is not after ``on``
            middle = (low + high + 1) // 2
            if self.holds_from(dt.date.fromordinal(middle)) <= on:
                low = middle
            else:
                high = middle - 1
        return dt.date.fromordinal(low)


def unpaid_rule(session: Session) -> UnpaidRule:
    counted_from = get_setting(session, UNPAID_COUNTED_FROM)
    months = get_setting(session, UNPAID_MONTHS)
    due_days = get_setting(session, DUES_DUE_DAYS)
    errors = {}
    if counted_from not in COUNTINGS:
        errors[UNPAID_COUNTED_FROM.key] = say(
            "dues.arrears.not_a_choice", label=UNPAID_COUNTED_FROM.label, counted_from=counted_from
        )
    if not isinstance(months, int) or not 1 <= months <= 120:
        errors[UNPAID_MONTHS.key] = say("dues.arrears.range_120", label=UNPAID_MONTHS.label)
    if not isinstance(due_days, int) or not 1 <= due_days <= 366:
        errors[DUES_DUE_DAYS.key] = say("dues.arrears.range_366", label=DUES_DUE_DAYS.label)
    if errors:
        raise ValidationError(errors)
    return UnpaidRule(counted_from, months, due_days)


@dataclass(frozen=True)
class UnpaidEvidence:
    """R-12.1 (1) for one member on a given day: the years it has not paid (started by then), what
    it owes for them, since when it has not paid (the first day of the oldest unpaid year, or the
    day it joined when that was later), the
    end of the last dues period it paid (None: it never paid one of this membership), and from
    which day it counts as unpaid for more than a year."""

    member_id: int
    years_unpaid: tuple[int, ...]
    amount_owed: Decimal
    since: dt.date
    paid_until: dt.date | None
    over_a_year_from: dt.date
    rule: str  # the counting, in words, for the notice and the case file

    def over_a_year(self, on: dt.date) -> bool:
        return on >= self.over_a_year_from

    def describe(self) -> str:
        years = "、".join(str(y) for y in self.years_unpaid)
        paid = f"已缴至 {self.paid_until:%Y-%m-%d}" if self.paid_until else "本次入会以来未缴清任何年度"
        return (
            f"{years} 年度会费未缴，共欠 {self.amount_owed:,.2f} 元；{paid}，自 {self.since:%Y-%m-%d} 起未缴"
            f"（{self.rule}，自 {self.over_a_year_from:%Y-%m-%d} 起为一年以上不交纳会费）"
        )


def _current_membership(bill: Any = DuesBill) -> Any:
    """Bills of the member's current membership: their period ends on or after its join date."""
    return or_(Member.join_date.is_(None), bill.period_end >= Member.join_date)


class _IndexedBy(TableClause):
    """``dues_bill`` read through one named index on SQLite (``INDEXED BY``): SQLite keeps no
    statistics here, and for a GROUP BY member it would read all 500,000 bills through the unique
    index instead of the 80,000 open ones through their partial index (10× slower). Other
    databases plan with their statistics and get the plain table."""

    inherit_cache = False

    def __init__(self, index: str):
        table = table_of(DuesBill)
        super().__init__(table.name, *(column(c.name, c.type) for c in table.c))
        self.index = index


@compiles(_IndexedBy)
def _compile_indexed_by(element: _IndexedBy, compiler: Any, **kw: Any) -> str:
    text = compiler.visit_table(element, **kw)
    if kw.get("asfrom") and compiler.dialect.name == "sqlite":
        text += f" INDEXED BY {element.index}"
    return text


OpenBill = aliased(DuesBill, _IndexedBy("ix_dues_bill_open"), adapt_on_names=True)


@dataclass(frozen=True)
class _Owing:
    """One member's open bills of years started by the day asked, aggregated in SQL."""

    member_id: int
    member_number: str
    name: str
    level: str
    mentor_id: int | None
    liaison: str
    phone: str
    address: str
    postcode: str
    first_unpaid: dt.date  # the oldest open period's start, or the join date when it joined during it
    owed: Decimal
    years: tuple[int, ...]
    first_paid_end: dt.date | None  # the end of the first period it paid (None: never paid one)


@dataclass(frozen=True)
class ArrearsTotals:
    members: int
    amount: Decimal
    over_a_year: int  # of them, unpaid for more than a year


def _open(bill: Any = DuesBill) -> tuple[Any, ...]:
    """The open bills, as the partial index ``ix_dues_bill_open`` states them (SQLite uses a
    partial index only when the query repeats its condition with constants)."""
    return (bill.settled == false(), bill.cancelled_at.is_(None))


def _active() -> Any:
    """Active members — written as "none of the other statuses" so that SQLite, which keeps no
    statistics here, does not drive a query from the status index (95 % of the register) but
    walks the members in member-number order or joins them by key (10× faster at 100,000)."""
    return Member.status.not_in([s for s in MemberStatus if s != MemberStatus.ACTIVE])


def _since(first_start: Any) -> Any:
    """The first unpaid day in SQL: the oldest open period's start, or the join date when the
    member joined during that period (a member cannot owe from before it joined)."""
    return case(
        (and_(Member.join_date.is_not(None), Member.join_date > first_start), Member.join_date), else_=first_start
    )


def _open_of_member(on: dt.date, started_by: dt.date | None = None) -> Any:
    return (
        select(DuesBill.id)
        .where(
            DuesBill.member_id == Member.id,
            *_open(),
            DuesBill.period_start <= (started_by or on),
            _current_membership(),
        )
        .exists()
    )


def _page_ids(
    session: Session,
    on: dt.date,
    conditions: tuple[Any, ...],
    cutoff: dt.date,
    over_only: bool,
    limit: int,
    offset: int,
) -> list[int]:
    """One page of owing members by member number: the members are walked in that order and each
    is asked whether it has an open bill (an index probe), until the page is full."""
    query = (
        select(Member.id)
        .where(*conditions, _open_of_member(on, cutoff if over_only else None))
        .where(or_(Member.join_date.is_(None), Member.join_date <= cutoff) if over_only else true())
        .order_by(Member.member_number)
        .limit(limit)
        .offset(offset)
    )
    return list(session.connection().execute(query).scalars())


def _owing(
    session: Session,
    on: dt.date,
    *conditions: Any,
    over_before: dt.date | None = None,
    with_paid: bool = False,
) -> list[_Owing]:
    """Members with open bills of years started by ``on`` (restricted by ``conditions``; with
    ``over_before`` only those whose oldest open period started by then), by member number: one
    grouped query reading the partial index of the open bills, the member's columns joined.
    ``with_paid`` adds the end of the first period each member paid (the evidence's)."""
    b = OpenBill
    first = _since(func.min(b.period_start))
    columns: list[Any] = [
        b.member_id,
        Member.member_number,
        Member.name,
        Member.level,
        Member.mentor_id,
        Member.liaison_name,
        Member.liaison_mobile,
        Member.liaison_landline,
        Member.address,
        Member.postcode,
        first,
        func.sum(b.due - b.paid, type_=DuesBill.due.type),
        func.aggregate_strings(cast(b.year, String), ","),
    ]
    if with_paid:
        paid = aliased(DuesBill)
        columns.append(
            select(func.min(paid.period_end))
            .where(paid.member_id == b.member_id, paid.settled == true(), paid.cancelled_at.is_(None))
            .scalar_subquery()
        )
    query = (
        select(*columns)
        .select_from(b)
        .join(Member, Member.id == b.member_id)
        .where(*_open(b), b.period_start <= on, _current_membership(b), *conditions)
        .group_by(b.member_id, Member.id)
        .order_by(Member.member_number)
    )
    if over_before is not None:
        query = query.having(first <= over_before)
    return [
        _Owing(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5] or "",
            row[6] or row[7] or "",
            row[8] or "",
            row[9] or "",
            _date(row[10]),
            Decimal(str(row[11] or 0)).quantize(Decimal("0.01")),
            tuple(sorted(int(y) for y in str(row[12]).split(",") if y)),
            _date(row[13]) if with_paid and row[13] is not None else None,
        )
        for row in session.connection().execute(query)
    ]


def _date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def _evidence(owing: _Owing, rule: UnpaidRule) -> UnpaidEvidence:
    first = owing.first_unpaid
    paid_earlier = owing.first_paid_end is not None and owing.first_paid_end < first
    return UnpaidEvidence(
        member_id=owing.member_id,
        years_unpaid=owing.years,
        amount_owed=owing.owed,
        since=first,
        paid_until=first - dt.timedelta(days=1) if paid_earlier else None,
        over_a_year_from=rule.holds_from(first),
        rule=rule.words,
    )


def unpaid_evidence(session: Session, member_id: int, on: dt.date | None = None) -> UnpaidEvidence | None:
    """The dues evidence of R-12.1 (1) for one member on ``on`` (today): None when it owes nothing
    for a year started by then. Check ``over_a_year(on)`` for the ground itself."""
    on = on or clock_of(session).today()
    found = _owing(session, on, OpenBill.member_id == member_id, with_paid=True)
    return _evidence(found[0], unpaid_rule(session)) if found else None


def members_unpaid_over_a_year(session: Session, on: dt.date | None = None) -> list[UnpaidEvidence]:
    """Active members unpaid for more than a year on ``on`` (today), with their evidence, by member
    id. For the withdrawal procedure's review (R-12.1 (1))."""
    on = on or clock_of(session).today()
    rule = unpaid_rule(session)
    owing = _owing(session, on, _active(), over_before=rule.latest_first_unpaid(on), with_paid=True)
    return sorted((_evidence(o, rule) for o in owing), key=lambda e: e.member_id)


# --- arrears per member ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArrearsRow:
    member_id: int
    member_number: str
    name: str
    level: str
    mentor_id: int | None
    mentor: str
    years: tuple[int, ...]
    amount: Decimal
    since: dt.date
    over_a_year: bool
    liaison: str
    phone: str
    address: str
    postcode: str


def _scope_conditions(actor: Actor, mentor_id: int | None) -> tuple[Any, ...]:
    scope = mentor_scope(actor)
    conditions: list[Any] = [_active()]
    if scope is not None:
        conditions.append(Member.mentor_id == scope)
    elif mentor_id is not None:
        conditions.append(Member.mentor_id == mentor_id if mentor_id else Member.mentor_id.is_(None))
    return tuple(conditions)


def arrears(
    session: Session,
    actor: Actor,
    *,
    on: dt.date | None = None,
    mentor_id: int | None = None,
    over_a_year_only: bool = False,
    limit: int | None = None,
    offset: int = 0,
) -> list[ArrearsRow]:
    """Active members owing dues for a year started by ``on`` (today), by member number: years
    unpaid, amount, since when, whether for more than a year (``over_a_year_only``: only those).
    ``mentor_id`` 0 means members without a mentor; a mentor sees its own members only. With
    ``limit``/``offset`` one page (the window's list, in milliseconds); without, every row (the
    reminder list). ``arrears_totals`` counts them all."""
    conditions = _scope_conditions(actor, mentor_id)
    on = on or clock_of(session).today()
    cutoff = unpaid_rule(session).latest_first_unpaid(on)
    if limit is not None:
        ids = _page_ids(session, on, conditions, cutoff, over_a_year_only, limit, offset)
        owing = _owing(session, on, OpenBill.member_id.in_(ids)) if ids else []
    else:
        owing = _owing(session, on, *conditions, over_before=cutoff if over_a_year_only else None)
    names = level_names(session)
    mentors = dict(session.execute(select(Staff.id, Staff.full_name)).all())
    return [
        ArrearsRow(
            o.member_id,
            o.member_number,
            o.name,
            names.get(o.level, o.level),
            o.mentor_id,
            mentors.get(o.mentor_id, "") if o.mentor_id else "",
            o.years,
            o.owed,
            o.first_unpaid,
            o.first_unpaid <= cutoff,
            o.liaison,
            o.phone,
            o.address,
            o.postcode,
        )
        for o in owing
    ]


def arrears_totals(
    session: Session,
    actor: Actor,
    *,
    on: dt.date | None = None,
    mentor_id: int | None = None,
    over_a_year_only: bool = False,
) -> ArrearsTotals:
    """How many members ``arrears`` lists, what they owe, and how many for more than a year: one
    pass over the open bills (the window loads it after the first page, as the register its count)."""
    conditions = _scope_conditions(actor, mentor_id)
    on = on or clock_of(session).today()
    cutoff = unpaid_rule(session).latest_first_unpaid(on)
    # a mentor's few hundred members: start from them; everyone's: read the open bills' index
    b = DuesBill if mentor_id or mentor_scope(actor) is not None else OpenBill
    first = _since(func.min(b.period_start))
    grouped = (
        select(
            func.sum(b.due - b.paid, type_=DuesBill.due.type).label("owed"),
            case((first <= cutoff, 1), else_=0).label("over"),
        )
        .select_from(b)
        .join(Member, Member.id == b.member_id)
        .where(*_open(b), b.period_start <= on, _current_membership(b), *conditions)
        .group_by(b.member_id, Member.id)
    )
    if over_a_year_only:
        grouped = grouped.having(first <= cutoff)
    sub = grouped.subquery()
    count, amount, over = (
        session.connection()
        .execute(select(func.count(), func.sum(sub.c.owed, type_=DuesBill.due.type), func.sum(sub.c.over)))
        .one()
    )
    return ArrearsTotals(int(count or 0), Decimal(str(amount or 0)).quantize(Decimal("0.01")), int(over or 0))


def reminder_table(rows: list[ArrearsRow], association: str, made_on: dt.date) -> SheetTable:
    """The reminder list (催缴名单) as a workbook table: who to call, what they owe, since when."""
    total = sum((r.amount for r in rows), Decimal("0.00"))
    return SheetTable(
        sheet_name="会费催缴名单",
        heading=[
            f"{association}会费催缴名单",
            f"截至 {made_on:%Y-%m-%d}，共 {len(rows)} 个会员，欠缴合计 {total:,.2f} 元",
        ],
        columns=[
            ("会员编号", 14, True),
            ("单位名称", 34, False),
            ("会员级别", 12, True),
            ("班主任", 10, True),
            ("欠缴年度", 18, True),
            ("欠缴金额（元）", 14, True),
            ("自何日起未缴", 13, True),
            ("一年以上未缴", 12, True),
            ("联络员", 10, True),
            ("联系电话", 15, True),
            ("地址", 36, False),
            ("邮编", 8, True),
        ],
        rows=[
            [
                r.member_number,
                r.name,
                r.level,
                r.mentor,
                "、".join(str(y) for y in r.years),
                float(r.amount),
                r.since,
                "是" if r.over_a_year else "",
                r.liaison,
                r.phone,
                r.address,
                r.postcode,
            ]
            for r in rows
        ],
        footing=[f"欠缴合计 {total:,.2f} 元；“一年以上未缴”按第十二条第（一）项及系统设置计算。"],
    )


# --- each mentor's collection rate ------------------------------------------------------------------


@dataclass(frozen=True)
class CollectionRate:
    """One mentor's (or, ``mentor_id`` None, the unassigned members') collection of a dues year:
    members billed and fully paid, amount due and paid."""

    mentor_id: int | None
    mentor: str
    billed: int
    paid_in_full: int
    due: Decimal
    paid: Decimal

    @property
    def rate_by_count(self) -> float:
        return self.paid_in_full / self.billed if self.billed else 0.0

    @property
    def rate_by_amount(self) -> float:
        return float(self.paid / self.due) if self.due else 0.0


def collection_rates(session: Session, actor: Actor, year: Any) -> list[CollectionRate]:
    """Each mentor's collection of dues ``year`` (R-8.5, R-9.5) by count and by amount, for the
    members each mentors now; the last row is the total. A mentor sees its own line only."""
    scope = mentor_scope(actor)
    year = check_year(year)
    query = (
        select(
            Member.mentor_id,
            func.count(DuesBill.id),
            func.sum(case((DuesBill.settled.is_(True), 1), else_=0)),
            func.sum(DuesBill.due, type_=DuesBill.due.type),
            func.sum(DuesBill.paid, type_=DuesBill.paid.type),
        )
        .join(Member, Member.id == DuesBill.member_id)
        .where(DuesBill.year == year, DuesBill.cancelled_at.is_(None), and_(DuesBill.due > 0))
        .group_by(Member.mentor_id)
    )
    if scope is not None:
        query = query.where(Member.mentor_id == scope)
    mentors = dict(session.execute(select(Staff.id, Staff.full_name)).all())
    rates = []
    for mentor_id, billed, settled, due, paid in session.execute(query):
        rates.append(
            CollectionRate(
                mentor_id,
                mentors.get(mentor_id, "") if mentor_id else "（未分配班主任）",
                int(billed),
                int(settled or 0),
                Decimal(str(due or 0)).quantize(Decimal("0.01")),
                Decimal(str(paid or 0)).quantize(Decimal("0.01")),
            )
        )
    rates.sort(key=lambda r: (r.mentor_id is None, -r.rate_by_amount, r.mentor))
    if len(rates) > 1 or scope is None:
        rates.append(
            CollectionRate(
                None,
                "合计",
                sum(r.billed for r in rates),
                sum(r.paid_in_full for r in rates),
                sum((r.due for r in rates), Decimal("0.00")),
                sum((r.paid for r in rates), Decimal("0.00")),
            )
        )
    return rates
