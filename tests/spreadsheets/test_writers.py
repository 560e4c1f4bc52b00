"""The roster workbook (R-9.2) and the rejected-rows workbook sent back to the mentors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from desktop_app.core.services.roster import columns
from desktop_app.records import Roster
from desktop_app.spreadsheets.reader import read_roster
from desktop_app.spreadsheets.rejected import write_rejected_rows
from desktop_app.spreadsheets.roster import write_roster_xlsx
from tests.spreadsheets.messy import make_messy_roster


def sample(public: bool, rows: int = 3) -> Roster:
    chosen = columns(public)
    data = []
    for n in range(1, rows + 1):
        values = {
            "serial": n,
            "member_number": f"WJX2020{n:04d}",
            "name": f"武汉第{n}建设工程有限公司",
            "join_date": dt.date(2020, 10, n),
            "liaison_mobile": "13871234567",
            "level": "会员单位",
        }
        data.append(tuple(values.get(c.key) for c in chosen))
    return Roster(
        "武汉建筑业协会会员名册", "武汉建筑业协会", dt.date(2026, 11, 26), public, chosen, data, [("会员单位", rows)]
    )


def test_roster_workbook_is_styled_frozen_filtered_and_printable(tmp_path: Path) -> None:
    write_roster_xlsx(sample(public=False), tmp_path / "r.xlsx")
    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert sheet.title == "会员名册"
    assert "2026年11月26日" in sheet["A1"].value and "内部版" in sheet["A1"].value
    assert [str(r) for r in sheet.merged_cells.ranges] == [f"A1:{sheet.cell(2, len(columns(False))).column_letter}1"]
    header = [c.value for c in sheet[2]]
    assert header[:3] == ["序号", "会员编号", "单位名称"] and "联络员手机" in header
    assert sheet["A2"].font.b and sheet["A2"].fill.fgColor.rgb.endswith("DCE6F1")
    assert sheet.freeze_panes == "D3"  # header row, and serial/number/name columns, stay in view
    assert sheet.auto_filter.ref == f"A2:{sheet.cell(2, len(header)).column_letter}5"
    assert sheet.print_title_rows == "$2:$2" and sheet.page_setup.orientation == "landscape"
    assert "&P" in sheet.oddFooter.center.text
    date_column = header.index("入会日期") + 1
    cell = sheet.cell(3, date_column)
    assert cell.is_date and cell.value.date() == dt.date(2020, 10, 1) and cell.number_format == "yyyy-mm-dd"
    assert sheet.column_dimensions["C"].width >= 30  # names fit
    assert not (tmp_path / "r.xlsx.partial").exists()


def test_public_workbook_has_no_personal_columns(tmp_path: Path) -> None:
    write_roster_xlsx(sample(public=True), tmp_path / "p.xlsx")
    sheet = load_workbook(tmp_path / "p.xlsx").active
    header = [c.value for c in sheet[2]]
    assert "联络员手机" not in header and "微信" not in header and "电子邮箱" not in header
    assert "公开版" in sheet["A1"].value
    assert "13871234567" not in {str(c.value) for row in sheet.iter_rows() for c in row}


def test_rejected_rows_workbook_keeps_columns_and_reimports(tmp_path: Path) -> None:
    expected = make_messy_roster(tmp_path / "r.xlsx", 12, two_row_header=True)
    table = read_roster(tmp_path / "r.xlsx")
    rejected = [(row, f"第 {row} 行：原因{row}") for row in sorted(expected.rejected)]
    write_rejected_rows(table, rejected, tmp_path / "rejected.xlsx")
    sheet = load_workbook(tmp_path / "rejected.xlsx").active
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["原行号", "未导入原因"] and "联络员手机" in header
    assert [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)] == sorted(expected.rejected)
    assert sheet.cell(2, 2).value.startswith(f"第 {sorted(expected.rejected)[0]} 行")
    # corrected by a mentor, the file goes back in as it is: same columns, reason columns ignored
    again = read_roster(tmp_path / "rejected.xlsx")
    assert {c.field for c in again.columns} >= {"name", "uscc", "liaison_name", "liaison_mobile", "join_date"}
    assert len(again.rows) == len(expected.rejected)
