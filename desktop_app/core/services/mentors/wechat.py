"""The mentor's WeChat group (R-8.1): the mentor creates a group and invites each member's
principal and liaison. Per member and person: invited, joined, left, with the dates; per mentor:
who is not yet in the group (never invited, invited but not joined, left, or a new person the
member has named since the invitation).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import clock_of
from desktop_app.core.models import Member, MemberStatus, WeChatMembership, WeChatPerson, WeChatStatus
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.mentors.scope import Checker, member_for, mentor_scope
from desktop_app.errors import ValidationError
from desktop_app.messages import say

PERSON_LABELS = {WeChatPerson.PRINCIPAL: "主要负责人", WeChatPerson.LIAISON: "联络员"}
STATUS_LABELS = {WeChatStatus.INVITED: "已邀请", WeChatStatus.JOINED: "已入群", WeChatStatus.LEFT: "已退群"}
NOT_INVITED = "未邀请"


class _People(Protocol):
    """What of a member the group's rows need (a ``Member``, or a row of just these columns)."""

    id: int
    principal_name: str | None
    liaison_name: str | None


def _person_name(member: _People, person: WeChatPerson) -> str | None:
    return member.principal_name if person == WeChatPerson.PRINCIPAL else member.liaison_name


@dataclass(frozen=True)
class WeChatRow:
    """One person of a member in the mentor's group (``status`` None: not invited yet)."""

    member_id: int
    person: WeChatPerson
    person_name: str | None  # the member's person now
    status: WeChatStatus | None
    invited_on: dt.date | None
    joined_on: dt.date | None
    left_on: dt.date | None
    note: str | None
    invited_name: str | None  # who was invited, when that was someone else

    @property
    def in_group(self) -> bool:
        return self.status == WeChatStatus.JOINED and not self.invited_name

    @property
    def label(self) -> str:
        if self.status is None:
            return NOT_INVITED
        text = STATUS_LABELS[self.status]
        if self.invited_name:
            text += f"（{self.invited_name}，现已换人）"
        return text


def _rows(member: _People, records: dict[WeChatPerson, WeChatMembership]) -> list[WeChatRow]:
    out = []
    for person in WeChatPerson:
        name = _person_name(member, person)
        record = records.get(person)
        if record is None:
            out.append(WeChatRow(member.id, person, name, None, None, None, None, None, None))
            continue
        other = record.person_name if name and record.person_name != name else None
        out.append(
            WeChatRow(
                member.id,
                person,
                name,
                record.status,
                record.invited_on,
                record.joined_on,
                record.left_on,
                record.note,
                other,
            )
        )
    return out


def wechat_status(session: Session, actor: Actor, member_id: int) -> list[WeChatRow]:
    """The principal and the liaison of a member in its current mentor's group."""
    member = member_for(session, actor, member_id, Permission.VIEW_MENTOR_WORK)
    if member.mentor_id is None:
        return _rows(member, {})
    records = {
        r.person: r
        for r in session.scalars(
            select(WeChatMembership).where(
                WeChatMembership.member_id == member.id, WeChatMembership.mentor_id == member.mentor_id
            )
        )
    }
    return _rows(member, records)


