"""The roster (R-9.2): active members by level then join date; the public version without personal contacts."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.core.models import MemberStatus
from desktop_app.core.services import members
from desktop_app.core.services.roster import PRIVATE_KEYS, build_roster
from desktop_app.core.validation import uscc_check_character


def uscc(body: str) -> str:
    first17 = ("91420102" + body)[:17]
    return first17 + uscc_check_character(first17)


@pytest.fixture
def entered(db, officer):  # type: ignore[no-untyped-def]
    rows = [
        ("武汉甲建设有限公司", "member", dt.date(2010, 1, 1), MemberStatus.ACTIVE),
        ("武汉乙建设有限公司", "council", dt.date(2015, 1, 1), MemberStatus.ACTIVE),
        ("武汉丙建设有限公司", "president", dt.date(2018, 1, 1), MemberStatus.ACTIVE),
        ("武汉丁建设有限公司", "member", dt.date(2005, 6, 1), MemberStatus.ACTIVE),
        ("武汉戊建设有限公司", "member", None, MemberStatus.ACTIVE),
        ("武汉己建设有限公司", "council", dt.date(2001, 1, 1), MemberStatus.WITHDRAWN),
    ]
    with db.session() as session:
        for index, (name, level, joined, status) in enumerate(rows):
            members.create_member(
                session,
                officer,
                {
                    "name": name,
                    "uscc": uscc(f"MA4K1000{index}"),
                    "category": "construction_enterprise",
                    "level": level,
                    "join_date": joined,
                    "status": status,
                    "left_date": dt.date(2020, 1, 1) if status != MemberStatus.ACTIVE else None,
                    "liaison_name": "张丽",
                    "liaison_mobile": "13871234567",
                    "liaison_landline": "027-85771234",
                    "liaison_wechat": "zhangli",
                    "liaison_email": "zl@example.com",
                    "principal_name": "李志强",
                },
            )


def test_active_members_by_level_then_join_date(db, officer, entered) -> None:
    with db.session() as session:
        roster = build_roster(session, officer, public=False)
    keys = [c.key for c in roster.columns]
    names = [row[keys.index("name")] for row in roster.rows]
    assert names == [
        "武汉丙建设有限公司",
        "武汉乙建设有限公司",
        "武汉丁建设有限公司",
        "武汉甲建设有限公司",
        "武汉戊建设有限公司",
    ]
    assert [row[0] for row in roster.rows] == [1, 2, 3, 4, 5]  # running numbers
    assert roster.rows[0][keys.index("level")] == "会长单位"
    assert roster.rows[0][keys.index("category")] == "建筑业企业"
    assert roster.level_counts == [("会长单位", 1), ("理事单位", 1), ("会员单位", 3)]
    assert roster.title == "武汉建筑业协会会员名册" and roster.made_on == dt.date(2026, 11, 26)


def test_public_version_leaves_out_personal_contacts(db, mentor, entered) -> None:
    with db.session() as session:
        public = build_roster(session, mentor, public=True)
        full = build_roster(session, mentor, public=False)
    keys = {c.key for c in public.columns}
    assert not keys & {"liaison_mobile", "liaison_wechat", "liaison_email"}
    assert not keys & PRIVATE_KEYS
    assert {"name", "uscc", "liaison_landline", "address", "join_date"} <= keys
    flat = {str(v) for row in public.rows for v in row}
    assert "13871234567" not in flat and "zhangli" not in flat and "zl@example.com" not in flat
    assert "13871234567" in {str(v) for row in full.rows for v in row}
    assert public.version_label == "公开版"
