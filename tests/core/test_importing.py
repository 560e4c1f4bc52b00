"""Importing the office's Excel roster: every row accounted for, one transaction, same checks as by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop_app.core.models import AuditEntry, Category, Member, MemberStatus, MentorAssignment, Role
from desktop_app.core.services import importing, members
from desktop_app.core.services.importing import Fate, parse_date, split_phones
from desktop_app.core.validation import FieldError, uscc_check_character
from desktop_app.errors import Cancelled, PermissionDenied
from desktop_app.spreadsheets.reader import read_roster
from tests.conftest import make_staff
from tests.spreadsheets.messy import make_messy_roster


def uscc(body: str, type_code: str = "91", division: str = "420102") -> str:
    first17 = (type_code + division + body)[:17]
    return first17 + uscc_check_character(first17)


def workbook(tmp_path: Path, rows: list[list], name: str = "roster.xlsx") -> Path:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / name)
    return tmp_path / name


def run(db, actor, path: Path, **kwargs):  # type: ignore[no-untyped-def]
    table = read_roster(path)
    with db.session() as session:
        return importing.import_members(session, actor, table, **kwargs)


def count(db, model=Member) -> int:  # type: ignore[no-untyped-def]
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(model))


# --- the messy workbook ------------------------------------------------------------------------------


def test_messy_roster_every_row_accounted_for(db, officer, tmp_path: Path) -> None:
    expected = make_messy_roster(tmp_path / "r.xlsx", 40)
    plan = run(db, officer, tmp_path / "r.xlsx")
    by_row = {o.row: o for o in plan.outcomes}
    assert sorted(by_row) == sorted(expected.imported + expected.duplicates + list(expected.rejected))
    assert [r for r, o in by_row.items() if o.fate == Fate.IMPORTED] == expected.imported
    assert [r for r, o in by_row.items() if o.fate == Fate.DUPLICATE] == expected.duplicates
    for row, word in expected.rejected.items():
        outcome = by_row[row]
        assert outcome.fate == Fate.REJECTED, (row, outcome)
        assert word in outcome.reason, (row, outcome.reason)
        assert outcome.reason.startswith(f"第 {row} 行")
    assert plan.blank_rows == expected.blank and plan.totals_rows == expected.totals
    assert plan.summary_line() == f"imported 40, updated 0, duplicates 2, rejected {len(expected.rejected)}"
    assert count(db) == 40
    with db.session() as session:
        stored = {m.uscc: m for m in session.scalars(select(Member))}
    assert set(stored) == set(expected.usccs.values())  # lower case, full width, spaces: all cleaned
    for row in expected.imported:
        member = stored[expected.usccs[row]]
        assert member.name == expected.names[row]
        assert member.status == MemberStatus.ACTIVE
        assert member.category == Category.CONSTRUCTION_ENTERPRISE  # guessed from the 91 code
        assert member.liaison_mobile and len(member.liaison_mobile) == 11  # numbers stored as numbers
        assert member.liaison_landline.startswith("027-")  # bare 8-digit numbers are Wuhan's
        assert len(member.postcode) == 6 and member.postcode.startswith("430")
        assert isinstance(member.join_date, dt.date)


def test_reasons_name_row_column_and_field(db, officer, tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        [
            ["武汉建筑业协会会员名册"],
            ["单位名称", "信用代码", "联系人", "手机", "入会时间"],
            ["武汉宏达建设工程有限公司", uscc("MA4K00001")[:17] + "0", "张丽", "13871234567", "2020.10.27"],
        ],
    )
    plan = run(db, officer, path)
    [outcome] = plan.outcomes
    assert outcome.fate == Fate.REJECTED
    # the row, the column letter and its title in the workbook, then the same message as by hand
    # the field's name is said once, by the column's heading (issue 16: not "（…）：统一社会信用代码：…")
    assert outcome.reason.startswith("第 3 行 B 列（信用代码）：校验码错误：第 18 位应为")
    assert "统一社会信用代码：" not in outcome.reason


def test_the_same_file_twice_adds_nothing(db, officer, tmp_path: Path) -> None:
    make_messy_roster(tmp_path / "r.xlsx", 30)
    run(db, officer, tmp_path / "r.xlsx")
    audit_before = count(db, AuditEntry)
    plan = run(db, officer, tmp_path / "r.xlsx")
    assert plan.imported == 0 and plan.updated == 30 and plan.unchanged == 30
    assert count(db) == 30
    assert count(db, AuditEntry) == audit_before + 1  # only the run's own entry
    with db.session() as session:
        assert set(session.scalars(select(Member.version))) == {1}


def test_dry_run_writes_nothing(db, officer, tmp_path: Path) -> None:
    make_messy_roster(tmp_path / "r.xlsx", 20)
    entries = count(db, AuditEntry)
    plan = run(db, officer, tmp_path / "r.xlsx", dry_run=True)
    assert plan.imported == 20 and not plan.applied
    assert count(db) == 0 and count(db, AuditEntry) == entries


def test_member_numbers_assigned_in_joining_order_and_kept_when_given(db, officer, tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        [
            ["会员编号", "单位名称", "统一社会信用代码", "入会日期"],
            [None, "武汉甲建设有限公司", uscc("MA4K00011"), "2019-05-01"],
            ["wjx20150007", "武汉乙建设有限公司", uscc("MA4K00012"), "2015-03-02"],
            [None, "武汉丙建设有限公司", uscc("MA4K00013"), "2001-01-01"],
        ],
    )
    plan = run(db, officer, path)
    numbers = {o.name: o.member_number for o in plan.outcomes}
    assert numbers == {
        "武汉甲建设有限公司": "WJX20260002",
        "武汉乙建设有限公司": "WJX20150007",
        "武汉丙建设有限公司": "WJX20260001",
    }
    assert any("WJX20260001" in r for o in plan.outcomes for r in o.remarks)


def test_levels_by_name_with_or_without_danwei(db, officer, tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        [
            ["单位名称", "统一社会信用代码", "会员类别"],
            ["武汉甲建设有限公司", uscc("MA4K00021"), "理事"],
            ["武汉乙建设有限公司", uscc("MA4K00022"), "常务理事单位"],
            ["武汉丙建设有限公司", uscc("MA4K00023"), "副会长单位"],
            ["武汉丁建设有限公司", uscc("MA4K00024"), None],
        ],
    )
    run(db, officer, path)
    with db.session() as session:
        levels = dict(session.execute(select(Member.name, Member.level)).all())
    assert levels == {
        "武汉甲建设有限公司": "council",
        "武汉乙建设有限公司": "standing_council",
        "武汉丙建设有限公司": "vice_president",
        "武汉丁建设有限公司": "member",
    }


def test_category_column_and_guess(db, officer, tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        [
            ["单位名称", "统一社会信用代码", "单位性质"],
            ["武汉甲监理有限公司", uscc("MA4K00031"), "产业链关联企业"],
            ["武汉市建设工程质量监督站", uscc("MB1234567", "12"), None],
            ["武汉乙建设有限公司", uscc("MA4K00032"), "民营企业"],
            ["武汉市建筑业商会", uscc("MJ1234567", "51"), "事业单位"],  # disagrees with its code
        ],
    )
    plan = run(db, officer, path)
    fates = [o.fate for o in plan.outcomes]
    assert fates == [Fate.IMPORTED, Fate.IMPORTED, Fate.IMPORTED, Fate.REJECTED]
    assert "与所选类别“事业单位”不符" in plan.outcomes[3].reason
    assert "C 列（单位性质）" in plan.outcomes[3].reason
    assert any("民营企业" in r for r in plan.outcomes[2].remarks)
    with db.session() as session:
        categories = dict(session.execute(select(Member.name, Member.category)).all())
    assert categories["武汉甲监理有限公司"] == Category.INDUSTRY_CHAIN_ENTERPRISE
    assert categories["武汉市建设工程质量监督站"] == Category.PUBLIC_INSTITUTION
    assert categories["武汉乙建设有限公司"] == Category.CONSTRUCTION_ENTERPRISE


def test_phone_cells_with_two_numbers(db, officer, tmp_path: Path) -> None:
    path = workbook(
        tmp_path,
        [
            ["单位名称", "统一社会信用代码", "联系人", "联系电话"],
            ["武汉甲建设有限公司", uscc("MA4K00041"), "张丽", "13871234567/027-85771234、13912345678"],
        ],
    )
    plan = run(db, officer, path)
    with db.session() as session:
        member = session.scalars(select(Member)).one()
    assert (member.liaison_mobile, member.liaison_landline) == ("13871234567", "027-85771234")
    assert "13912345678" in member.notes  # nothing dropped silently
    assert any("13912345678" in r for r in plan.outcomes[0].remarks)


# --- updating members already in the register ------------------------------------------------------------


def test_update_matches_by_uscc_and_records_history(db, officer, member_values, tmp_path: Path) -> None:
    with db.session() as session:
        member_id = members.create_member(session, officer, member_values).id
    path = workbook(
        tmp_path,
        [
            ["单位名称", "统一社会信用代码", "联系人", "手机", "通讯地址"],
            [member_values["name"], member_values["uscc"].lower(), "李娜", 13900001111, None],
        ],
    )
    plan = run(db, officer, path)
    [outcome] = plan.outcomes
    assert outcome.fate == Fate.UPDATED and outcome.member_id == member_id
    assert set(outcome.changes) == {"liaison_name", "liaison_mobile"}
    with db.session() as session:
        member = session.get(Member, member_id)
        assert (member.liaison_name, member.liaison_mobile) == ("李娜", "13900001111")
        assert member.address == member_values["address"]  # a blank cell erases nothing
        assert member.version == 2  # an editor open on the old version gets a conflict
        assert "李娜" in member.search_text
        [entry, _created] = members.member_history(session, member_id)
    assert entry.action == "update" and entry.actor_name == "郑会籍"
    assert entry.summary == "从 Excel 导入更新：roster.xlsx 第 2 行"
    assert entry.before == {"liaison_name": "张丽", "liaison_mobile": "13871234567"}
    assert entry.after == {"liaison_name": "李娜", "liaison_mobile": "13900001111"}


def test_new_member_history_shows_the_import(db, officer, tmp_path: Path) -> None:
    path = workbook(tmp_path, [["单位名称", "统一社会信用代码"], ["武汉甲建设有限公司", uscc("MA4K00051")]])
    plan = run(db, officer, path)
    with db.session() as session:
        [entry] = members.member_history(session, plan.outcomes[0].member_id)
        run_entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
    assert entry.action == "create" and entry.summary == "从 Excel 导入：roster.xlsx 第 2 行"
    assert entry.after["uscc"] == uscc("MA4K00051")
    assert run_entry.after["imported"] == 1 and "roster.xlsx" in run_entry.summary


def test_status_and_numbers_are_not_overwritten(db, officer, member_values, tmp_path: Path) -> None:
    with db.session() as session:
        member = members.create_member(
            session, officer, {**member_values, "status": MemberStatus.WITHDRAWN, "left_date": dt.date(2024, 1, 1)}
        )
    path = workbook(
        tmp_path,
        [
            ["单位名称", "统一社会信用代码", "状态", "会员编号"],
            [member_values["name"], member_values["uscc"], "正常", None],
            [member_values["name"], member_values["uscc"], "正常", "WJX20990001"],
        ],
    )
    plan = run(db, officer, path)
    assert plan.outcomes[0].fate == Fate.UPDATED and plan.outcomes[0].unchanged
    assert any("会员状态以名册为准" in r for r in plan.outcomes[0].remarks)
    assert plan.outcomes[1].fate == Fate.DUPLICATE
    with db.session() as session:
        assert session.get(Member, member.id).status == MemberStatus.WITHDRAWN
    path = workbook(
        tmp_path,
        [
            ["单位名称", "统一社会信用代码", "会员编号"],
            [member_values["name"], member_values["uscc"], "WJX20990001"],
        ],
        "numbers.xlsx",
    )
    [outcome] = run(db, officer, path).outcomes
    assert outcome.fate == Fate.REJECTED and "编号不会被导入覆盖" in outcome.reason


def test_mentor_column(db, officer, tmp_path: Path) -> None:
    make_staff(db, Role.MENTOR, "mentor01", "陈晓燕")
    path = workbook(
        tmp_path,
        [
            ["单位名称", "统一社会信用代码", "班主任"],
            ["武汉甲建设有限公司", uscc("MA4K00061"), "陈晓燕"],
            ["武汉乙建设有限公司", uscc("MA4K00062"), "无此人"],
        ],
    )
    plan = run(db, officer, path)
    assert [o.fate for o in plan.outcomes] == [Fate.IMPORTED, Fate.REJECTED]
    assert "找不到在职的班主任“无此人”" in plan.outcomes[1].reason
    with db.session() as session:
        assignment = session.scalars(select(MentorAssignment)).one()
        assert assignment.member_id == plan.outcomes[0].member_id
        assert session.get(Member, assignment.member_id).mentor.full_name == "陈晓燕"


# --- within the file -----------------------------------------------------------------------------------


def test_duplicates_and_number_clashes_inside_the_file(db, officer, tmp_path: Path) -> None:
    code = uscc("MA4K00071")
    path = workbook(
        tmp_path,
        [
            ["会员编号", "单位名称", "统一社会信用代码", "联系人"],
            ["WJX20200001", "武汉甲建设有限公司", code, "张丽"],
            ["WJX20200001", "武汉甲建设有限公司", f" {code.lower()} ", "张丽"],  # the same row again
            [None, "武汉甲建设有限公司", code, "王芳"],  # the same code with other details
            ["WJX20200001", "武汉乙建设有限公司", uscc("MA4K00072"), "李四"],  # number of row 2
        ],
    )
    plan = run(db, officer, path)
    fates = [o.fate for o in plan.outcomes]
    assert fates == [Fate.IMPORTED, Fate.DUPLICATE, Fate.DUPLICATE, Fate.REJECTED]
    assert plan.outcomes[1].duplicate_of == 2 and "不完全相同" not in plan.outcomes[1].reason
    assert "两行内容不完全相同" in plan.outcomes[2].reason
    assert "“WJX20200001”与第 2 行相同" in plan.outcomes[3].reason


def test_a_rejected_row_does_not_make_a_later_good_one_a_duplicate(db, officer, tmp_path: Path) -> None:
    code = uscc("MA4K00081")
    path = workbook(
        tmp_path,
        [
            ["单位名称", "统一社会信用代码", "手机"],
            ["武汉甲建设有限公司", code, "12345"],
            ["武汉甲建设有限公司", code, "13871234567"],
        ],
    )
    assert [o.fate for o in run(db, officer, path).outcomes] == [Fate.REJECTED, Fate.IMPORTED]


# --- all or nothing, and who may ------------------------------------------------------------------------


def test_failure_while_writing_leaves_nothing(db, officer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_messy_roster(tmp_path / "r.xlsx", 30)
    table = read_roster(tmp_path / "r.xlsx")

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(importing, "_record", broken)  # after the members are inserted
    entries = count(db, AuditEntry)
    with pytest.raises(OSError), db.session() as session:
        importing.import_members(session, officer, table)
    assert count(db) == 0 and count(db, MentorAssignment) == 0 and count(db, AuditEntry) == entries


def test_cancel_from_progress_rolls_back(db, officer, tmp_path: Path) -> None:
    make_messy_roster(tmp_path / "r.xlsx", 30)
    table = read_roster(tmp_path / "r.xlsx")
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done > total // 2:  # in the writing half
            raise Cancelled()

    with pytest.raises(Cancelled), db.session() as session:
        importing.import_members(session, officer, table, progress=progress)
    assert count(db) == 0


def test_mentors_and_leaders_may_not_import(db, mentor, leader, tmp_path: Path) -> None:
    make_messy_roster(tmp_path / "r.xlsx", 5)
    for actor in (mentor, leader):
        with pytest.raises(PermissionDenied):
            run(db, actor, tmp_path / "r.xlsx")


def test_exported_roster_imports_back_unchanged(db, officer, tmp_path: Path) -> None:
    """The office's own export is a valid import: everything matches, nothing changes."""
    from desktop_app.core.services.roster import build_roster
    from desktop_app.spreadsheets.roster import write_roster_xlsx

    make_messy_roster(tmp_path / "r.xlsx", 25)
    run(db, officer, tmp_path / "r.xlsx")
    with db.session() as session:
        write_roster_xlsx(build_roster(session, officer, public=False), tmp_path / "export.xlsx")
    plan = run(db, officer, tmp_path / "export.xlsx")
    assert (plan.imported, plan.updated, plan.unchanged, plan.rejected) == (0, 25, 25, 0)


