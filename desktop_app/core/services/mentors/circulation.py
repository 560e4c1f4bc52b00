"""Circulation and publicity (R-8.3): the mentor forwards the association's important documents
and news to its members — one entry for many members — and helps publicise members' news: what
was submitted for publicity, and what came of it (published where, or why not).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop_app.core import audit
from desktop_app.core.db import bulk_insert, clock_of, table_of
from desktop_app.core.models import (
    Circulation,
    CirculationChannel,
    CirculationKind,
    CirculationRecipient,
    Member,
    MemberNews,
    PublicityOutcome,
)
from desktop_app.core.security import Actor, Permission, require
from desktop_app.core.services.mentors.scope import Checker, check_own, member_for, members_for, own_only, staff_names
from desktop_app.errors import NotFound
from desktop_app.messages import say

KIND_LABELS = {CirculationKind.DOCUMENT: "协会文件", CirculationKind.NEWS: "协会新闻"}
CHANNEL_LABELS = {
    CirculationChannel.WECHAT_GROUP: "班级微信群",
    CirculationChannel.MAIL: "邮寄",
    CirculationChannel.EMAIL: "电子邮件",
    CirculationChannel.IN_PERSON: "当面送达",
    CirculationChannel.OTHER: "其他",
}
OUTCOME_LABELS = {
    PublicityOutcome.PENDING: "待定",
    PublicityOutcome.PUBLISHED: "已刊发",
    PublicityOutcome.DECLINED: "未采用",
}


@dataclass(frozen=True)
class CirculationRow:
    id: int
    kind: CirculationKind
    title: str
    reference: str | None
    sent_on: dt.date
    channel: CirculationChannel
    note: str | None
    staff_name: str | None
    recipients: int


def record_circulation(
    session: Session, actor: Actor, values: dict[str, Any], member_ids: Sequence[int]
) -> CirculationRow:
    """One document or news item sent to many members (a mentor: its own members only)."""
    members = members_for(session, actor, member_ids, Permission.RECORD_MENTOR_WORK)
    check = Checker(session)
    kind = check.choice(values, "kind", "类别", CirculationKind, KIND_LABELS)
    title = check.text(values, "title", "标题", 200, required=True)
    reference = check.text(values, "reference", "文号", 100)
    sent_on = check.date(values, "sent_on", "传达日期", default=check.today)
    channel = check.choice(values, "channel", "传达方式", CirculationChannel, CHANNEL_LABELS)
    note = check.notes(values, "note", "备注", 2000)
    if not members:
        check.fail("members", "会员", say("mentors.circulation.choose_member"))
    check.done()
    assert kind is not None and title is not None and sent_on is not None and channel is not None
    entry = Circulation(
        kind=kind,
        title=title,
        reference=reference,
        sent_on=sent_on,
        channel=channel,
        note=note,
        staff_id=actor.id,
        created_at=clock_of(session).now(),
    )
    session.add(entry)
    session.flush()
    bulk_insert(
        session.connection(),
        table_of(CirculationRecipient),
        [{"circulation_id": entry.id, "member_id": m.id} for m in members],
    )
    audit.record(
        session,
        actor,
        "create",
        "circulation",
        entry.id,
        say("mentors.circulation.history.circulated", KIND_LABELS=KIND_LABELS[kind], title=title, count=len(members)),
        after={"kind": kind, "title": title, "sent_on": sent_on, "channel": channel, "members": len(members)},
    )
    return CirculationRow(entry.id, kind, title, reference, sent_on, channel, note, actor.full_name, len(members))


def circulations(
    session: Session, actor: Actor, *, member_id: int | None = None, limit: int | None = 500
) -> list[CirculationRow]:
    """What was circulated, newest first: to one member, or (a mentor) what it sent or what
    reached its members; the office sees all. ``recipients`` counts every member it went to."""
    require(actor, Permission.VIEW_MENTOR_WORK)
    count = (
        select(func.count())
        .where(CirculationRecipient.circulation_id == Circulation.id)
        .correlate(Circulation)
        .scalar_subquery()
    )
    query = select(Circulation, count).order_by(Circulation.sent_on.desc(), Circulation.id.desc())
    if member_id is not None:
        member_for(session, actor, member_id, Permission.VIEW_MENTOR_WORK)
        query = query.where(
            Circulation.id.in_(
                select(CirculationRecipient.circulation_id).where(CirculationRecipient.member_id == member_id)
            )
        )
    elif own_only(actor):
        mine = (
            select(CirculationRecipient.circulation_id)
            .join(Member, Member.id == CirculationRecipient.member_id)
            .where(Member.mentor_id == actor.id)
        )
        query = query.where(or_(Circulation.staff_id == actor.id, Circulation.id.in_(mine)))
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    names = staff_names(session, [c.staff_id for c, _n in rows])
    return [
        CirculationRow(
            c.id, c.kind, c.title, c.reference, c.sent_on, c.channel, c.note, names.get(c.staff_id or 0), int(n)
        )
        for c, n in rows
    ]


def circulation_recipients(session: Session, actor: Actor, circulation_id: int) -> list[tuple[str, str]]:
    """(member number, name) of the members an entry went to (a mentor: its own among them)."""
    require(actor, Permission.VIEW_MENTOR_WORK)
    if session.get(Circulation, circulation_id) is None:
        raise NotFound(say("mentors.circulation.not_found"))
    query = (
        select(Member.member_number, Member.name)
        .join(CirculationRecipient, CirculationRecipient.member_id == Member.id)
        .where(CirculationRecipient.circulation_id == circulation_id)
        .order_by(Member.member_number)
    )
    if own_only(actor):
        query = query.where(Member.mentor_id == actor.id)
    return [(number, name) for number, name in session.execute(query)]


# --- member news for publicity --------------------------------------------------------------------


@dataclass(frozen=True)
class NewsRow:
    id: int
    member_id: int
    member_name: str
    title: str
    summary: str | None
    submitted_on: dt.date
    submitted_by: str | None
    outcome: PublicityOutcome
    outcome_on: dt.date | None
    outcome_note: str | None


def submit_news(session: Session, actor: Actor, member_id: int, values: dict[str, Any]) -> NewsRow:
    """A member's news the mentor submits for the association's publicity."""
    member = member_for(session, actor, member_id, Permission.RECORD_MENTOR_WORK)
    check = Checker(session)
    title = check.text(values, "title", "标题", 200, required=True)
    summary = check.notes(values, "summary", "内容摘要", 4000)
    submitted_on = check.date(values, "submitted_on", "报送日期", default=check.today)
    check.done()
    assert title is not None and submitted_on is not None
    news = MemberNews(
        member_id=member.id,
        title=title,
        summary=summary,
        submitted_on=submitted_on,
        submitted_by_id=actor.id,
        outcome=PublicityOutcome.PENDING,
        created_at=clock_of(session).now(),
    )
    session.add(news)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "member_news",
        news.id,
        say("mentors.circulation.history.article_submitted", name=member.name, title=title),
        after={"member_id": member.id, "title": title, "submitted_on": submitted_on},
    )
    return _news_row(news, member.name, {actor.id or 0: actor.full_name})


def record_news_outcome(
    session: Session,
    actor: Actor,
    news_id: int,
    outcome: PublicityOutcome | str,
    on: dt.date | str | None = None,
    note: str | None = None,
) -> NewsRow:
    """What came of a submitted news item: published (where), or declined (why)."""
    require(actor, Permission.DECIDE_MENTOR_SUBMISSIONS)
    news = session.get(MemberNews, news_id)
    if news is None:
        raise NotFound(say("mentors.circulation.article_not_found"))
    check = Checker(session)
    result = check.choice({"outcome": outcome}, "outcome", "结果", PublicityOutcome, OUTCOME_LABELS)
    day = check.date({"on": on}, "on", "日期", default=check.today)
    text = check.notes({"note": note}, "note", "说明", 300)
    if result == PublicityOutcome.PENDING:
        check.fail("outcome", "结果", say("mentors.circulation.choose_result"))
    if result == PublicityOutcome.DECLINED and not text:
        check.fail("note", "说明", say("mentors.circulation.reason_required"))
    if result == PublicityOutcome.PUBLISHED and not text:
        check.fail("note", "说明", say("mentors.circulation.where_published"))
    if day is not None and day < news.submitted_on:
        check.fail("on", "日期", say("mentors.circulation.before_submitted"))
    check.done()
    assert result is not None
    before = {"outcome": news.outcome, "outcome_note": news.outcome_note}
    news.outcome, news.outcome_on, news.outcome_note, news.decided_by_id = result, day, text, actor.id
    member = session.get(Member, news.member_id)
    assert member is not None
    audit.record(
        session,
        actor,
        "decide",
        "member_news",
        news.id,
        say(
            "mentors.circulation.history.article_decided",
            OUTCOME_LABELS=OUTCOME_LABELS[result],
            name=member.name,
            title=news.title,
        ),
        before,
        {"outcome": result, "outcome_note": text},
    )
    return _news_row(news, member.name, staff_names(session, [news.submitted_by_id]))


def _news_row(news: MemberNews, member_name: str, names: dict[int, str]) -> NewsRow:
    return NewsRow(
        news.id,
        news.member_id,
        member_name,
        news.title,
        news.summary,
        news.submitted_on,
        names.get(news.submitted_by_id or 0),
        news.outcome,
        news.outcome_on,
        news.outcome_note,
    )


def news_items(
    session: Session,
    actor: Actor,
    *,
    member_id: int | None = None,
    pending_only: bool = False,
    limit: int | None = 500,
) -> list[NewsRow]:
    """Submitted member news, newest first (a mentor: its own members' and what it submitted)."""
    require(actor, Permission.VIEW_MENTOR_WORK)
    query = (
        select(MemberNews, Member.name)
        .join(Member, Member.id == MemberNews.member_id)
        .order_by(MemberNews.submitted_on.desc(), MemberNews.id.desc())
    )
    if member_id is not None:
        check_own(actor, member_for(session, actor, member_id, Permission.VIEW_MENTOR_WORK))
        query = query.where(MemberNews.member_id == member_id)
    elif own_only(actor):
        query = query.where(or_(Member.mentor_id == actor.id, MemberNews.submitted_by_id == actor.id))
    if pending_only:
        query = query.where(MemberNews.outcome == PublicityOutcome.PENDING)
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    names = staff_names(session, [n.submitted_by_id for n, _name in rows])
    return [_news_row(n, name, names) for n, name in rows]
