"""Demo withdrawal data (issue 15): two years of association activities with who came, positions
of the council-level members, a few candidates of each ground, and cases at every stage — two
confirmed candidates waiting for their notices, a notice near its deadline, one past it (posted,
ready to be deemed withdrawn), one waiting for the council, a cancellation under appeal, and a
withdrawal letter that takes effect at the end of the year — plus sign-in rows nobody matched.

Attendance goes in in bulk (one row per active member in the last year, so ``demo --members
100000`` stays quick); the cases go through the real services on the demo clock moved back, so
they carry the same evidence, numbers, mailing batch and history as the office's own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.clock import FixedClock
from desktop_app.core.db import bulk_insert, clock_of, table_of
from desktop_app.core.models import Member, MemberStatus, Role, Staff
from desktop_app.core.models.mailing import MailingRecipient
from desktop_app.core.models.withdrawal import (
    Activity,
    ActivityKind,
    Attendance,
    Position,
    PositionKind,
    SignInRow,
    SignInStatus,
)
from desktop_app.core.security import Actor
from desktop_app.core.services import mailing, withdrawal
from desktop_app.demo.admission import demo_pdf
from desktop_app.demo.names import Dice, person_name

ACTIVITIES = (
    ("年度会员大会", ActivityKind.MEETING, "秘书处"),
    ("建筑施工安全生产培训班", ActivityKind.TRAINING, "培训部"),
    ("绿色建造与装配式建筑观摩会", ActivityKind.INSPECTION, "技术质量部"),
    ("会员单位交流座谈会", ActivityKind.EXCHANGE, "会员服务部"),
    ("优秀项目经理评选表彰会", ActivityKind.EVENT, "秘书处"),
    ("建筑市场信用体系建设专题讲座", ActivityKind.TRAINING, "培训部"),
    ("“安全生产月”现场观摩", ActivityKind.INSPECTION, "技术质量部"),
    ("理事会（扩大）会议", ActivityKind.MEETING, "秘书处"),
    ("建筑业高质量发展论坛", ActivityKind.EXCHANGE, "会员服务部"),
    ("“送温暖”公益活动", ActivityKind.EVENT, "会员服务部"),
)
POSITIONS = {
    "president": PositionKind.PRESIDENT,
    "vice_president": PositionKind.VICE_PRESIDENT,
    "standing_council": PositionKind.STANDING_COUNCIL,
    "council": PositionKind.COUNCIL,
}


def _at(session: Session, day: dt.date) -> None:
    """The services see ``day`` as today (the demo builds history on a moved clock)."""
    session.info["clock"] = FixedClock(day)


def add_demo_withdrawal(session: Session, *, seed: int = 20201027) -> dict[str, int]:
    clock = clock_of(session)
    today = clock.today()
    rng = Dice(seed + 15)
    officer_row = session.scalar(select(Staff).where(Staff.role == Role.MEMBERSHIP_OFFICER).order_by(Staff.id).limit(1))
    if officer_row is None:
        return {}
    officer = Actor.of(officer_row)
    now = clock.now()
    members = list(
        session.execute(
            select(Member.id, Member.join_date, Member.level, Member.status, Member.name, Member.uscc).order_by(
                Member.id
            )
        )
    )
    active = [m for m in members if m.status == MemberStatus.ACTIVE]
    if not active:
        return {}

    # Two years of activities, about one a month; the latest a week ago.
    activities: list[dict[str, Any]] = []
    first_id = (session.scalar(select(Activity.id).order_by(Activity.id.desc()).limit(1)) or 0) + 1
    for number in range(24):
        held = today - dt.timedelta(days=7 + number * 30 + rng.randint(0, 6))
        title, kind, organiser = ACTIVITIES[number % len(ACTIVITIES)]
        activities.append(
            {
                "id": first_id + number,
                "title": f"{held.year}年{title}" if kind == ActivityKind.MEETING else title,
                "held_on": held,
                "kind": kind,
                "organiser": organiser,
                "location": rng.choice(("协会会议室", "武汉国际会展中心", "项目现场", "武汉建设大厦")),
                "note": None,
                "created_at": now,
                "created_by_id": officer.id,
            }
        )
    bulk_insert(session.connection(), table_of(Activity), activities)
    recent = [a for a in activities if a["held_on"] > today - dt.timedelta(days=300)]
    older = [a for a in activities if a["held_on"] <= today - dt.timedelta(days=480)]

    # Candidates for no attendance: members of long standing whose last activity is over a year old.
    long_standing = [m for m in active if m.join_date and m.join_date < today - dt.timedelta(days=800)]
    absent = {m.id for m in rng.sample(long_standing, min(len(long_standing), max(6, len(active) // 200)))}
    attendance: list[dict[str, Any]] = []
    for member in active:
        if member.id in absent:
            choices = older
        else:
            joined = member.join_date or dt.date.min
            choices = [a for a in recent if a["held_on"] >= joined] or recent
        if not choices:
            continue
        activity = rng.choice(choices)
        attendance.append(
            {
                "activity_id": activity["id"],
                "member_id": member.id,
                "attendee": person_name(rng),
                "attendee_position": rng.choice(("总经理", "副总经理", "办公室主任", "项目经理", "安全总监")),
                "source": "手工录入（演示数据）",
                "recorded_at": now,
                "recorded_by_id": officer.id,
            }
        )
        if len(attendance) >= 20000:
            bulk_insert(session.connection(), table_of(Attendance), attendance)
            attendance = []
    bulk_insert(session.connection(), table_of(Attendance), attendance)

    # Positions of the council-level members (the seventh council, 2024—2029).
    term_start = dt.date(today.year - 2, 6, 18)
    positions = [
        {
            "member_id": m.id,
            "kind": POSITIONS[m.level],
            "title": None,
            "term": f"第七届（{term_start.year}—{term_start.year + 5}）",
            "start_date": max(term_start, m.join_date or term_start),
            "term_end": term_start.replace(year=term_start.year + 5) - dt.timedelta(days=1),
            "ended_on": None,
            "end_reason": None,
            "ended_by_case_id": None,
            "created_at": now,
            "created_by_id": officer.id,
        }
        for m in active
        if m.level in POSITIONS and (m.join_date or term_start) <= today
    ]
    bulk_insert(session.connection(), table_of(Position), positions)

    # Sign-in rows of the latest activity that matched no member.
    latest = max(activities, key=lambda a: a["held_on"])
    for row_number, (organisation, attendee, note) in enumerate(
        (
            ("武汉市城乡建设局", "周建华", "名册中没有这个单位名称（可能是简称、旧名或非会员）"),
            ("中建三局", "王磊", "名册中没有这个单位名称（可能是简称、旧名或非会员）"),
            ("湖北华达建筑设计研究院", "刘芳", "名册中没有这个单位名称（可能是简称、旧名或非会员）"),
        ),
        start=5,
    ):
        session.add(
            SignInRow(
                activity_id=latest["id"],
                row_key=f"demo-{row_number}",
                file_name=f"{latest['title']}签到表.xlsx",
                row_number=row_number,
                organisation=organisation,
                attendee=attendee,
                status=SignInStatus.PENDING,
                note=note,
                imported_at=now,
                imported_by_id=officer.id,
            )
        )
    session.flush()

    made = {"activities": len(activities), "attendance": len(active), "positions": len(positions)}
    try:
        made.update(_cases(session, officer, sorted(absent), active, today, rng))
    finally:
        session.info["clock"] = clock
    return made


def _cases(
    session: Session, officer: Actor, absent: list[int], active: list[Any], today: dt.date, rng: Dice
) -> dict[str, int]:
    """Cases at every stage, made through the services on the demo clock moved back."""
    if len(absent) < 6:
        return {}
    pending, near, past, deemed, cancelled, spare = absent[:6]

    def post(case: Any, on: dt.date) -> None:
        recipient = session.scalar(
            select(MailingRecipient.id).where(
                MailingRecipient.batch_id == case.mailing_batch_id, MailingRecipient.member_id == case.member_id
            )
        )
        if recipient is not None:
            mailing.mark_sent(
                session, officer, [recipient], on=on, tracking={recipient: f"98{rng.randint(10**10, 10**11 - 1)}"}
            )

    made = 0
    # cancelled 20 days ago after its notice; appealed since
    _at(session, today - dt.timedelta(days=75))
    (case,) = withdrawal.confirm_candidates(session, officer, clock_of(session).today(), [cancelled])
    (case,) = withdrawal.issue_notices(session, officer, [case.id])
    post(case, clock_of(session).today())
    _at(session, today - dt.timedelta(days=40))
    withdrawal.record_deemed_withdrawn(
        session, officer, case.id, None, "会员书面答复不再参加协会活动，拒绝履行会员义务"
    )
    _at(session, today - dt.timedelta(days=20))
    withdrawal.record_council_confirmation(
        session, officer, case.id, clock_of(session).today(), f"武建协理〔{today.year}〕7号"
    )
    _at(session, today - dt.timedelta(days=8))
    withdrawal.file_appeal(
        session,
        officer,
        case.id,
        clock_of(session).today(),
        "本单位今年参加了协会组织的两次培训，签到时以项目部名义签到，未能与会员名册对应，请求复核。",
        withdrawal.Scan("申诉书.pdf", demo_pdf("appeal")),
    )
    made += 1
    # deemed withdrawn, waiting for the council
    _at(session, today - dt.timedelta(days=50))
    (case,) = withdrawal.confirm_candidates(session, officer, clock_of(session).today(), [deemed])
    (case,) = withdrawal.issue_notices(session, officer, [case.id])
    post(case, clock_of(session).today())
    _at(session, today - dt.timedelta(days=5))
    withdrawal.record_deemed_withdrawn(
        session, officer, case.id, None, "多次电话联系，会员明确表示不再缴费、不参加活动"
    )
    made += 1
    # past its deadline, posted: ready to be deemed withdrawn (or closed if it responds)
    _at(session, today - dt.timedelta(days=35))
    (case,) = withdrawal.confirm_candidates(session, officer, clock_of(session).today(), [past])
    (case,) = withdrawal.issue_notices(session, officer, [case.id])
    post(case, clock_of(session).today())
    made += 1
    # near its deadline (5 days left)
    _at(session, today - dt.timedelta(days=25))
    (case,) = withdrawal.confirm_candidates(session, officer, clock_of(session).today(), [near])
    (case,) = withdrawal.issue_notices(session, officer, [case.id])
    post(case, clock_of(session).today())
    made += 1
    # confirmed today, notices not yet issued
    _at(session, today)
    withdrawal.confirm_candidates(session, officer, today, [pending, spare])
    made += 2
    # disqualifications: a dishonest judgment debtor (a candidate), and one lifted
    debtor, cleared = rng.sample([m.id for m in active if m.id not in absent], 2)
    withdrawal.add_disqualification(
        session,
        officer,
        debtor,
        {
            "kind": "dishonest_judgment_debtor",
            "source": "中国执行信息公开网（zxgk.court.gov.cn）",
            "found_on": today - dt.timedelta(days=30),
            "evidence": f"（{today.year}）鄂0102执{rng.randint(1000, 9999)}号",
        },
        withdrawal.Scan("失信被执行人查询结果.pdf", demo_pdf("zxgk")),
    )
    record = withdrawal.add_disqualification(
        session,
        officer,
        cleared,
        {
            "kind": "dishonest_judgment_debtor",
            "source": "中国执行信息公开网（zxgk.court.gov.cn）",
            "found_on": today - dt.timedelta(days=200),
            "evidence": f"（{today.year}）鄂0103执{rng.randint(1000, 9999)}号",
        },
    )
    withdrawal.lift_disqualification(
        session, officer, record.id, today - dt.timedelta(days=90), "已履行判决义务，已从失信被执行人名单中删除"
    )
    # a withdrawal letter that takes effect at the end of the year
    letter = next(m.id for m in active if m.id not in absent and m.id not in (debtor, cleared))
    withdrawal.record_voluntary_withdrawal(
        session,
        officer,
        letter,
        {
            "letter_received_on": today - dt.timedelta(days=3),
            "effective_on": dt.date(today.year, 12, 31) if today < dt.date(today.year, 12, 31) else today,
            "reason": "企业业务转型，不再从事建筑施工，申请退出协会",
            "certificate_returned_on": today - dt.timedelta(days=3),
        },
        withdrawal.Scan("退会申请函.pdf", demo_pdf("letter")),
    )
    made += 1
    return {"cases": made}


__all__ = ["add_demo_withdrawal"]
