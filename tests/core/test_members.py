"""The member register service: entering, correcting, finding, permissions, audit, conflicts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.core.models import AuditEntry, Category, Member, MemberStatus, MentorAssignment, Role
from desktop_app.core.services import members, mentors
from desktop_app.core.services.members import MemberFilter
from desktop_app.core.validation import uscc_check_character
from desktop_app.errors import ConflictError, PermissionDenied, ValidationError
from tests.conftest import make_staff


def uscc(body: str, type_code: str = "91") -> str:
    first17 = (type_code + "420102" + body)[:17]
    return first17 + uscc_check_character(first17)


def create(db, actor, values):  # type: ignore[no-untyped-def]
    with db.session() as session:
        return members.create_member(session, actor, values)


def test_officer_enters_a_member_with_normalised_values(db, officer, member_values) -> None:
    values = {**member_values, "uscc": " " + member_values["uscc"].lower() + " ", "liaison_landline": "85771234"}
    member = create(db, officer, values)
    assert member.member_number == "WJX20260001"  # numbering.member_number, year from the clock
    assert member.uscc == member_values["uscc"]
    assert member.liaison_landline == "027-85771234"
    assert member.status == MemberStatus.ACTIVE
    assert member.version == 1
    with db.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.entity_type == "member")).one()
        assert entry.actor_name == "郑会籍"
        assert entry.action == "create"
        assert entry.after["name"] == member_values["name"]


def test_member_numbers_run_on(db, officer, member_values) -> None:
    first = create(db, officer, member_values)
    second = create(db, officer, {**member_values, "name": "武汉第二建设有限公司", "uscc": uscc("MA4K00001")})
    assert (first.member_number, second.member_number) == ("WJX20260001", "WJX20260002")


def test_every_bad_field_is_named_in_chinese(db, officer) -> None:
    with pytest.raises(ValidationError) as info, db.session() as session:
        members.create_member(
            session,
            officer,
            {
                "name": "",
                "uscc": "123",
                "category": "",
                "level": "member",
                "postcode": "43001",
                "liaison_mobile": "1234",
                "liaison_email": "x@",
            },
        )
    errors = info.value.errors
    assert errors["name"] == "单位名称：不能为空"
    assert errors["uscc"].startswith("统一社会信用代码：应为 18 位")
    assert errors["category"].startswith("单位类别：")
    assert errors["postcode"].startswith("邮政编码：")
    assert errors["liaison_mobile"].startswith("联络员手机：")
    assert errors["liaison_email"].startswith("联络员电子邮箱：")
    with db.session() as session:
        assert members.count_members(session) == 0  # nothing half-saved


def test_duplicate_uscc_names_the_existing_member(db, officer, member_values) -> None:
    create(db, officer, member_values)
    with pytest.raises(ValidationError) as info:
        create(db, officer, {**member_values, "name": "另一家建设有限公司"})
    assert "武汉市江岸区宏达建设工程有限公司" in info.value.errors["uscc"]
    assert "WJX20260001" in info.value.errors["uscc"]


def test_category_disagreeing_with_code_refused(db, officer, member_values) -> None:
    with pytest.raises(ValidationError) as info:
        create(db, officer, {**member_values, "category": Category.PUBLIC_INSTITUTION})
    assert "与所选类别“事业单位”不符" in info.value.errors["category"]


def test_individuals_cannot_be_entered_r_3_1(db, officer, member_values) -> None:
    with pytest.raises(ValidationError) as info:
        create(db, officer, {**member_values, "uscc": uscc("MA4K6J3X7", "92")})
    assert "个体工商户" in info.value.errors["uscc"]
    with pytest.raises(ValidationError) as info:
        create(db, officer, {**member_values, "name": "王建国"})
    assert "个人" in info.value.errors["name"]


def test_mentor_cannot_edit_members_r_9_3(db, mentor, member_values) -> None:
    with pytest.raises(PermissionDenied, match="班主任"), db.session() as session:
        members.create_member(session, mentor, member_values)


def test_leader_cannot_edit_members(db, officer, leader, member_values) -> None:
    member = create(db, officer, member_values)
    with pytest.raises(PermissionDenied), db.session() as session:
        members.update_member(session, leader, member.id, member.version, {"name": "改名建设有限公司"})


def test_correction_is_audited_with_before_and_after(db, officer, member_values) -> None:
    member = create(db, officer, member_values)
    with db.session() as session:
        updated = members.update_member(session, officer, member.id, 1, {"liaison_name": "赵敏", "postcode": "430015"})
        assert updated.version == 2
    with db.session() as session:
        history = members.member_history(session, member.id)
        assert [h.action for h in history] == ["update", "create"]
        assert history[0].before == {"liaison_name": "张丽", "postcode": "430010"}
        assert history[0].after == {"liaison_name": "赵敏", "postcode": "430015"}
        assert history[0].actor_id == officer.id


def test_saving_nothing_changed_writes_nothing(db, officer, member_values) -> None:
    member = create(db, officer, member_values)
    with db.session() as session:
        members.update_member(session, officer, member.id, 1, dict(member_values))
    with db.session() as session:
        assert members.get_member(session, member.id).version == 1
        assert len(members.member_history(session, member.id)) == 1


def test_second_save_of_the_same_member_is_refused_and_first_kept(db, officer, admin, member_values) -> None:
    """Two workstations open version 1; the first saves; the second is told, and nothing is lost."""
    member = create(db, officer, member_values)
    with db.session() as first:
        members.update_member(first, officer, member.id, 1, {"liaison_name": "赵敏"})
    with pytest.raises(ConflictError) as info, db.session() as second:
        members.update_member(second, admin, member.id, 1, {"liaison_name": "钱多多"})
    assert "郑会籍" in info.value.message
    assert "您的修改未保存" in info.value.message
    with db.session() as session:
        saved = members.get_member(session, member.id)
        assert (saved.liaison_name, saved.version) == ("赵敏", 2)


def test_race_between_load_and_flush_is_a_conflict_too(db, officer, admin, member_values) -> None:
    """Both sessions passed the version check; the UPDATE ... WHERE version = 1 of the loser fails."""
    member = create(db, officer, member_values)
    first = db.new_session()
    second = db.new_session()
    try:
        a = members.get_member(first, member.id)
        b = members.get_member(second, member.id)
        assert a.version == b.version == 1
        members.update_member(first, officer, member.id, 1, {"liaison_name": "赵敏"})
        first.commit()
        with pytest.raises(ConflictError):
            members.update_member(second, admin, member.id, 1, {"liaison_name": "钱多多"})
    finally:
        first.close()
        second.close()
    with db.session() as session:
        assert members.get_member(session, member.id).liaison_name == "赵敏"


def test_mentor_assignment_keeps_history_r_7_1(db, officer, mentor, member_values, clock) -> None:
    second_mentor = make_staff(db, Role.MENTOR, "mentor2", "刘建华")
    member = create(db, officer, {**member_values, "mentor_id": mentor.id})
    clock.advance(days=30)
    with db.session() as session:
        mentors.assign_mentor(session, officer, member.id, second_mentor.id)
    with db.session() as session:
        assignments = mentors.mentor_assignments(session, member.id)
        assert [(a.mentor_id, a.end_date) for a in assignments] == [
            (second_mentor.id, None),
            (mentor.id, dt.date(2026, 12, 26)),
        ]
        assert members.get_member(session, member.id).mentor_id == second_mentor.id
        open_ones = session.scalars(select(MentorAssignment).where(MentorAssignment.end_date.is_(None))).all()
        assert len(open_ones) == 1  # one mentor at a time


def test_only_mentors_can_be_assigned(db, officer, leader, member_values) -> None:
    with pytest.raises(ValidationError) as info:
        create(db, officer, {**member_values, "mentor_id": leader.id})
    assert "班主任" in info.value.errors["mentor_id"]


def test_leaving_needs_a_date(db, officer, member_values) -> None:
    member = create(db, officer, member_values)
    with pytest.raises(ValidationError) as info, db.session() as session:
        members.update_member(session, officer, member.id, 1, {"status": MemberStatus.WITHDRAWN})
    assert "退会日期" in info.value.errors["left_date"]


# --- finding ---------------------------------------------------------------------------------


@pytest.fixture
def register(db, officer, mentor):  # type: ignore[no-untyped-def]
    rows = [
        ("武汉市江岸区宏达建设工程有限公司", uscc("MA4K00011"), "张丽", "13871234567", "member"),
        ("湖北楚天建设集团有限公司", uscc("MA4K00022"), "李建设", "13900001111", "council"),
        ("武汉长江路桥工程有限公司", uscc("MA4K00033"), "王芳", "18600002222", "member"),
        ("武汉市建筑设计院", uscc("MA4K00044", "12"), "赵敏", "027-85001234", "standing_council"),
    ]
    ids = []
    for i, (name, code, liaison, phone, level) in enumerate(rows):
        category = "public_institution" if code.startswith("12") else "construction_enterprise"
        phone_field = "liaison_landline" if phone.startswith("027") else "liaison_mobile"
        member = create(
            db,
            officer,
            {
                "name": name,
                "uscc": code,
                "category": category,
                "level": level,
                "liaison_name": liaison,
                phone_field: phone,
                "mentor_id": mentor.id if i % 2 == 0 else None,
            },
        )
        ids.append(member.id)
    return ids


def search(db, **kwargs):  # type: ignore[no-untyped-def]
    sort = kwargs.pop("sort", "member_number")
    with db.session() as session:
        return members.search_member_ids(session, MemberFilter(**kwargs), sort=sort)


def test_two_character_chinese_search_matches_names_and_people(db, register) -> None:
    assert search(db, text="建设") == [register[0], register[1]]  # 宏达建设, 楚天建设, and 李建设 is register[1]
    assert search(db, text="路桥") == [register[2]]
    assert search(db, text="王芳") == [register[2]]


def test_search_by_uscc_prefix_member_number_and_phone(db, register) -> None:
    assert search(db, text="12420102") == [register[3]]
    assert search(db, text=uscc("MA4K00033")[:16].lower()) == [register[2]]
    assert search(db, text="WJX20260002") == [register[1]]
    assert search(db, text="1387123") == [register[0]]
    assert search(db, text="027-8500") == [register[3]]
    assert search(db, text="８５００１２３４") == [register[3]]  # full-width digits


def test_search_treats_like_wildcards_literally(db, register) -> None:
    assert search(db, text="%") == []
    assert search(db, text="_") == []


def test_filters_combine(db, register, mentor) -> None:
    assert search(db, level="member") == [register[0], register[2]]
    assert search(db, category=Category.PUBLIC_INSTITUTION) == [register[3]]
    assert search(db, mentor_id=mentor.id) == [register[0], register[2]]
    assert search(db, mentor_id=0) == [register[1], register[3]]
    assert search(db, text="武汉", mentor_id=0) == [register[3]]
    assert search(db, status=MemberStatus.WITHDRAWN) == []


def test_sorting(db, register) -> None:
    by_level = search(db, sort="level")
    assert by_level[:2] == [register[3], register[1]]  # standing council, then council
    by_name = search(db, sort="name")
    assert sorted(by_name) == sorted(register)
    with db.session() as session:
        assert members.search_member_ids(session, MemberFilter(), sort="name", descending=True) == by_name[::-1]
    assert search(db, sort="join_date", text="武汉")[0] == register[0]


def test_register_rows_have_display_values(db, register, mentor) -> None:
    with db.session() as session:
        rows = members.register_rows(session, register)
    assert rows[register[0]].mentor_name == "陈晓燕"
    assert rows[register[1]].mentor_name is None
    assert rows[register[3]].category == Category.PUBLIC_INSTITUTION


def test_count(db, register) -> None:
    with db.session() as session:
        assert members.count_members(session) == 4
        assert members.count_members(session, MemberFilter(text="武汉")) == 3
        assert session.scalar(select(Member.search_text).where(Member.id == register[0])).islower()


def test_values_longer_than_their_column_are_refused_not_cut(db, officer, member_values) -> None:
    with pytest.raises(ValidationError) as info:
        create(
            db,
            officer,
            {
                **member_values,
                "member_number": "X" * 40,
                "liaison_position": "职" * 70,
                "liaison_email": "a" * 120 + "@qq.com",
                "address": "武" * 301,
            },
        )
    errors = info.value.errors
    assert errors["member_number"] == "会员编号：过长（最多 32 个字符，现为 40 个）"
    assert errors["liaison_position"].startswith("联络员职务：过长")
    assert errors["liaison_email"].startswith("联络员电子邮箱：过长")
    assert errors["address"].startswith("通讯地址：过长")
