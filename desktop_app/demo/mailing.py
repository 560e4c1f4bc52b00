"""Demo mailing data (issue 14): believable mailing addresses (building, unit, room), mailing
preferences set by mentors, and two batches — one sent, tracked, one returned and proven; one
being prepared — so a newcomer sees every state. Not production code.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections.abc import Iterator

from desktop_app.core.wuhan import DISTRICTS
from desktop_app.demo.names import Dice, _organisation, landline, mobile, person_name

BUILDINGS = (
    "光谷国际广场",
    "华中区域总部大厦",
    "武汉天地企业中心",
    "泛海国际SOHO城",
    "绿地中心",
    "新世界中心",
    "汉街总部国际",
    "武汉建设大厦",
    "中建三局大厦",
    "长江传媒大厦",
    "万达广场写字楼",
    "宏泰科技园",
)
LANDMARKS = ("地铁站C出口向北200米", "东门", "对面", "北侧", "西门传达室")


def street_address(rng: random.Random, district: str, streets: tuple[str, ...]) -> str:
    """An address as offices write them: the district, a street and number, often a building with
    its block, unit, floor and room (栋, 单元, 层, 室, A座), now and then a landmark in brackets."""
    base = f"武汉市{district}{rng.choice(streets)}{rng.randint(1, 999)}号"
    roll = rng.random()
    if roll < 0.3:
        return base
    if roll < 0.55:
        return f"{base}{rng.choice(BUILDINGS)}{rng.choice('ABCD')}座{rng.randint(5, 45)}层{rng.randint(1, 28):02d}室"
    if roll < 0.8:
        building = rng.randint(1, 12)
        unit = rng.randint(1, 4)
        room = rng.randint(2, 33) * 100 + rng.randint(1, 6)
        return f"{base}{rng.choice(BUILDINGS)}{building}栋{unit}单元{room}室"
    if roll < 0.9:
        prefix = rng.choice(("湖北省", "湖北省武汉市", ""))
        text = f"{prefix}{base.removeprefix('武汉市') if prefix.endswith('市') else base}"
        return f"{text}{rng.choice(BUILDINGS)}{rng.randint(5, 45)}楼"
    return f"{base}（{rng.choice(BUILDINGS)}{rng.choice(LANDMARKS)}）"


def names_and_addresses(count: int, seed: int = 14) -> Iterator[tuple[str, str, str, str]]:
    """(organisation name, address, postcode, person) as the demo members have them, ``count``
    times: the generator the typesetting tests measure line breaks on."""
    rng = Dice(seed)
    for _ in range(count):
        district = rng.choice(DISTRICTS)
        name, *_rest = _organisation(rng, district.name)
        yield name, street_address(rng, district.name, district.streets), district.postcode, person_name(rng)


def demo_photo(seed: int, caption: str = "") -> bytes:
    """A small JPEG standing in for the mentor's photo of an envelope's contents (R-8.4)."""
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    image = Image.new("RGB", (320, 240), (235, 232, 225))
    draw = ImageDraw.Draw(image)
    draw.rectangle((30, 40, 290, 200), outline=(120, 90, 60), width=4, fill=(250, 248, 240))
    for row in range(5):
        y = 70 + row * 24
        draw.line((50, y, 50 + rng.randint(120, 220), y), fill=(60, 60, 60), width=3)
    draw.ellipse((220, 140, 270, 190), outline=(200, 30, 30), width=4)
    if caption:
        draw.text((40, 210), caption.encode("ascii", "ignore").decode() or "proof", fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


def add_demo_mailing(session, *, seed: int = 14) -> None:  # type: ignore[no-untyped-def]
    """Mailing preferences for some members (the principal, another address, two copies) and two
    batches for the first mentor's members: the autumn journal with the year's honour certificates
    and any receipts waiting — sent, tracked, half delivered, one returned, photos and notifications
    recorded for most; and the winter journal being prepared (the member whose mail came back is
    listed as a problem there). Called by ``demo.members.generate_demo``."""
    from sqlalchemy import select

    from desktop_app.core.db import clock_of
    from desktop_app.core.models import Member, MemberStatus, Role, Staff
    from desktop_app.core.security import Actor
    from desktop_app.core.services import admission, mailing
    from desktop_app.core.services.mailing import ContentSpec

    rng = Dice(seed)
    officer_row = session.scalar(select(Staff).where(Staff.role == Role.MEMBERSHIP_OFFICER).order_by(Staff.id))
    mentor_row = session.scalar(select(Staff).where(Staff.role == Role.MENTOR).order_by(Staff.id))
    if officer_row is None or mentor_row is None:
        return
    officer, mentor = Actor.of(officer_row), Actor.of(mentor_row)
    members = list(
        session.scalars(
            select(Member)
            .where(Member.status == MemberStatus.ACTIVE, Member.mentor_id == mentor_row.id)
            .order_by(Member.member_number)
            .limit(40)
        )
    )
    if len(members) < 10:
        return
    today = clock_of(session).today()
    # The contact each mentor set.
    for index, member in enumerate(members[:9]):
        district = next((d for d in DISTRICTS if d.name == member.district), DISTRICTS[0])
        if index % 3 == 0 and member.principal_name and (member.principal_mobile or member.principal_landline):
            mailing.set_preference(session, mentor, member.id, contact="principal")
        elif index % 3 == 1:
            mailing.set_preference(
                session,
                mentor,
                member.id,
                contact="other",
                name=person_name(rng),
                position="项目部办公室主任",
                phone=mobile(rng) if rng.random() < 0.7 else landline(rng),
                address=street_address(rng, district.name, district.streets),
                postcode=district.postcode,
                note="会员要求会刊寄到项目部",
            )
        else:
            mailing.set_preference(session, mentor, member.id, copies=2, note="会刊每期寄两份")

    awarded = tuple(m.id for m in members[:24:3])
    autumn = mailing.create_batch(
        session,
        officer,
        title=f"{today.year}年第3期会刊及荣誉证书",
        mailed_on=today - dt.timedelta(days=40),
        contents=[
            ContentSpec("journal", f"《武汉建筑业》{today.year}年第3期"),
            ContentSpec("document", f"关于开展{today.year}年度会员单位信用评价的通知"),
            ContentSpec(
                "certificate",
                f"{today.year - 1}年度优秀会员单位荣誉证书",
                per_recipient=True,
                member_ids=awarded,
                details={member_id: f"RY{today.year - 1}-{number:03d}" for number, member_id in enumerate(awarded, 1)},
            ),
            ContentSpec("receipt"),
            ContentSpec("invoice"),
        ],
        member_ids=[m.id for m in members[:24]],
    )
    recipients = [r for r in mailing.batch_recipients(session, autumn.id) if not r.problem]
    sent_on = today - dt.timedelta(days=38)
    mailing.mark_sent(
        session,
        officer,
        [r.id for r in recipients],
        on=sent_on,
        tracking={r.id: f"SF{1403000000000 + index * 7919}" for index, r in enumerate(recipients[:-2])},
    )
    mailing.mark_delivered(
        session, officer, [r.id for r in recipients[: len(recipients) // 2]], on=sent_on + dt.timedelta(days=2)
    )
    returned = recipients[-3]
    mailing.mark_returned(
        session, officer, returned.id, on=sent_on + dt.timedelta(days=6), reason="查无此单位，原址已搬迁"
    )
    told = dt.datetime.combine(sent_on, dt.time(10, 30), tzinfo=clock_of(session).now().tzinfo)
    for index, recipient in enumerate(recipients):
        if not mailing.needs_proof(session, recipient.id):
            continue
        if index % 4 != 1:
            mailing.add_proof_photo(
                session,
                mentor,
                recipient.id,
                f"邮寄照片-{recipient.member_number}.jpg",
                demo_photo(seed + index, "proof"),
                admission.attachment_problem,
            )
        if index % 5 != 2:
            mailing.record_notification(session, mentor, recipient.id, at=told, note="已在班级微信群告知联络员留意查收")

    # The next issue, being prepared: the member whose mail came back is listed as a problem until
    # its mentor checks the address (the register itself stays as the demo made it).
    mailing.create_batch(
        session,
        officer,
        title=f"{today.year}年第4期会刊",
        mailed_on=today + dt.timedelta(days=7),
        contents=[ContentSpec("journal", f"《武汉建筑业》{today.year}年第4期"), ContentSpec("receipt")],
        member_ids=[m.id for m in members],
    )