# --- cell values --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.datetime(2020, 10, 27), dt.date(2020, 10, 27)),
        ("2020.10.27", dt.date(2020, 10, 27)),
        ("2020/10/27", dt.date(2020, 10, 27)),
        ("2020-10-27", dt.date(2020, 10, 27)),
        ("2020年10月27日", dt.date(2020, 10, 27)),
        ("２０２０．１０．２７", dt.date(2020, 10, 27)),
        (" 2020 年 1 月 5 日 ", dt.date(2020, 1, 5)),
        ("20201027", dt.date(2020, 10, 27)),
        (20201027, dt.date(2020, 10, 27)),
        (44131, dt.date(2020, 10, 27)),
        (44131.0, dt.date(2020, 10, 27)),
        ("2020-10-27 00:00:00", dt.date(2020, 10, 27)),
        (None, None),
        ("  ", None),
    ],
)
def test_dates_as_offices_write_them(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == (expected, None)


def test_month_only_dates_and_bad_dates() -> None:
    day, remark = parse_date("2020年10月")
    assert day == dt.date(2020, 10, 1) and "只有年月" in remark
    for bad in ("2020.13.45", "去年", 2020.1, "2020-02-30"):
        with pytest.raises(FieldError):
            parse_date(bad)


def test_phone_shapes() -> None:
    assert split_phones(13871234567.0) == (["13871234567"], [])
    assert split_phones("027-85771234 / 13871234567") == (["13871234567"], ["027-85771234"])
    assert split_phones(85771234) == ([], ["85771234"])
    assert split_phones("1387123", "mobile") == (["1387123"], [])  # a short mobile stays a (bad) mobile
    assert split_phones("13871234567", "landline") == (["13871234567"], [])


def test_rows_missing_what_the_register_needs_are_imported_with_a_warning(db, officer, tmp_path: Path) -> None:
    """Issue 16: a row without 入会日期 became an active member with a blank date, unsaid."""
    path = workbook(
        tmp_path,
        [
            ["单位名称", "信用代码", "通讯地址", "邮政编码", "入会时间"],
            ["武汉宏达建设工程有限公司", uscc("MA4K00001"), "武汉市江岸区解放大道1399号", "430010", ""],
            ["武汉长江建设有限公司", uscc("MA4K00002"), "武汉市武昌区中北路1号", "430071", "2020.10.27"],
        ],
    )
    plan = run(db, officer, path)
    first, second = plan.outcomes
    assert first.fate == Fate.IMPORTED and second.fate == Fate.IMPORTED
    assert [str(w) for w in first.warnings] == ["入会日期为空，请在名册中补录"]
    assert second.warnings == []
    assert plan.warned == 1
    assert count(db) == 2  # written all the same: the warning asks for the date, it refuses nothing
