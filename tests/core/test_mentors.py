"""Mentor allocation (issue 12; R-7.1, R-9.1): groups by category and business kind, loads,
suggestions, assigning and reassigning with the reason and the history, the one-mentor rule in the
service and in the database, handing a leaving mentor's members over, and who may do what."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from alembic import command
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.exc import IntegrityError

from desktop_app.core.db import normalise_url
from desktop_app.core.models import Category, MentorAssignment, Role
from desktop_app.core.schema import alembic_config
from desktop_app.core.services import accounts, members, mentors
from desktop_app.core.settings import BUSINESS_KINDS, set_setting
from desktop_app.demo.names import make_uscc
from desktop_app.errors import PermissionDenied, ValidationError
from tests.conftest import make_staff

_rng = random.Random(12)


def add_member(db, officer, member_values, **values):  # type: ignore[no-untyped-def]
    """A member with a fresh valid credit code (a public institution's code for that category)."""
    category = values.get("category", "construction_enterprise")
    type_code = "12" if category == "public_institution" else "91"
    data = {**member_values, "uscc": make_uscc(_rng, type_code, "420100"), **values}
    data["name"] = values.get("name") or f"武汉测试{_rng.randint(10000, 99999)}建设工程有限公司"
    with db.session() as session:
        return members.create_member(session, officer, data).id


@pytest.fixture
def second_mentor(db, admin):  # type: ignore[no-untyped-def]
    return make_staff(db, Role.MENTOR, "mentor2", "刘建华")


def current(db, member_id):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return members.get_member(session, member_id).mentor_id


# --- business kinds --------------------------------------------------------------------------------


def test_business_kinds_come_from_the_setting_and_the_main_business(db, admin, officer, member_values) -> None:  # type: ignore[no-untyped-def]
    a = add_member(db, officer, member_values, main_business="建筑装修装饰")
    b = add_member(db, officer, member_values, main_business="房屋建筑工程施工")
    c = add_member(db, officer, member_values, main_business="园林绿化")
    d = add_member(db, officer, member_values, category="public_institution", main_business="建设工程质量检测")
    with db.session() as session:
        kinds = mentors.business_kinds(session)
        assert mentors.classify("建筑装修装饰", kinds) == "装饰幕墙"
        groups = {(g.category, g.kind): (g.members, g.unassigned) for g in mentors.allocation_groups(session, officer)}
    assert groups == {
        (Category.CONSTRUCTION_ENTERPRISE, "装饰幕墙"): (1, 1),
        (Category.CONSTRUCTION_ENTERPRISE, "房屋建筑施工"): (1, 1),
        (Category.CONSTRUCTION_ENTERPRISE, mentors.OTHER_KIND): (1, 1),
        (Category.PUBLIC_INSTITUTION, "勘察设计咨询"): (1, 1),
    }
    # The office files a member under another kind by hand; None puts it back under the keywords.
    with db.session() as session:
        assert mentors.set_business_kind(session, officer, [c], "房屋建筑施工") == 1
        with pytest.raises(ValidationError, match="不在系统设置的分类中"):
            mentors.set_business_kind(session, officer, [a], "航天")
    with db.session() as session:
        page = mentors.allocation_members(session, officer, mentors.AllocationFilter(kind="房屋建筑施工"))
        assert {r.member_id for r in page.rows} == {b, c} and page.total == 2
        assert [r.kind_by_hand for r in page.rows if r.member_id == c] == [True]
        mentors.set_business_kind(session, officer, [c], None)
    with db.session() as session:
        page = mentors.allocation_members(session, officer, mentors.AllocationFilter(kind=mentors.OTHER_KIND))
        assert [r.member_id for r in page.rows] == [c]
        # The office's own list of kinds: a new kind groups members at once.
        set_setting(session, admin, BUSINESS_KINDS, [{"name": "园林", "keywords": ["园林"]}])
    with db.session() as session:
        assert mentors.kind_names(session) == ["园林", mentors.OTHER_KIND]
        page = mentors.allocation_members(session, officer, mentors.AllocationFilter(kind="园林"))
        assert [r.member_id for r in page.rows] == [c]
        assert d  # the institution is counted under its own category above
        set_setting(session, admin, BUSINESS_KINDS, [{"name": "园林"}, {"keywords": ["x"]}])
    with db.session() as session, pytest.raises(ValidationError, match="第 2 项应有名称"):
        mentors.business_kinds(session)


def test_main_business_is_searchable(db, officer, member_values) -> None:  # type: ignore[no-untyped-def]
    a = add_member(db, officer, member_values, main_business="钢结构制作安装", name="武汉钢构之家工程有限公司")
    add_member(db, officer, member_values, main_business="建筑装修装饰")
    with db.session() as session:
        assert [
            r.member_id
            for r in mentors.allocation_members(session, officer, mentors.AllocationFilter(text="钢结构")).rows
        ] == [a]
        assert [
            r.member_id
            for r in mentors.allocation_members(session, officer, mentors.AllocationFilter(text="钢构之家")).rows
        ] == [a]


# --- assigning ----------------------------------------------------------------------------------------


def test_assigning_many_and_reassigning_with_reason_keeps_history(
    db, officer, mentor, second_mentor, member_values, clock
) -> None:  # type: ignore[no-untyped-def]
    ids = [add_member(db, officer, member_values) for _ in range(3)]
    with db.session() as session:
        result = mentors.assign_members(session, officer, ids, mentor.id)
    assert (result.assigned, result.reassigned, result.unchanged) == (3, 0, 0)
    clock.advance(days=40)
    with db.session() as session:
        # a reassignment asks the reason, naming a member it concerns
        with pytest.raises(ValidationError) as error:
            mentors.assign_members(session, officer, ids[:2], second_mentor.id)
        assert "更换班主任须说明原因" in error.value.errors["reason"]
        result = mentors.assign_members(session, officer, ids[:2], second_mentor.id, reason="按主营业务调整")
    assert (result.assigned, result.reassigned) == (0, 2)
    with db.session() as session:
        again = mentors.assign_members(session, officer, ids[:1], second_mentor.id)
        assert again.unchanged == 1
        history = mentors.assignment_history(session, officer, ids[0])
    assert [(h.mentor_name, h.start_date, h.end_date, h.end_reason, h.ended_by) for h in history] == [
        ("刘建华", dt.date(2027, 1, 5), None, None, None),
        ("陈晓燕", dt.date(2026, 11, 26), dt.date(2027, 1, 5), "按主营业务调整", "郑会籍"),
    ]
    assert history[0].note == "按主营业务调整" and history[0].assigned_by == "郑会籍"
    with db.session() as session:
        entries = members.member_history(session, ids[0])
        assert any("更换班主任：陈晓燕 → 刘建华（原因：按主营业务调整）" in e.summary for e in entries)
        open_ones = session.scalars(select(MentorAssignment).where(MentorAssignment.end_date.is_(None))).all()
        assert len(open_ones) == 3  # one current mentor per member


def test_only_active_mentors_and_active_members(db, admin, officer, mentor, leader, member_values) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, member_values)
    gone = add_member(db, officer, member_values, status="withdrawn", left_date=dt.date(2025, 1, 1))
    with db.session() as session:
        with pytest.raises(ValidationError, match="不是在职的班主任"):
            mentors.assign_members(session, officer, [member_id], leader.id)
        with pytest.raises(ValidationError, match="已退会，不再分配班主任"):
            mentors.assign_members(session, officer, [gone], mentor.id)
    retired = make_staff(db, Role.MENTOR, "retired", "周退休")
    with db.session() as session:
        accounts.update_staff(session, admin, retired.id, {"is_active": False})
    with db.session() as session, pytest.raises(ValidationError, match="不是在职的班主任"):
        mentors.assign_members(session, officer, [member_id], retired.id)