def set_wechat_status(
    session: Session,
    actor: Actor,
    member_id: int,
    person: WeChatPerson | str,
    status: WeChatStatus | str,
    on: dt.date | str | None = None,
    note: str | None = None,
) -> WeChatRow:
    """Record that a member's principal or liaison was invited to, joined or left the group of the
    member's mentor, on ``on`` (today by default)."""
    member = member_for(session, actor, member_id, Permission.RECORD_MENTOR_WORK)
    check = Checker(session)
    who = check.choice({"person": person}, "person", "人员", WeChatPerson, PERSON_LABELS)
    state = check.choice({"status": status}, "status", "入群状态", WeChatStatus, STATUS_LABELS)
    day = check.date({"on": on}, "on", "日期", default=check.today)
    text = check.notes({"note": note}, "note", "备注", 300)
    check.done()
    assert who is not None and state is not None and day is not None
    if member.mentor_id is None:
        raise ValidationError({"mentor_id": say("mentors.wechat.no_mentor", name=member.name)})
    name = _person_name(member, who)
    if not name:
        raise ValidationError(
            {"person": say("mentors.wechat.no_person", name=member.name, PERSON_LABELS=PERSON_LABELS[who])}
        )
    record = session.scalar(
        select(WeChatMembership).where(
            WeChatMembership.member_id == member.id,
            WeChatMembership.mentor_id == member.mentor_id,
            WeChatMembership.person == who,
        )
    )
    before = (
        {"status": record.status, "person_name": record.person_name, "on": record.joined_on or record.invited_on}
        if record
        else {"status": None}
    )
    if record is not None and record.person_name != name:
        # The member named another person since: the new one starts afresh.
        record.person_name = name
        record.status, record.invited_on, record.joined_on, record.left_on = WeChatStatus.INVITED, None, None, None
        record_is_new_person = True
    else:
        record_is_new_person = record is None
    now = clock_of(session).now()
    if record is None:
        record = WeChatMembership(
            mentor_id=member.mentor_id,
            member_id=member.id,
            person=who,
            person_name=name,
            status=WeChatStatus.INVITED,
            updated_at=now,
        )
        session.add(record)
    label = f"{PERSON_LABELS[who]}{name}"
    if state == WeChatStatus.INVITED:
        if not record_is_new_person and record.status == WeChatStatus.JOINED:
            raise ValidationError(
                {"status": say("mentors.wechat.already_in_group", label=label, joined_on=record.joined_on)}
            )
        record.invited_on, record.joined_on, record.left_on = day, None, None
    elif state == WeChatStatus.JOINED:
        if not record_is_new_person and record.status == WeChatStatus.JOINED:
            raise ValidationError(
                {"status": say("mentors.wechat.already_joined", label=label, joined_on=record.joined_on)}
            )
        if record.invited_on is not None and day < record.invited_on:
            raise ValidationError({"on": say("mentors.wechat.joined_before_invited", invited_on=record.invited_on)})
        if record.status == WeChatStatus.LEFT and record.left_on is not None and day < record.left_on:
            raise ValidationError({"on": say("mentors.wechat.rejoined_before_left", left_on=record.left_on)})
        record.invited_on = record.invited_on or day  # joined without a recorded invitation
        record.joined_on, record.left_on = day, None
    else:
        if record_is_new_person or record.status != WeChatStatus.JOINED or record.joined_on is None:
            raise ValidationError({"status": say("mentors.wechat.not_in_group", label=label)})
        if day < record.joined_on:
            raise ValidationError({"on": say("mentors.wechat.left_before_joined", joined_on=record.joined_on)})
        record.left_on = day
    record.status = state
    record.note = text if text is not None else record.note
    record.updated_at, record.updated_by_id = now, actor.id
    session.flush()
    audit.record(
        session,
        actor,
        "wechat",
        "member",
        member.id,
        say("mentors.wechat.history.status", label=label, STATUS_LABELS=STATUS_LABELS[state], day=day),
        before,
        {"status": state, "person_name": name, "on": day},
    )
    return _rows(member, {who: record})[0 if who == WeChatPerson.PRINCIPAL else 1]


@dataclass(frozen=True)
class OutsideRow:
    """A principal or liaison of a mentor's member who is not (or no longer) in the group."""

    member_id: int
    member_number: str
    member_name: str
    person: WeChatPerson
    person_name: str
    status: str  # 未邀请 / 已邀请 / 已退群 / …（现已换人）
    since: dt.date | None


def not_in_group(session: Session, actor: Actor, *, mentor_id: int | None = None) -> list[OutsideRow]:
    """Everyone of a mentor's members (principal and liaison) not yet in the mentor's group."""
    require(actor, Permission.VIEW_MENTOR_WORK)
    mentor_id = mentor_scope(actor, mentor_id)
    if mentor_id is None:
        raise ValidationError({"mentor_id": say("mentors.contacts.choose_mentor")})
    members = session.execute(  # plain rows: a mentor may serve thousands
        select(Member.id, Member.member_number, Member.name, Member.principal_name, Member.liaison_name)
        .where(Member.mentor_id == mentor_id, Member.status == MemberStatus.ACTIVE)
        .order_by(Member.member_number)
    ).all()
    records: dict[tuple[int, WeChatPerson], WeChatMembership] = {}
    ids = [m.id for m in members]
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        records.update(
            ((r.member_id, r.person), r)
            for r in session.scalars(
                select(WeChatMembership).where(
                    WeChatMembership.mentor_id == mentor_id, WeChatMembership.member_id.in_(chunk)
                )
            )
        )
    out = []
    for member in members:
        records_of = {p: records[(member.id, p)] for p in WeChatPerson if (member.id, p) in records}
        for row in _rows(member, records_of):
            if row.person_name and not row.in_group:
                since = row.left_on or row.invited_on if row.status is not None and not row.invited_name else None
                out.append(
                    OutsideRow(
                        member.id, member.member_number, member.name, row.person, row.person_name, row.label, since
                    )
                )
    return out
