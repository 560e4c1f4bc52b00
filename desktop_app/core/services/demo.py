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

from desktop_app.core import audit
from desktop_app.core.db import bulk_insert, clock_of
from desktop_app.core.errors import OfficeError, ValidationError
from desktop_app.core.models import (
    Category,
    Member,
    MemberStatus,
    MentorAssignment,
    NumberSequence,
    Role,
    Staff,
    build_search_text,
)
from desktop_app.core.security import SYSTEM_ACTOR, hash_password
from desktop_app.core.settings import CERTIFICATE_NUMBER_FORMAT, DEMO_DATABASE, MEMBER_NUMBER_FORMAT, get_setting, levels
from desktop_app.core.validation import USCC_CHARSET, uscc_check_character
from desktop_app.core.wuhan import DISTRICTS

DEMO_PASSWORD = "demo123"

PREFIXES = ["武汉", "武汉市", "湖北", "湖北省", "武汉", "武汉"]
BRAND_CHARS = "宏华中建鑫泰盛达城安信远兴恒通博金瑞丰江汉楚天长荣祥和顺东方明新联合创伟嘉隆昌腾飞永正诚德润海晨光亿宇越辉"
ENTERPRISES = [
    ("建设工程", "房屋建筑工程施工", "建筑工程施工总承包{g}级"),
    ("建筑工程", "房屋建筑工程施工", "建筑工程施工总承包{g}级"),
    ("建工", "建筑工程、市政工程施工", "建筑工程施工总承包{g}级；市政公用工程施工总承包{g2}级"),
    ("市政工程", "市政道路、管网工程", "市政公用工程施工总承包{g}级"),
    ("路桥工程", "公路桥梁工程施工", "公路工程施工总承包{g}级"),
    ("建筑装饰工程", "建筑装修装饰", "建筑装修装饰工程专业承包{g}级"),
    ("钢结构工程", "钢结构制作安装", "钢结构工程专业承包{g}级"),
    ("建筑劳务", "建筑劳务分包", "施工劳务资质"),
    ("机电安装工程", "机电设备安装", "机电工程施工总承包{g}级"),
    ("水利水电工程", "水利水电工程施工", "水利水电工程施工总承包{g}级"),
    ("幕墙工程", "建筑幕墙设计施工", "建筑幕墙工程专业承包{g}级"),
    ("消防工程", "消防设施工程", "消防设施工程专业承包{g}级"),
    ("地基基础工程", "地基与基础工程", "地基基础工程专业承包{g}级"),
    ("防水工程", "建筑防水工程", "防水防腐保温工程专业承包{g}级"),
]
CHAIN = [
    ("建材", "建筑材料销售", None),
    ("商品混凝土", "预拌商品混凝土生产", "预拌混凝土专业承包不分等级"),
    ("工程监理", "建设工程监理", "房屋建筑工程监理{g}级"),
    ("工程造价咨询", "工程造价咨询", None),
    ("建筑设计", "建筑工程设计", "建筑行业（建筑工程）设计{g}级"),
    ("工程检测", "建设工程质量检测", "建设工程质量检测"),
    ("机械设备租赁", "建筑机械租赁", None),
    ("园林绿化工程", "园林绿化", None),
    ("建筑科技", "绿色建筑技术服务", None),
]
INSTITUTIONS = [
    "建设工程质量监督站", "建筑工程造价管理站", "建设工程安全监督站", "城市建设档案馆",
    "建筑节能办公室", "建设科技推广中心", "城乡建设职业技术学校", "建筑设计研究院",
]  # fmt: skip
SOCIETIES = ["建筑业商会", "装饰行业协会", "建设监理协会", "混凝土协会", "工程造价协会", "建筑安全协会", "勘察设计协会"]
SUFFIXES = ["有限公司", "有限公司", "有限公司", "集团有限公司", "股份有限公司", "有限责任公司"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏吕丁沈姚卢姜熊"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红文斌海波辉鹏飞玲婷雪琳俊峰浩宇晨欣怡"
POSITIONS_LEGAL = ["董事长", "总经理", "董事长兼总经理", "执行董事", "院长", "会长", "站长"]
POSITIONS_PRINCIPAL = ["总经理", "副总经理", "常务副总经理", "党委书记", "副院长", "秘书长"]
POSITIONS_LIAISON = ["办公室主任", "综合部经理", "行政专员", "办公室副主任", "企管部经理", "经营部经理"]
MENTOR_NAMES = ["陈晓燕", "刘建华", "王丽娟", "张志强", "李文静", "杨帆", "赵敏", "黄俊", "周莉", "吴涛", "徐静", "孙浩"]
LEVEL_WEIGHTS = {"president": 0, "vice_president": 2, "standing_council": 5, "council": 13, "member": 80}
ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


class Dice(random.Random):
    """``random.Random`` with cheap picks: ``choice``/``randint`` cost ~1 µs each in pure Python,
    and a demo member needs forty of them; ``random()`` is a C call."""

    def pick(self, seq):  # type: ignore[no-untyped-def]
        return seq[int(self.random() * len(seq))]

    def below(self, n: int) -> int:
        return int(self.random() * n)

    choice = pick  # type: ignore[assignment]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, a: int, b: int | None = None) -> int:  # type: ignore[override]
        return int(self.random() * a) if b is None else a + int(self.random() * (b - a))


def organisation_code(rng: random.Random) -> str:
    """A nine-character organisation code with its GB 11714 check character."""
    if rng.random() < 0.6:  # codes issued since 2015 mostly begin "MA"
        body = "MA" + "".join([rng.choice(USCC_CHARSET) for _ in range(6)])
    else:
        body = f"{rng.randrange(100_000_000):08d}"
    values = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    check = 11 - sum(v * w for v, w in zip(values, ORG_CODE_WEIGHTS, strict=True)) % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def make_uscc(rng: random.Random, type_code: str, division: str) -> str:
    first17 = type_code + division + organisation_code(rng)
    return first17 + uscc_check_character(first17)


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN)
    return rng.choice(SURNAMES) + (given + rng.choice(GIVEN) if rng.random() < 0.67 else given)


MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "166 173 176 177 180 181 182 183 185 186 187 188 189 198 199"
).split()


def mobile(rng: random.Random) -> str:
    return f"{rng.choice(MOBILE_PREFIXES)}{rng.randrange(100_000_000):08d}"


def landline(rng: random.Random) -> str:
    return f"027-{rng.randrange(50_000_000, 90_000_000)}"


def _grade(rng: random.Random, text: str | None) -> str | None:
    if text is None:
        return None
    return text.format(g=rng.choice("特一一二二二三"), g2=rng.choice("一二三"))


def _organisation(rng: random.Random, district: str) -> tuple[str, Category, str, str | None, str]:
    """(name, category, main business, qualification, USCC type code)."""
    roll = rng.random()
    prefix = rng.choice(PREFIXES)
    if prefix.endswith("市") and rng.random() < 0.5:
        prefix += district
    brand = rng.choice(BRAND_CHARS) + rng.choice(BRAND_CHARS)
    if roll < 0.72:
        kind, business, qual = rng.choice(ENTERPRISES)
        return f"{prefix}{brand}{kind}{rng.choice(SUFFIXES)}", Category.CONSTRUCTION_ENTERPRISE, business, _grade(rng, qual), "91"
    if roll < 0.93:
        kind, business, qual = rng.choice(CHAIN)
        return f"{prefix}{brand}{kind}{rng.choice(SUFFIXES)}", Category.INDUSTRY_CHAIN_ENTERPRISE, business, _grade(rng, qual), "91"
    if roll < 0.97:
        name = rng.choice(INSTITUTIONS)
        return f"武汉市{district}{brand}{name}", Category.PUBLIC_INSTITUTION, "建设行业公共服务", None, "12"
    name = rng.choice(SOCIETIES)
    return f"武汉市{district}{brand}{name}", Category.SOCIAL_ORGANISATION, "行业自律与服务", None, "51"


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
        dict(username=u, full_name=n, role=r, password_hash=password_hash, mobile=mobile(rng),
             landline=landline(rng), is_active=True, created_at=now)
        for u, n, r in rows
    ]  # fmt: skip


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
        raise ValidationError({"members": f"数据库中已有 {existing} 个会员。演示数据只能生成到空数据库，以免混入真实数据。"})
    mark_as_demo(session)
    clock = clock_of(session)
    now = clock.now()
    today = clock.today()
    rng = Dice(seed)

    if not session.scalar(select(func.count(Staff.id)).where(Staff.username == "admin")):
        session.execute(insert(Staff.__table__), _staff_rows(now))
    mentor_ids = list(session.scalars(select(Staff.id).where(Staff.role == Role.MENTOR, Staff.is_active.is_(True))))
    officer_id = session.scalar(select(Staff.id).where(Staff.role == Role.MEMBERSHIP_OFFICER).limit(1))

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
            mentor_id = rng.choice(mentor_ids) if mentor_ids and status == MemberStatus.ACTIVE else None
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
            assignment = None
            if mentor_id is not None:
                assignment = {"member_id": row["id"], "mentor_id": mentor_id,
                              "start_date": max(join_date, today - dt.timedelta(days=rng.randint(30, 2000))),
                              "assigned_by_id": officer_id, "note": "演示数据"}  # fmt: skip
            yield row, assignment

    # Secondary indexes are built once at the end: faster than keeping them up to date row by
    # row (the table is empty, checked above). Unique constraints stay, so duplicates still fail.
    connection = session.connection()
    secondary = [index for index in Member.__table__.indexes if not index.unique]
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
    from desktop_app.core.services.admission_demo import add_demo_applications  # issue 5: the admission queue

    add_demo_applications(session, seed=seed)
    audit.record(session, SYSTEM_ACTOR, "demo", "database", None, f"生成演示数据：{members} 个会员")
    return members


def _flush(session: Session, members: list[dict], assignments: list[dict]) -> None:
    connection = session.connection()
    bulk_insert(connection, Member.__table__, members)
    bulk_insert(connection, MentorAssignment.__table__, assignments)
