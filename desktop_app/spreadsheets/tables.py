"""A table (``records.SheetTable``) as an Excel workbook: the plaque order for the engraving
vendor, the courier manifest. Title lines merged above a styled, frozen header; thin borders;
landscape A4 one page wide with the header repeated when printed. Every cell goes through
``spreadsheets.writer`` (a member name or address that looks like a formula is written as text).
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from desktop_app.records import SheetTable
from desktop_app.spreadsheets import writer

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_table_xlsx(table: SheetTable, out: str | Path | IO[bytes]) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = table.sheet_name[:31]
    width = max(1, len(table.columns))
    for number, line in enumerate(table.heading, 1):
        writer.append(sheet, [line])
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
        if number == 1:
            sheet["A1"].font = Font(size=16, bold=True)
            sheet["A1"].alignment = Alignment(horizontal="center")
    header_row = len(table.heading) + 1
    writer.append(sheet, [name for name, _width, _centred in table.columns])
    for column, (_name, chars, _centred) in enumerate(table.columns, 1):
        cell = sheet.cell(header_row, column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = BORDER
        sheet.column_dimensions[get_column_letter(column)].width = chars
    alignments = [
        Alignment(horizontal="center" if centred else "left", vertical="center", wrap_text=True)
        for _name, _chars, centred in table.columns
    ]
    for row, values in enumerate(table.rows, header_row + 1):  # counted, not sheet.max_row: that is O(rows)
        writer.append(sheet, values)
        for column, alignment in enumerate(alignments, 1):
            cell = sheet.cell(row, column)
            cell.border = BORDER
            cell.alignment = alignment
    if table.footing:
        writer.append(sheet, [])
        for line in table.footing:
            writer.append(sheet, [line])
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(out)
