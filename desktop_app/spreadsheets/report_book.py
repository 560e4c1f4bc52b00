"""Reports as Excel workbooks (issue 17): several tables (``records.SheetTable``), one sheet each,
with Excel's own charts drawn from the table's cells — the half-yearly mentor report (R-9.5) and
the membership statistics.

Each sheet looks like ``spreadsheets.tables``' (title lines merged above a styled, frozen header,
thin borders, landscape A4 one page wide); every cell goes through ``spreadsheets.writer``. A chart
names the table's columns it draws: the categories and the series, over the table's first ``rows``
rows (a totals row left out). The chart refers to the cells, so a figure corrected in Excel is
redrawn there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from desktop_app.records import SheetTable
from desktop_app.spreadsheets import writer
from desktop_app.spreadsheets.tables import BORDER

CHART_KINDS = ("column", "bar", "pie", "line")


@dataclass(frozen=True)
class ChartSpec:
    """A chart of some columns of a sheet's table (0-based column indexes)."""

    title: str
    kind: str  # column (vertical bars) | bar (horizontal) | pie | line
    category_column: int
    value_columns: tuple[int, ...]
    rows: int | None = None  # the first N data rows (None: all)
    y_title: str = ""
    percent: bool = False  # the values are ratios (0–1): the axis in per cent

    def __post_init__(self) -> None:
        if self.kind not in CHART_KINDS:
            raise ValueError(f"chart kind {self.kind!r}")


@dataclass
class ReportSheet:
    """One sheet: the table, its charts (placed under the table), and number formats per column
    (e.g. ``{4: "0.0%"}`` for a ratio, ``{5: "#,##0.00"}`` for an amount)."""

    table: SheetTable
    charts: list[ChartSpec] = field(default_factory=list)
    number_formats: dict[int, str] = field(default_factory=dict)


def write_report_book(sheets: Sequence[ReportSheet], out: str | Path | IO[bytes]) -> None:
    book = Workbook()
    first = True
    for spec in sheets:
        sheet = book.active if first else book.create_sheet()
        first = False
        _fill(sheet, spec)
    book.save(out)


def _fill(sheet: Any, spec: ReportSheet) -> None:
    table = spec.table
    sheet.title = table.sheet_name[:31]
    width = max(1, len(table.columns))
    for number, line in enumerate(table.heading, 1):
        writer.append(sheet, [line])
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=width)
        cell = sheet.cell(number, 1)
        cell.font = Font(size=16, bold=True) if number == 1 else Font(size=10, color="555555")
        cell.alignment = Alignment(horizontal="center" if number == 1 else "left", wrap_text=number > 1)
    header_row = len(table.heading) + 1
    writer.append(sheet, [name for name, _width, _centred in table.columns])
    for column, (_name, chars, _centred) in enumerate(table.columns, 1):
        cell = sheet.cell(header_row, column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BORDER
        sheet.column_dimensions[get_column_letter(column)].width = chars
    sheet.row_dimensions[header_row].height = 30
    alignments = [
        Alignment(horizontal="center" if centred else "left", vertical="center", wrap_text=True)
        for _name, _chars, centred in table.columns
    ]
    for row, values in enumerate(table.rows, header_row + 1):
        writer.append(sheet, values)
        for column, alignment in enumerate(alignments, 1):
            cell = sheet.cell(row, column)
            cell.border = BORDER
            cell.alignment = alignment
            number_format = spec.number_formats.get(column - 1)
            if number_format and isinstance(cell.value, (int, float)):
                cell.number_format = number_format
    last_row = header_row + len(table.rows)
    if table.footing:
        writer.append(sheet, [])
        for line in table.footing:
            writer.append(sheet, [line])
            last_row = sheet.max_row
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    anchor_row = (last_row if table.footing else header_row + len(table.rows)) + 2
    for number, chart_spec in enumerate(spec.charts):
        chart = _chart(sheet, chart_spec, header_row, len(table.rows))
        if chart is None:
            continue
        column = 1 + (number % 2) * 9  # two charts side by side, then the next pair below
        sheet.add_chart(chart, f"{get_column_letter(column)}{anchor_row + (number // 2) * 20}")


def _chart(sheet: Any, spec: ChartSpec, header_row: int, data_rows: int) -> Any:
    rows = min(data_rows, spec.rows) if spec.rows is not None else data_rows
    if rows <= 0:
        return None
    categories = Reference(sheet, min_col=spec.category_column + 1, min_row=header_row + 1, max_row=header_row + rows)
    chart: Any
    if spec.kind == "pie":
        chart = PieChart()
        chart.dataLabels = DataLabelList()
        chart.dataLabels.showPercent = True
    elif spec.kind == "line":
        chart = LineChart()
    else:
        chart = BarChart()
        chart.type = "bar" if spec.kind == "bar" else "col"
        chart.grouping = "clustered"
        chart.overlap = -10
    for column in spec.value_columns:
        data = Reference(sheet, min_col=column + 1, min_row=header_row, max_row=header_row + rows)
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart.title = spec.title
    if spec.kind != "pie":
        chart.y_axis.title = spec.y_title or None
        if spec.percent:
            chart.y_axis.number_format = "0%"
            chart.y_axis.scaling.min = 0
            chart.y_axis.scaling.max = 1
        # openpyxl ≥ 3.1 hides the axes unless told otherwise
        chart.x_axis.delete = False
        chart.y_axis.delete = False
    chart.height = 9
    chart.width = 17
    return chart
