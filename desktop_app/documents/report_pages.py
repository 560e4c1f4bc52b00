"""Reports on paper (issue 17): sections of ruled tables and charts, A4 landscape, Chinese fonts
embedded — the half-yearly mentor report (R-9.5, ``documents.mentor_report``) and the membership
statistics.

Drawn with ``documents.base`` (text in font runs, so a rare character is printed with the fallback
font and a character no font has stops the run before anything is written; Chinese line breaking
in every cell) and ReportLab's graphics for the charts. Every page carries the report's title,
the day it was made and “第 n 页 共 N 页” (the pages are counted in a first pass).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color, HexColor, black
from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import A4_LANDSCAPE, GREY, Document, Table
from desktop_app.documents.inputs import DocumentContext

MARGIN = 12 * mm
PALETTE = (
    HexColor("#3C78B4"),
    HexColor("#E08A2E"),
    HexColor("#5AA05A"),
    HexColor("#B44B4B"),
    HexColor("#8C6BB1"),
    HexColor("#7F7F7F"),
    HexColor("#C9B23B"),
    HexColor("#3FA7A7"),
)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    """``bar``: vertical bars per category (one colour per series); ``hbar``: horizontal bars, the
    first category at the top (a ranking); ``pie``: the first series' shares."""

    title: str
    kind: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    percent: bool = False  # values are ratios 0–1, shown in per cent
    full_width: bool = False


@dataclass(frozen=True)
class Column:
    title: str  # may hold "\n" for a two-line header
    width: float  # relative; the section's columns share the page's width
    align: str = "centre"  # left / centre / right


