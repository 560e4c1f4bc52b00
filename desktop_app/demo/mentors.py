"""Demo mentors' work (issue 12): a realistic spread of loads, some members waiting for a mentor,
WeChat groups, contact logs with overdue follow-ups, circulation, member news, handover forms
waiting for the office (one of them stale), and outstanding-liaison nominations.

``mentor_picker`` decides each demo member's mentor while ``generate_demo`` builds the register
(one random number per member, as before): mentors specialise in a few business kinds or
categories and serve different numbers of members; members who joined in the last three months
often wait for the office to allocate them. ``add_demo_mentor_work`` then adds the work, in bulk
for the logs and through the real services for forms and nominations (the same checks, the same
history). For a large register only a sample of each mentor's members gets logs, so
``demo --members 100000`` stays quick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.core.db import bulk_insert, clock_of, table_of
from desktop_app.core.models import (
    Category,
    Circulation,
    CirculationChannel,
    CirculationKind,
    CirculationRecipient,
    ContactChannel,
    ContactEntry,
    Member,
    MemberBusinessKind,
    MemberNews,
    MemberStatus,
    PublicityOutcome,
    Role,
    Staff,
    WeChatMembership,
    WeChatPerson,
    WeChatStatus,
)
from desktop_app.core.security import Actor, hash_password
from desktop_app.core.services import members as member_service
from desktop_app.core.services import mentors
from desktop_app.core.settings import BUSINESS_KINDS
from desktop_app.demo.names import Dice, mobile
from desktop_app.errors import OfficeError

# What each demo mentor serves (business kinds and categories), in the order of their accounts;
# and how much each takes on (a newcomer serves fewer; the longest-serving the most).
SPECIALTIES: list[set[str]] = [
    {"房屋建筑施工", Category.PUBLIC_INSTITUTION.value},
    {"房屋建筑施工", "市政交通水利"},
    {"市政交通水利", "专业承包安装"},
    {"专业承包安装", "装饰幕墙"},
    {"装饰幕墙", "建筑劳务"},
    {"勘察设计咨询"},
    {"建材设备", mentors.OTHER_KIND},
    {"房屋建筑施工", Category.SOCIAL_ORGANISATION.value},
    {"勘察设计咨询", Category.PUBLIC_INSTITUTION.value},
    {"建筑劳务", "专业承包安装"},
    {mentors.OTHER_KIND, "建材设备", Category.SOCIAL_ORGANISATION.value},
    {"房屋建筑施工"},
]
CAPACITY = [1.5, 1.6, 1.3, 1.2, 1.1, 1.0, 1.0, 0.9, 0.8, 0.7, 0.6, 0.4]
NEW_MEMBER_DAYS = 90  # joined this recently: often still waiting for a mentor
WAITING_NEW = 0.6
WAITING_ANY = 0.012
SAMPLE_PER_MENTOR = 150  # members per mentor that get WeChat status and contact logs

FORMER_MENTOR = ("mentor13", "何建军")  # left the secretariat: inactive, no members (moved first)


def mentor_picker(
    mentor_ids: Sequence[int], today: dt.date
) -> Callable[[float, Category | str, str | None, dt.date], int | None]:
    """``pick(u, category, main_business, join_date)`` → a mentor id, or None (waiting), from one
    uniform number ``u`` so that the register's other random draws stay as they were."""
    kinds = [mentors.BusinessKind(k["name"], tuple(k.get("keywords", ()))) for k in BUSINESS_KINDS.default]
    ids = list(mentor_ids)
    capacity = [CAPACITY[i % len(CAPACITY)] for i in range(len(ids))]
    specialties = [SPECIALTIES[i % len(SPECIALTIES)] for i in range(len(ids))]
    cache: dict[tuple[str, str], tuple[list[int], list[float]]] = {}
    recent = today - dt.timedelta(days=NEW_MEMBER_DAYS)
    kind_of: dict[str, str] = {}  # a few dozen distinct main businesses among 100,000 members

    def candidates(category: str, kind: str) -> tuple[list[int], list[float]]:
        key = (category, kind)
        if key not in cache:
            chosen = [i for i, s in enumerate(specialties) if category in s] or [
                i for i, s in enumerate(specialties) if kind in s
            ]
            chosen = chosen or list(range(len(ids)))
            total = sum(capacity[i] for i in chosen)
            bounds, running = [], 0.0
            for i in chosen:
                running += capacity[i] / total
                bounds.append(running)
            cache[key] = ([ids[i] for i in chosen], bounds)
        return cache[key]

    def pick(u: float, category: Category | str, business: str | None, join_date: dt.date) -> int | None:
        waiting = WAITING_NEW if join_date >= recent else WAITING_ANY
        if u < waiting:
            return None
        u = (u - waiting) / (1 - waiting)
        category_value = category.value if isinstance(category, Category) else category
        kind = kind_of.get(business or "")
        if kind is None:
            kind = kind_of[business or ""] = mentors.classify(business, kinds)
        options, bounds = candidates(category_value, kind)
        for mentor_id, bound in zip(options, bounds, strict=True):
            if u < bound:
                return mentor_id
        return options[-1]

    return pick


