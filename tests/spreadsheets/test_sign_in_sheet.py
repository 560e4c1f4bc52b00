"""Sign-in sheets as offices keep them (issue 15): a merged title, a header in its variants, blank
and pre-numbered rows, a merged 单位名称 over two people, a repeated header, a totals line — every
row classified with its Excel row number; hostile files refused as the roster's reader refuses them."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop_app.spreadsheets.reader import WorkbookError
from desktop_app.spreadsheets.sign_in_sheet import read_sign_in_sheet, text_of
from desktop_app.spreadsheets.writer import append


def sheet(tmp_path: Path, rows: list[list[object]], name: str = "签到表.xlsx", title: str = "签到") -> Path:
    workbook = Workbook()
    ws = workbook.active
    ws.title = title
    for row in rows:
        append(ws, row)
    path = tmp_path / name
    workbook.save(path)
    return path


def test_a_sign_in_sheet_as_offices_keep_it(tmp_path: Path) -> None:
    path = sheet(
        tmp_path,
        [
            ["2026年度会员大会签到表"],  # 1: title
            ["时间：2026年3月1日　地点：协会会议室"],  # 2
            ["序号", "参会单位", "统一社会信用代码", "姓名", "职务", "联系电话", "签名"],  # 3: header
            [1, "武汉市江岸区宏达建设工程有限公司", "914201001777158766", "张丽", "办公室主任", 13871234567, "张丽"],
            [2, None, None, "王强", "项目经理", None, "王强"],  # 5: the same organisation, merged cell
            [3, None, None, None, None, None, None],  # 6: pre-numbered empty row
            [None, None, None, None, None, None, None],  # 7: blank
            [4, "ｗｕｈａｎ 楚天路桥（集团）", "  91420102ma4k8xy2x0 ", "刘芳", None, "027-85771234", None],
            ["序号", "参会单位", "统一社会信用代码", "姓名", "职务", "联系电话", "签名"],  # 9: repeated header
            [5, '=HYPERLINK("http://x","点击")', None, "赵六", None, None, None],
            [None, None, None, None, None, None, "签名"],  # 11: a signature alone
            ["合计：共 5 家单位"],  # 12
        ],
    )
    table = read_sign_in_sheet(path)
    assert table.header_row == 3 and table.sheet == "签到"
    assert table.columns["organisation"] == "参会单位" and table.columns["attendee"] == "姓名"
    rows = {e.row: e for e in table.entries}
    assert sorted(rows) == [4, 5, 8, 10]
    assert rows[4].organisation == "武汉市江岸区宏达建设工程有限公司" and rows[4].attendee == "张丽"
    assert rows[4].phone == "13871234567"  # a number read as the digits, not 13871234567.0
    assert rows[5].organisation == rows[4].organisation and "合并单元格" in rows[5].note
    assert rows[8].organisation == "wuhan 楚天路桥(集团)" and rows[8].uscc == "91420102ma4k8xy2x0"
    assert rows[10].organisation == '=HYPERLINK("http://x","点击")'  # our own quote taken off, kept as text
    assert sorted(table.blank_rows) == [6, 7, 11]
    assert dict(table.other_rows) == {9: "重复的表头", 12: "合计行"}
    assert table.rows_read == 9  # rows 4 … 12: every one accounted for


def test_header_variants_and_the_sheet_that_has_it(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.active.append(["本表为签到表"])
    other = workbook.create_sheet("3月1日")
    other.append(["单位名称（全称）", "参会人员"])
    other.append(["武汉宏达", "张丽、王强"])
    path = tmp_path / "variants.xlsx"
    workbook.save(path)
    table = read_sign_in_sheet(path)
    assert table.sheet == "3月1日"
    (entry,) = table.entries
    assert (entry.row, entry.organisation, entry.attendee, entry.uscc) == (2, "武汉宏达", "张丽、王强", "")


def test_a_workbook_without_a_sign_in_table_is_refused(tmp_path: Path) -> None:
    path = sheet(tmp_path, [["姓名", "手机"], ["张丽", "13871234567"]])
    with pytest.raises(WorkbookError, match="找不到签到表"):
        read_sign_in_sheet(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Excel 97-2003"),
        (b"%PDF-1.4 a pdf renamed", "而是 PDF 文件"),
        (b"", "文件是空的"),
    ],
)
def test_files_that_are_not_workbooks_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "签到表.xlsx"
    path.write_bytes(content)
    with pytest.raises(WorkbookError, match=message):
        read_sign_in_sheet(path)


def test_a_bomb_is_refused_before_openpyxl_parses_it(tmp_path: Path) -> None:
    """The roster reader's bounded opening: a sheet declaring a cell in column XFD is refused."""
    good = sheet(tmp_path, [["单位名称", "姓名"], ["武汉宏达", "张丽"]], "good.xlsx")
    bad = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data.replace(b"</sheetData>", b'<row r="3"><c r="XFD3" t="n"><v>1</v></c></row></sheetData>')
            target.writestr(item, data)
    with pytest.raises(WorkbookError, match="XFD"):
        read_sign_in_sheet(bad)


def test_text_of_cells() -> None:
    assert text_of(None) == "" and text_of(13871234567.0) == "13871234567"
    assert text_of("  武汉\u3000宏达\n建设 ") == "武汉 宏达 建设"
