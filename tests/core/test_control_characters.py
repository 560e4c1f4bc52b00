"""Raw errors never reach the office (issue 9, item 6).

Control characters (NUL, ESC, BEL …) are refused on every text field with a message naming the
field, before anything reaches the database; search boxes drop them; a write that waits too long
for another workstation's lock is ``DatabaseBusy`` with a Chinese message, not the driver's error.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from desktop_app.core import db as db_module
from desktop_app.core.db import Database
from desktop_app.core.models import Application, Member, MemberStatus, Role, Staff
from desktop_app.core.services import accounts, admission, importing, members
from desktop_app.core.services.admission import QueueFilter
from desktop_app.core.services.importing import Fate
from desktop_app.core.services.members import MemberFilter
from desktop_app.core.settings import ASSOCIATION_NAME, LEVELS, get_setting, set_setting
from desktop_app.core.validation import (
    FieldError,
    clean_multiline,
    clean_text,
    strip_control_characters,
    uscc_check_character,
)
from desktop_app.errors import AuthenticationError, DatabaseBusy, ValidationError
from desktop_app.spreadsheets.reader import SheetRow, read_roster
from tests.conftest import PASSWORD

BUSY_MESSAGE = "数据库正忙（另一个工作站或程序正在写入，例如导入会员名册），请稍后再试。"
CONTROLS = {"NUL": "\x00", "ESC": "\x1b", "BEL": "\x07"}
TEXT_FIELDS = {  # field -> its Chinese label, as the message must name it
    "name": "单位名称",
    "address": "通讯地址",
    "main_business": "主营业务",
    "legal_representative_name": "法定代表人姓名",
    "principal_name": "主要负责人姓名",
    "liaison_name": "联络员姓名",
    "liaison_position": "联络员职务",
    "notes": "备注",
}


def uscc(body: str, type_code: str = "91") -> str:
    first17 = (type_code + "420102" + body)[:17]
    return first17 + uscc_check_character(first17)


def count(db, model=Member) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def spoiled(values: dict, char: str) -> dict:
    """Every text field of ``values`` with ``char`` in the middle of it."""
    out = dict(values)
    for field in TEXT_FIELDS:
        original = out.get(field) or "武汉"
        out[field] = original[:2] + char + original[2:]
    return out


def assert_named(errors: dict[str, str], char: str) -> None:
    for field, label in TEXT_FIELDS.items():
        assert field in errors, (field, errors)
        assert errors[field].startswith(f"{label}：含有不可见的控制字符"), errors[field]
        assert f"\\x{ord(char):02x}" in errors[field] and "请删除后再保存" in errors[field]


# --- the helpers ------------------------------------------------------------------------------------


def test_clean_text_refuses_control_characters_and_folds_whitespace() -> None:
    for char in [*CONTROLS.values(), "\x7f", "\x85", "\x9b", "\x0b", "\x1f"]:
        with pytest.raises(FieldError, match="控制字符"):
            clean_text(f"武汉{char}建设")
    with pytest.raises(FieldError, match="第 3 个字符"):
        clean_text("武汉\x1b建设")
    assert clean_text("武汉\t建设\r\n有限公司 ") == "武汉 建设 有限公司"  # a pasted line break is a space
    assert clean_multiline(" 第一行\r\n\t第二行\r第三行 ") == "第一行\n\t第二行\n第三行"
    with pytest.raises(FieldError):
        clean_multiline("备注\x00")
    assert strip_control_characters("\x00宏达\x1b\x07") == "宏达"


# --- the register --------------------------------------------------------------------------------------


@pytest.mark.parametrize("char", CONTROLS.values(), ids=CONTROLS.keys())
def test_create_member_refuses_control_characters_naming_each_field(db, officer, member_values, char) -> None:
    with pytest.raises(ValidationError) as info, db.session() as session:
        members.create_member(session, officer, spoiled(member_values, char))
    assert_named(info.value.errors, char)
    assert count(db) == 0


@pytest.mark.parametrize("char", CONTROLS.values(), ids=CONTROLS.keys())
def test_update_member_refuses_control_characters_and_keeps_the_record(db, officer, member_values, char) -> None:
    with db.session() as session:
        member = members.create_member(session, officer, member_values)
    with pytest.raises(ValidationError) as info, db.session() as session:
        members.update_member(session, officer, member.id, member.version, spoiled(member_values, char))
    assert_named(info.value.errors, char)
    with db.session() as session:
        stored = members.get_member(session, member.id)
        assert (stored.name, stored.version) == (member_values["name"], 1)


def test_numbers_and_codes_with_control_characters_are_refused(db, officer, member_values) -> None:
    values = {
        **member_values,
        "member_number": "WJX\x002020",
        "certificate_number": "Z\x1b1",
        "uscc": member_values["uscc"][:5] + "\x00" + member_values["uscc"][5:],
        "liaison_mobile": "138\x0771234567",
    }
    with pytest.raises(ValidationError) as info, db.session() as session:
        members.create_member(session, officer, values)
    errors = info.value.errors
    assert errors["member_number"].startswith("会员编号：含有不可见的控制字符")
    assert errors["certificate_number"].startswith("会员证编号：含有不可见的控制字符")
    assert errors["uscc"].startswith("统一社会信用代码：含有不可见的控制字符")
    assert errors["liaison_mobile"].startswith("联络员手机：含有不可见的控制字符")


def test_line_breaks_and_tabs_stay_in_notes_and_become_spaces_in_one_line_fields(db, officer, member_values) -> None:
    values = {**member_values, "notes": "第一行\r\n\t第二行", "address": "武汉市江岸区\n解放大道1399号"}
    with db.session() as session:
        member = members.create_member(session, officer, values)
    assert member.notes == "第一行\n\t第二行"
    assert member.address == "武汉市江岸区 解放大道1399号"


def test_search_ignores_control_characters(db, officer, member_values) -> None:
    with db.session() as session:
        members.create_member(session, officer, member_values)  # 宏达, active
        members.create_member(
            session,
            officer,
            {
                **member_values,
                "name": "武汉长江建设有限公司",
                "uscc": uscc("MA4K00001"),
                "liaison_name": "刘洋",
                "liaison_mobile": "13900000001",
            },
        )
        members.create_member(
            session,
            officer,
            {
                **member_values,
                "name": "武汉宏达装饰有限公司",
                "uscc": uscc("MA4K00002"),
                "status": MemberStatus.WITHDRAWN,
                "left_date": "2025-01-01",
            },
        )

    def ids(text: str, **filters) -> list[int]:  # type: ignore[no-untyped-def]
        with db.session() as session:
            flt = MemberFilter(text=text, **filters)
            found = members.search_member_ids(session, flt)
            assert members.count_members(session, flt) == len(found)
            return found

    everyone, active = ids(""), ids("", status=MemberStatus.ACTIVE)
    assert len(everyone) == 3 and len(active) == 2
    # only control characters: what an empty box shows, with the filters still applied
    for char in [*CONTROLS.values(), "\x00\x1b\x07"]:
        assert ids(char) == everyone
        assert ids(char, status=MemberStatus.ACTIVE) == active
    # a control character inside a word: the word is searched (SQLite's LIKE stopped at a NUL)
    hongda = ids("宏达")
    assert len(hongda) == 2
    assert ids("宏\x00达") == hongda and ids("宏达\x00") == hongda and ids("\x1b宏达") == hongda
    assert ids("宏达\x00", status=MemberStatus.ACTIVE) == ids("宏达", status=MemberStatus.ACTIVE) != []


# --- admission ----------------------------------------------------------------------------------------


@pytest.fixture
def applicant(member_values) -> dict:  # type: ignore[no-untyped-def]
    values = {k: v for k, v in member_values.items() if k not in ("level", "join_date")}
    return {**values, "briefing_note": "介绍了协会的职能", "notes": "第一行\n第二行"}


def test_an_application_with_control_characters_is_refused(db, officer, applicant) -> None:
    bad = {
        **applicant,
        "name": "武汉\x1b宏达建设工程有限公司",
        "liaison_name": "张\x00丽",
        "briefing_note": "介绍\x07了协会",
        "notes": "备注\x00",
    }
    with pytest.raises(ValidationError) as info, db.session() as session:
        admission.create_application(session, officer, bad)
    errors = info.value.errors
    assert errors["name"].startswith("单位名称：含有不可见的控制字符")
    assert errors["liaison_name"].startswith("联络员姓名：含有不可见的控制字符")
    assert errors["briefing_note"].startswith("接待情况：含有不可见的控制字符")
    assert errors["notes"].startswith("备注：含有不可见的控制字符")
    assert count(db, Application) == 0
    with db.session() as session:  # line breaks in notes are fine
        application = admission.create_application(session, officer, applicant)
    assert application.notes == "第一行\n第二行"


def test_opinions_visits_and_reasons_with_control_characters_are_refused(db, officer, applicant) -> None:
    with db.session() as session:
        application_id = admission.create_application(session, officer, applicant).id
    with pytest.raises(ValidationError) as info, db.session() as session:
        admission.record_visit(
            session,
            officer,
            application_id,
            visit_date=db.clock.today(),
            leader_name="王\x1b建国",
            leader_rank="董事长\x00",
            note="考察\x07",
        )
    assert info.value.errors["visit_leader_name"].startswith("来访领导：含有不可见的控制字符")
    assert info.value.errors["visit_leader_rank"].startswith("职务：含有不可见的控制字符")
    assert info.value.errors["visit_note"].startswith("考察情况：含有不可见的控制字符")
    with pytest.raises(ValidationError) as info, db.session() as session:
        admission.decline(session, officer, application_id, reason="不符合\x00条件")
    assert info.value.errors["reason"].startswith("谢绝原因：含有不可见的控制字符")
    with db.session() as session:
        application = admission.get_application(session, application_id)
        assert application.status.value == "open" and application.visit_date is None


def test_the_queue_search_ignores_control_characters(db, officer, applicant) -> None:
    with db.session() as session:
        admission.create_application(session, officer, applicant)
        admission.create_application(
            session, officer, {**applicant, "name": "武汉长江建设有限公司", "uscc": uscc("MA4K00003")}
        )
    with db.session() as session:
        everything = admission.queue(session, QueueFilter())
        hongda = admission.queue(session, QueueFilter(text="宏达"))
        assert len(everything) == 2 and len(hongda) == 1
        assert admission.queue(session, QueueFilter(text="\x00")) == everything
        assert admission.queue(session, QueueFilter(text="\x1b")) == everything
        assert admission.queue(session, QueueFilter(text="宏达\x00")) == hongda


# --- accounts and settings ---------------------------------------------------------------------------


def test_staff_names_with_control_characters_are_refused(db, admin) -> None:
    staff = count(db, Staff)
    with pytest.raises(ValidationError) as info, db.session() as session:
        accounts.create_staff(
            session, admin, {"username": "mentor\x00", "full_name": "陈\x1b晓燕", "role": Role.MENTOR}, PASSWORD
        )
    assert info.value.errors["username"].startswith("用户名：含有不可见的控制字符")
    assert info.value.errors["full_name"].startswith("姓名：含有不可见的控制字符")
    assert count(db, Staff) == staff
    with pytest.raises(AuthenticationError), db.session() as session:  # not a raw DataError on PostgreSQL
        accounts.sign_in(session, admin.username + "\x00", PASSWORD)


def test_settings_with_control_characters_are_refused(db, admin) -> None:
    with pytest.raises(ValidationError) as info, db.session() as session:
        set_setting(session, admin, ASSOCIATION_NAME, "武汉建筑业\x00协会")
    assert info.value.errors[ASSOCIATION_NAME.key].startswith("协会名称：含有不可见的控制字符")
    with db.session() as session:
        levels = get_setting(session, LEVELS)
    levels[0]["name"] = "会长\x1b单位"
    with pytest.raises(ValidationError), db.session() as session:
        set_setting(session, admin, LEVELS, levels)
    with db.session() as session:
        assert get_setting(session, ASSOCIATION_NAME) == "武汉建筑业协会"
        assert get_setting(session, LEVELS)[0]["name"] == "会长单位"


# --- the importer --------------------------------------------------------------------------------------


def test_an_imported_cell_with_a_control_character_rejects_its_row(db, officer, tmp_path: Path) -> None:
    # DEL and the C1 controls are legal in .xlsx; C0 (ESC, NUL) cannot be stored in its XML, so
    # they are put in the rows as if a reader had let them through.
    path = tmp_path / "roster.xlsx"
    workbook = Workbook()
    for row in (
        ["单位名称", "统一社会信用代码", "地址", "联系人", "备注"],
        ["武汉甲建设有限公司", uscc("MA4K00011"), "武汉市江岸区", "张丽", "第一行\n第二行"],
        ["武汉乙建设\x7f有限公司", uscc("MA4K00012"), "武汉市江汉区", "李强", None],
        ["武汉丙建设有限公司", uscc("MA4K00013"), "武汉市PLACEHOLDER洪山区", "王芳", None],
        ["武汉丁建设有限公司", uscc("MA4K00014"), "武汉市武昌区", "赵\x9b敏", "备注PLACEHOLDER"],
    ):
        workbook.active.append(row)
    workbook.save(path)
    table = read_roster(path)
    table.rows = [
        SheetRow(
            r.number,
            tuple(
                c.replace("PLACEHOLDER", "\x1b" if r.number == 4 else "\x00") if isinstance(c, str) else c
                for c in r.cells
            ),
        )
        for r in table.rows
    ]
    with db.session() as session:
        plan = importing.import_members(session, officer, table)
    by_row = {o.row: o for o in plan.outcomes}
    assert by_row[2].fate == Fate.IMPORTED
    assert [by_row[n].fate for n in (3, 4, 5)] == [Fate.REJECTED] * 3
    # the column's heading names the field: not said twice (issue 16)
    assert by_row[3].reason.startswith("第 3 行 A 列（单位名称）：含有不可见的控制字符（第 6 个字符，\\x7f）")
    assert by_row[4].reason.startswith("第 4 行 C 列（地址）：含有不可见的控制字符")
    assert "D 列（联系人）：含有不可见的控制字符" in by_row[5].reason
    assert "E 列（备注）：含有不可见的控制字符" in by_row[5].reason
    assert count(db) == 1
    with db.session() as session:
        assert session.scalars(select(Member.notes)).one() == "第一行\n第二行"


# --- waiting for a lock -----------------------------------------------------------------------------------


def test_a_write_blocked_by_another_sqlite_writer_is_database_busy(db, officer, member_values, monkeypatch) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite's single write lock")
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 100)  # read by each new connection
    busy_db = Database(db.url, clock=db.clock)
    holder = sqlite3.connect(db.sqlite_path, isolation_level=None)  # an import holding the write lock
    holder.execute("BEGIN IMMEDIATE")
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseBusy) as info, busy_db.session() as session:
            members.create_member(session, officer, member_values)
        assert time.monotonic() - started < 3
        assert str(info.value) == BUSY_MESSAGE
        assert isinstance(info.value.__cause__, OperationalError)
        assert "locked" in str(info.value.__cause__)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with busy_db.session() as session:  # the lock gone, the same write goes through
        members.create_member(session, officer, member_values)
    busy_db.dispose()
    assert count(db) == 1


def test_a_postgresql_lock_timeout_is_database_busy(db, officer, member_values) -> None:
    if db.is_sqlite:
        pytest.skip("PostgreSQL's lock_timeout")
    with db.engine.connect() as holder:
        holder.execute(text("LOCK TABLE member IN ACCESS EXCLUSIVE MODE"))
        with pytest.raises(DatabaseBusy) as info, db.session() as session:
            session.execute(text("SET LOCAL lock_timeout = '200ms'"))
            members.create_member(session, officer, member_values)
        assert str(info.value) == BUSY_MESSAGE
        assert getattr(info.value.__cause__.orig, "sqlstate", None) == "55P03"
        holder.rollback()
    assert count(db) == 0


def test_other_database_errors_are_not_disguised(db) -> None:
    with pytest.raises(DBAPIError), db.session() as session:  # a bug stays a bug, for the crash report
        session.execute(text("SELECT * FROM no_such_table"))