LEARNT = [
    "企业今年新承接光谷片区两个房建项目，产值同比增长约两成。",
    "企业正在申报建筑工程施工总承包一级资质，材料已基本备齐。",
    "新任总经理到岗，联络员不变，对协会工作表示支持。",
    "企业反映近期工程款回收较慢，现金流偏紧。",
    "企业参加了协会组织的安全生产标准化培训，反馈良好。",
    "企业计划下半年开拓省外市场，希望了解外省备案政策。",
    "联络员告知单位办公地址将于年底迁至新办公楼。",
    "企业获评市级文明工地两项，希望协会帮助宣传。",
]
NEEDS = [
    "希望协会组织资质升级政策解读会。",
    "希望协会协调工程款拖欠问题。",
    "需要BIM技术应用方面的培训。",
    "希望推荐参加优质工程评选。",
    "希望获得绿色建材供应商名录。",
]
FOLLOW_UPS = [
    "向秘书处反映需求并回复企业",
    "发送资质申报政策文件",
    "落实下次培训名额",
    "邀请参加季度会员交流会",
    "核实新办公地址并准备交接单",
]
CIRCULARS = [
    (CirculationKind.DOCUMENT, "关于开展2026年度会员单位信用评价工作的通知", "武建协〔2026〕18号"),
    (CirculationKind.DOCUMENT, "关于举办建筑施工安全生产标准化培训班的通知", "武建协〔2026〕25号"),
    (CirculationKind.NEWS, "协会第六届会员代表大会第三次会议胜利召开", None),
    (CirculationKind.DOCUMENT, "转发市城乡建设局关于加强冬季施工安全管理的通知", "武建协〔2026〕31号"),
]
REASONS = [
    "积极响应协会各项活动，报送企业宣传材料及时，信息沟通顺畅。",
    "协助协会完成会员信用评价资料收集，传达协会文件到位。",
    "及时报送单位信息变更，组织本单位人员参加协会培训三次。",
    "向协会网站和会刊报送宣传稿件五篇，其中三篇刊发。",
]
NEWS_TITLES = [
    "承建项目荣获2026年度湖北省楚天杯奖",
    "企业党支部开展“红色工地”主题党日活动",
    "企业积极参与武汉市防汛抢险工作",
    "企业BIM团队获全国建设工程BIM大赛二等奖",
    "企业举办年度安全生产月启动仪式",
]


class Sampled(NamedTuple):
    """A member as the demo's mentors' work needs it."""

    id: int
    mentor_id: int
    name: str
    join_date: dt.date | None
    principal_name: str | None
    liaison_name: str | None
    main_business: str | None
    district: str | None


