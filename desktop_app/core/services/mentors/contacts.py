"""The contact log (R-8.2): the mentor keeps close contact with each member's liaison, knows the
member's situation and learns its difficulties and needs promptly.

Each entry: the date, the channel, who was spoken to, what was learnt, the difficulties or needs
raised, and a follow-up with its due date until it is done. For each mentor: the follow-ups that
are overdue and the members not contacted for N days (setting ``mentors.no_contact_days``) —
one query each, answered from two indexes even at a million entries.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from desktop_app.core import audit, pinyin
from desktop_app.core.db import clock_of
from desktop_app.core.models import ContactChannel, ContactEntry, Member, MemberStatus, Role, Staff
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.mentors.scope import Checker, check_own, member_for, mentor_scope, staff_names
from desktop_app.core.settings import FOLLOW_UP_DAYS, NO_CONTACT_DAYS, get_setting
from desktop_app.errors import NotFound, ValidationError
from desktop_app.messages import say

CHANNEL_LABELS = {
    ContactChannel.VISIT: "走访",
    ContactChannel.PHONE: "电话",
    ContactChannel.WECHAT: "微信",
    ContactChannel.MEETING: "会议活动",
    ContactChannel.OTHER: "其他",
}


@dataclass(frozen=True)
class ContactRow:
    id: int
    member_id: int
    contact_date: dt.date
    channel: ContactChannel
    contact_person: str | None
    learnt: str
    needs: str | None
    follow_up: str | None
    follow_up_due: dt.date | None
    follow_up_done_on: dt.date | None
    follow_up_result: str | None
    staff_name: str | None

    def overdue(self, today: dt.date) -> bool:
        return bool(self.follow_up_due and not self.follow_up_done_on and self.follow_up_due < today)


def _row(entry: ContactEntry, names: dict[int, str]) -> ContactRow:
    return ContactRow(
        entry.id,
        entry.member_id,
        entry.contact_date,
        entry.channel,
        entry.contact_person,
        entry.learnt,
        entry.needs,
        entry.follow_up,
        entry.follow_up_due,
        entry.follow_up_done_on,
        entry.follow_up_result,
        names.get(entry.staff_id) if entry.staff_id else None,
    )


def default_follow_up_due(session: Session, contact_date: dt.date) -> dt.date:
    return contact_date + dt.timedelta(days=int(get_setting(session, FOLLOW_UP_DAYS)))


def log_contact(session: Session, actor: Actor, member_id: int, values: dict[str, Any]) -> ContactRow:
    """Record a contact with a member (the mentor's own; the office any member's)."""
    member = member_for(session, actor, member_id, Permission.RECORD_MENTOR_WORK)
    check = Checker(session)
    contact_date = check.date(values, "contact_date", "联系日期")
    channel = check.choice(values, "channel", "联系方式", ContactChannel, CHANNEL_LABELS)
    person = check.name(values, "contact_person", "联系人", 64)
    learnt = check.notes(values, "learnt", "了解到的情况", 4000, required=True)
    needs = check.notes(values, "needs", "提出的困难或需求", 4000)
    follow_up = check.notes(values, "follow_up", "跟进事项", 2000)
    due = check.date(values, "follow_up_due", "跟进期限", required=False, not_after_today=False)
    if follow_up and due is None and "follow_up_due" not in check.errors:
        check.fail("follow_up_due", "跟进期限", say("mentors.contacts.due_required"))
    if due is not None and not follow_up:
        check.fail("follow_up", "跟进事项", say("mentors.contacts.follow_up_required"))
    if due is not None and contact_date is not None and due < contact_date:
        check.fail("follow_up_due", "跟进期限", say("mentors.contacts.before_contact_date"))
    if contact_date is not None and member.join_date and contact_date < member.join_date - dt.timedelta(days=366):
        check.fail("contact_date", "联系日期", say("mentors.contacts.long_before_joining", join_date=member.join_date))
    check.done()
    assert contact_date is not None and channel is not None and learnt is not None
    entry = ContactEntry(
        member_id=member.id,
        staff_id=actor.id,
        contact_date=contact_date,
        channel=channel,
        contact_person=person or member.liaison_name,
        learnt=learnt,
        needs=needs,
        follow_up=follow_up,
        follow_up_due=due,
        created_at=clock_of(session).now(),
    )
    session.add(entry)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "contact_entry",
        entry.id,
        say(
            "mentors.contacts.history.recorded",
            name=member.name,
            contact_date=contact_date,
            CHANNEL_LABELS=CHANNEL_LABELS[channel],
        ),
        after={
            "member_id": member.id,
            "contact_date": contact_date,
            "channel": channel,
            "needs": needs,
            "follow_up": follow_up,
            "follow_up_due": due,
        },
    )
    return _row(entry, {actor.id: actor.full_name} if actor.id is not None else {})


def complete_follow_up(
    session: Session, actor: Actor, entry_id: int, done_on: dt.date | str | None = None, result: str | None = None
) -> ContactRow:
    """Mark a follow-up done (on ``done_on``, today by default), with what came of it."""
    require(actor, Permission.RECORD_MENTOR_WORK)
    entry = session.get(ContactEntry, entry_id)
    if entry is None:
        raise NotFound(say("mentors.contacts.not_found"))
    member = session.get(Member, entry.member_id)
    assert member is not None
    check_own(actor, member)
    if not entry.follow_up:
        raise ValidationError({"follow_up": say("mentors.contacts.no_follow_up")})
    if entry.follow_up_done_on is not None:
        raise ValidationError(
            {"follow_up": say("mentors.contacts.follow_up_done", follow_up_done_on=entry.follow_up_done_on)}
        )
    check = Checker(session)
    day = check.date({"done_on": done_on}, "done_on", "办结日期", default=check.today)
    text = check.notes({"result": result}, "result", "跟进结果", 300)
    if day is not None and day < entry.contact_date:
        check.fail("done_on", "办结日期", say("mentors.contacts.before_contact_date"))
    check.done()
    entry.follow_up_done_on = day or check.today
    entry.follow_up_result = text
    audit.record(
        session,
        actor,
        "follow_up_done",
        "contact_entry",
        entry.id,
        say("mentors.contacts.history.follow_up_done", name=member.name, follow_up_done_on=entry.follow_up_done_on),
        {"follow_up_done_on": None},
        {"follow_up_done_on": entry.follow_up_done_on, "follow_up_result": text},
    )
    return _row(entry, staff_names(session, [entry.staff_id]))


def contact_log(session: Session, actor: Actor, member_id: int, *, limit: int | None = None) -> list[ContactRow]:
    """A member's contacts, newest first."""
    member = member_for(session, actor, member_id, Permission.VIEW_MENTOR_WORK)
    query = (
        select(ContactEntry)
        .where(ContactEntry.member_id == member.id)
        .order_by(ContactEntry.contact_date.desc(), ContactEntry.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    entries = list(session.scalars(query))
    names = staff_names(session, [e.staff_id for e in entries])
    return [_row(e, names) for e in entries]


# --- reminders per mentor -------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpRow:
    entry_id: int
    member_id: int
    member_number: str
    member_name: str
    mentor_name: str | None
    contact_date: dt.date
    follow_up: str
    due: dt.date
    days_overdue: int


def overdue_follow_ups(
    session: Session, actor: Actor, *, mentor_id: int | None = None, limit: int | None = None
) -> list[FollowUpRow]:
    """Open follow-ups past their due date, of the members a mentor serves now (the office: any
    mentor's, or everyone's), the most overdue first."""
    require(actor, Permission.VIEW_MENTOR_WORK)
    mentor_id = mentor_scope(actor, mentor_id)
    today = clock_of(session).today()
    query = (
        select(
            ContactEntry.id,
            Member.id,
            Member.member_number,
            Member.name,
            Staff.full_name,
            ContactEntry.contact_date,
            ContactEntry.follow_up,
            ContactEntry.follow_up_due,
        )
        .join(Member, Member.id == ContactEntry.member_id)
        .outerjoin(Staff, Staff.id == Member.mentor_id)
        .where(
            ContactEntry.follow_up_due.is_not(None),
            ContactEntry.follow_up_done_on.is_(None),
            ContactEntry.follow_up_due < today,
            Member.status == MemberStatus.ACTIVE,
        )
        .order_by(ContactEntry.follow_up_due, ContactEntry.id)
    )
    if mentor_id is not None:
        query = query.where(Member.mentor_id == mentor_id)
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for entry_id, member_id, number, name, mentor_name, contact_date, follow_up, due in session.execute(query):
        assert due is not None  # the query asks for due follow-ups only
        rows.append(
            FollowUpRow(
                entry_id, member_id, number, name, mentor_name, contact_date, follow_up or "", due, (today - due).days
            )
        )
    return rows


@dataclass(frozen=True)
class NoContactRow:
    member_id: int
    member_number: str
    member_name: str
    liaison_name: str | None
    liaison_mobile: str | None
    mentor_name: str | None
    last_contact: dt.date | None  # None: never
    days: int | None  # since the last contact


def no_contact_days(session: Session) -> int:
    days = get_setting(session, NO_CONTACT_DAYS)
    return days if isinstance(days, int) and days > 0 else int(NO_CONTACT_DAYS.default)


def no_contact_members(
    session: Session,
    actor: Actor,
    *,
    mentor_id: int | None = None,
    days: int | None = None,
    limit: int | None = None,
) -> list[NoContactRow]:
    """Active members with no contact in the last ``days`` (the setting by default): never
    contacted first, then the longest silent."""
    require(actor, Permission.VIEW_MENTOR_WORK)
    mentor_id = mentor_scope(actor, mentor_id)
    days = no_contact_days(session) if days is None else days
    if days < 1:
        raise ValidationError({"days": say("mentors.contacts.days_at_least_one")})
    today = clock_of(session).today()
    cutoff = today - dt.timedelta(days=days)
    recent = exists().where(ContactEntry.member_id == Member.id, ContactEntry.contact_date > cutoff)
    last = (
        select(func.max(ContactEntry.contact_date))
        .where(ContactEntry.member_id == Member.id)
        .correlate(Member)
        .scalar_subquery()
    )
    query = (
        select(
            Member.id,
            Member.member_number,
            Member.name,
            Member.liaison_name,
            Member.liaison_mobile,
            Staff.full_name,
            last,
        )
        .outerjoin(Staff, Staff.id == Member.mentor_id)
        .where(Member.status == MemberStatus.ACTIVE, ~recent)
    )
    if mentor_id is not None:
        query = query.where(Member.mentor_id == mentor_id)
    else:
        query = query.where(Member.mentor_id.is_not(None))
    query = query.order_by(last.is_not(None), last, Member.member_number)
    if limit is not None:
        query = query.limit(limit)
    rows = []
    for r in session.execute(query):
        last_day: Any = r[6]
        if isinstance(last_day, str):  # SQLite's max() of a DATE column comes back as text
            last_day = dt.date.fromisoformat(last_day)
        rows.append(
            NoContactRow(r[0], r[1], r[2], r[3], r[4], r[5], last_day, (today - last_day).days if last_day else None)
        )
    return rows


@dataclass(frozen=True)
class MentorReminders:
    """What needs a mentor's attention: counts for the office's overview of every mentor."""

    mentor_id: int
    mentor_name: str
    members: int
    overdue_follow_ups: int
    no_contact: int


def mentor_reminders(session: Session, actor: Actor, *, days: int | None = None) -> list[MentorReminders]:
    """Per active mentor: members, overdue follow-ups, members without contact for ``days``."""
    require(actor, Permission.VIEW_MENTOR_WORK)
    own = mentor_scope(actor, None)
    days = no_contact_days(session) if days is None else days
    today = clock_of(session).today()
    cutoff = today - dt.timedelta(days=days)
    active = and_(Member.status == MemberStatus.ACTIVE, Member.mentor_id.is_not(None))
    if own is not None:
        active = and_(active, Member.mentor_id == own)
    members: dict[int, int] = {
        mentor: count
        for mentor, count in session.execute(
            select(Member.mentor_id, func.count(Member.id)).where(active).group_by(Member.mentor_id)
        )
        if mentor is not None
    }
    overdue = _pairs(
        session.execute(
            select(Member.mentor_id, func.count(ContactEntry.id))
            .join(Member, Member.id == ContactEntry.member_id)
            .where(
                active,
                ContactEntry.follow_up_due.is_not(None),
                ContactEntry.follow_up_done_on.is_(None),
                ContactEntry.follow_up_due < today,
            )
            .group_by(Member.mentor_id)
        )
    )
    recent = exists().where(ContactEntry.member_id == Member.id, ContactEntry.contact_date > cutoff)
    silent = _pairs(
        session.execute(
            select(Member.mentor_id, func.count(Member.id)).where(active, ~recent).group_by(Member.mentor_id)
        )
    )
    names = staff_names(session, list(members))
    return sorted(
        (MentorReminders(i, names.get(i, str(i)), members[i], overdue.get(i, 0), silent.get(i, 0)) for i in members),
        key=lambda r: pinyin.sort_key(r.mentor_name, person=True),  # pinyin order (issue 16)
    )


@dataclass(frozen=True)
class MentorChoice:
    mentor_id: int
    full_name: str
    members: int  # active members it serves


def mentor_choices(session: Session, actor: Actor) -> list[MentorChoice]:
    """The active mentors, by name, with how many active members each serves: the pickers of the
    office and the resident leader (one count per mentor from the mentor index; a mentor: itself)."""
    require(actor, Permission.VIEW_MENTOR_WORK)
    own = mentor_scope(actor, None)
    counts = _pairs(
        session.execute(
            select(Member.mentor_id, func.count(Member.id))
            .where(Member.status == MemberStatus.ACTIVE, Member.mentor_id.is_not(None))
            .group_by(Member.mentor_id)
        )
    )
    query = select(Staff.id, Staff.full_name).where(Staff.role == Role.MENTOR, Staff.is_active.is_(True))
    if own is not None:
        query = query.where(Staff.id == own)
    return [
        MentorChoice(staff_id, name, counts.get(staff_id, 0))
        for staff_id, name in session.execute(query.order_by(Staff.full_name_pinyin, Staff.full_name, Staff.id))
    ]


@dataclass(frozen=True)
class MemberSummary:
    """One of a mentor's members with its last contact, open follow-ups and WeChat state."""

    member_id: int
    member_number: str
    name: str
    liaison_name: str | None
    liaison_mobile: str | None
    last_contact: dt.date | None
    open_follow_ups: int
    overdue_follow_ups: int
    pending_forms: int


def mentor_members(
    session: Session, actor: Actor, *, mentor_id: int | None = None, text: str = ""
) -> list[MemberSummary]:
    """The active members a mentor serves (a mentor: its own), by member number."""
    from desktop_app.core.models import HandoverForm, HandoverStatus
    from desktop_app.core.services.members import escape_like, normalise_search_text

    require(actor, Permission.VIEW_MENTOR_WORK)
    mentor_id = mentor_scope(actor, mentor_id)
    if mentor_id is None:
        raise ValidationError({"mentor_id": say("mentors.contacts.choose_mentor")})
    today = clock_of(session).today()
    query = select(Member.id, Member.member_number, Member.name, Member.liaison_name, Member.liaison_mobile).where(
        Member.mentor_id == mentor_id, Member.status == MemberStatus.ACTIVE
    )
    search = normalise_search_text(text)
    if search:
        query = query.where(Member.search_text.like(f"%{escape_like(search)}%", escape="\\"))
    rows = session.execute(query.order_by(Member.member_number)).all()
    ids = [r[0] for r in rows]
    last: dict[int, Any] = {}
    open_: dict[int, int] = {}
    overdue: dict[int, int] = {}
    pending: dict[int, int] = {}
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        last.update(
            _pairs(
                session.execute(
                    select(ContactEntry.member_id, func.max(ContactEntry.contact_date))
                    .where(ContactEntry.member_id.in_(chunk))
                    .group_by(ContactEntry.member_id)
                )
            )
        )
        for member_id, due in session.execute(
            select(ContactEntry.member_id, ContactEntry.follow_up_due).where(
                ContactEntry.member_id.in_(chunk),
                ContactEntry.follow_up_due.is_not(None),
                ContactEntry.follow_up_done_on.is_(None),
            )
        ):
            open_[member_id] = open_.get(member_id, 0) + 1
            if due is not None and due < today:
                overdue[member_id] = overdue.get(member_id, 0) + 1
        pending.update(
            _pairs(
                session.execute(
                    select(HandoverForm.member_id, func.count(HandoverForm.id))
                    .where(HandoverForm.member_id.in_(chunk), HandoverForm.status == HandoverStatus.PENDING)
                    .group_by(HandoverForm.member_id)
                )
            )
        )
    out = []
    for member_id, number, name, liaison, mobile in rows:
        day = last.get(member_id)
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        out.append(
            MemberSummary(
                member_id,
                number,
                name,
                liaison,
                mobile,
                day,
                open_.get(member_id, 0),
                overdue.get(member_id, 0),
                pending.get(member_id, 0),
            )
        )
    return out


def _pairs(rows: Any) -> dict[Any, Any]:
    """A result of two columns as a dict (``dict(result)`` would take the Result for a mapping)."""
    return {key: value for key, value in rows}
