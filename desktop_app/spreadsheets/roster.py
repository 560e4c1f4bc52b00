"""The published roster as an Excel workbook (R-9.2).

Written in openpyxl's write-only mode, row by row as plain values, so that 100,000 members cost
little more than openpyxl's own minimum (``benchmarks/bench_import_export.py``). Only the title
and header cells carry styles; dates are written as dates (Excel shows and sorts them as such).
For printing: landscape A4, one page wide, the header repeated on every page, page numbers.
Every cell goes through ``spreadsheets.writer``: a name or address that looks like a formula is
written as text with a quote in front, never as a live formula.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from desktop_app.records import Roster
from desktop_app.spreadsheets import writer

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
THIN = Side(style="thin", color="8EA9C1")
ProgressFn = Callable[[int, int], None]


def write_roster_xlsx(roster: Roster, path: str | Path, progress: ProgressFn | None = None) -> Path:
    path = Path(path)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("会员名册")
    width = len(roster.columns)
    last = get_column_letter(width)
    for index, column in enumerate(roster.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[1].height = 30
    sheet.row_dimensions[2].height = 22
    # Header row frozen, and the serial, number and name columns with it when scrolling right.
    sheet.freeze_panes = "D3"
    sheet.print_title_rows = "2:2"
    sheet.auto_filter.ref = f"A2:{last}{len(roster.rows) + 2}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9  # A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    made = f"{roster.made_on.year}年{roster.made_on.month}月{roster.made_on.day}日"
    sheet.oddHeader.right.text = f"{roster.version_label}  制表日期：{made}"
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"

    title = writer.text_cell(
        sheet,
        f"{roster.title}（{roster.version_label}，{made}制表，共 {len(roster.rows)} 个会员）",
        font=Font(name="宋体", size=16, bold=True),
        alignment=Alignment(horizontal="center", vertical="center"),
    )
    sheet.merged_cells.add(f"A1:{last}1")
    writer.append(sheet, [title])
    header_font = Font(name="宋体", bold=True)
    header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header_border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
    header = [
        writer.text_cell(
            sheet, column.title, font=header_font, fill=HEADER_FILL, alignment=header_alignment, border=header_border
        )
        for column in roster.columns
    ]
    writer.append(sheet, header)

    total = len(roster.rows)
    append = writer.append
    step = 5000
    for start in range(0, total, step):
        for row in roster.rows[start : start + step]:
            append(sheet, row)
        if progress is not None:
            progress(min(start + step, total), total)
    tmp = path.with_name(path.name + ".partial")
    workbook.save(tmp)
    tmp.replace(path)  # never a half-written roster under the real name
    return path
