"""The cancellation review (R-12.1), computed when asked for a given date: the active members that
meet (1) dues unpaid for more than a year (the dues job's one definition), (2) no attendance at
association activities for more than a year, counted only over the time they were members, or
(3) a disqualification recorded by staff — each ground with its evidence.

"More than a year" is the Civil Code's count: a period starting on day S has lasted more than a
year on day D when D is after the same date one year later (S = 2025-11-26: not on 2026-11-26, yes
on 2026-11-27). For (2) the period starts at the latest of the last activity attended, the start
of the current membership spell, and the first activity the office recorded at all (attendance
before it was never recorded, so it cannot count against anyone); it needs at least one activity
held in it (a year without activities makes nobody a candidate). Setting
``withdrawal.no_activity_counting`` = ``all_spells`` counts the days of membership of all spells
since the last activity instead (the time between spells left out), more than 365 of them.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.core.models import Member, MemberStatus, Staff
from desktop_app.core.models.withdrawal import (
    OPEN_CASE_STATUSES,
    Activity,
    Attendance,
    Disqualification,
    DisqualificationKind,
    Ground,
    WithdrawalCase,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services import dues
from desktop_app.core.services.withdrawal.spells import Period, periods
from desktop_app.core.settings import NO_ACTIVITY_COUNTING, get_setting, level_names
from desktop_app.documents.numerals import chinese_date

ALL_SPELLS = "all_spells"
CURRENT_SPELL = "current_spell"
COUNTINGS = (CURRENT_SPELL, ALL_SPELLS)


def add_years(day: dt.date, years: int) -> dt.date:
    """The same date ``years`` later (28 February for a 29 February without one)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def over_a_year(since: dt.date, on: dt.date) -> bool:
    """Whether a period that started on ``since`` has lasted more than a year on ``on``."""
    return on > add_years(since, 1)


@dataclass(frozen=True)
class GroundFound:
    """One ground of R-12.1 with its evidence: ``summary`` is the sentence the notice prints."""

    ground: Ground
    summary: str
    since: dt.date | None
    evidence: dict[str, Any]
    disqualification_id: int | None = None

    @property
    def title(self) -> str:
        return f"第十二条第{self.ground.item}项 {self.ground.label}"


@dataclass(frozen=True)
class Candidate:
    member_id: int
    member_number: str
    name: str
    level: str
    mentor_name: str | None
    grounds: tuple[GroundFound, ...]
    open_case_id: int | None = None  # already in an open case: not confirmed twice
    open_case_status: str | None = None


# --- (1) dues ------------------------------------------------------------------------------------------


def unpaid_ground(evidence: dues.UnpaidEvidence) -> GroundFound:
    """R-12.1 (1) as the withdrawal notice states it: the dues job's evidence of arrears in one sentence."""
    years = "、".join(str(y) for y in evidence.years_unpaid)
    summary = f"贵单位{years}年度会费共 {evidence.amount_owed:,.2f} 元至今未缴纳"
    if evidence.paid_until is not None:
        summary += f"（会费已缴至{chinese_date(evidence.paid_until)}，此后一年以上未缴纳）。"
    else:
        summary += f"（自{chinese_date(evidence.since)}起未缴纳会费，已超过一年）。"
    record = {
        "years": list(evidence.years_unpaid),
        "amount_owed": str(evidence.amount_owed),
        "since": evidence.since.isoformat(),
        "paid_until": evidence.paid_until.isoformat() if evidence.paid_until else None,
        "over_a_year_from": evidence.over_a_year_from.isoformat(),
        "rule": evidence.rule,
    }
    return GroundFound(Ground.UNPAID_DUES, summary, evidence.since, record)


def _unpaid(session: Session, on: dt.date, member_ids: set[int]) -> dict[int, GroundFound]:
    """R-12.1 (1), the dues job's one definition: ``members_unpaid_over_a_year`` for a review of
    everyone, ``unpaid_evidence`` for a few members."""
    if len(member_ids) <= 50:
        found = [dues.unpaid_evidence(session, member_id, on) for member_id in sorted(member_ids)]
        evidence = [e for e in found if e is not None and e.over_a_year(on)]
    else:
        evidence = [e for e in dues.members_unpaid_over_a_year(session, on) if e.member_id in member_ids]
    return {e.member_id: unpaid_ground(e) for e in evidence}


# --- (2) attendance ------------------------------------------------------------------------------------


def _activity_dates(session: Session, on: dt.date) -> list[dt.date]:
    return sorted(session.scalars(select(Activity.held_on).where(Activity.held_on <= on)))


