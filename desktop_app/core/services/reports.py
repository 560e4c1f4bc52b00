"""Reports (issue 17): the half-yearly mentor report (R-9.5) with the office's reward/penalty
proposals, the membership statistics, and both as Excel and PDF.

**The mentor report** covers one half year — H1 (1 January – 30 June) or H2 (1 July – 31 December)
— up to its last day, or up to today while it runs (``as_of``). Every figure is counted from what
the mentors' work, dues and withdrawal jobs record, so a person can check it by hand:

- *A mentor's own days with a member* are the days of its ``mentor_assignment`` within the period:
  from ``start_date`` up to the day before ``end_date`` (on a change of mentor the new mentor has
  the day of the change). A member who changed mentor mid-period counts for each mentor, over each
  one's own days.
- *Members served*: members with at least one own day in the period.
- *Contact entries*: entries of the contact log (R-8.2) the mentor itself logged, dated on one of
  its own days with that member; *members contacted*: members with at least one such entry;
  *members without contact*: members served at least ``reports.no_contact_min_days`` days of the
  period (or all of it so far, if shorter) with no such entry.
- *WeChat group coverage* (R-8.1): of the principal and liaison each member names (today's
  register), how many were in the mentor's group on the mentor's last own day in the period.
- *Handover forms* (R-8.4, R-9.3): forms the mentor filed dated in the period; how many the office
  has applied, rejected, still has pending; *days to apply*: the average of days from filing to
  the office applying it.
- *Dues* (R-8.5): the bills of the dues years the period falls in (not cancelled by ``as_of``).
  Each bill counts for one mentor: the one who served the member on the day it was paid in full,
  if it was paid by ``as_of``; otherwise the one serving the member on ``as_of`` (or the last who
  served it in the period). *Collected*: bills paid in full and the amounts received by ``as_of``
  (payments dated after it are not counted); *collection rate*: collected / billed, by amount.
  *Arrears*: what was unpaid on ``as_of`` of every dues year begun by then, for the mentor serving
  the member then (or the last in the period). Dues of members without a mentor are one line of
  their own, never anyone's.
- *Outstanding-liaison nominations* (R-10.5): the mentor's nominations for the half year (and, in
  H2, for the whole year), and how many the secretariat approved.
- *Score*: 0–100, the weighted mean (``reports.mentor_score_weights``) of members contacted /
  members counted for contact, WeChat coverage, and the collection rate; a ratio without a base
  (no member counted, nobody named, no dues billed) leaves the weighting. *Suggested proposal*:
  reward from ``reports.reward_score``, penalty below ``reports.penalty_score``, else none. The
  office may change it before export (``save_proposal``): the report then shows who changed it,
  when and why.

**Statistics**: active members by level, category and district; joins and leavings per year from
the membership spells (withdrawn / cancelled); dues billed and collected per dues year;
applications by the step they wait for, and the average days each step took.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, extract, false, func, or_, select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import (
    CATEGORY_LABELS,
    Application,
    ApplicationStage,
    ApplicationStatus,
    Category,
    ContactEntry,
    DuesAllocation,
    DuesBill,
    DuesPayment,
    HandoverForm,
    HandoverStatus,
    LiaisonNomination,
    Member,
    MemberStatus,
    MentorAssignment,
    NominationDecision,
    Role,
    Staff,
    WeChatMembership,
    WeChatPerson,
)
from desktop_app.core.models.reports import PROPOSAL_LABELS, MentorProposal, ProposalChoice
from desktop_app.core.models.withdrawal import MembershipSpell, SpellEnd
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services import admission, dues
from desktop_app.core.settings import (
    ASSOCIATION_NAME,
    MENTOR_SCORE_WEIGHTS,
    NO_CONTACT_MIN_DAYS,
    PENALTY_SCORE,
    REWARD_SCORE,
    get_setting,
    level_names,
    levels,
)
from desktop_app.core.validation import FieldError, clean_multiline
from desktop_app.errors import NotFound, ValidationError
from desktop_app.messages import say

Progress = Callable[[int, int], None]
ZERO = Decimal("0.00")
NOT_ASSIGNED = "（未分配班主任）"

# --- half years -------------------------------------------------------------------------------------

_HALF = re.compile(r"^(\d{4})(?:年度|年)?[-\s]?(H1|H2|上半年|下半年)$")


@dataclass(frozen=True)
class HalfYear:
    year: int
    half: int  # 1: 1 January – 30 June; 2: 1 July – 31 December

    @property
    def code(self) -> str:
        return f"{self.year}H{self.half}"

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> dt.date:
        return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)

    @property
    def label(self) -> str:
        return f"{self.year}年{'上' if self.half == 1 else '下'}半年"

    def previous(self) -> HalfYear:
        return HalfYear(self.year, 1) if self.half == 2 else HalfYear(self.year - 1, 2)


def parse_half(text: str | HalfYear | None) -> HalfYear:
    """``2026H1``, ``2026-h2``, ``2026年上半年`` … → the half year (a whole year is refused: R-9.5
    asks for half-years)."""
    if isinstance(text, HalfYear):
        return text
    raw = unicodedata.normalize("NFKC", str(text or "")).strip().upper().replace(" ", "")
    match = _HALF.match(raw)
    if match is None or not 2000 <= int(match.group(1)) <= 2100:
        raise ValidationError({"period": say("reports.bad_period", value=text or "")})
    half = match.group(2)
    return HalfYear(int(match.group(1)), 1 if half in ("H1", "上半年") else 2)


def half_of(day: dt.date) -> HalfYear:
    return HalfYear(day.year, 1 if day.month <= 6 else 2)


def recent_halves(today: dt.date, count: int = 6) -> list[HalfYear]:
    """This half year and the ones before it, newest first (the window's choice)."""
    out = [half_of(today)]
    while len(out) < count:
        out.append(out[-1].previous())
    return out


def default_half(today: dt.date) -> HalfYear:
    """The half year a report is usually made for: the one just ended during the first month of
    the next (the office writes H1's report in July), else the running one."""
    current = half_of(today)
    return current.previous() if (today - current.start).days < 31 else current


# --- the rules --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreRules:
    contact_weight: float
    wechat_weight: float
    dues_weight: float
    reward_score: float
    penalty_score: float
    no_contact_min_days: int

    def score(self, contact: float | None, wechat: float | None, collection: float | None) -> float | None:
        parts = [(self.contact_weight, contact), (self.wechat_weight, wechat), (self.dues_weight, collection)]
        weights = sum(w for w, ratio in parts if ratio is not None and w > 0)
        if not weights:
            return None
        total = sum(w * ratio for w, ratio in parts if ratio is not None and w > 0)
        return round(100 * total / weights, 1)

    def suggest(self, score: float | None) -> ProposalChoice:
        if score is None:
            return ProposalChoice.NONE
        if score >= self.reward_score:
            return ProposalChoice.REWARD
        if score < self.penalty_score:
            return ProposalChoice.PENALTY
        return ProposalChoice.NONE

    def words(self) -> str:
        weights = "、".join(
            f"{name} {weight:g}"
            for name, weight in (
                ("已联系会员比例", self.contact_weight),
                ("微信群覆盖率", self.wechat_weight),
                ("会费收缴率", self.dues_weight),
            )
        )
        return (
            f"得分按权重（{weights}）加权平均，满分 100；得分不低于 {self.reward_score:g} 分建议奖励，"
            f"低于 {self.penalty_score:g} 分建议处罚，其余不奖不罚（系统设置 reports.*，会籍管理部可在导出前修改建议）。"
        )


def score_rules(session: Session) -> ScoreRules:
    weights = get_setting(session, MENTOR_SCORE_WEIGHTS)
    reward = get_setting(session, REWARD_SCORE)
    penalty = get_setting(session, PENALTY_SCORE)
    min_days = get_setting(session, NO_CONTACT_MIN_DAYS)
    errors: dict[str, str] = {}
    values: dict[str, float] = {}
    if not isinstance(weights, dict):
        weights = {}
        errors[MENTOR_SCORE_WEIGHTS.key] = say("dues.schedule.bad_format", label=MENTOR_SCORE_WEIGHTS.label)
    for key in ("contact", "wechat", "dues"):
        value = weights.get(key, 0)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            errors[MENTOR_SCORE_WEIGHTS.key] = say("reports.not_a_weight", label=MENTOR_SCORE_WEIGHTS.label, key=key)
            value = 0
        values[key] = float(value)
    if not errors and not any(values.values()):
        errors[MENTOR_SCORE_WEIGHTS.key] = say("reports.weight_required", label=MENTOR_SCORE_WEIGHTS.label)
    for spec, value in ((REWARD_SCORE, reward), (PENALTY_SCORE, penalty)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            errors[spec.key] = say("reports.range_100", label=spec.label)
    if not errors and penalty > reward:
        errors[PENALTY_SCORE.key] = say("reports.above_reward", label=PENALTY_SCORE.label, reward=reward)
    if isinstance(min_days, bool) or not isinstance(min_days, int) or not 0 <= min_days <= 184:
        errors[NO_CONTACT_MIN_DAYS.key] = say("reports.range_184", label=NO_CONTACT_MIN_DAYS.label)
    if errors:
        raise ValidationError(errors)
    return ScoreRules(values["contact"], values["wechat"], values["dues"], float(reward), float(penalty), min_days)


# --- the mentor report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MentorLine:
    """One mentor's half year (``mentor_id`` None: the dues of members without a mentor)."""

    mentor_id: int | None
    mentor_name: str
    active: bool
    members_served: int
    members_at_end: int  # serving on ``as_of``
    contact_entries: int
    members_contacted: int
    members_counted_for_contact: int  # served at least the minimum days
    members_without_contact: int
    wechat_expected: int
    wechat_joined: int
    forms_filed: int
    forms_applied: int
    forms_rejected: int
    forms_pending: int
    days_to_file: float | None  # the member's report → the form's date, on average
    days_to_apply: float | None  # filed → applied by the office, on average
    billed_count: int
    billed_amount: Decimal
    paid_count: int  # bills paid in full by ``as_of``
    collected_amount: Decimal
    arrears_members: int
    arrears_amount: Decimal
    nominations: int
    nominations_approved: int
    score: float | None
    rank: int | None
    suggested: ProposalChoice
    proposal: ProposalChoice
    reason: str | None = None
    edited_by: str | None = None
    edited_at: dt.datetime | None = None

    @property
    def contact_rate(self) -> float | None:
        counted = self.members_counted_for_contact
        return (counted - self.members_without_contact) / counted if counted else None

    @property
    def wechat_rate(self) -> float | None:
        return self.wechat_joined / self.wechat_expected if self.wechat_expected else None

    @property
    def collection_rate(self) -> float | None:
        return float(self.collected_amount / self.billed_amount) if self.billed_amount else None

    @property
    def collection_rate_by_count(self) -> float | None:
        return self.paid_count / self.billed_count if self.billed_count else None

    @property
    def changed(self) -> bool:
        """The office changed the suggestion (or confirmed it with a reason)."""
        return self.edited_by is not None and (self.proposal != self.suggested or bool(self.reason))


@dataclass(frozen=True)
class MentorReport:
    half: HalfYear
    as_of: dt.date
    made_at: dt.datetime
    made_by: str
    association: str
    rules: ScoreRules
    lines: tuple[MentorLine, ...]  # ranked mentors first, then those without a score
    unassigned: MentorLine | None  # dues of members without a mentor
    total: MentorLine
    dues_years: tuple[int, ...]

    @property
    def running(self) -> bool:
        return self.as_of < self.half.end

    def line(self, mentor_id: int) -> MentorLine:
        return next(line for line in self.lines if line.mentor_id == mentor_id)

    def definitions(self) -> tuple[str, ...]:
        """How each figure is counted, as the report prints it."""
        years = "、".join(f"{y}" for y in self.dues_years)
        return (
            f"统计期间：{self.half.label}（{self.half.start:%Y-%m-%d} 至 {self.half.end:%Y-%m-%d}），"
            f"统计截至 {self.as_of:%Y-%m-%d}。班主任负责某会员的日期按分配记录计算（自分配之日起至更换或结束的前一日）；"
            "期间更换班主任的会员，分别计入前后两位班主任各自负责的日期。",
            "联系次数：班主任本人在负责期间登记的联系记录条数；已联系会员：负责期间至少联系一次的会员；"
            f"未联系会员：本期负责满 {self.rules.no_contact_min_days} 天（期间不足此数的按整个期间）而无联系记录的会员。",
            "微信群覆盖：会员现登记的主要负责人和联络员中，在班主任本期最后负责之日已在其班级微信群中的人数 / 应入群人数。",
            "交接单：班主任本期填报（填表日期在本期内）的交接通知单，已办结、已退回之外为待办；平均办结天数为自填报至会籍管理部办理变更的天数。",
            f"会费：{years} 年度会费（本期截止日前未取消的账单）。每张账单计入一位班主任：截止日前缴清的，"
            "计入缴清之日负责该会员的班主任；未缴清的，计入截止日（或本期最后）负责该会员的班主任。"
            "已收金额只计截止日前收到的款项；收缴率 = 已收金额 / 应收金额。欠费：截止日尚未缴清的各已开始年度的会费。"
            "没有班主任的会员单列一行，不计入任何班主任。",
            "优秀通联员：班主任推荐的本半年度（下半年另含全年度）优秀通联员人数 / 获评人数。",
            self.rules.words(),
        )


@dataclass
class _Tally:
    """What one mentor accumulates while the report is counted."""

    served: set[int] = field(default_factory=set)
    at_end: set[int] = field(default_factory=set)
    counted: set[int] = field(default_factory=set)
    contacted: set[int] = field(default_factory=set)
    entries: int = 0
    wechat_expected: int = 0
    wechat_joined: int = 0
    forms: list[tuple[HandoverStatus, int | None, int | None]] = field(default_factory=list)
    billed_count: int = 0
    billed_amount: Decimal = ZERO
    paid_count: int = 0
    collected: Decimal = ZERO
    arrears_members: set[int] = field(default_factory=set)
    arrears_amount: Decimal = ZERO
    nominations: int = 0
    approved: int = 0


class _Assignments:
    """Who served each member on which day (``mentor_assignment``: from ``start_date``, until the
    day before ``end_date``)."""

    def __init__(self, rows: Iterable[tuple[int, int, dt.date, dt.date | None]]):
        self.by_member: dict[int, list[tuple[dt.date, dt.date | None, int]]] = defaultdict(list)
        for member_id, mentor_id, start, end in rows:
            start, end = _date(start), (_date(end) if end is not None else None)
            if end is not None and end <= start:
                continue  # assigned and changed the same day: no day of its own
            self.by_member[member_id].append((start, end, mentor_id))
        for spans in self.by_member.values():
            spans.sort(key=lambda s: s[0])

    def mentor_on(self, member_id: int, day: dt.date) -> int | None:
        for start, end, mentor_id in self.by_member.get(member_id, ()):
            if start <= day and (end is None or day < end):
                return mentor_id
        return None

    def own_days(self, first: dt.date, last: dt.date) -> dict[tuple[int, int], list[tuple[dt.date, dt.date]]]:
        """(mentor, member) → its own days within [first, last], as inclusive (from, to) spans."""
        out: dict[tuple[int, int], list[tuple[dt.date, dt.date]]] = defaultdict(list)
        for member_id, spans in self.by_member.items():
            for start, end, mentor_id in spans:
                low = max(start, first)
                high = min(end - dt.timedelta(days=1) if end is not None else last, last)
                if low <= high:
                    out[(mentor_id, member_id)].append((low, high))
        return out


def _date(value: Any) -> dt.date:
    if type(value) is str and len(value) == 10:
        return dt.date.fromisoformat(value)  # SQLite's ISO text, read raw
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


CENT = Decimal("0.01")


def _fetch(session: Session, statement: Any) -> list[Any]:
    """The rows as the driver gives them, without SQLAlchemy's row objects and result processing:
    the report reads half a million values at 100,000 members, and building a ``Row`` for each
    took longer than reading them. Dates may come as ISO text (SQLite) and money as floats: every
    value goes through ``_date`` / ``_money``."""
    result = session.connection().execute(statement)
    try:
        return list(result.cursor.fetchall()) if result.cursor is not None else []
    finally:
        result.close()


def _money(value: Any) -> Decimal:
    if isinstance(value, Decimal):
        return value  # Numeric(12, 2) comes back as a Decimal of cents: 200,000 bills need no rounding
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(f"{value:.2f}")  # SQLite's numbers, read raw
    return Decimal(str(value or 0)).quantize(CENT)


def _average(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def mentor_report(
    session: Session, actor: Actor, period: str | HalfYear, *, progress: Progress | None = None
) -> MentorReport:
    """The half-yearly report on every mentor (R-9.5); see the module's docstring for each figure."""
    require(actor, Permission.VIEW_MENTOR_REPORT)
    half = parse_half(period)
    clock = clock_of(session)
    today = clock.today()
    if half.start > today:
        raise ValidationError({"period": say("reports.period_not_started", label=half.label)})
    as_of = min(half.end, today)
    rules = score_rules(session)
    steps = 8

    def step(number: int) -> None:
        if progress is not None:
            progress(number, steps)

    step(0)
    first_year, last_year = dues.dues_year_of(session, half.start), dues.dues_year_of(session, as_of)
    dues_years = tuple(range(first_year, last_year + 1))
    earliest = min(half.start, dues.period(session, first_year)[0])

    # 1. who served whom, when
    assignments = _Assignments(
        _fetch(
            session,
            select(
                MentorAssignment.member_id,
                MentorAssignment.mentor_id,
                MentorAssignment.start_date,
                MentorAssignment.end_date,
            ).where(
                MentorAssignment.start_date <= as_of,
                or_(MentorAssignment.end_date.is_(None), MentorAssignment.end_date > earliest),
            ),
        )
    )
    own = assignments.own_days(half.start, as_of)
    window = (as_of - half.start).days + 1
    needed_days = min(rules.no_contact_min_days, window)
    tallies: dict[int | None, _Tally] = defaultdict(_Tally)
    last_own: dict[tuple[int, int], dt.date] = {}
    last_mentor: dict[int, tuple[dt.date, int]] = {}  # member → (its last own day in the period, mentor)
    for (mentor_id, member_id), spans in own.items():
        tally = tallies[mentor_id]
        tally.served.add(member_id)
        days = sum((high - low).days + 1 for low, high in spans)
        if days >= needed_days:
            tally.counted.add(member_id)
        end = max(high for _low, high in spans)
        last_own[(mentor_id, member_id)] = end
        if end == as_of:
            tally.at_end.add(member_id)
        if member_id not in last_mentor or end > last_mentor[member_id][0]:
            last_mentor[member_id] = (end, mentor_id)
    step(1)

    # 2. the contact log: the mentor's own entries, on its own days with the member
    # (checked here against the spans: SQLite's correlated check over the assignments is slower)
    for member_id, staff_id, day in _fetch(
        session,
        select(ContactEntry.member_id, ContactEntry.staff_id, ContactEntry.contact_date).where(
            ContactEntry.contact_date >= half.start,
            ContactEntry.contact_date <= as_of,
        ),
    ):
        entry_spans = own.get((staff_id, member_id)) if staff_id is not None else None
        if entry_spans is None:
            continue
        day = _date(day)
        if any(low <= day <= high for low, high in entry_spans):
            tally = tallies[staff_id]
            tally.entries += 1
            tally.contacted.add(member_id)
    step(2)

    # 3. WeChat group coverage, on each mentor's last own day with each member
    people: dict[int, tuple[bool, bool]] = {}
    served_ids = sorted({member_id for _mentor, member_id in own})
    named = select(Member.id, Member.principal_name.is_not(None), Member.liaison_name.is_not(None))
    if len(served_ids) <= 2000:
        for start in range(0, len(served_ids), 1000):
            chunk = served_ids[start : start + 1000]
            people.update(
                (i, (bool(p), bool(q))) for i, p, q in session.connection().execute(named.where(Member.id.in_(chunk)))
            )
    else:
        wanted = set(served_ids)
        people.update((i, (bool(p), bool(q))) for i, p, q in _fetch(session, named) if i in wanted)
    for (mentor_id, member_id), _day in last_own.items():
        principal, liaison = people.get(member_id, (False, False))
        tallies[mentor_id].wechat_expected += int(principal) + int(liaison)
    for mentor_id, member_id, person, joined_on, left_on in _fetch(
        session,
        select(
            WeChatMembership.mentor_id,
            WeChatMembership.member_id,
            WeChatMembership.person,
            WeChatMembership.joined_on,
            WeChatMembership.left_on,
        ).where(WeChatMembership.joined_on.is_not(None), WeChatMembership.joined_on <= as_of),
    ):
        last_day = last_own.get((mentor_id, member_id))
        if last_day is None:
            continue
        principal, liaison = people.get(member_id, (False, False))
        if not (principal if person == WeChatPerson.PRINCIPAL.value else liaison):
            continue
        if _date(joined_on) <= last_day and (left_on is None or _date(left_on) > last_day):
            tallies[mentor_id].wechat_joined += 1
    step(3)

    # 4. handover forms the mentor filed in the period
    zone = clock.now().tzinfo
    for filed_by, form_date, reported_on, status, filed_at, decided_at in (
        session.connection()
        .execute(
            select(
                HandoverForm.filed_by_id,
                HandoverForm.form_date,
                HandoverForm.reported_on,
                HandoverForm.status,
                HandoverForm.filed_at,
                HandoverForm.decided_at,
            ).where(
                HandoverForm.filed_by_id.is_not(None),
                HandoverForm.form_date >= half.start,
                HandoverForm.form_date <= as_of,
            )
        )
        .all()
    ):
        to_file = (_date(form_date) - _date(reported_on)).days
        to_apply = None
        if status == HandoverStatus.APPLIED and decided_at is not None and filed_at is not None:
            to_apply = (decided_at.astimezone(zone).date() - filed_at.astimezone(zone).date()).days
        tallies[filed_by].forms.append((status, to_file, to_apply))
    step(4)

    # 5. outstanding-liaison nominations
    codes = [half.code] + ([str(half.year)] if half.half == 2 else [])
    for nominated_by, decision in (
        session.connection()
        .execute(
            select(LiaisonNomination.nominated_by_id, LiaisonNomination.decision).where(
                LiaisonNomination.period.in_(codes), LiaisonNomination.nominated_by_id.is_not(None)
            )
        )
        .all()
    ):
        tallies[nominated_by].nominations += 1
        tallies[nominated_by].approved += int(decision == NominationDecision.APPROVED)
    step(5)

    # 6. dues
    _count_dues(session, tallies, assignments, last_mentor, half, as_of, dues_years)
    step(6)

    # 7. the mentors, their scores and the office's proposals
    mentor_ids = {i for i in tallies if i is not None}
    staff = {
        s.id: s
        for s in session.connection()
        .execute(
            select(Staff.id, Staff.full_name, Staff.is_active, Staff.role).where(
                or_(Staff.role == Role.MENTOR, Staff.id.in_(sorted(mentor_ids) or [0]))
            )
        )
        .all()
    }
    shown = {i for i, s in staff.items() if s.role == Role.MENTOR and (s.is_active or i in mentor_ids)}
    # staff who are not mentors appear only for what they did as someone's mentor
    shown |= {i for i in mentor_ids if i in staff and (tallies[i].served or tallies[i].billed_count)}
    stored = {p.mentor_id: p for p in session.scalars(select(MentorProposal).where(MentorProposal.period == half.code))}
    lines = []
    for mentor_id in shown:
        who = staff[mentor_id]
        lines.append(_line(mentor_id, who.full_name, bool(who.is_active), tallies[mentor_id], rules, stored))
    scored = sorted(
        (line for line in lines if line.score is not None),
        key=lambda line: (-(line.score or 0), -(line.collection_rate or 0), line.mentor_name),
    )
    ranks: dict[int | None, int] = {}
    previous: tuple[float | None, int] | None = None
    for position, line in enumerate(scored, 1):
        rank = previous[1] if previous is not None and previous[0] == line.score else position
        ranks[line.mentor_id] = rank
        previous = (line.score, rank)
    ordered = [_ranked(line, ranks.get(line.mentor_id)) for line in scored]
    ordered += sorted((line for line in lines if line.score is None), key=lambda line: line.mentor_name)
    unassigned = None
    if None in tallies and (tallies[None].billed_count or tallies[None].arrears_members):
        unassigned = _line(None, NOT_ASSIGNED, True, tallies[None], rules, {}, scored=False)
    total = _total(tallies, ordered, unassigned)
    step(7)
    report = MentorReport(
        half=half,
        as_of=as_of,
        made_at=clock.now(),
        made_by=actor.full_name,
        association=get_setting(session, ASSOCIATION_NAME),
        rules=rules,
        lines=tuple(ordered),
        unassigned=unassigned,
        total=total,
        dues_years=dues_years,
    )
    step(8)
    return report


def _count_dues(
    session: Session,
    tallies: dict[int | None, _Tally],
    assignments: _Assignments,
    last_mentor: dict[int, tuple[dt.date, int]],
    half: HalfYear,
    as_of: dt.date,
    years: tuple[int, ...],
) -> None:
    # as the dues job's collection rates: bills of members, not cancelled (R-14.1 cancels future
    # dues), something due; when a bill was entered does not matter (earlier years are often
    # billed after the fact)
    counted = and_(DuesBill.member_id.is_not(None), DuesBill.due > 0, DuesBill.cancelled_at.is_(None))

    def holder(member_id: int) -> int | None:
        """Who answers for the member's unpaid dues on ``as_of``: its mentor then, or the last one
        who served it in the period."""
        mentor = assignments.mentor_on(member_id, as_of)
        if mentor is None and member_id in last_mentor:
            mentor = last_mentor[member_id][1]
        return mentor

    # the bills of the period's dues years, with what was received for each by ``as_of``
    bills: dict[int, tuple[int, Decimal]] = {
        bill_id: (int(member_id or 0), _money(due))
        for bill_id, member_id, due in _fetch(
            session, select(DuesBill.id, DuesBill.member_id, DuesBill.due).where(DuesBill.year.in_(years), counted)
        )
    }
    received: dict[int, Decimal] = defaultdict(lambda: ZERO)
    paid_on: dict[int, dt.date] = {}
    for bill_id, amount, day in _fetch(
        session,
        select(DuesAllocation.bill_id, DuesAllocation.amount, DuesPayment.received_on)
        .join(DuesPayment, DuesPayment.id == DuesAllocation.payment_id)
        .join(DuesBill, DuesBill.id == DuesAllocation.bill_id)
        .where(DuesBill.year.in_(years), counted, DuesPayment.received_on <= as_of)
        .order_by(DuesPayment.received_on, DuesAllocation.id),
    ):
        if bill_id not in bills:
            continue
        received[bill_id] += _money(amount)
        if received[bill_id] >= bills[bill_id][1]:
            paid_on.setdefault(bill_id, _date(day))
        else:
            paid_on.pop(bill_id, None)  # a reversal opened it again
    for bill_id, (member_id, due) in bills.items():
        got = min(received.get(bill_id, ZERO), due)
        if got >= due and bill_id in paid_on:
            mentor = assignments.mentor_on(member_id, paid_on[bill_id])
        else:
            mentor = holder(member_id)
        tally = tallies[mentor]
        tally.billed_count += 1
        tally.billed_amount += due
        tally.collected += max(got, ZERO)
        tally.paid_count += int(got >= due)

    # arrears on ``as_of``: bills of every dues year begun by then that were not paid in full
    late = {
        bill_id: _money(amount)
        for bill_id, amount in session.connection()
        .execute(
            select(DuesAllocation.bill_id, func.sum(DuesAllocation.amount, type_=DuesAllocation.amount.type))
            .join(DuesPayment, DuesPayment.id == DuesAllocation.payment_id)
            .where(DuesPayment.received_on > as_of)
            .group_by(DuesAllocation.bill_id)
        )
        .all()
    }
    candidates = select(DuesBill.id, DuesBill.member_id, DuesBill.due, DuesBill.paid).where(
        counted, DuesBill.period_start <= as_of
    )
    open_now = candidates.where(DuesBill.settled == false())
    owing: dict[int, Decimal] = defaultdict(lambda: ZERO)
    if not late:
        # nothing was received after ``as_of`` (the running half year): what is unpaid now was
        # unpaid then — summed per member by the database
        unpaid_now = func.sum(DuesBill.due - DuesBill.paid, type_=DuesBill.due.type)
        for owner, unpaid in _fetch(
            session,
            select(DuesBill.member_id, unpaid_now)
            .where(counted, DuesBill.period_start <= as_of, DuesBill.settled == false(), DuesBill.due > DuesBill.paid)
            .group_by(DuesBill.member_id),
        ):
            if owner is not None and _money(unpaid) > 0:
                owing[owner] = _money(unpaid)
    else:
        rows = _fetch(session, open_now)
        seen = {row[0] for row in rows}
        extra = [bill_id for bill_id in late if bill_id not in seen]
        for start in range(0, len(extra), 1000):
            rows += _fetch(session, candidates.where(DuesBill.id.in_(extra[start : start + 1000])))
        for bill_id, owner, due, paid in rows:
            unpaid = _money(due) - (_money(paid) - late.get(bill_id, ZERO))  # paid by ``as_of``
            if unpaid > 0 and owner is not None:
                owing[owner] += unpaid
    if not owing:
        return
    # the few members not active (the others are): for former members' old arrears
    members_left: dict[int, tuple[MemberStatus, dt.date | None]] = {
        i: (status, left)
        for i, status, left in session.connection()
        .execute(select(Member.id, Member.status, Member.left_date).where(Member.status != MemberStatus.ACTIVE))
        .all()
    }
    for member_id, amount in owing.items():
        mentor = holder(member_id)
        if mentor is None:
            status, left = members_left.get(member_id, (MemberStatus.ACTIVE, None))
            if status != MemberStatus.ACTIVE and (left is None or left < half.start):
                continue  # a former member's old arrears: nobody's work in this period
        tally = tallies[mentor]
        tally.arrears_members.add(member_id)
        tally.arrears_amount += amount


def _line(
    mentor_id: int | None,
    name: str,
    active: bool,
    tally: _Tally,
    rules: ScoreRules,
    stored: dict[int, MentorProposal],
    *,
    scored: bool = True,
) -> MentorLine:
    applied = [days for status, _f, days in tally.forms if status == HandoverStatus.APPLIED and days is not None]
    line = MentorLine(
        mentor_id=mentor_id,
        mentor_name=name,
        active=active,
        members_served=len(tally.served),
        members_at_end=len(tally.at_end),
        contact_entries=tally.entries,
        members_contacted=len(tally.contacted),
        members_counted_for_contact=len(tally.counted),
        members_without_contact=len(tally.counted - tally.contacted),
        wechat_expected=tally.wechat_expected,
        wechat_joined=tally.wechat_joined,
        forms_filed=len(tally.forms),
        forms_applied=sum(1 for status, _f, _a in tally.forms if status == HandoverStatus.APPLIED),
        forms_rejected=sum(1 for status, _f, _a in tally.forms if status == HandoverStatus.REJECTED),
        forms_pending=sum(1 for status, _f, _a in tally.forms if status == HandoverStatus.PENDING),
        days_to_file=_average([days for _s, days, _a in tally.forms if days is not None]),
        days_to_apply=_average(applied),
        billed_count=tally.billed_count,
        billed_amount=tally.billed_amount,
        paid_count=tally.paid_count,
        collected_amount=tally.collected,
        arrears_members=len(tally.arrears_members),
        arrears_amount=tally.arrears_amount,
        nominations=tally.nominations,
        nominations_approved=tally.approved,
        score=None,
        rank=None,
        suggested=ProposalChoice.NONE,
        proposal=ProposalChoice.NONE,
    )
    if not scored or not line.members_served:
        return line
    score = rules.score(line.contact_rate, line.wechat_rate, line.collection_rate)
    suggested = rules.suggest(score)
    kept = stored.get(mentor_id) if mentor_id is not None else None
    return _replace(
        line,
        score=score,
        suggested=suggested,
        proposal=kept.proposal if kept is not None else suggested,
        reason=kept.reason if kept is not None else None,
        edited_by=kept.edited_by_name if kept is not None else None,
        edited_at=kept.edited_at if kept is not None else None,
    )


def _replace(line: MentorLine, **changes: Any) -> MentorLine:
    from dataclasses import replace

    return replace(line, **changes)


def _ranked(line: MentorLine, rank: int | None) -> MentorLine:
    return _replace(line, rank=rank)


def _total(
    tallies: dict[int | None, _Tally],
    lines: list[MentorLine],
    unassigned: MentorLine | None,
) -> MentorLine:
    """The column sums (a member served by two mentors in the period is in both of their lines)."""
    everyone = [*lines, *([unassigned] if unassigned else [])]
    total = _Tally()
    total.forms = [f for line in lines for f in tallies[line.mentor_id].forms]
    line = _line(None, "合计", True, total, ScoreRules(0, 0, 0, 100, 0, 0), {}, scored=False)
    return _replace(
        line,
        members_served=sum(x.members_served for x in lines),
        members_at_end=sum(x.members_at_end for x in lines),
        contact_entries=sum(x.contact_entries for x in lines),
        members_contacted=sum(x.members_contacted for x in lines),
        members_counted_for_contact=sum(x.members_counted_for_contact for x in lines),
        members_without_contact=sum(x.members_without_contact for x in lines),
        wechat_expected=sum(x.wechat_expected for x in lines),
        wechat_joined=sum(x.wechat_joined for x in lines),
        billed_count=sum(x.billed_count for x in everyone),
        billed_amount=sum((x.billed_amount for x in everyone), ZERO),
        paid_count=sum(x.paid_count for x in everyone),
        collected_amount=sum((x.collected_amount for x in everyone), ZERO),
        arrears_members=sum(x.arrears_members for x in everyone),
        arrears_amount=sum((x.arrears_amount for x in everyone), ZERO),
        nominations=sum(x.nominations for x in lines),
        nominations_approved=sum(x.nominations_approved for x in lines),
    )


# --- the office's proposals -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProposalRow:
    period: str
    mentor_id: int
    mentor_name: str
    suggested: ProposalChoice
    score: str | None
    proposal: ProposalChoice
    reason: str | None
    edited_by: str
    edited_at: dt.datetime


def parse_proposal(value: Any) -> ProposalChoice:
    if isinstance(value, ProposalChoice):
        return value
    text = str(value or "").strip().lower()
    for choice, label in PROPOSAL_LABELS.items():
        if text in (choice.value, label, {"reward": "奖", "none": "无", "penalty": "罚"}[choice.value]):
            return choice
    raise ValidationError({"proposal": say("reports.bad_proposal", value=value)})


def save_proposal(
    session: Session, actor: Actor, period: str | HalfYear, mentor_id: int, proposal: Any, reason: str | None = None
) -> ProposalRow:
    """The office settles a mentor's proposal for a half year before the report is exported
    (R-9.5). A proposal other than the suggestion needs a reason; who changed it and when is kept
    (and in the audit log)."""
    require(actor, Permission.PROPOSE_MENTOR_REWARDS)
    half = parse_half(period)
    choice = parse_proposal(proposal)
    try:
        text = clean_multiline(reason) or None
    except FieldError as exc:
        raise ValidationError({"reason": say("reports.reason_problem", exc=exc)}) from None
    if text is not None and len(text) > 1000:
        raise ValidationError({"reason": say("reports.reason_too_long", count=len(text))})
    mentor = session.get(Staff, mentor_id)
    if mentor is None:
        raise NotFound(say("reports.mentor_not_found"))
    report = mentor_report(session, actor, half)
    try:
        line = report.line(mentor_id)
    except StopIteration:
        raise ValidationError(
            {"mentor": say("reports.mentor_no_members", full_name=mentor.full_name, label=half.label)}
        ) from None
    if line.score is None:
        raise ValidationError(
            {"mentor": say("reports.mentor_no_members_not_assessed", full_name=mentor.full_name, label=half.label)}
        )
    if choice != line.suggested and not text:
        raise ValidationError(
            {"reason": say("reports.reason_required", label=line.suggested.label, label2=choice.label)}
        )
    now = clock_of(session).now()
    row = session.scalar(
        select(MentorProposal).where(MentorProposal.period == half.code, MentorProposal.mentor_id == mentor_id)
    )
    before = {"proposal": row.proposal if row else line.suggested, "reason": row.reason if row else None}
    score = f"{line.score:.1f}"
    if row is None:
        row = MentorProposal(period=half.code, mentor_id=mentor_id, edited_at=now, edited_by_name=actor.full_name)
        session.add(row)
    row.suggested, row.score, row.proposal, row.reason = line.suggested, score, choice, text
    row.edited_at, row.edited_by_id, row.edited_by_name = now, actor.id, actor.full_name
    session.flush()
    audit.record(
        session,
        actor,
        "mentor_proposal",
        "staff",
        mentor_id,
        say(
            "reports.history.proposal",
            label=half.label,
            full_name=mentor.full_name,
            label2=choice.label,
            label3=line.suggested.label,
            score=score,
        ),
        before,
        {"proposal": choice, "reason": text, "suggested": line.suggested, "score": score},
    )
    return ProposalRow(
        half.code, mentor_id, mentor.full_name, line.suggested, score, choice, text, actor.full_name, now
    )


# --- statistics -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int


@dataclass(frozen=True)
class YearFlow:
    year: int
    joined: int
    withdrawn: int
    cancelled: int

    @property
    def left(self) -> int:
        return self.withdrawn + self.cancelled


@dataclass(frozen=True)
class DuesYear:
    year: int
    billed_count: int
    billed_amount: Decimal
    paid_count: int
    collected_amount: Decimal

    @property
    def rate(self) -> float | None:
        return float(self.collected_amount / self.billed_amount) if self.billed_amount else None


@dataclass(frozen=True)
class StageRow:
    """One admission step: applications waiting for it now, how many took it, the average days."""

    stage: ApplicationStage
    title: str
    waiting: int
    completed: int
    average_days: float | None


@dataclass(frozen=True)
class Statistics:
    made_on: dt.date
    association: str
    active: int
    by_level: tuple[CountRow, ...]
    by_category: tuple[CountRow, ...]
    by_district: tuple[CountRow, ...]
    flows: tuple[YearFlow, ...]
    dues: tuple[DuesYear, ...]
    stages: tuple[StageRow, ...]
    applications: tuple[CountRow, ...]  # by status


# The column that records when each step was taken, and the step before it.
_STEP_AT = {
    ApplicationStage.RECEIVED: "received_at",
    ApplicationStage.VISITED: "visit_at",
    ApplicationStage.FORMS_COMPLETED: "forms_at",
    ApplicationStage.DOCUMENTS_SUBMITTED: "documents_at",
    ApplicationStage.CREDIT_CHECKED: "credit_at",
    ApplicationStage.REVIEWED: "review_at",
    ApplicationStage.APPROVED: "approval_at",
    ApplicationStage.DUES_PAID: "dues_at",
    ApplicationStage.SIGNED_OFF: "sign_off_at",
    ApplicationStage.REGISTERED: "registered_at",
}
UNKNOWN_DISTRICT = "（未填写）"


def statistics(session: Session, actor: Actor, *, years: int = 10) -> Statistics:
    """The membership in figures (see the module's docstring); flows and dues of the last ``years``."""
    require(actor, Permission.VIEW_STATISTICS)
    today = clock_of(session).today()
    active = Member.status == MemberStatus.ACTIVE
    level_order = [level["code"] for level in levels(session)]
    names = level_names(session)
    counts = dict(session.execute(select(Member.level, func.count()).where(active).group_by(Member.level)).all())
    by_level = [CountRow(names.get(code, code), int(counts.pop(code, 0))) for code in level_order]
    by_level += [CountRow(names.get(code, code), int(count)) for code, count in sorted(counts.items())]
    categories = dict(
        session.execute(select(Member.category, func.count()).where(active).group_by(Member.category)).all()
    )
    by_category = [CountRow(CATEGORY_LABELS[c], int(categories.get(c, 0))) for c in Category]
    districts = session.execute(
        select(Member.district, func.count()).where(active).group_by(Member.district).order_by(func.count().desc())
    )
    by_district = [CountRow(d or UNKNOWN_DISTRICT, int(n)) for d, n in districts]
    by_district.sort(key=lambda row: (row.label == UNKNOWN_DISTRICT, -row.count, row.label))

    first = today.year - years + 1
    flows: dict[int, list[int]] = {y: [0, 0, 0] for y in range(first, today.year + 1)}

    def add(year: Any, slot: int, count: int) -> None:
        if year is not None and int(year) in flows:
            flows[int(year)][slot] += int(count)

    joined_year = extract("year", MembershipSpell.joined_on)
    for year, count in session.execute(
        select(joined_year, func.count()).where(MembershipSpell.joined_on.is_not(None)).group_by(joined_year)
    ):
        add(year, 0, count)
    left_year = extract("year", MembershipSpell.left_on)
    for year, how, count in session.execute(
        select(left_year, MembershipSpell.left_how, func.count())
        .where(MembershipSpell.left_on.is_not(None), MembershipSpell.left_how.is_not(None))
        .group_by(left_year, MembershipSpell.left_how)
    ):
        add(year, 1 if how == SpellEnd.WITHDRAWN else 2, count)
    # members whose one spell is known from the register only (MembershipSpell.from_register)
    no_spell = ~select(MembershipSpell.id).where(MembershipSpell.member_id == Member.id).exists()
    member_joined = extract("year", Member.join_date)
    for year, count in session.execute(
        select(member_joined, func.count()).where(no_spell, Member.join_date.is_not(None)).group_by(member_joined)
    ):
        add(year, 0, count)
    member_left = extract("year", Member.left_date)
    for year, status, count in session.execute(
        select(member_left, Member.status, func.count())
        .where(no_spell, Member.status != MemberStatus.ACTIVE, Member.left_date.is_not(None))
        .group_by(member_left, Member.status)
    ):
        add(year, 1 if status == MemberStatus.WITHDRAWN else 2, count)

    dues_rows = []
    for year, billed, amount, settled, paid in session.execute(
        select(
            DuesBill.year,
            func.count(DuesBill.id),
            func.sum(DuesBill.due, type_=DuesBill.due.type),
            func.sum(case((DuesBill.settled.is_(True), 1), else_=0)),
            func.sum(DuesBill.paid, type_=DuesBill.paid.type),
        )
        .where(DuesBill.cancelled_at.is_(None), DuesBill.due > 0, DuesBill.year >= first, DuesBill.year <= today.year)
        .group_by(DuesBill.year)
        .order_by(DuesBill.year)
    ):
        dues_rows.append(DuesYear(int(year), int(billed), _money(amount), int(settled or 0), _money(paid)))

    waiting = admission.queue_counts(session)
    durations: dict[ApplicationStage, list[float]] = defaultdict(list)
    columns = [getattr(Application, name) for name in _STEP_AT.values()]
    for row in session.execute(select(Application.former_member_id, *columns)):
        readmission, moments = row[0] is not None, dict(zip(_STEP_AT, row[1:], strict=True))
        previous = moments[ApplicationStage.RECEIVED]
        for stage in list(_STEP_AT)[1:]:
            if stage == ApplicationStage.CREDIT_CHECKED and not readmission:
                continue
            moment = moments[stage]
            if moment is None:
                break
            if previous is not None:
                durations[stage].append((moment - previous).total_seconds() / 86400)
            previous = moment
    stages = tuple(
        StageRow(
            step.stage,
            step.title,
            int(waiting.get(step.stage, 0)),
            len(durations[step.stage]),
            round(sum(durations[step.stage]) / len(durations[step.stage]), 1) if durations[step.stage] else None,
        )
        for step in admission.STEPS[1:]
    )
    statuses = admission.status_counts(session)
    applications = tuple(
        CountRow(admission.APPLICATION_STATUS_LABELS[status], int(statuses.get(status, 0)))
        for status in ApplicationStatus
    )
    return Statistics(
        made_on=today,
        association=get_setting(session, ASSOCIATION_NAME),
        active=sum(row.count for row in by_level),
        by_level=tuple(by_level),
        by_category=tuple(by_category),
        by_district=tuple(by_district),
        flows=tuple(YearFlow(y, *values) for y, values in sorted(flows.items())),
        dues=tuple(dues_rows),
        stages=stages,
        applications=applications,
    )


# --- Excel and PDF ------------------------------------------------------------------------------------------


def _percent(value: float | None) -> Any:
    return "—" if value is None else round(value, 4)


def _mentor_sheets(report: MentorReport) -> list[Any]:
    from desktop_app.records import SheetTable
    from desktop_app.spreadsheets.report_book import ChartSpec, ReportSheet

    columns: list[tuple[str, float, bool]] = [
        ("排名", 6, True),
        ("班主任", 10, True),
        ("服务会员", 9, True),
        ("期末负责会员", 9, True),
        ("联系次数", 9, True),
        ("已联系会员", 9, True),
        ("计入考核的会员", 10, True),
        ("未联系会员", 9, True),
        ("已联系会员比例", 10, True),
        ("应入群人数", 9, True),
        ("已入群人数", 9, True),
        ("微信群覆盖率", 10, True),
        ("交接单填报", 9, True),
        ("已办结", 8, True),
        ("已退回", 8, True),
        ("待办", 7, True),
        ("平均填报天数", 10, True),
        ("平均办结天数", 10, True),
        ("应收户数", 9, True),
        ("应收金额（元）", 13, True),
        ("足额缴清户数", 10, True),
        ("已收金额（元）", 13, True),
        ("收缴率（按金额）", 10, True),
        ("收缴率（按户数）", 10, True),
        ("欠费户数", 9, True),
        ("欠费金额（元）", 13, True),
        ("推荐优秀通联员", 10, True),
        ("获评", 7, True),
        ("得分", 8, True),
        ("建议（按分数）", 10, True),
        ("奖惩建议", 10, True),
        ("修改人", 10, True),
        ("修改时间", 17, True),
        ("理由", 30, False),
    ]

    def cells(line: MentorLine, rank: Any) -> list[Any]:
        zone_at = line.edited_at.astimezone(report.made_at.tzinfo).strftime("%Y-%m-%d %H:%M") if line.edited_at else ""
        return [
            rank,
            line.mentor_name,
            line.members_served,
            line.members_at_end,
            line.contact_entries,
            line.members_contacted,
            line.members_counted_for_contact,
            line.members_without_contact,
            _percent(line.contact_rate),
            line.wechat_expected,
            line.wechat_joined,
            _percent(line.wechat_rate),
            line.forms_filed,
            line.forms_applied,
            line.forms_rejected,
            line.forms_pending,
            line.days_to_file if line.days_to_file is not None else "—",
            line.days_to_apply if line.days_to_apply is not None else "—",
            line.billed_count,
            float(line.billed_amount),
            line.paid_count,
            float(line.collected_amount),
            _percent(line.collection_rate),
            _percent(line.collection_rate_by_count),
            line.arrears_members,
            float(line.arrears_amount),
            line.nominations,
            line.nominations_approved,
            line.score if line.score is not None else "—",
            line.suggested.label if line.score is not None else "",
            line.proposal.label if line.score is not None else "",
            line.edited_by or "",
            zone_at,
            line.reason or "",
        ]

    rows: list[list[object]] = [cells(line, line.rank if line.rank is not None else "—") for line in report.lines]
    if report.unassigned is not None:
        rows.append(cells(report.unassigned, ""))
    rows.append(cells(report.total, ""))
    ranked = sum(1 for line in report.lines if line.rank is not None)
    running = "（本期尚未结束）" if report.running else ""
    table = SheetTable(
        sheet_name="班主任考核",
        heading=[
            f"{report.association}班主任工作半年考核报告",
            f"{report.half.label}（{report.half.start:%Y-%m-%d} 至 {report.half.end:%Y-%m-%d}），"
            f"统计截至 {report.as_of:%Y-%m-%d}{running}；制表：{report.made_by}，"
            f"{report.made_at:%Y-%m-%d %H:%M}",
        ],
        columns=columns,
        rows=rows,
        footing=list(report.definitions()),
    )
    percent = {8: "0.0%", 11: "0.0%", 22: "0.0%", 23: "0.0%"}
    money = {19: "#,##0.00", 21: "#,##0.00", 25: "#,##0.00"}
    charts = [
        ChartSpec("考核得分", "bar", 1, (28,), rows=ranked, y_title="分"),
        ChartSpec("已联系会员比例、微信群覆盖率、会费收缴率", "column", 1, (8, 11, 22), rows=ranked, percent=True),
    ]
    return [ReportSheet(table, charts, {**percent, **money})]


def _statistics_sheets(stats: Statistics) -> list[Any]:
    from desktop_app.records import SheetTable
    from desktop_app.spreadsheets.report_book import ChartSpec, ReportSheet

    made = f"截至 {stats.made_on:%Y-%m-%d}"

    def counts(name: str, title: str, label: str, rows: tuple[CountRow, ...], kind: str) -> Any:
        total = sum(r.count for r in rows)
        lines: list[list[object]] = [[r.label, r.count, round(r.count / total, 4) if total else 0] for r in rows]
        table = SheetTable(
            sheet_name=name,
            heading=[f"{stats.association}{title}", f"{made}，正常会员 {total} 个"],
            columns=[(label, 24, False), ("会员数", 10, True), ("占比", 10, True)],
            rows=[*lines, ["合计", total, 1 if total else 0]],
            footing=[],
        )
        return ReportSheet(table, [ChartSpec(title, kind, 0, (1,), rows=len(rows))], {2: "0.0%"})

    flows = SheetTable(
        sheet_name="入会退会",
        heading=[f"{stats.association}历年入会和退会", f"{made}，按入会、退会日期所在年度（含重新入会）"],
        columns=[
            ("年度", 10, True),
            ("入会", 10, True),
            ("主动退会", 10, True),
            ("取消会员资格", 12, True),
            ("净增", 10, True),
        ],
        rows=[[f.year, f.joined, f.withdrawn, f.cancelled, f.joined - f.left] for f in stats.flows],
        footing=[],
    )
    dues_table = SheetTable(
        sheet_name="会费收缴",
        heading=[f"{stats.association}历年会费应收和已收", f"{made}（不含已取消的账单）"],
        columns=[
            ("会费年度", 10, True),
            ("应收户数", 10, True),
            ("应收金额（元）", 15, True),
            ("足额缴清户数", 12, True),
            ("已收金额（元）", 15, True),
            ("收缴率", 10, True),
        ],
        rows=[
            [d.year, d.billed_count, float(d.billed_amount), d.paid_count, float(d.collected_amount), _percent(d.rate)]
            for d in stats.dues
        ],
        footing=[],
    )
    stage_table = SheetTable(
        sheet_name="入会办理",
        heading=[
            f"{stats.association}入会申请办理情况",
            f"{made}；"
            + "，".join(f"{row.label} {row.count} 件" for row in stats.applications)
            + "。平均用时：自上一步办完至该步办完的天数",
        ],
        columns=[("办理步骤", 24, False), ("正在等待", 10, True), ("已办完", 10, True), ("平均用时（天）", 14, True)],
        rows=[
            [s.title, s.waiting, s.completed, s.average_days if s.average_days is not None else "—"]
            for s in stats.stages
        ],
        footing=[],
    )
    return [
        counts("按级别", "会员按级别统计", "会员级别", stats.by_level, "column"),
        counts("按类别", "会员按单位类别统计", "单位类别", stats.by_category, "pie"),
        counts("按区域", "会员按所在区统计", "所在区", stats.by_district, "bar"),
        ReportSheet(flows, [ChartSpec("历年入会和退会", "column", 0, (1, 2, 3))]),
        ReportSheet(
            dues_table,
            [
                ChartSpec("会费应收和已收（元）", "column", 0, (2, 4)),
                ChartSpec("会费收缴率", "line", 0, (5,), percent=True),
            ],
            {2: "#,##0.00", 4: "#,##0.00", 5: "0.0%"},
        ),
        ReportSheet(
            stage_table,
            [ChartSpec("各步骤平均用时（天）", "bar", 0, (3,)), ChartSpec("正在等待的申请", "bar", 0, (1,))],
        ),
    ]


def mentor_report_input(report: MentorReport) -> Any:
    """The report as ``documents.mentor_report`` prints it."""
    from desktop_app.documents.mentor_report import MentorLineInput, MentorReportInput

    def printed(line: MentorLine) -> MentorLineInput:
        changed = ""
        if line.edited_by and line.edited_at is not None:
            when = line.edited_at.astimezone(report.made_at.tzinfo)
            changed = f"{line.edited_by} {when:%Y-%m-%d}"
            if line.proposal != line.suggested:
                changed = f"按分数建议{line.suggested.label}；{changed}改为{line.proposal.label}"
            if line.reason:
                changed += f"：{line.reason}"
        return MentorLineInput(
            rank=line.rank,
            mentor=line.mentor_name + ("" if line.active else "（已停用）"),
            members_served=line.members_served,
            contact_entries=line.contact_entries,
            members_contacted=line.members_contacted,
            members_without_contact=line.members_without_contact,
            wechat_joined=line.wechat_joined,
            wechat_expected=line.wechat_expected,
            forms_filed=line.forms_filed,
            forms_applied=line.forms_applied,
            forms_pending=line.forms_pending,
            days_to_apply=line.days_to_apply,
            billed_count=line.billed_count,
            billed_amount=line.billed_amount,
            paid_count=line.paid_count,
            collected_amount=line.collected_amount,
            arrears_members=line.arrears_members,
            arrears_amount=line.arrears_amount,
            nominations=line.nominations,
            nominations_approved=line.nominations_approved,
            contact_rate=line.contact_rate,
            wechat_rate=line.wechat_rate,
            collection_rate=line.collection_rate,
            score=line.score,
            proposal=line.proposal.label if line.score is not None else "",
            changed=changed,
        )

    return MentorReportInput(
        association=report.association,
        half_label=report.half.label,
        period=(report.half.start, report.half.end),
        as_of=report.as_of,
        made_on=report.made_at.date(),
        made_by=report.made_by,
        lines=tuple(printed(line) for line in report.lines),
        total=printed(report.total),
        unassigned=printed(report.unassigned) if report.unassigned is not None else None,
        rules=report.definitions(),
    )


def statistics_input(stats: Statistics) -> Any:
    """The statistics as ``documents.report_pages`` prints them."""
    from desktop_app.documents.report_pages import Chart, Column, ReportInput, Section, Series

    def count_section(heading: str, label: str, rows: tuple[CountRow, ...], kind: str) -> Section:
        total = sum(r.count for r in rows)
        return Section(
            heading,
            columns=(Column(label, 3, "left"), Column("会员数", 1.2, "right"), Column("占比", 1.2, "right")),
            rows=tuple((r.label, str(r.count), f"{r.count / total * 100:.1f}%" if total else "—") for r in rows),
            total=("合计", str(total), "100.0%" if total else "—"),
            charts=(
                Chart(
                    heading[2:],
                    kind,
                    tuple(r.label for r in rows),
                    (Series("会员数", tuple(float(r.count) for r in rows)),),
                ),
            ),
        )

    flows = stats.flows
    money = lambda value: f"{value:,.2f}"  # noqa: E731
    return ReportInput(
        title=f"{stats.association}会员统计",
        subtitle=f"截至 {stats.made_on:%Y-%m-%d}，正常会员 {stats.active} 个",
        made_on=stats.made_on,
        sections=(
            count_section("一、会员级别", "会员级别", stats.by_level, "bar"),
            count_section("二、单位类别", "单位类别", stats.by_category, "pie"),
            count_section("三、所在区", "所在区", stats.by_district, "bar"),
            Section(
                "四、历年入会和退会",
                columns=(
                    Column("年度", 1),
                    Column("入会", 1, "right"),
                    Column("主动退会", 1, "right"),
                    Column("取消会员资格", 1.3, "right"),
                    Column("净增", 1, "right"),
                ),
                rows=tuple(
                    (str(f.year), str(f.joined), str(f.withdrawn), str(f.cancelled), str(f.joined - f.left))
                    for f in flows
                ),
                notes=("按每段会籍的入会日期和退会日期所在年度统计（重新入会另计一次入会）。",),
                charts=(
                    Chart(
                        "历年入会和退会",
                        "bar",
                        tuple(str(f.year) for f in flows),
                        (
                            Series("入会", tuple(float(f.joined) for f in flows)),
                            Series("主动退会", tuple(float(f.withdrawn) for f in flows)),
                            Series("取消会员资格", tuple(float(f.cancelled) for f in flows)),
                        ),
                        full_width=True,
                    ),
                ),
                new_page=True,
            ),
            Section(
                "五、历年会费应收和已收",
                columns=(
                    Column("会费年度", 1),
                    Column("应收户数", 1, "right"),
                    Column("应收金额（元）", 1.6, "right"),
                    Column("足额缴清户数", 1.2, "right"),
                    Column("已收金额（元）", 1.6, "right"),
                    Column("收缴率", 1, "right"),
                ),
                rows=tuple(
                    (
                        str(d.year),
                        str(d.billed_count),
                        money(d.billed_amount),
                        str(d.paid_count),
                        money(d.collected_amount),
                        "—" if d.rate is None else f"{d.rate * 100:.1f}%",
                    )
                    for d in stats.dues
                ),
                charts=(
                    Chart(
                        "会费应收和已收（元）",
                        "bar",
                        tuple(str(d.year) for d in stats.dues),
                        (
                            Series("应收", tuple(float(d.billed_amount) for d in stats.dues)),
                            Series("已收", tuple(float(d.collected_amount) for d in stats.dues)),
                        ),
                    ),
                    Chart(
                        "会费收缴率",
                        "bar",
                        tuple(str(d.year) for d in stats.dues),
                        (Series("收缴率", tuple(d.rate or 0.0 for d in stats.dues)),),
                        percent=True,
                    ),
                ),
                new_page=True,
            ),
            Section(
                "六、入会申请办理情况",
                intro=("；".join(f"{row.label} {row.count} 件" for row in stats.applications) + "。",),
                columns=(
                    Column("办理步骤", 3, "left"),
                    Column("正在等待", 1, "right"),
                    Column("已办完", 1, "right"),
                    Column("平均用时（天）", 1.3, "right"),
                ),
                rows=tuple(
                    (
                        s.title,
                        str(s.waiting),
                        str(s.completed),
                        "—" if s.average_days is None else f"{s.average_days:.1f}",
                    )
                    for s in stats.stages
                ),
                notes=("平均用时：自上一步办完至该步办完的天数（退回重办的按最后一次办理计）。",),
                charts=(
                    Chart(
                        "各步骤平均用时（天）",
                        "hbar",
                        tuple(s.title for s in stats.stages),
                        (Series("平均用时", tuple(s.average_days or 0.0 for s in stats.stages)),),
                    ),
                    Chart(
                        "正在等待的申请",
                        "hbar",
                        tuple(s.title for s in stats.stages),
                        (Series("件数", tuple(float(s.waiting) for s in stats.stages)),),
                    ),
                ),
                new_page=True,
            ),
        ),
        signatures=(),
        member_name=f"{stats.association}会员统计",
    )


def _write(session: Session, out: Path, sheets: list[Any], printed: Any, progress: Progress | None) -> int:
    """Write the workbook or the PDF (by the file's extension), through a temporary file: a
    failed or cancelled run leaves nothing behind. Returns the PDF's pages (0 for a workbook)."""
    from desktop_app.core.services.documents.context import document_context

    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError({"out": say("reports.bad_output_suffix", name=out.name)})
    partial = out.with_name(out.name + ".partial")
    try:
        if suffix == ".xlsx":
            from desktop_app.spreadsheets.report_book import write_report_book

            write_report_book(sheets, partial)
            pages = 0
        else:
            from desktop_app.documents import report_pages

            built = report_pages.build(partial, [printed], document_context(session), progress)
            pages = built.pages
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return pages


@dataclass(frozen=True)
class Exported:
    path: Path
    pages: int  # 0 for a workbook
    rows: int


def export_mentor_report(
    session: Session, actor: Actor, period: str | HalfYear, out: Path | str, *, progress: Progress | None = None
) -> Exported:
    """The half-yearly mentor report to ``out`` (.xlsx or .pdf), with the office's proposals as
    they stand; the export is audited."""
    out = Path(out)
    report = mentor_report(session, actor, period)
    from desktop_app.documents.mentor_report import report_input

    pages = _write(session, out, _mentor_sheets(report), report_input(mentor_report_input(report)), progress)
    audit.record(
        session,
        actor,
        "export_report",
        "mentor_report",
        None,
        say("reports.history.assessment_exported", label=report.half.label, count=len(report.lines), name=out.name),
        after={"period": report.half.code, "file": out.name, "mentors": len(report.lines)},
    )
    return Exported(out, pages, len(report.lines))


def export_statistics(
    session: Session, actor: Actor, out: Path | str, *, years: int = 10, progress: Progress | None = None
) -> Exported:
    out = Path(out)
    stats = statistics(session, actor, years=years)
    pages = _write(session, out, _statistics_sheets(stats), statistics_input(stats), progress)
    audit.record(
        session,
        actor,
        "export_report",
        "statistics",
        None,
        say("reports.history.statistics_exported", name=out.name),
        after={"file": out.name, "active": stats.active},
    )
    return Exported(out, pages, stats.active)


def sheets_for(report: MentorReport | Statistics) -> list[Any]:
    """The workbook sheets of a report (for tests and the window's own saving)."""
    return _mentor_sheets(report) if isinstance(report, MentorReport) else _statistics_sheets(report)


__all__ = [
    "NOT_ASSIGNED",
    "CountRow",
    "DuesYear",
    "Exported",
    "HalfYear",
    "MentorLine",
    "MentorReport",
    "ProposalRow",
    "ScoreRules",
    "StageRow",
    "Statistics",
    "YearFlow",
    "default_half",
    "export_mentor_report",
    "export_statistics",
    "half_of",
    "mentor_report",
    "mentor_report_input",
    "parse_half",
    "parse_proposal",
    "recent_halves",
    "save_proposal",
    "score_rules",
    "sheets_for",
    "statistics",
    "statistics_input",
]