def test_the_database_refuses_a_second_current_mentor(db, officer, mentor, second_mentor, member_values) -> None:  # type: ignore[no-untyped-def]
    """R-7.1 in the database itself: a partial unique index on SQLite and PostgreSQL alike."""
    member_id = add_member(db, officer, member_values, mentor_id=mentor.id)
    with pytest.raises(IntegrityError), db.engine.begin() as connection:
        connection.execute(
            insert(MentorAssignment).values(
                member_id=member_id, mentor_id=second_mentor.id, start_date=dt.date(2026, 11, 26)
            )
        )
    # a closed assignment is history: any number of them
    with db.engine.begin() as connection:
        for _ in range(2):
            connection.execute(
                insert(MentorAssignment).values(
                    member_id=member_id,
                    mentor_id=second_mentor.id,
                    start_date=dt.date(2020, 1, 1),
                    end_date=dt.date(2021, 1, 1),
                )
            )


# --- suggestions ------------------------------------------------------------------------------------


def test_suggestion_same_category_and_business_with_the_lightest_load(
    db, officer, mentor, second_mentor, member_values
) -> None:  # type: ignore[no-untyped-def]
    third = make_staff(db, Role.MENTOR, "mentor3", "王丽娟")
    decoration = [add_member(db, officer, member_values, main_business="建筑装修装饰") for _ in range(3)]
    housing = [add_member(db, officer, member_values, main_business="房屋建筑工程施工") for _ in range(2)]
    with db.session() as session:
        mentors.assign_members(session, officer, decoration[:2], mentor.id)  # 陈晓燕: decoration ×2
        mentors.assign_members(session, officer, housing[:1], second_mentor.id)  # 刘建华: housing ×1
    new_decoration = add_member(db, officer, member_values, main_business="幕墙工程")
    institution = add_member(db, officer, member_values, category="public_institution", main_business="质量监督")
    with db.session() as session:
        suggestions = mentors.suggest(session, officer, [new_decoration, housing[1], institution])
    assert suggestions[new_decoration].mentor_id == mentor.id  # the one serving 建筑业企业·装饰幕墙
    assert suggestions[new_decoration].reason == "同类同业务 2 家，共 2 家"
    assert suggestions[housing[1]].mentor_id == second_mentor.id
    assert suggestions[institution].mentor_id == third.id  # nobody serves institutions: the lightest
    assert "负担最轻" in suggestions[institution].reason
    # several suggested at once: each counts towards the next, so those serving the group share them
    with db.session() as session:
        mentors.assign_members(session, officer, decoration[2:], second_mentor.id)  # 刘建华: 1 + 1 decoration
        mentors.assign_members(session, officer, [new_decoration], second_mentor.id)  # … + 1: both serve 装饰幕墙
    more = [add_member(db, officer, member_values, main_business="建筑装饰工程") for _ in range(4)]
    with db.session() as session:
        result = mentors.assign_suggested(session, officer, more)
        given = [mentors.assignment_history(session, officer, i)[0].mentor_id for i in more]
    assert result.assigned == 4
    assert sorted(given) == sorted([mentor.id, mentor.id, second_mentor.id, second_mentor.id])
    assert third.id not in given


