"""Demo data: believable, valid, and never poured into a database that already has members."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from desktop_app.core.models import Member, MemberStatus, MentorAssignment, Role, Staff
from desktop_app.core.security import SYSTEM_ACTOR
from desktop_app.core.services import accounts, members
from desktop_app.core.validation import check_category_matches, normalise_mobile, parse_uscc
from desktop_app.core.wuhan import DISTRICTS
from desktop_app.demo import DEMO_PASSWORD, generate_demo
from desktop_app.errors import ValidationError


@pytest.fixture
def demo_db(db):  # type: ignore[no-untyped-def]
    with db.session() as session:
        generate_demo(session, 400, seed=1)
    return db


def test_every_demo_member_passes_the_real_validation(demo_db) -> None:
    postcodes = {d.postcode for d in DISTRICTS}
    with demo_db.session() as session:
        rows = session.scalars(select(Member)).all()
        assert len(rows) == 400
        assert len({m.uscc for m in rows}) == 400
        assert len({m.name for m in rows}) == 400
        for member in rows:
            check_category_matches(member.category, parse_uscc(member.uscc))
            assert member.postcode in postcodes
            assert member.address.startswith("武汉市" + member.district)
            assert normalise_mobile(member.liaison_mobile) == member.liaison_mobile
            assert re.fullmatch(r"WJX\d{8}", member.member_number)
            assert member.search_text == member.search_text.lower()
            if member.status != MemberStatus.ACTIVE:
                assert member.left_date is not None and member.mentor_id is None
        # issue 12: a few active members wait for a mentor, for the allocation view
        active = [m for m in rows if m.status == MemberStatus.ACTIVE]
        waiting = [m for m in active if m.mentor_id is None]
        assert 0 < len(waiting) < len(active) // 10
        # the office's validation accepts a demo member unchanged
        sample = rows[17]
        members.validate_member(session, members.member_values(sample), member_id=sample.id)


def test_demo_has_staff_of_every_role_and_mentor_history(demo_db) -> None:
    with demo_db.session() as session:
        roles = set(session.scalars(select(Staff.role)))
        assert roles == set(Role)
        actor = accounts.sign_in(session, "mentor01", DEMO_PASSWORD)
        assert actor.role == Role.MENTOR
        # open assignments: a cancellation in the demo (issue 15) closes its member's assignment
        assignments = session.scalar(select(func.count(MentorAssignment.id)).where(MentorAssignment.end_date.is_(None)))
        with_mentor = session.scalar(select(func.count(Member.id)).where(Member.mentor_id.is_not(None)))
        assert assignments == with_mentor > 300


def test_demo_is_reproducible_from_its_seed(db, tmp_path) -> None:
    from desktop_app.core.migrate import open_database

    other = open_database(f"sqlite:///{tmp_path / 'other.db'}", clock=db.clock)
    try:
        names = []
        for database in (db, other):
            with database.session() as session:
                generate_demo(session, 50, seed=5)
                names.append(session.scalars(select(Member.name).order_by(Member.id)).all())
        assert names[0] == names[1]
    finally:
        other.dispose()


def test_demo_refuses_a_database_with_members(demo_db) -> None:
    with pytest.raises(ValidationError, match="已有 400 个会员"), demo_db.session() as session:
        generate_demo(session, 10)


def test_numbering_continues_after_demo(demo_db, clock) -> None:
    with demo_db.session() as session:
        officer = accounts.sign_in(session, "officer", DEMO_PASSWORD)
    with demo_db.session() as session:
        last = session.scalar(select(func.max(Member.member_number)).where(Member.member_number.like("WJX2026%")))
        created = members.create_member(
            session,
            officer,
            {
                "name": "武汉新入会建设有限公司",
                "uscc": "914201001777158766",
                "category": "construction_enterprise",
            },
        )
    expected = f"WJX2026{int(last[-4:]) + 1:04d}" if last else "WJX20260001"
    assert created.member_number == expected


def test_progress_is_reported(db) -> None:
    seen = []
    with db.session() as session:
        generate_demo(session, 120, chunk=50, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (120, 120)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert SYSTEM_ACTOR.id is None


# --- issue 9: never into a real database ------------------------------------------------------


def test_demo_refuses_a_real_database_with_only_its_administrator(db) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.demo import NotADemoDatabase, is_demo_database

    with db.session() as session:
        accounts.create_first_administrator(session, "chief", "王主任", "Office-2026!")
    with pytest.raises(NotADemoDatabase) as error, db.session() as session:
        generate_demo(session, 10)
    assert "不是演示数据库" in error.value.message and "1 个账户" in error.value.message
    with db.session() as session:
        assert session.scalar(select(func.count(Staff.id))) == 1  # no demo accounts, no admin/demo123
        assert session.scalar(select(func.count(Member.id))) == 0
        assert not is_demo_database(session)


def test_an_empty_database_is_marked_as_demo_and_may_be_filled_again(db) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.demo import is_demo_database

    with db.session() as session:
        generate_demo(session, 5, seed=3)
    with db.session() as session:
        assert is_demo_database(session)
        # marked, so the demo command's own check passes; the member check still refuses a refill
        with pytest.raises(ValidationError):
            generate_demo(session, 5, seed=3)
