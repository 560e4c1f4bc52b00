"""The courier's workbooks (issue 14): the bulk-order manifest we upload, and the waybills we
download back.

``write_manifest(table, out)``: the manifest (``records.SheetTable``, its columns as the courier's
template has them) with the header in the first row, as the couriers' importers read it — no
title above it. A batch has thousands of rows, so the workbook is written in openpyxl's write-only
mode (``tables.write_table_xlsx`` styles every cell and took a minute for 5,000 rows); every cell
goes through ``writer`` (text stays text, formulas neutralised), the header is bold on grey and
frozen, with an auto-filter and column widths.

``read_waybills(path)``: after the bulk order, SF Express, EMS and the others let the office
download the waybills — one row per parcel with the waybill number (运单号), the order reference we
gave (用户订单号), the recipient and the phone. The columns are found under their usual names and
the rows returned as text. The file comes from outside the office, so it is refused exactly like an
imported roster before openpyxl parses anything (``reader``'s checks: not a workbook, password,
damaged, workbook bombs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop_app.records import SheetTable
from desktop_app.spreadsheets import writer
from desktop_app.spreadsheets.reader import (
    MAX_COLUMNS,
    WorkbookError,
    _check_file,
    _check_package,
    _trimmed,
    header_key,
)

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="EEEEEE")
HEADER_ALIGNMENT = Alignment(horizontal="center", vertical="center")


def write_manifest(table: SheetTable, out: str | Path | IO[bytes]) -> None:
    """The manifest as the courier's importer wants it: header in row 1, one row per parcel."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(table.sheet_name[:31] or "Sheet1")
    for column, (_title, chars, _centred) in enumerate(table.columns, 1):
        sheet.column_dimensions[get_column_letter(column)].width = chars
    sheet.freeze_panes = "A2"
    if table.columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    header = [
        writer.text_cell(sheet, title, font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGNMENT)
        for title, _chars, _centred in table.columns
    ]
    writer.append(sheet, header)
    for values in table.rows:
        writer.append(sheet, values)
    book.save(out)


# Header names of the couriers' exports, by what they hold (compared after ``header_key``).
WAYBILL_HEADERS: dict[str, tuple[str, ...]] = {
    "waybill": (
        "运单号",
        "运单号码",
        "快递单号",
        "单号",
        "运单编号",
        "邮件号",
        "邮件号码",
        "快件单号",
        "物流单号",
        "面单号",
    ),
    "reference": ("用户订单号", "订单号", "客户订单号", "参考号", "客户单号", "商家订单号", "寄件人订单号", "订单编号"),
    "name": ("收件人", "收件人姓名", "收件联系人", "收方联系人", "收货人"),
    "phone": (
        "收件人电话",
        "收件电话",
        "收件人手机",
        "收件联系电话",
        "收方电话",
        "收件人联系电话",
        "收货人电话",
        "手机号码",
    ),
    "company": ("收件公司", "收件单位", "收方公司", "收件人单位", "收件人公司"),
}
_INDEX = {header_key(name): key for key, names in WAYBILL_HEADERS.items() for name in names}
HEADER_SEARCH_ROWS = 10
MAX_ROWS = 100_000


@dataclass(frozen=True)
class WaybillRow:
    row: int  # the row number Excel shows
    waybill: str
    reference: str = ""
    name: str = ""
    phone: str = ""
    company: str = ""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a waybill number typed as a number: 1403000000000.0
    return re.sub(r"\s+", " ", str(value)).strip()


def read_waybills(path: str | Path) -> list[WaybillRow]:
    """The rows of the courier's export that have a waybill number. ``WorkbookError`` (Chinese)
    for a file that is not such a workbook."""
    path = Path(path)
    _check_file(path)
    try:
        _check_package(path)
        return _read(path)
    except WorkbookError:
        raise
    except MemoryError:
        raise WorkbookError(f"“{path.name}”太大，无法读取。") from None
    except Exception as exc:  # noqa: BLE001 — an outside file: openpyxl raises anything
        raise WorkbookError(
            f"“{path.name}”已损坏或不是有效的 Excel 工作簿，无法读取。（技术信息：{type(exc).__name__}: {str(exc)[:200]}）"
        ) from exc


def _read(path: Path) -> list[WaybillRow]:
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            if not hasattr(sheet, "iter_rows"):
                continue
            sheet.reset_dimensions()
            rows = sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True)
            header: dict[str, int] | None = None
            header_row = 0
            out: list[WaybillRow] = []
            for number, raw in enumerate(rows, 1):
                cells = _trimmed(tuple(raw))
                if header is None:
                    found = {_INDEX[header_key(v)]: i for i, v in enumerate(cells) if header_key(v) in _INDEX}
                    if "waybill" in found:
                        header, header_row = found, number
                    elif number >= HEADER_SEARCH_ROWS:
                        break
                    continue
                if number - header_row > MAX_ROWS:
                    raise WorkbookError(f"工作表“{sheet.title}”超过 {MAX_ROWS} 行，不像是快递单号表。")
                values = {key: _cell(cells[i]) if i < len(cells) else "" for key, i in header.items()}
                if values.get("waybill"):
                    out.append(WaybillRow(number, **values))
            if header is not None:
                return out
        raise WorkbookError(
            f"在“{path.name}”中找不到运单号：前 {HEADER_SEARCH_ROWS} 行中没有“运单号”“快递单号”等列名。"
            "请用快递公司导出的运单表（含运单号和用户订单号两列）。"
        )
    finally:
        book.close()