def _last_attended(session: Session, on: dt.date, member_ids: Sequence[int] | None) -> dict[int, tuple[dt.date, int]]:
    """Each member's last activity on or before ``on``: (date, activity id), in one query (the
    latest id when a member took part in two the same day)."""
    last = (
        select(Attendance.member_id, func.max(Activity.held_on).label("held_on"))
        .join(Activity, Activity.id == Attendance.activity_id)
        .where(Activity.held_on <= on)
        .group_by(Attendance.member_id)
    )
    few = member_ids is not None and len(member_ids) <= 500
    if few:
        last = last.where(Attendance.member_id.in_(list(member_ids or ())))
    latest = last.subquery()
    query = (
        select(Attendance.member_id, latest.c.held_on, func.max(Activity.id))
        .join(Activity, Activity.id == Attendance.activity_id)
        .join(latest, (latest.c.member_id == Attendance.member_id) & (latest.c.held_on == Activity.held_on))
        .group_by(Attendance.member_id, latest.c.held_on)
    )
    return {member_id: (day, activity_id) for member_id, day, activity_id in session.execute(query)}


def _held_between(dates: list[dt.date], after: dt.date, until: dt.date) -> int:
    """How many recorded activities were held after ``after`` and on or before ``until``."""
    return bisect.bisect_right(dates, until) - bisect.bisect_right(dates, after)


def _membership_days(spells: list[Period], after: dt.date, until: dt.date) -> int:
    total = 0
    for joined, left in spells:
        start = max(joined or dt.date.min, after)
        end = min(left or until, until)
        if end > start:
            total += (end - start).days
    return total


def _current_start(spells: list[Period]) -> dt.date | None:
    for joined, left in reversed(spells):
        if left is None:
            return joined
    return None


def no_activity_ground(
    spells: list[Period],
    last: tuple[dt.date, int] | None,
    activity_dates: list[dt.date],
    on: dt.date,
    counting: str,
    titles: dict[int, str],
) -> GroundFound | None:
    """R-12.1 (2) for one member (pure: the review hands in what it read once for everyone)."""
    if not activity_dates:
        return None  # no activity recorded at all: no evidence against anyone
    records_begin = activity_dates[0]
    joined = _current_start(spells)
    # (date, rank, what): on the same date the last activity explains best, then the joining
    candidates = [(records_begin, 0, "records_begin")]
    if joined is not None:
        candidates.append((joined, 1, "joined"))
    if last is not None:
        candidates.append((last[0], 2, "last_activity"))
    if counting == ALL_SPELLS:
        since, _rank, counted_from = max(c for c in candidates if c[2] != "joined")
        days = _membership_days(spells, since, on)
        if days <= 365:
            return None
    else:
        since, _rank, counted_from = max(candidates)
        if not over_a_year(since, on):
            return None
        days = (on - since).days
    held = _held_between(activity_dates, since, on)
    if held == 0:
        return None  # nothing was held that the member could have attended
    evidence: dict[str, Any] = {
        "since": since.isoformat(),
        "counted_from": counted_from,
        "counting": counting,
        "activities_held": held,
        "membership_days": days,
        "on": on.isoformat(),
    }
    when = chinese_date(since)
    if counted_from == "last_activity" and last is not None:
        title = titles.get(last[1], "").replace("“", "‘").replace("”", "’")  # quotes inside quotes
        evidence["last_activity"] = {"id": last[1], "title": title, "held_on": last[0].isoformat()}
        summary = f"贵单位自{when}参加本会“{title}”以来，一年以上未参加本会组织的活动（其间本会举办活动 {held} 次）"
    elif counted_from == "joined":
        summary = f"贵单位自{when}入会以来，一年以上未参加本会组织的活动（其间本会举办活动 {held} 次）"
    else:
        summary = f"自{when}本会登记活动参加情况以来，贵单位一年以上未参加本会组织的活动（其间本会举办活动 {held} 次）"
    if counting == ALL_SPELLS:
        summary += f"，其中作为会员的时间共 {days} 天"
    return GroundFound(Ground.NO_ACTIVITY, summary + "。", since, evidence)


# --- (3) disqualification --------------------------------------------------------------------------------


def disqualification_ground(record: Disqualification) -> GroundFound:
    what = record.description if record.kind == DisqualificationKind.OTHER and record.description else record.kind.label
    summary = (
        f"据{record.source}，贵单位于{chinese_date(record.found_on)}{what}（{record.evidence.strip().rstrip('。')}）。"
    )
    evidence = {
        "disqualification_id": record.id,
        "kind": record.kind.value,
        "source": record.source,
        "found_on": record.found_on.isoformat(),
        "evidence": record.evidence,
        "description": record.description,
    }
    return GroundFound(Ground.DISQUALIFIED, summary, record.found_on, evidence, record.id)


