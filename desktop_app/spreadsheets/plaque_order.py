"""The plaque order (牌匾订制单, R-5.6) as an Excel workbook for the engraving vendor.

The same lines and columns as the PDF (``documents.plaque_order``), so the vendor can copy the
wording straight into its engraving software. Lines that cannot be ordered are left out and
listed in the report, as in the PDF. Every cell goes through ``spreadsheets.writer`` (a member
name or address that looks like a formula is written as text, never as a live formula).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from desktop_app.documents import BuildReport, Problem, Progress
from desktop_app.documents.inputs import DocumentContext, PlaqueOrderInput
from desktop_app.documents.numerals import chinese_date
from desktop_app.documents.plaque_order import COLUMNS, check, plaque_wording, title
from desktop_app.spreadsheets import writer

THIN = Side(style="thin", color="808080")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write_plaque_order(out: str | Path | IO[bytes], items: Sequence[PlaqueOrderInput], context: DocumentContext,
                       progress: Progress | None = None) -> BuildReport:  # fmt: skip
    report = BuildReport("plaque-order", items=len(items), pages=1)
    book = Workbook()
    sheet = book.active
    sheet.title = "牌匾订制单"
    association = context.association
    width = len(COLUMNS)
    writer.append(sheet, [title(context)])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet["A1"].font = Font(size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center")
    writer.append(sheet, [f"订制单位：{association.name}{association.office}　地址：{association.address}"
                          f"（{association.postcode}）　电话：{association.phone}"])  # fmt: skip
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    writer.append(sheet, [f"制作单位：{context.plaque_vendor}　日期：{chinese_date(context.today)}"])
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=width)
    header_row = 4
    writer.append(sheet, [name for name, _w, _a in COLUMNS])
    for column, (_name, width_mm, _align) in enumerate(COLUMNS, 1):
        cell = sheet.cell(header_row, column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = BORDER
        sheet.column_dimensions[get_column_letter(column)].width = max(6, width_mm / 2.1)
    if progress is not None:
        progress(0, len(items))
    total = 0
    for index, item in enumerate(items, 1):
        problems = check(item)
        if problems:
            report.problems.append(Problem(item, "；".join(problems)))
        else:
            report.drawn += 1
            total += item.quantity
            writer.append(sheet, [report.drawn, item.member_name, plaque_wording(item, context), item.year,
                                  item.size, item.material, item.quantity, item.delivery_contact or "",
                                  item.delivery_phone or "", item.delivery_address or ""])  # fmt: skip
            row = sheet.max_row
            for column, (_name, _w, align) in enumerate(COLUMNS, 1):
                cell = sheet.cell(row, column)
                cell.border = BORDER
                cell.alignment = Alignment(horizontal="center" if align == "centre" else "left",
                                           vertical="center", wrap_text=True)  # fmt: skip
            if not (item.delivery_contact and item.delivery_phone and item.delivery_address):
                report.problems.append(Problem(item, "收货联系人、电话或地址不全，订单上留空", drawn=True))
        if progress is not None:
            progress(index, len(items))
    writer.append(sheet, [])
    writer.append(sheet, [f"合计：{report.drawn} 个会员单位，牌匾 {total} 块。"])
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(out)
    return report
