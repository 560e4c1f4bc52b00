"""The rows an import rejected, as a workbook to send back to the mentors.

It keeps the original columns and values, with the original row number and the reason in front,
so a mentor can correct the rows in Excel and the office can import the corrected file as it is
(the two extra columns are not member fields and are ignored on import). The values are written
through ``spreadsheets.writer``: one that looks like a formula gets a quote in front (never a live
formula), which the reader takes off again when the corrected file comes back.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop_app.spreadsheets import writer
from desktop_app.spreadsheets.reader import RosterSheet

REASON_FILL = PatternFill("solid", fgColor="FBE3E1")
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")


def write_rejected_rows(table: RosterSheet, rejected: Iterable[tuple[int, str]], path: str | Path) -> Path:
    """``rejected``: (Excel row number, reason) of each rejected row of ``table``."""
    path = Path(path)
    by_number = {row.number: row for row in table.rows}
    width = max((c.index for c in table.columns), default=-1) + 1
    titles: list[str] = [""] * width
    for column in table.columns:
        titles[column.index] = column.title
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "未导入的行"
    writer.append(sheet, ["原行号", "未导入原因", *titles])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    count = 0
    for number, reason in rejected:
        row = by_number.get(number)
        cells = list(row.cells[:width]) if row is not None else []
        cells += [None] * (width - len(cells))
        writer.append(sheet, [number, reason, *cells])
        count += 1
        reason_cell = sheet.cell(row=count + 1, column=2)
        reason_cell.fill = REASON_FILL
        reason_cell.alignment = Alignment(wrap_text=True, vertical="top")
        for offset, value in enumerate(cells, start=3):
            if hasattr(value, "year"):
                sheet.cell(row=count + 1, column=offset).number_format = "yyyy-mm-dd"
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 60
    for column in table.columns:
        title_width = sum(2 if ord(ch) > 0x2E80 else 1 for ch in column.title)
        sheet.column_dimensions[get_column_letter(column.index + 3)].width = max(10, min(40, title_width + 4))
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(width + 2)}{count + 1}"
    tmp = path.with_name(path.name + ".partial")
    workbook.save(tmp)
    tmp.replace(path)
    return path
