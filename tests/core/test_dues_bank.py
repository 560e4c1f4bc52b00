"""Bank statement import (issue 13): lines matched by credit code, member number or payer name and
booked; the rest left to match by hand or set aside; every row accounted for; one transaction;
the same statement imported twice books nothing twice."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.core.models import BankStatementLine, DuesPayment, LineStatus, MemberStatus
from desktop_app.core.services import dues
from desktop_app.errors import PermissionDenied, ValidationError
from desktop_app.spreadsheets.bank_statement import read_bank_statement
from tests.core.test_dues import add_member, bill, bills, uscc
from tests.spreadsheets.test_bank_statement import statement

D = Decimal


@pytest.fixture
def three(db, officer):  # type: ignore[no-untyped-def]
    ids = [add_member(db, officer, n) for n in (1, 2, 3)]
    add_member(db, officer, 4, status=MemberStatus.WITHDRAWN)
    bill(db, officer, 2026)
    return ids


def rows() -> list[list]:
    return [
        ["2026-11-20", "", "", 2000, "", "武汉第1建设工程有限公司", "4200 0011", "2026年度会费", "HX001"],
        ["2026-11-20", "", "", 1500, "", "张三", "", f"代付 {uscc(2)} 会费", "HX002"],  # by the code in the text
        ["2026-11-21", "", "", 2000, "", "某某", "", "会费 会员编号 WJX20200003", "HX003"],
        ["2026-11-21", "", "", 800, "", "湖北不认识的公司", "", "会费", "HX004"],  # unmatched
        ["2026-11-21", "", "", 2000, "", "武汉第4建设工程有限公司", "", "会费", "HX005"],  # a former member
        ["2026-11-22", "", 45, "", "", "银行", "", "手续费", "HX006"],  # out
        ["2026-11-22", "", "", "abc", "", "某单位", "", "", "HX007"],  # unreadable
        ["合计", "", 45, 8300, "", "", "", "", ""],
    ]


def run(db, actor, path: Path) -> dues.BankImportResult:  # type: ignore[no-untyped-def]
    sheet = read_bank_statement(path)
    with db.session() as session:
        return dues.import_statement(session, actor, sheet)


def test_a_statement_is_booked_and_every_row_accounted_for(db, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as session:  # member numbers are assigned on entering: find the third one's
        from desktop_app.core.models import Member

        third_number = session.get(Member, three[2]).member_number
    data = rows()
    data[2][7] = f"会费 会员编号 {third_number}"
    path = statement(tmp_path / "流水.xlsx", data)
    result = run(db, officer, path)
    assert [(f.row, f.fate) for f in result.fates] == [
        (5, "booked"),
        (6, "booked"),
        (7, "booked"),
        (8, "unmatched"),
        (9, "unmatched"),
        (10, "outgoing"),
        (11, "rejected"),
    ]
    assert result.totals_rows == [12]
    assert "按单位名称入账" in result.fates[0].text and "按信用代码入账" in result.fates[1].text
    assert "按会员编号入账" in result.fates[2].text
    assert "没有名为“湖北不认识的公司”的会员" in result.fates[3].text
    assert "已退会的会员“武汉第4建设工程有限公司”" in result.fates[4].text
    assert result.summary_line() == ("rows 7: booked 3, unmatched 2, already imported 0, not incoming 1, rejected 1")
    assert result.booked_amount == D("5500.00") and len(result.receipts) == 3
    assert bills(db, three[0])[2026].settled and bills(db, three[1])[2026].paid == D("1500.00")

    # the same statement again: nothing booked twice, every row still accounted for
    again = run(db, officer, path)
    assert again.summary_line() == "rows 7: booked 0, unmatched 0, already imported 5, not incoming 1, rejected 1"
    assert "已于 2026-11-26 09:30 导入（当时第 5 行）" in again.fates[0].text
    with db.session() as session:
        assert session.scalar(select(func.count(DuesPayment.id))) == 3
        waiting = dues.statement_lines(session, officer)
        assert [line.payer_name for line in waiting] == ["武汉第4建设工程有限公司", "湖北不认识的公司"]  # newest first

    # a person matches one by hand and sets the other aside
    unknown = next(line for line in waiting if line.payer_name == "湖北不认识的公司")
    former = next(line for line in waiting if line.payer_name != "湖北不认识的公司")
    with db.session() as session:
        booked = dues.match_line(session, officer, unknown.id, three[1])
        assert booked.settled == [(2026, D("500.00"))] and booked.credit == D("300.00")
    with db.session() as session, pytest.raises(ValidationError, match="原因：不能为空"):
        dues.ignore_line(session, officer, former.id, "")
    with db.session() as session:
        dues.ignore_line(session, officer, former.id, "退会单位误转，已联系退款")
        with pytest.raises(ValidationError, match="已入账"):
            dues.match_line(session, officer, unknown.id, three[2])
    with db.session() as session:
        assert dues.statement_lines(session, officer) == []
        assert {line.status for line in dues.statement_lines(session, officer, status=None)} == {
            LineStatus.BOOKED,
            LineStatus.IGNORED,
        }


def test_a_reversed_bank_payment_waits_to_be_matched_again(db, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = statement(tmp_path / "流水.xlsx", rows()[:1])
    result = run(db, officer, path)
    payment_id = result.fates[0].line_id
    with db.session() as session:
        line = session.get(BankStatementLine, payment_id)
        dues.reverse_payment(session, officer, line.payment_id, "对应错了会员")
    with db.session() as session:
        line = session.get(BankStatementLine, payment_id)
        assert line.status == LineStatus.UNMATCHED and line.payment_id is None and "冲正后待重新核对" in line.note
        dues.match_line(session, officer, line.id, three[2])
    assert bills(db, three[2])[2026].settled and not bills(db, three[0])[2026].settled
    assert run(db, officer, path).count("duplicate") == 1  # still known: never booked twice


def test_identical_lines_without_a_serial_are_two_payments_once(db, officer, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    twice = ["2026-11-20", "", "", 1000, "", "武汉第1建设工程有限公司", "", "会费", ""]
    path = statement(tmp_path / "流水.xlsx", [twice, list(twice)])
    assert run(db, officer, path).count("booked") == 2  # two transfers of the same day and amount
    assert run(db, officer, path).count("duplicate") == 2
    assert bills(db, three[0])[2026].settled


def test_an_import_is_one_transaction_and_needs_the_office(db, officer, mentor, three, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = statement(tmp_path / "流水.xlsx", rows())
    sheet = read_bank_statement(path)
    with pytest.raises(PermissionDenied):
        with db.session() as session:
            dues.import_statement(session, mentor, sheet)

    def stop(done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        with db.session() as session:
            dues.import_statement(session, officer, sheet, progress=stop)
    with db.session() as session:  # nothing of the interrupted run was kept
        assert session.scalar(select(func.count(DuesPayment.id))) == 0
        assert session.scalar(select(func.count(BankStatementLine.id))) == 0