def test_allocation_lists_unassigned_first_with_loads(db, officer, mentor, member_values) -> None:  # type: ignore[no-untyped-def]
    assigned = add_member(db, officer, member_values, mentor_id=mentor.id)
    unassigned = [add_member(db, officer, member_values) for _ in range(2)]
    with db.session() as session:
        page = mentors.allocation_members(session, officer)
        loads = {m.mentor_id: m for m in mentors.mentor_loads(session, officer)}
        assert mentors.unassigned_member_ids(session, officer) == sorted(
            unassigned, key=lambda i: members.get_member(session, i).member_number
        )
    assert [r.member_id for r in page.rows][-1] == assigned
    assert {r.member_id for r in page.rows[:2]} == set(unassigned) and page.unassigned == 2 and page.total == 3
    assert loads[mentor.id].total == 1 and loads[mentor.id].is_active
    assert loads[mentor.id].by_category == {Category.CONSTRUCTION_ENTERPRISE: 1}


# --- a mentor who leaves ------------------------------------------------------------------------------


def test_a_mentor_with_members_cannot_be_deactivated_until_they_are_moved(
    db, admin, officer, mentor, second_mentor, member_values
) -> None:  # type: ignore[no-untyped-def]
    ids = [add_member(db, officer, member_values, mentor_id=mentor.id) for _ in range(3)]
    for change in ({"is_active": False}, {"role": "membership_officer"}):
        with db.session() as session, pytest.raises(ValidationError) as error:
            accounts.update_staff(session, admin, mentor.id, change)
        assert "仍是 3 个会员的班主任" in str(error.value)
    with db.session() as session:
        with pytest.raises(ValidationError, match="须说明原因"):
            mentors.hand_over_members(session, officer, mentor.id, second_mentor.id, reason="")
        result = mentors.hand_over_members(session, officer, mentor.id, None, reason="调离秘书处")
    assert result.reassigned == 3 and all(current(db, i) == second_mentor.id for i in ids)
    with db.session() as session:
        accounts.update_staff(session, admin, mentor.id, {"is_active": False})
        loads = {m.mentor_id: m for m in mentors.mentor_loads(session, officer)}
    assert not loads[mentor.id].is_active and loads[mentor.id].total == 0