def add_demo_mentor_work(session: Session, *, seed: int = 20201027) -> dict[str, int]:
    """The mentors' work on a freshly generated demo register; returns what was added."""
    clock = clock_of(session)
    today, now = clock.today(), clock.now()
    rng = Dice(seed + 12)
    staff = {s.username: s for s in session.scalars(select(Staff))}
    mentor_accounts = sorted(
        (s for s in staff.values() if s.role == Role.MENTOR and s.is_active), key=lambda s: s.username
    )
    officer = staff.get("officer")
    if not mentor_accounts or officer is None:
        return {}
    counts: dict[str, int] = {}

    # A mentor who left the secretariat: inactive, its members moved to the others before.
    username, full_name = FORMER_MENTOR
    if username not in staff:
        session.add(
            Staff(
                username=username,
                full_name=full_name,
                role=Role.MENTOR,
                password_hash=hash_password("demo123"),
                mobile=mobile(rng),
                is_active=False,
                created_at=now,
            )
        )

    # Plain rows, a sample per mentor: 100,000 ORM objects would cost the demo seconds.
    by_mentor: dict[int, list[Sampled]] = {}
    for found in session.execute(
        select(
            Member.id,
            Member.mentor_id,
            Member.name,
            Member.join_date,
            Member.principal_name,
            Member.liaison_name,
            Member.main_business,
            Member.district,
        )
        .where(Member.status == MemberStatus.ACTIVE, Member.mentor_id.is_not(None))
        .order_by(Member.id)
    ):
        sampled = Sampled(*found)  # type: ignore[arg-type]
        members_of_mentor = by_mentor.setdefault(sampled.mentor_id, [])
        if len(members_of_mentor) < SAMPLE_PER_MENTOR:
            members_of_mentor.append(sampled)
    sample = [m for ms in by_mentor.values() for m in ms[:SAMPLE_PER_MENTOR]]

    # A few members the office filed under a business kind by hand (their text matches no keyword).
    by_hand = {"园林绿化": "专业承包安装", "绿色建筑技术服务": "勘察设计咨询", "建设行业公共服务": "勘察设计咨询"}
    hand = [
        {"member_id": m.id, "kind": by_hand[m.main_business], "set_by_id": officer.id, "set_at": now}
        for m in sample
        if m.main_business in by_hand
    ][::3][:12]
    bulk_insert(session.connection(), table_of(MemberBusinessKind), hand)
    counts["business_kinds"] = len(hand)

    # WeChat groups.
    wechat = []
    for member in sample:
        for person, name in (
            (WeChatPerson.PRINCIPAL, member.principal_name),
            (WeChatPerson.LIAISON, member.liaison_name),
        ):
            roll = rng.random()
            if not name or roll < 0.1:
                continue
            invited = today - dt.timedelta(days=rng.randint(20, 700))
            status, joined, left = WeChatStatus.INVITED, None, None
            if roll >= 0.25:
                status, joined = WeChatStatus.JOINED, min(today, invited + dt.timedelta(days=rng.randint(0, 10)))
                if roll >= 0.95:
                    status, left = WeChatStatus.LEFT, min(today, joined + dt.timedelta(days=rng.randint(30, 300)))
            wechat.append(
                {
                    "mentor_id": member.mentor_id,
                    "member_id": member.id,
                    "person": person,
                    "person_name": name,
                    "status": status,
                    "invited_on": invited,
                    "joined_on": joined,
                    "left_on": left,
                    "note": None,
                    "updated_at": now,
                    "updated_by_id": member.mentor_id,
                }
            )
    bulk_insert(session.connection(), table_of(WeChatMembership), wechat)
    counts["wechat"] = len(wechat)

    # The contact log: most members contacted in the last months, some not for long,
    # follow-ups done, open and overdue.
    channels = list(ContactChannel)
    contacts = []
    for member in sample:
        silent = rng.random() < 0.15
        for _ in range(rng.randint(0 if silent else 1, 4)):
            back = rng.randint(120, 500) if silent else rng.randint(1, 200)
            day = today - dt.timedelta(days=back)
            if member.join_date and day < member.join_date:
                continue
            follow = rng.random() < 0.3
            due = day + dt.timedelta(days=rng.randint(7, 30)) if follow else None
            done = due is not None and (due < today - dt.timedelta(days=45) or rng.random() < 0.35)
            contacts.append(
                {
                    "member_id": member.id,
                    "staff_id": member.mentor_id,
                    "contact_date": day,
                    "channel": rng.choice(channels),
                    "contact_person": member.liaison_name,
                    "learnt": rng.choice(LEARNT),
                    "needs": rng.choice(NEEDS) if rng.random() < 0.3 else None,
                    "follow_up": rng.choice(FOLLOW_UPS) if follow else None,
                    "follow_up_due": due,
                    "follow_up_done_on": min(today, due + dt.timedelta(days=rng.randint(-5, 3)))
                    if done and due
                    else None,
                    "follow_up_result": "已办结，已回复企业" if done else None,
                    "created_at": now,
                }
            )
    # The first mentor (the demo's mentor01) has follow-ups past their date, for a newcomer to see.
    first = by_mentor.get(mentor_accounts[0].id, [])[:3]
    for number, member in enumerate(first):
        contacts.append(
            {
                "member_id": member.id,
                "staff_id": mentor_accounts[0].id,
                "contact_date": today - dt.timedelta(days=25 + number),
                "channel": ContactChannel.PHONE,
                "contact_person": member.liaison_name,
                "learnt": LEARNT[(number + 3) % len(LEARNT)],
                "needs": NEEDS[number % len(NEEDS)],
                "follow_up": FOLLOW_UPS[number % len(FOLLOW_UPS)],
                "follow_up_due": today - dt.timedelta(days=4 + 3 * number),
                "follow_up_done_on": None,
                "follow_up_result": None,
                "created_at": now,
            }
        )
    bulk_insert(session.connection(), table_of(ContactEntry), contacts)
    counts["contacts"] = len(contacts)

    # Circulation and member news.
    circulated = 0
    for index, mentor in enumerate(mentor_accounts[:4]):
        kind, title, reference = CIRCULARS[index % len(CIRCULARS)]
        recipients = by_mentor.get(mentor.id, [])[:SAMPLE_PER_MENTOR]
        if not recipients:
            continue
        entry = Circulation(
            kind=kind,
            title=title,
            reference=reference,
            sent_on=today - dt.timedelta(days=7 * (index + 1)),
            channel=CirculationChannel.WECHAT_GROUP,
            note=None,
            staff_id=mentor.id,
            created_at=now,
        )
        session.add(entry)
        session.flush()
        bulk_insert(
            session.connection(),
            table_of(CirculationRecipient),
            [{"circulation_id": entry.id, "member_id": m.id} for m in recipients],
        )
        circulated += 1
    news = []
    for index, member in enumerate(sample[3 :: max(1, len(sample) // 8)][:8]):
        outcome = [PublicityOutcome.PENDING, PublicityOutcome.PUBLISHED, PublicityOutcome.DECLINED][index % 3]
        submitted = today - dt.timedelta(days=10 + 9 * index)
        news.append(
            {
                "member_id": member.id,
                "title": f"{member.name[:12]}{NEWS_TITLES[index % len(NEWS_TITLES)]}",
                "summary": None,
                "submitted_on": submitted,
                "submitted_by_id": member.mentor_id,
                "outcome": outcome,
                "outcome_on": None if outcome == PublicityOutcome.PENDING else submitted + dt.timedelta(days=5),
                "outcome_note": {
                    PublicityOutcome.PENDING: None,
                    PublicityOutcome.PUBLISHED: "协会微信公众号、网站",
                    PublicityOutcome.DECLINED: "与本期会刊主题不符，转下期考虑",
                }[outcome],
                "decided_by_id": None if outcome == PublicityOutcome.PENDING else officer.id,
                "created_at": now,
            }
        )
    bulk_insert(session.connection(), table_of(MemberNews), news)
    counts["circulations"], counts["news"] = circulated, len(news)

    # Handover forms through the service: pending ones (two for the first mentor), one the office
    # already applied, one it rejected, and one gone stale (the register changed after filing).
    office = Actor.of(officer)
    forms = applied = 0
    plans: list[tuple[Staff, str]] = []
    for index, mentor in enumerate(mentor_accounts[:6]):
        plans += [(mentor, "pending")] * (2 if index == 0 else 1)
    plans += [
        (mentor_accounts[1 % len(mentor_accounts)], "applied"),
        (mentor_accounts[2 % len(mentor_accounts)], "rejected"),
    ]
    plans += [(mentor_accounts[0], "stale")]
    used: set[int] = set()
    for number, (mentor, fate) in enumerate(plans):
        candidates = [m for m in by_mentor.get(mentor.id, []) if m.id not in used and m.liaison_name]
        if not candidates:
            continue
        member = candidates[(number * 7) % len(candidates)]
        used.add(member.id)
        changes: dict[str, Any] = {"liaison_mobile": mobile(rng)}
        if number % 2:
            changes["liaison_name"] = ("刘芳", "王静", "张敏", "李娜", "陈杰")[number % 5]
        if number % 3 == 0:
            changes["address"] = f"武汉市{member.district or '江汉区'}新华路{rng.randint(1, 300)}号"
        try:
            form = mentors.file_handover_form(
                session,
                Actor.of(mentor),
                member.id,
                changes,
                reported_on=today - dt.timedelta(days=3 + number),
                form_date=today - dt.timedelta(days=1 + number // 3),
                note="单位人事调整，联络员手机更换" if "liaison_name" in changes else None,
            )
        except OfficeError:  # a random value that happens to be the member's own: skip it
            continue
        forms += 1
        if fate == "applied":
            mentors.apply_handover_form(session, office, form.id)
            applied += 1
        elif fate == "rejected":
            mentors.reject_handover_form(session, office, form.id, "联络员手机号码与企业核实不符，请重新核实后再报")
        elif fate == "stale":
            version = member_service.get_member(session, member.id).version
            member_service.update_member(session, office, member.id, version, {"liaison_mobile": mobile(rng)})
    counts["handover_forms"], counts["handover_applied"] = forms, applied

    # Outstanding-liaison nominations: this half year pending, the last one decided.
    half = mentors.current_period(today)
    previous = mentors.periods_around(today)[2]
    nominated = 0
    for index, mentor in enumerate(mentor_accounts[:8]):
        for offset, period in enumerate((half, previous)):
            pool = [m for m in by_mentor.get(mentor.id, [])[:SAMPLE_PER_MENTOR] if m.liaison_name]
            if not pool:
                continue
            member = pool[(index * 5 + offset * 11) % len(pool)]
            row = mentors.nominate(
                session, Actor.of(mentor), member.id, period, REASONS[(index + offset) % len(REASONS)]
            )
            nominated += 1
            if period == previous:
                if index % 3 == 2:
                    mentors.decide_nomination(session, office, row.id, False, "本期名额已满，下期优先考虑")
                else:
                    mentors.decide_nomination(session, office, row.id, True, "经秘书处研究同意")
    counts["nominations"] = nominated
    session.flush()
    return counts
