"""Importing a sign-in sheet (issue 15, R-12.1 (2)): matched by credit code or name, the unmatched
left for a person to match, every row accounted for, one transaction, the same sheet twice adds
nothing, a summary line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.core.services import members, withdrawal
from desktop_app.core.services.withdrawal import Fate
from desktop_app.core.validation import uscc_check_character
from desktop_app.errors import Cancelled, ValidationError
from desktop_app.spreadsheets.writer import append


def code(body: str) -> str:
    first17 = ("91420102" + body)[:17]
    return first17 + uscc_check_character(first17)


CHUTIAN = code("MA4K8XY2X")


@pytest.fixture
def setup(db, officer, member_values):  # type: ignore[no-untyped-def]
    with db.session() as session:
        hongda = members.create_member(session, officer, member_values).id
        chutian = members.create_member(
            session, officer, {**member_values, "name": "武汉楚天路桥工程有限公司", "uscc": CHUTIAN}
        ).id
        twin_a = members.create_member(
            session, officer, {**member_values, "name": "武汉市鑫泰建筑劳务有限公司", "uscc": code("MA4K8XY3X")}
        ).id
        activity = withdrawal.save_activity(
            session,
            officer,
            {"title": "2026年度会员大会", "held_on": dt.date(2026, 3, 1), "kind": "meeting", "organiser": "秘书处"},
        ).id
    return {"hongda": hongda, "chutian": chutian, "twin": twin_a, "activity": activity}


def workbook(tmp_path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    append(sheet, ["2026年度会员大会签到表"])
    append(sheet, ["序号", "单位名称", "统一社会信用代码", "参会人", "职务"])
    for row in rows:
        append(sheet, row)
    append(sheet, ["合计"])
    path = tmp_path / "签到表.xlsx"
    book.save(path)
    return path


ROWS = [
    [1, "武汉市江岸区宏达建设工程有限公司", None, "张丽", "主任"],  # 3: by name
    [2, "楚天路桥", CHUTIAN.lower(), "王强", None],  # 4: by code (a short name)
    [3, "武汉市江岸区宏达建设工程有限公司", None, "李志强", "总经理"],  # 5: the same member again
    [4, "湖北华达建筑设计研究院", None, "刘芳", None],  # 6: no such member
    [None, None, None, None, None],  # 7: blank
    [5, "武汉楚天路桥工程有限公司", code("MA4K8XY3X"), "赵六", None],  # 8: code and name disagree
]


def test_import_matches_keeps_the_rest_and_accounts_for_every_row(db, officer, setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path, ROWS)
    with db.session() as session:
        result = withdrawal.import_sign_in_sheet(session, officer, setup["activity"], path)
    fates = {o.row: o.fate for o in result.outcomes}
    assert fates == {
        3: Fate.MATCHED,
        4: Fate.MATCHED,
        5: Fate.SAME_MEMBER,
        6: Fate.PENDING,
        7: Fate.SKIPPED,
        8: Fate.PENDING,
        9: Fate.SKIPPED,  # 合计
    }
    by_row = {o.row: o for o in result.outcomes}
    assert by_row[4].member_id == setup["chutian"] and "按信用代码匹配" in by_row[4].message
    assert "请人工核对" in by_row[8].message
    assert result.summary() == (
        "签到表 签到表.xlsx：共 7 行；新登记参加 2 个会员，此前已登记 0，同一单位另一参会人 1，"
        "待人工匹配 2（其中新增 2），此前已人工处理 0，跳过 2（空行、合计行、重复表头）"
    )
    with db.session() as session:
        attended = {a.member_id: a for a in withdrawal.attendance_of(session, setup["activity"])}
        assert set(attended) == {setup["hongda"], setup["chutian"]}
        assert attended[setup["hongda"]].attendee == "张丽、李志强"
        assert attended[setup["hongda"]].source == "签到表 签到表.xlsx 第 3 行"
        pending = withdrawal.pending_rows(session, setup["activity"])
        assert [(p.row_number, p.organisation) for p in pending] == [
            (6, "湖北华达建筑设计研究院"),
            (8, "武汉楚天路桥工程有限公司"),
        ]
    # the same sheet again adds nothing
    with db.session() as session:
        again = withdrawal.import_sign_in_sheet(session, officer, setup["activity"], path)
    assert {o.row: o.fate for o in again.outcomes if o.fate != Fate.SKIPPED} == {
        3: Fate.ALREADY,
        4: Fate.ALREADY,
        5: Fate.ALREADY,
        6: Fate.STILL_PENDING,
        8: Fate.STILL_PENDING,
    }
    with db.session() as session:
        assert len(withdrawal.attendance_of(session, setup["activity"])) == 2
        assert len(withdrawal.pending_rows(session, setup["activity"])) == 2


def test_a_person_matches_or_dismisses_the_rest(db, officer, setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path, ROWS)
    with db.session() as session:
        withdrawal.import_sign_in_sheet(session, officer, setup["activity"], path)
    with db.session() as session:
        six, eight = withdrawal.pending_rows(session, setup["activity"])
    with db.session() as session, pytest.raises(ValidationError, match="请说明为何不是会员"):
        withdrawal.dismiss_sign_in_row(session, officer, six.id, " ")
    with db.session() as session:
        withdrawal.dismiss_sign_in_row(session, officer, six.id, "设计院，非会员单位（嘉宾）")
        withdrawal.match_sign_in_row(session, officer, eight.id, setup["twin"])
    with db.session() as session:
        assert withdrawal.pending_rows(session, setup["activity"]) == []
        twin = next(a for a in withdrawal.attendance_of(session, setup["activity"]) if a.member_id == setup["twin"])
        assert twin.attendee == "赵六" and "人工匹配" in twin.source
    with db.session() as session, pytest.raises(ValidationError, match="已处理过"):
        withdrawal.match_sign_in_row(session, officer, eight.id, setup["twin"])
    # re-importing: the rows a person handled stay handled
    with db.session() as session:
        again = withdrawal.import_sign_in_sheet(session, officer, setup["activity"], path)
    assert {o.row: o.fate for o in again.outcomes if o.row in (6, 8)} == {6: Fate.RESOLVED, 8: Fate.RESOLVED}


def test_one_transaction_a_cancelled_import_leaves_nothing(db, officer, setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path, ROWS)

    def cancel(done: int, total: int) -> None:
        if done >= 3:
            raise Cancelled()

    with pytest.raises(Cancelled), db.session() as session:
        withdrawal.import_sign_in_sheet(session, officer, setup["activity"], path, progress=cancel)
    with db.session() as session:
        assert withdrawal.attendance_of(session, setup["activity"]) == []
        assert withdrawal.pending_rows(session, setup["activity"]) == []


def test_dry_run_writes_nothing(db, officer, setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path, ROWS)
    with db.session() as session:
        result = withdrawal.import_sign_in_sheet(session, officer, setup["activity"], path, dry_run=True)
    assert result.count(Fate.MATCHED) == 2 and result.count(Fate.PENDING) == 2
    with db.session() as session:
        assert withdrawal.attendance_of(session, setup["activity"]) == []


def test_a_broken_file_is_refused_with_the_reason(db, officer, setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "签到表.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")
    with db.session() as session, pytest.raises(ValidationError, match="签到表.xlsx"):
        withdrawal.import_sign_in_sheet(session, officer, setup["activity"], path)


def test_activities_are_checked_and_kept(db, officer, setup) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session, pytest.raises(ValidationError) as error:
        withdrawal.save_activity(session, officer, {"title": "", "held_on": dt.date(2027, 1, 1), "kind": "x"})
    assert set(error.value.errors) == {"title", "organiser", "kind", "held_on"}
    assert "不能晚于今天" in error.value.errors["held_on"]
    with db.session() as session:
        withdrawal.record_attendance(session, officer, setup["activity"], setup["hongda"], attendee="张丽")
    with db.session() as session, pytest.raises(ValidationError, match="已登记过"):
        withdrawal.record_attendance(session, officer, setup["activity"], setup["hongda"])
    with db.session() as session, pytest.raises(ValidationError, match="不能删除"):
        withdrawal.delete_activity(session, officer, setup["activity"])
    with db.session() as session:
        (row,) = withdrawal.list_activities(session)
        assert (row.attended, row.pending) == (1, 0)
        (attended,) = withdrawal.member_attendance(session, setup["hongda"])
        assert attended.title == "2026年度会员大会"
