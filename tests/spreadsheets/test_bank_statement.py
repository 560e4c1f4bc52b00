"""Reading a bank's Excel statement (issue 13): the header found under the bank's title lines in
its usual variants, signed amounts (credit/debit columns, or one amount with a direction), dates
as Excel dates or text, every row accounted for, hostile files refused as the roster reader does."""

from __future__ import annotations

import datetime as dt
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from desktop_app.spreadsheets.bank_statement import parse_money, read_bank_statement
from desktop_app.spreadsheets.reader import WorkbookError

D = Decimal

HEADER = ["交易日期", "交易时间", "借方发生额", "贷方发生额", "余额", "对方户名", "对方账号", "摘要", "交易流水号"]


def statement(path: Path, rows: list[list[Any]], *, header: list[str] = HEADER, title: bool = True) -> Path:
    """A statement as Chinese banks export it: title lines, the account, the header, transactions."""
    book = Workbook()
    sheet = book.active
    sheet.title = "账户明细"
    if title:
        sheet.append(["中国建设银行 单位账户交易明细"])
        sheet.append(["账号：4200 1000 1234 0000 0001", None, "户名：武汉建筑业协会"])
        sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_statement_is_read_row_by_row(tmp_path: Path) -> None:
    path = statement(
        tmp_path / "流水.xlsx",
        [
            [
                dt.datetime(2026, 11, 20),
                "10:23:11",
                None,
                2000,
                102000,
                "武汉第1建设工程有限公司",
                "4200 0011",
                "会费",
                "HX001",
            ],
            ["2026-11-21", "", "", "1,500.00", "", "武汉某某公司", "", "2026年会费 WJX20200001", "HX002"],
            ["2026/11/22", "", "300.00", "", "", "武汉某供应商", "", "办公用品", "HX003"],
            [],
            ["20261123", "", "", "两千", "", "某单位", "", "", "HX004"],
            ["本页合计", "", "300.00", "3500.00", "", "", "", "", ""],
        ],
    )
    table = read_bank_statement(path)
    assert (table.sheet, table.header_row) == ("账户明细", 4)
    assert "中国建设银行" in table.title and table.columns["credit"] == "贷方发生额"
    first, second, third, fourth = table.rows
    assert (first.number, first.booked_on, first.amount, first.payer_name) == (
        5,
        dt.date(2026, 11, 20),
        D("2000.00"),
        "武汉第1建设工程有限公司",
    )
    assert first.payer_account == "42000011" and first.serial == "HX001" and first.incoming
    assert (second.booked_on, second.amount, second.reference) == (
        dt.date(2026, 11, 21),
        D("1500.00"),
        "2026年会费 WJX20200001",
    )
    assert third.amount == D("-300.00") and not third.incoming  # money out
    assert fourth.number == 9 and fourth.problem == "金额“两千”无法识别" and not fourth.incoming
    assert table.blank_rows == [8] and table.totals_rows == [10]


def test_one_amount_column_with_a_direction(tmp_path: Path) -> None:
    path = statement(
        tmp_path / "工行.xlsx",
        [
            ["2026年11月20日", "贷", 2000, "武汉第1建设工程有限公司", "会费"],
            ["2026.11.21", "借", 500, "电费", ""],
            ["2026-11-22", "", -80, "手续费", ""],
            ["2026-13-01", "贷", 100, "某单位", ""],
        ],
        header=["记账日期", "借贷标志", "交易金额", "付款人名称", "用途"],
        title=False,
    )
    table = read_bank_statement(path)
    assert [(r.booked_on, r.amount) for r in table.rows[:3]] == [
        (dt.date(2026, 11, 20), D("2000.00")),
        (dt.date(2026, 11, 21), D("-500.00")),
        (dt.date(2026, 11, 22), D("-80.00")),
    ]
    assert table.rows[3].problem == "交易日期“2026-13-01”无法识别"


def test_money_as_banks_write_it() -> None:
    assert parse_money("¥2,000.00") == D("2000.00")
    assert parse_money("2000元") == D("2000.00")
    assert parse_money("(500.00)") == D("-500.00")
    assert parse_money(1999.999) == D("2000.00")
    assert parse_money("--") is None and parse_money(None) is None
    with pytest.raises(ValueError):
        parse_money("两千")


def test_a_workbook_without_a_statement_is_refused(tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["单位名称", "统一社会信用代码"])
    book.save(tmp_path / "名册.xlsx")
    with pytest.raises(WorkbookError, match="找不到银行流水表"):
        read_bank_statement(tmp_path / "名册.xlsx")


def test_hostile_and_wrong_files_are_refused_before_parsing(tmp_path: Path) -> None:
    pdf = tmp_path / "流水.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n")
    with pytest.raises(WorkbookError, match="而是 PDF 文件"):
        read_bank_statement(pdf)
    xls = tmp_path / "old.xlsx"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(WorkbookError, match="Excel 97-2003"):
        read_bank_statement(xls)
    bomb = tmp_path / "bomb.xlsx"  # one cell in column XFD: refused by the roster reader's limits
    source = statement(tmp_path / "ok.xlsx", [["2026-11-20", "", "", 1, "", "", "", "", ""]])
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b'<row r="9"><c r="XFD9" t="n"><v>1</v></c></row></sheetData>')
            out.writestr(item, data)
    with pytest.raises(WorkbookError, match="列"):
        read_bank_statement(bomb)
    with pytest.raises(WorkbookError, match="找不到文件"):
        read_bank_statement(tmp_path / "none.xlsx")