# --- who may do what ----------------------------------------------------------------------------------


def test_permission_gates_for_allocation(db, officer, mentor, leader, member_values) -> None:  # type: ignore[no-untyped-def]
    member_id = add_member(db, officer, member_values)
    with db.session() as session:
        # the resident leader reads the allocation
        assert mentors.allocation_groups(session, leader)
        assert mentors.mentor_loads(session, leader)
        for actor in (mentor, leader):
            with pytest.raises(PermissionDenied):
                mentors.assign_members(session, actor, [member_id], mentor.id)
            with pytest.raises(PermissionDenied):
                mentors.set_business_kind(session, actor, [member_id], "装饰幕墙")
        # a mentor works on its own members: it does not see the whole allocation
        for read in (mentors.allocation_groups, mentors.mentor_loads, mentors.allocation_members):
            with pytest.raises(PermissionDenied):
                read(session, mentor)


# --- the migration ------------------------------------------------------------------------------------


def _migrate(url: str, target: str) -> None:
    engine = create_engine(normalise_url(url))
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    engine.dispose()


def test_0005_closes_duplicate_open_assignments_before_the_index(new_db_url: str) -> None:
    _migrate(new_db_url, "0004")
    engine = create_engine(normalise_url(new_db_url))
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO staff (id, username, full_name, role, password_hash, is_active, created_at, failed_sign_ins)"
                " VALUES (1, 'm1', '陈晓燕', 'mentor', 'x', true, '2020-01-01 00:00:00+00', 0),"
                " (2, 'm2', '刘建华', 'mentor', 'x', true, '2020-01-01 00:00:00+00', 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO member (id, member_number, name, uscc, category, level, status, search_text, mentor_id,"
                " created_at, updated_at, version) VALUES (1, 'WJX20200001', '武汉宏达建设有限公司',"
                " '914201001777158766', 'construction_enterprise', 'member', 'active', '', 1,"
                " '2020-10-27 00:00:00+00', '2020-10-27 00:00:00+00', 1)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO mentor_assignment (member_id, mentor_id, start_date) VALUES"
                " (1, 2, '2021-01-01'), (1, 1, '2020-01-01')"
            )
        )
    engine.dispose()
    _migrate(new_db_url, "0005")
    engine = create_engine(normalise_url(new_db_url))
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT mentor_id, end_date, end_reason FROM mentor_assignment ORDER BY mentor_id")
        ).all()
    engine.dispose()
    # the member's own mentor (1) stays current; the other is closed on the kept one's later start
    assert rows[0][0] == 1 and rows[0][1] is None
    assert rows[1][0] == 2 and str(rows[1][1])[:10] == "2021-01-01" and "数据整理" in rows[1][2]


def test_a_cancelled_allocation_keeps_nothing(db, officer, mentor, member_values) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.errors import Cancelled

    ids = [add_member(db, officer, member_values) for _ in range(3)]
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        raise Cancelled()

    with pytest.raises(Cancelled), db.session() as session:
        mentors.assign_members(session, officer, ids, mentor.id, progress=progress)
    assert seen == [(0, 3)] and all(current(db, i) is None for i in ids)
    with db.session() as session:
        assert session.scalars(select(MentorAssignment)).all() == []
