"""``membership-office withdrawal …`` and ``document withdrawal-notice`` (issue 15): signed in, the
same services as the window; no path prints a notice on grounds the data do not support."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.cli import main
from desktop_app.core.migrate import open_database
from desktop_app.core.models import Role
from desktop_app.core.security import Actor
from desktop_app.core.services import accounts, members, withdrawal
from desktop_app.demo.admission import demo_pdf
from desktop_app.spreadsheets.writer import append
from tests.conftest import PASSWORD, VALID_USCC
from tests.documents.conftest import pdf_text

TODAY = dt.date.today()  # the command line runs on the system clock


@pytest.fixture(autouse=True)
def _signed_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEMBERSHIP_OFFICE_PASSWORD", PASSWORD)


@pytest.fixture
def office(db_url: str, member_values: dict) -> dict:  # type: ignore[type-arg]
    db = open_database(db_url)
    try:
        with db.session() as session:
            admin = accounts.create_first_administrator(session, "admin", "管理员", PASSWORD)
            officer = Actor.of(
                accounts.create_staff(
                    session,
                    admin,
                    {"username": "officer", "full_name": "郑会籍", "role": Role.MEMBERSHIP_OFFICER},
                    PASSWORD,
                )
            )
            idle = members.create_member(session, officer, member_values)
            other = members.create_member(
                session,
                officer,
                {**member_values, "name": "武汉楚天路桥工程有限公司", "uscc": _code("MA4K8XY2X")},
            )
            old = withdrawal.save_activity(
                session,
                officer,
                {
                    "title": "年度会员大会",
                    "held_on": TODAY - dt.timedelta(days=420),
                    "kind": "meeting",
                    "organiser": "秘书处",
                },
            )
            withdrawal.record_attendance(session, officer, old.id, idle.id, attendee="张丽")
            recent = withdrawal.save_activity(
                session,
                officer,
                {
                    "title": "安全生产培训",
                    "held_on": TODAY - dt.timedelta(days=100),
                    "kind": "training",
                    "organiser": "培训部",
                },
            )
            withdrawal.record_attendance(session, officer, recent.id, other.id)
            return {
                "url": db_url,
                "idle": idle.member_number,
                "other": other.member_number,
                "activity": recent.id,
            }
    finally:
        db.dispose()


def _code(body: str) -> str:
    from desktop_app.core.validation import uscc_check_character

    first17 = ("91420102" + body)[:17]
    return first17 + uscc_check_character(first17)


def run(office: dict, *args: str) -> int:  # type: ignore[type-arg]
    return main(["withdrawal", *args, "--db", office["url"], "--user", "officer"])


def test_review_confirm_notices_and_the_document_command(office, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert run(office, "review") == 0
    out = capsys.readouterr().out
    assert office["idle"] in out and "第十二条第（二）项 一年以上不参加本会活动" in out
    assert office["other"] not in out and out.splitlines()[-1].endswith("共有候选 1 个")

    # no confirmed case: the documents command prints nothing, whatever is asked
    document = ["document", "withdrawal-notice", "--db", office["url"], "--user", "officer", "--member", office["idle"]]
    assert main([*document, "-o", str(tmp_path / "a.pdf")]) == 1
    assert "没有经确认的取消会员资格案件" in capsys.readouterr().err and not (tmp_path / "a.pdf").exists()
    with pytest.raises(SystemExit) as refused:  # grounds cannot be typed in at all
        main([*document, "--unpaid-years", "2024,2025", "-o", str(tmp_path / "b.pdf")])
    assert refused.value.code == 2 and not (tmp_path / "b.pdf").exists()
    capsys.readouterr()

    assert run(office, "confirm", "--member", office["other"]) == 1
    assert "不符合第十二条所列任何情形" in capsys.readouterr().err
    assert run(office, "confirm", "--member", office["idle"]) == 0
    assert "已确认 1 个候选会员" in capsys.readouterr().out
    assert main([*document, "-o", str(tmp_path / "c.pdf")]) == 1
    assert "尚未发出告知书" in capsys.readouterr().err

    out_file = tmp_path / "告知书.pdf"
    assert run(office, "notices", "--member", office["idle"], "-o", str(out_file)) == 0
    out = capsys.readouterr().out
    number = f"武建协会籍〔{TODAY.year}〕1号"
    deadline = TODAY + dt.timedelta(days=30)
    assert f"{number}\t答复期限 {deadline}" in out and "邮寄批次 YJ" in out
    text = pdf_text(out_file)
    assert number in text and "一年以上不参加本会活动（第十二条第（二）项）" in text
    assert "一年以上不缴纳会费" not in text and "视为自动退会" in text and "理事会" in text
    # the documents command now reprints that notice, exactly
    assert main([*document, "-o", str(tmp_path / "d.pdf")]) == 0
    assert number in pdf_text(tmp_path / "d.pdf")
    capsys.readouterr()

    assert run(office, "cases") == 0
    out = capsys.readouterr().out
    assert f"答复期限 {deadline}（还剩 30 天）" in out
    assert run(office, "outcome", "deemed", "--member", office["idle"], "--note", "拒绝") == 1
    assert f"答复期限 {deadline} 届满之后" in capsys.readouterr().err


def test_letter_spells_activities_and_a_sign_in_sheet(office, capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    scan = tmp_path / "函.pdf"
    scan.write_bytes(demo_pdf("letter"))
    assert (
        run(
            office,
            "letter",
            "--member",
            office["other"],
            "--received",
            str(TODAY),
            "--scan",
            str(scan),
            "--reason",
            "业务转型",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "已退会。随之终止" in out and "待办" in out
    assert run(office, "spells", "--member", office["other"]) == 0
    out = capsys.readouterr().out
    assert "已退会" in out and f"{TODAY} 主动退会（会员书面申请退会（第十一条）：业务转型）" in out

    assert run(office, "activity") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "共 2 次活动"
    book = Workbook()
    append(book.active, ["单位名称", "统一社会信用代码", "姓名"])
    append(book.active, ["宏达建设", VALID_USCC, "张丽"])
    append(book.active, ["湖北华达建筑设计研究院", None, "刘芳"])
    sheet = tmp_path / "签到表.xlsx"
    book.save(sheet)
    assert run(office, "import-sign-in", str(sheet), "--activity", str(office["activity"]), "--dry-run") == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith("（试导入，未写入）签到表 签到表.xlsx：共 2 行；新登记参加 1 个会员")
    assert run(office, "import-sign-in", str(sheet), "--activity", str(office["activity"])) == 0
    out = capsys.readouterr().out
    assert "第 2 行\t已登记参加" in out and "第 3 行\t待人工匹配" in out
    assert run(office, "import-sign-in", str(sheet), "--activity", str(office["activity"])) == 0
    assert "新登记参加 0 个会员，此前已登记 1" in capsys.readouterr().out  # the same sheet again adds nothing