def _disqualified(session: Session, on: dt.date, member_ids: set[int]) -> dict[int, GroundFound]:
    out: dict[int, GroundFound] = {}
    query = (
        select(Disqualification)
        .where(Disqualification.found_on <= on)
        .where((Disqualification.lifted_on.is_(None)) | (Disqualification.lifted_on > on))
        .order_by(Disqualification.found_on, Disqualification.id)
    )
    for record in session.scalars(query):
        if record.member_id in member_ids and record.member_id not in out:
            out[record.member_id] = disqualification_ground(record)
    return out


# --- the review ------------------------------------------------------------------------------------------


def grounds_on(session: Session, members: Iterable[Any], on: dt.date) -> dict[int, list[GroundFound]]:
    """The grounds each of ``members`` (members, or rows with their ``id``, ``status``,
    ``join_date`` and ``left_date``) meets on ``on``; members meeting none are left out."""
    members = list(members)
    ids = {m.id for m in members}
    if not ids:
        return {}
    counting = get_setting(session, NO_ACTIVITY_COUNTING)
    if counting not in COUNTINGS:
        counting = CURRENT_SPELL
    activity_dates = _activity_dates(session, on)
    last = _last_attended(session, on, [m.id for m in members])
    wanted = sorted({activity_id for _day, activity_id in last.values()})
    titles: dict[int, str] = {}
    for start in range(0, len(wanted), 1000):
        chunk = wanted[start : start + 1000]
        titles.update(session.execute(select(Activity.id, Activity.title).where(Activity.id.in_(chunk))).all())
    spells = periods(session, members)
    found: dict[int, list[GroundFound]] = {}
    for member_id, ground in _unpaid(session, on, ids).items():
        found.setdefault(member_id, []).append(ground)
    for member in members:
        absent = no_activity_ground(spells[member.id], last.get(member.id), activity_dates, on, counting, titles)
        if absent is not None:
            found.setdefault(member.id, []).append(absent)
    for member_id, ground in _disqualified(session, on, ids).items():
        found.setdefault(member_id, []).append(ground)
    order = {Ground.UNPAID_DUES: 0, Ground.NO_ACTIVITY: 1, Ground.DISQUALIFIED: 2}
    return {member_id: sorted(grounds, key=lambda g: order[g.ground]) for member_id, grounds in found.items()}


def member_grounds(session: Session, member: Member, on: dt.date) -> list[GroundFound]:
    return grounds_on(session, [member], on).get(member.id, [])


def review(session: Session, actor: Actor, on: dt.date, *, member_ids: Sequence[int] | None = None) -> list[Candidate]:
    """The candidates for cancellation on ``on`` (R-12.1), each with its grounds and evidence, by
    member number. Active members only; members already in an open case are marked."""
    require(actor, Permission.VIEW_WITHDRAWAL)
    # plain rows, not ORM members: 100,000 of them load in a fraction of the time
    query = select(
        Member.id,
        Member.member_number,
        Member.name,
        Member.level,
        Member.mentor_id,
        Member.status,
        Member.join_date,
        Member.left_date,
    ).where(Member.status == MemberStatus.ACTIVE)
    if member_ids is not None:
        query = query.where(Member.id.in_(list(member_ids)))
    members = list(session.execute(query))
    found = grounds_on(session, members, on)
    if not found:
        return []
    by_id = {m.id: m for m in members}
    names = level_names(session)
    mentors = dict(session.execute(select(Staff.id, Staff.full_name)).all())
    open_cases = {
        member_id: (case_id, status)
        for case_id, member_id, status in session.execute(
            select(WithdrawalCase.id, WithdrawalCase.member_id, WithdrawalCase.status).where(
                WithdrawalCase.status.in_(list(OPEN_CASE_STATUSES))
            )
        )
    }
    out = []
    for member_id, grounds in found.items():
        member = by_id[member_id]
        case = open_cases.get(member_id)
        out.append(
            Candidate(
                member_id=member_id,
                member_number=member.member_number,
                name=member.name,
                level=names.get(member.level, member.level),
                mentor_name=mentors.get(member.mentor_id) if member.mentor_id else None,
                grounds=tuple(grounds),
                open_case_id=case[0] if case else None,
                open_case_status=case[1].label if case else None,
            )
        )
    return sorted(out, key=lambda c: c.member_number)


__all__ = [
    "ALL_SPELLS",
    "COUNTINGS",
    "CURRENT_SPELL",
    "Candidate",
    "GroundFound",
    "add_years",
    "disqualification_ground",
    "grounds_on",
    "member_grounds",
    "no_activity_ground",
    "over_a_year",
    "review",
]