@dataclass(frozen=True)
class Section:
    heading: str
    columns: tuple[Column, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    total: tuple[str, ...] | None = None  # a bold last row
    notes: tuple[str, ...] = ()  # paragraphs under the table
    charts: tuple[Chart, ...] = ()
    intro: tuple[str, ...] = ()  # paragraphs above the table
    new_page: bool = False


@dataclass(frozen=True)
class ReportInput:
    title: str
    subtitle: str
    made_on: dt.date
    sections: tuple[Section, ...]
    signatures: tuple[str, ...] = ()  # 制表人 / 审核 / … lines at the end, with room to sign
    member_name: str = ""  # for the problems list (describe_item)

    @property
    def name(self) -> str:
        return self.title


class _Table(Table):
    """``documents.base.Table`` with headers on more than one line and a bold totals row."""

    def _header(self) -> None:
        assert self.y is not None
        doc, size = self.doc, self.header_size
        leading = size * 1.25
        cells = [
            [line for part in title.split("\n") for line in doc.wrap(part, "hei", size, w - 2 * self.pad)]
            for title, w, _a in self.columns
        ]
        h = max(len(lines) for lines in cells) * leading + 2 * self.pad
        canvas = doc.canvas
        canvas.setFillColor(Color(0.91, 0.93, 0.96))
        canvas.rect(self.x, self.y - h, self.width, h, stroke=0, fill=1)
        doc.invalidate_fill()
        x = self.x
        for lines, (_title, w, _align) in zip(cells, self.columns, strict=True):
            doc.rect(x, self.y - h, w, h, 0.6)
            block = (len(lines) - 1) * leading + size
            baseline = self.y - (h - block) / 2 - size * 0.88
            doc.lines(x + w / 2, baseline, lines, "hei", size, leading, "centre")
            x += w
        self.y -= h

    def styled_row(self, values: Sequence[str], style: str) -> None:
        cells = [
            self.doc.wrap(value, style, self.size, w - 2 * self.pad) if value else [""]
            for value, (_t, w, _a) in zip(values, self.columns, strict=True)
        ]
        height = max(len(lines) for lines in cells) * self.leading + 2 * self.pad - (self.leading - self.size) + 1
        if self.y is None or self.y - height < self.bottom:
            self._new_page()
        assert self.y is not None
        x = self.x
        for lines, (_title, w, align) in zip(cells, self.columns, strict=True):
            self.doc.rect(x, self.y - height, w, height, 0.6)
            block = (len(lines) - 1) * self.leading + self.size
            baseline = self.y - (height - block) / 2 - self.size * 0.88
            tx = {"left": x + self.pad, "centre": x + w / 2, "right": x + w - self.pad}[align]
            self.doc.lines(tx, baseline, lines, style, self.size, self.leading, align)
            x += w
        self.y -= height


class _Pages:
    """The flow of one report down the pages."""

    def __init__(self, doc: Document, report: ReportInput, total_pages: int | None):
        self.doc = doc
        self.report = report
        self.total = total_pages
        self.page = 0
        self.left, self.right = MARGIN, doc.width - MARGIN
        self.width = self.right - self.left
        self.top = doc.height - MARGIN - 8 * mm
        self.bottom = MARGIN + 6 * mm
        self.y = self.top

    def new_page(self) -> float:
        if self.page:
            self.doc.end_page()
        self.page += 1
        doc, height = self.doc, self.doc.height
        doc.text(self.left, height - MARGIN, self.report.title, "hei", 9)
        doc.text(self.right, height - MARGIN, f"制表日期：{_date(self.report.made_on)}", "song", 8, "right", GREY)
        doc.line(self.left, height - MARGIN - 2 * mm, self.right, height - MARGIN - 2 * mm, 0.4, color=GREY)
        pages = f"第 {self.page} 页" + (f"  共 {self.total} 页" if self.total else "")
        doc.text(doc.width / 2, MARGIN - 4 * mm, pages, "song", 8, "centre", GREY)
        self.y = self.top
        return self.y

    def need(self, height: float) -> None:
        if self.y - height < self.bottom:
            self.new_page()

    def paragraph(self, text: str, style: str = "song", size: float = 9.5, indent: bool = False) -> None:
        leading = size * 1.5
        for line in self.doc.wrap(text, style, size, self.width - (2 * size if indent else 0)):
            self.need(leading)
            self.doc.text(self.left + (2 * size if indent else 0), self.y - size, line, style, size)
            self.y -= leading

    def title(self) -> None:
        self.doc.text(self.doc.width / 2, self.y - 18, self.report.title, "hei", 18, "centre")
        self.y -= 18 + 7 * mm
        for line in self.doc.wrap(self.report.subtitle, "song", 10.5, self.width):
            self.doc.text(self.doc.width / 2, self.y - 10.5, line, "song", 10.5, "centre")
            self.y -= 10.5 * 1.6
        self.y -= 3 * mm

    def section(self, section: Section) -> None:
        if section.new_page and self.y < self.top:
            self.new_page()
        self.need(13 + 30 * mm)
        self.doc.text(self.left, self.y - 13, section.heading, "hei", 13)
        self.y -= 13 + 3 * mm
        for text in section.intro:
            self.paragraph(text)
        if section.columns:
            self.table(section)
        for text in section.notes:
            self.paragraph(text, size=8.5)
        if section.notes:
            self.y -= 2 * mm
        self.charts(section.charts)
        self.y -= 4 * mm

    def table(self, section: Section) -> None:
        share = sum(c.width for c in section.columns) or 1
        columns = [(c.title, self.width * c.width / share, c.align) for c in section.columns]
        first = [True]

        def start_page() -> float:
            if first[0]:
                first[0] = False
                return self.y
            return self.new_page()

        size = 8 if len(columns) > 12 else 9
        table = _Table(self.doc, self.left, columns, start_page, self.bottom, size=size, header_size=size)
        for row in section.rows:
            table.styled_row(row, "song")
        if section.total is not None:
            table.styled_row(section.total, "hei")
        self.y = table.close() - 3 * mm

    def charts(self, charts: Sequence[Chart]) -> None:
        gap = 8 * mm
        half = (self.width - gap) / 2
        pending: list[Chart] = []

        def flush() -> None:
            if not pending:
                return
            heights = [_chart_height(c) for c in pending]
            height = max(heights)
            self.need(height)
            x = self.left
            for chart in pending:
                width = self.width if chart.full_width else half
                draw_chart(self.doc, chart, x, self.y - height, width, height)
                x += width + gap
            self.y -= height + 4 * mm
            pending.clear()

        for chart in charts:
            if chart.full_width:
                flush()
                pending.append(chart)
                flush()
            else:
                pending.append(chart)
                if len(pending) == 2:
                    flush()
        flush()

    def signatures(self) -> None:
        if not self.report.signatures:
            return
        self.need(14 * mm)  # the gap and one line of 11 pt with room to sign above it
        self.y -= 6 * mm
        step = self.width / len(self.report.signatures)
        for number, text in enumerate(self.report.signatures):
            x = self.left + number * step
            self.doc.text(x, self.y - 11, text, "song", 11)
            self.doc.line(x + self.doc.text_width(text, "song", 11) + 2, self.y - 13, x + step - 10 * mm, self.y - 13)
        self.y -= 20 * mm


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _chart_height(chart: Chart) -> float:
    if chart.kind == "hbar":
        return min(175 * mm, max(60 * mm, (len(chart.categories) * len(chart.series) * 3.5 + 20) * mm))
    return 72 * mm


def _label_font(doc: Document, text: str) -> str:
    """The font for a chart label: ReportLab's graphics draw a string in one font (a name with a
    rare character gets the font that has all of it)."""
    runs = doc.fonts.runs(text, "song")  # MissingGlyphs when no font has a character
    names = {name for name, _run in runs}
    return runs[0][0] if len(names) == 1 else doc.fonts.name("song")


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def draw_chart(doc: Document, chart: Chart, x: float, y: float, width: float, height: float) -> None:
    """``chart`` in the box with bottom-left (x, y)."""
    font = doc.fonts.name("song")
    drawing = Drawing(width, height)
    title_font = _label_font(doc, chart.title)
    drawing.add(String(width / 2, height - 12, chart.title, fontName=title_font, fontSize=10, textAnchor="middle"))
    for label in chart.categories:
        _label_font(doc, label)
    values_present = any(v for s in chart.series for v in s.values)
    if not chart.categories or not values_present:
        drawing.add(String(width / 2, height / 2, "（无数据）", fontName=font, fontSize=9, textAnchor="middle"))
        renderPDF.draw(drawing, doc.canvas, x, y)
        doc.mark()
        return
    legend_height = 14 if len(chart.series) > 1 else 0
    if chart.kind == "pie":
        pie = Pie()
        size = min(width * 0.45, height - 40)
        pie.x, pie.y = 20, (height - 20 - size) / 2
        pie.width = pie.height = size
        values = list(chart.series[0].values)
        total = sum(values) or 1
        pie.data = values
        pie.labels = None
        pie.slices.strokeWidth = 0.5
        pie.slices.strokeColor = HexColor("#FFFFFF")
        for index in range(len(values)):
            pie.slices[index].fillColor = PALETTE[index % len(PALETTE)]
        drawing.add(pie)
        legend = Legend()
        legend.x, legend.y = 40 + size, height - 34
        legend.fontName, legend.fontSize = font, 8
        legend.alignment = "right"
        legend.columnMaximum = 12
        legend.dx, legend.dy = 7, 7
        legend.colorNamePairs = [
            (PALETTE[i % len(PALETTE)], f"{label}  {int(v) if float(v).is_integer() else v}（{v / total * 100:.1f}%）")
            for i, (label, v) in enumerate(zip(chart.categories, values, strict=True))
        ]
        drawing.add(legend)
        renderPDF.draw(drawing, doc.canvas, x, y)
        doc.mark()
        return
    bars = HorizontalBarChart() if chart.kind == "hbar" else VerticalBarChart()
    categories = list(chart.categories)
    data = [list(s.values) for s in chart.series]
    if chart.kind == "hbar":  # ReportLab puts the first category at the bottom: a ranking reads downwards
        categories.reverse()
        data = [list(reversed(values)) for values in data]
    longest = max((doc.text_width(c, "song", 7) for c in categories), default=0)
    if chart.kind == "hbar":
        bars.x = min(longest + 12, width * 0.35)
        bars.y = 18 + legend_height
        bars.width = width - bars.x - 28
        bars.height = height - bars.y - 22
    else:
        rotate = len(categories) > 8
        bars.x = 34
        bars.y = (min(longest, 70) * 0.6 + 14 if rotate else 18) + legend_height
        bars.width = width - bars.x - 10
        bars.height = height - bars.y - 22
        if rotate:
            bars.categoryAxis.labels.angle = 45
            bars.categoryAxis.labels.boxAnchor = "ne"
            bars.categoryAxis.labels.dx = 2
            bars.categoryAxis.labels.dy = -2
    bars.data = data
    bars.categoryAxis.categoryNames = categories
    bars.categoryAxis.labels.fontName = font
    bars.categoryAxis.labels.fontSize = 7
    bars.valueAxis.labels.fontName = font
    bars.valueAxis.labels.fontSize = 7
    bars.valueAxis.valueMin = 0
    top = max((v for values in data for v in values), default=0)
    if chart.percent:
        bars.valueAxis.valueMax = 1
        bars.valueAxis.valueStep = 0.2
        bars.valueAxis.labelTextFormat = _percent
    elif top > 0:
        bars.valueAxis.valueMax = top * 1.12
    bars.barSpacing = 1
    bars.groupSpacing = 4 if len(categories) > 12 else 8
    bars.strokeColor = None
    for index in range(len(data)):
        bars.bars[index].fillColor = PALETTE[index % len(PALETTE)]
        bars.bars[index].strokeColor = None
    if len(categories) * len(data) <= 24:  # room for the figures on the bars
        bars.barLabels.fontName = font
        bars.barLabels.fontSize = 6.5
        bars.barLabelFormat = (lambda v: _percent(v)) if chart.percent else "%s"
        if chart.kind == "hbar":
            bars.barLabels.boxAnchor = "w"
            bars.barLabels.dx = 3
        else:
            bars.barLabels.nudge = 6
    drawing.add(bars)
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = bars.x, 10
        legend.fontName, legend.fontSize = font, 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dx, legend.dy = 7, 7
        legend.deltax = 70
        legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], s.name) for i, s in enumerate(chart.series)]
        drawing.add(legend)
    renderPDF.draw(drawing, doc.canvas, x, y)
    doc.mark()


def _draw(out: Output, report: ReportInput, context: DocumentContext, total: int | None) -> tuple[BuildReport, int]:
    doc = Document("report", out, context, A4_LANDSCAPE, title=report.title, subject=report.subtitle)
    pages = _Pages(doc, report, total)

    def draw(item: ReportInput) -> None:
        pages.new_page()
        pages.title()
        for section in item.sections:
            pages.section(section)
        pages.signatures()

    doc.each([report], None, draw)
    doc.canvas.setFillColor(black)
    return doc.finish(), pages.page


def build(
    out: Output, items: Sequence[ReportInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    """One report (``items[0]``), its pages counted in a first pass so each says “共 N 页”."""
    if len(items) != 1:
        raise ValueError("a report is built one at a time")
    report = items[0]
    if progress is not None:
        progress(0, 2)
    _first, total = _draw(io.BytesIO(), report, context, None)
    if progress is not None:
        progress(1, 2)
    result, _pages = _draw(out, report, context, total)
    if progress is not None:
        progress(2, 2)
    return result


__all__ = ["Chart", "Column", "ReportInput", "Section", "Series", "build", "draw_chart"]
