"""Believable demo data: Chinese organisation names, valid USCCs, Wuhan districts and postcodes.

Inserted in bulk (``session.execute(insert(Model), rows)``; STYLE.md: the ORM's ``add_all`` is
six times slower), so 100,000 members take seconds.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterator

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from desktop_app.core import audit, pinyin
from desktop_app.core.db import bulk_insert, clock_of, table_of
from desktop_app.core.models import (
    Member,
    MemberStatus,
    MentorAssignment,
    NumberSequence,
    Role,
    Staff,
    build_search_text,
    pinyin_keys,
)
from desktop_app.core.security import SYSTEM_ACTOR, hash_password
from desktop_app.core.settings import (
    CERTIFICATE_NUMBER_FORMAT,
    DEMO_DATABASE,
    MEMBER_NUMBER_FORMAT,
    get_setting,
    levels,
)
from desktop_app.core.wuhan import DISTRICTS
from desktop_app.demo.admission import add_demo_applications
from desktop_app.demo.mentors import add_demo_mentor_work, mentor_picker
from desktop_app.demo.names import (
    LEVEL_WEIGHTS,
    MENTOR_NAMES,
    POSITIONS_LEGAL,
    POSITIONS_LIAISON,
    POSITIONS_PRINCIPAL,
    Dice,
    _organisation,
    landline,
    make_uscc,
    mobile,
    person_name,
)
from desktop_app.errors import OfficeError, ValidationError

DEMO_PASSWORD = "demo123"


def _staff_rows(now: dt.datetime) -> list[dict]:
    password_hash = hash_password(DEMO_PASSWORD)
    rows = [
        ("admin", "系统管理员", Role.ADMINISTRATOR),
        ("officer", "郑会籍", Role.MEMBERSHIP_OFFICER),
        ("officer2", "高晓梅", Role.MEMBERSHIP_OFFICER),
        ("leader", "罗振华", Role.RESIDENT_LEADER),
    ] + [(f"mentor{i + 1:02d}", name, Role.MENTOR) for i, name in enumerate(MENTOR_NAMES)]
    rng = random.Random(7)
    return [
        dict(
            username=u,
            full_name=n,
            full_name_pinyin=pinyin.sort_key(n, person=True),  # issue 16
            role=r,
            password_hash=password_hash,
            mobile=mobile(rng),
            landline=landline(rng),
            is_active=True,
            created_at=now,
        )
        for u, n, r in rows
    ]


class NotADemoDatabase(OfficeError):
    """``demo`` pointed at a database with real data in it."""


def is_demo_database(session: Session) -> bool:
    return bool(get_setting(session, DEMO_DATABASE))


def database_contents(session: Session) -> dict[str, int]:
    """What a database already holds: accounts, members, applications (0 each when empty)."""
    from desktop_app.core.models import Application

    return {
        "账户": session.scalar(select(func.count(Staff.id))) or 0,
        "会员": session.scalar(select(func.count(Member.id))) or 0,
        "入会申请": session.scalar(select(func.count(Application.id))) or 0,
    }


def check_demo_target(session: Session) -> None:
    """Demo data go only into an empty database or one already marked as a demo database."""
    if is_demo_database(session):
        return
    held = {what: count for what, count in database_contents(session).items() if count}
    if held:
        listed = "、".join(f"{count} 个{what}" for what, count in held.items())
        raise NotADemoDatabase(
            f"该数据库不是演示数据库，且已有数据（{listed}）。演示数据（含公开密码的演示账户）"
            "只能写入空数据库或演示数据库，本次没有写入任何内容。"
        )


def mark_as_demo(session: Session) -> None:
    from desktop_app.core.models import SettingValue

    row = session.get(SettingValue, DEMO_DATABASE.key)
    now = clock_of(session).now()
    if row is None:
        session.add(SettingValue(key=DEMO_DATABASE.key, value=True, updated_at=now, updated_by_id=None))
    else:
        row.value, row.updated_at = True, now
    session.flush()


def generate_demo(
    session: Session,
    members: int,
    *,
    seed: int = 20201027,
    progress: Callable[[int, int], None] | None = None,
    chunk: int = 5000,
) -> int:
    """Fill an empty database with ``members`` believable members, staff and mentor history.

    Refused (``NotADemoDatabase``) on a database that holds anything and is not marked as a demo
    database; an empty one is marked first, so the demo accounts (published password) never
    appear in an office's real database (issue 9)."""
    if members < 0:
        raise ValidationError({"members": "会员数量不能为负数"})
    check_demo_target(session)
    existing = session.scalar(select(func.count(Member.id)))
    if existing:
        raise ValidationError(
            {"members": f"数据库中已有 {existing} 个会员。演示数据只能生成到空数据库，以免混入真实数据。"}
        )
    mark_as_demo(session)
    clock = clock_of(session)
    now = clock.now()
    today = clock.today()
    rng = Dice(seed)

    if not session.scalar(select(func.count(Staff.id)).where(Staff.username == "admin")):
        session.execute(insert(table_of(Staff)), _staff_rows(now))
    mentor_ids = list(session.scalars(select(Staff.id).where(Staff.role == Role.MENTOR, Staff.is_active.is_(True))))
    officer_id = session.scalar(select(Staff.id).where(Staff.role == Role.MEMBERSHIP_OFFICER).limit(1))
    pick_mentor = mentor_picker(sorted(mentor_ids), today)  # mentors (issue 12)

    level_codes = [lv["code"] for lv in levels(session)]
    weights = [LEVEL_WEIGHTS.get(code, 5) for code in level_codes]
    member_fmt = get_setting(session, MEMBER_NUMBER_FORMAT)
    certificate_fmt = get_setting(session, CERTIFICATE_NUMBER_FORMAT)

    # Join dates first, sorted, so member numbers run in joining order within each year.
    start = dt.date(2001, 1, 1)
    span = (today - start).days
    join_dates = sorted(start + dt.timedelta(days=int(span * rng.random() ** 0.7)) for _ in range(members))
    per_year: dict[int, int] = {}
    first_id = (session.scalar(select(func.max(Member.id))) or 0) + 1
    names: set[str] = set()
    codes: set[str] = set()
    president_given = False

    def rows() -> Iterator[tuple[dict, dict | None]]:
        nonlocal president_given
        for offset, join_date in enumerate(join_dates):
            district, division, postcode, streets = rng.choice(DISTRICTS)
            while True:
                name, category, business, qualification, type_code = _organisation(rng, district)
                if name not in names:
                    names.add(name)
                    break
            while True:
                code = make_uscc(rng, type_code, division)
                if code not in codes:
                    codes.add(code)
                    break
            seq = per_year[join_date.year] = per_year.get(join_date.year, 0) + 1
            level = rng.choices(level_codes, weights)[0]
            if not president_given and "president" in level_codes:
                level, president_given = "president", True
            status = MemberStatus.ACTIVE
            left_date = left_reason = None
            roll = rng.random()
            if roll < 0.05 and join_date < today - dt.timedelta(days=400):
                status, left_reason = MemberStatus.WITHDRAWN, "单位书面申请退会（第十一条）"
            elif roll < 0.08 and join_date < today - dt.timedelta(days=400):
                status, left_reason = MemberStatus.CANCELLED, "一年以上未缴纳会费，经告知仍未履行义务（第十二条）"
            if status != MemberStatus.ACTIVE:
                left_date = join_date + dt.timedelta(days=rng.randint(380, max(381, (today - join_date).days)))
                left_date = min(left_date, today)
            # mentors (issue 12): loads by specialty, new members waiting; one draw, as rng.choice made
            mentor_id = (
                pick_mentor(rng.random(), category, business, join_date)
                if mentor_ids and status == MemberStatus.ACTIVE
                else None
            )
            legal = person_name(rng)
            principal = legal if rng.random() < 0.3 else person_name(rng)
            row = {
                "id": first_id + offset,
                "member_number": member_fmt.format(year=join_date.year, seq=seq),
                "certificate_number": certificate_fmt.format(year=join_date.year, seq=seq),
                "name": name,
                "uscc": code,
                "category": category,
                "main_business": business,
                "qualification": qualification,
                "level": level,
                "status": status,
                "join_date": join_date,
                "district": district,
                "address": f"武汉市{district}{rng.choice(streets)}{rng.randint(1, 999)}号",
                "postcode": postcode,
                "legal_representative_name": legal,
                "legal_representative_position": rng.choice(POSITIONS_LEGAL),
                "legal_representative_mobile": mobile(rng),
                "principal_name": principal,
                "principal_position": rng.choice(POSITIONS_PRINCIPAL),
                "principal_mobile": mobile(rng),
                "principal_landline": landline(rng),
                "liaison_name": person_name(rng),
                "liaison_position": rng.choice(POSITIONS_LIAISON),
                "liaison_mobile": mobile(rng),
                "liaison_landline": landline(rng) if rng.random() < 0.7 else None,
                "liaison_wechat": f"wx_{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.6 else None,
                "liaison_email": f"{rng.randint(100_000, 999_999_999)}@qq.com" if rng.random() < 0.5 else None,
                "mentor_id": mentor_id,
                "left_date": left_date,
                "left_reason": left_reason,
                "created_at": now,
                "updated_at": now,
                "version": 1,
            }
            row["search_text"] = build_search_text(row)
            row.update(pinyin_keys(row))  # pinyin sort keys (issue 16)
            assignment = None
            if mentor_id is not None:
                assignment = {
                    "member_id": row["id"],
                    "mentor_id": mentor_id,
                    "start_date": max(join_date, today - dt.timedelta(days=rng.randint(30, 2000))),
                    "assigned_by_id": officer_id,
                    "note": "演示数据",
                }
            yield row, assignment

    # Secondary indexes are built once at the end: faster than keeping them up to date row by
    # row (the table is empty, checked above). Unique constraints stay, so duplicates still fail.
    connection = session.connection()
    secondary = [index for index in table_of(Member).indexes if not index.unique]
    for index in secondary:
        index.drop(connection)
    done = 0
    batch: list[dict] = []
    assignments: list[dict] = []
    for row, assignment in rows():
        batch.append(row)
        if assignment:
            assignments.append(assignment)
        if len(batch) >= chunk:
            _flush(session, batch, assignments)
            done += len(batch)
            batch, assignments = [], []
            if progress:
                progress(done, members)
    if batch:
        _flush(session, batch, assignments)
        done += len(batch)
    for index in secondary:
        index.create(connection)
    if progress:
        progress(done, members)

    for year, last in per_year.items():
        for name in ("member", "certificate"):
            session.merge(NumberSequence(name=name, period=str(year), last_value=last))
    if session.get_bind().dialect.name == "postgresql":  # explicit ids: move the serial on
        session.execute(text("SELECT setval(pg_get_serial_sequence('member', 'id'), (SELECT max(id) FROM member))"))
    add_demo_applications(session, seed=seed)
    add_demo_mentor_work(session, seed=seed)  # mentors (issue 12)
    from desktop_app.demo.dues import add_demo_dues  # dues (issue 13): before withdrawal and mailing use them

    add_demo_dues(session, seed=seed)
    from desktop_app.demo.withdrawal import add_demo_withdrawal  # withdrawal (issue 15)

    add_demo_withdrawal(session, seed=seed)
    from desktop_app.demo.mailing import add_demo_mailing  # mailing (issue 14)

    add_demo_mailing(session, seed=seed)
    audit.record(session, SYSTEM_ACTOR, "demo", "database", None, f"生成演示数据：{members} 个会员")
    return members


def _flush(session: Session, members: list[dict], assignments: list[dict]) -> None:
    connection = session.connection()
    bulk_insert(connection, table_of(Member), members)
    bulk_insert(connection, table_of(MentorAssignment), assignments)
