"""The published roster as a PDF (R-9.2): landscape A4, Chinese fonts embedded, the table header
repeated on every page, long names and addresses wrapped, page numbers "第 n 页 共 N 页" and the
date it was made on every page, a count by level at the end.

Every cell goes through ``fonts.split_runs``: a rare character (CJK Extension B, common enough in
company and person names) is drawn with the fallback font instead of as a blank. A character no
installed font has is printed as 〓 and listed in the report, so the office sees which member to
check rather than a roster that silently lacks a character.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from desktop_app import __version__
from desktop_app.documents.fonts import MissingGlyphs, font_name, split_runs
from desktop_app.records import Roster

ProgressFn = Callable[[int, int], None]
PAGE = landscape(A4)
MARGIN = 12 * mm
PLACEHOLDER = "〓"  # the typesetter's mark for a character that cannot be set

# The columns that fit on paper, with relative widths; the others stay in the Excel version.
PDF_COLUMNS = {
    "serial": 9,
    "member_number": 21,
    "name": 58,
    "uscc": 35,
    "level": 19,
    "legal_representative_name": 16,
    "liaison_name": 15,
    "liaison_mobile": 22,
    "liaison_landline": 23,
    "address": 48,
    "join_date": 19,
    "mentor": 14,
}
WRAPPED = {"name", "address"}


@dataclass
class RosterPdfReport:
    pages: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (member, message)


def _page_canvas(roster: Roster, report: RosterPdfReport):  # type: ignore[no-untyped-def]
    """A canvas that knows the page count when it saves, to print "第 n 页 共 N 页"."""
    made = f"{roster.made_on.year}年{roster.made_on.month}月{roster.made_on.day}日"
    song, hei = font_name("song"), font_name("hei")

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self.setTitle(f"{roster.title}（{roster.version_label}）")
            self.setAuthor(roster.association)
            self.setCreator(f"会籍管理 {__version__}")

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            report.pages = total
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = PAGE
            self.saveState()
            self.setFont(hei, 9)
            self.drawString(MARGIN, height - MARGIN + 3 * mm, f"{roster.title}（{roster.version_label}）")
            self.setFont(song, 8)
            self.drawRightString(width - MARGIN, height - MARGIN + 3 * mm, f"制表日期：{made}")
            self.setStrokeColor(colors.grey)
            self.setLineWidth(0.4)
            self.line(MARGIN, height - MARGIN + 1.5 * mm, width - MARGIN, height - MARGIN + 1.5 * mm)
            self.drawCentredString(width / 2, MARGIN - 6 * mm, f"第 {self._pageNumber} 页  共 {total} 页")
            self.restoreState()

    return NumberedCanvas


FONT_SIZE = 8
PADDING = 2.5


def _column_widths(roster: Roster, chosen: list, song: str, hei: str) -> list[float]:  # type: ignore[type-arg]
    """Columns that do not wrap (numbers, codes, dates, people's names) as wide as their widest
    text; the wrapping ones (organisation name, address) share what is left of the page."""
    frame = PAGE[0] - 2 * MARGIN
    needs: list[float | None] = []
    for index, column in chosen:
        # a header may take two lines; its widest character sets the floor
        title = max(stringWidth(column.title, hei, FONT_SIZE) / 2, stringWidth(column.title[:1], hei, FONT_SIZE) * 2)
        if column.key in WRAPPED:
            needs.append(None)
            continue
        widest = title
        seen: set[str] = set()
        for row in roster.rows:
            value = row[index]
            if value is None:
                continue
            text = value.strftime("%Y-%m-%d") if column.kind == "date" else str(value)
            if text not in seen:
                seen.add(text)
                widest = max(widest, stringWidth(text, song, FONT_SIZE))
        needs.append(widest + 2 * PADDING + 1)
    fixed = sum(n for n in needs if n is not None)
    flexible = [PDF_COLUMNS[c.key] for (_, c), n in zip(chosen, needs, strict=True) if n is None]
    left = frame - fixed
    if flexible and left < 20 * mm * len(flexible):  # too many wide columns: squeeze them all
        scale = (frame - 20 * mm * len(flexible)) / fixed
        needs = [None if n is None else n * scale for n in needs]
        left = 20 * mm * len(flexible)
    share = sum(flexible) or 1
    return [left * PDF_COLUMNS[c.key] / share if n is None else n for (_, c), n in zip(chosen, needs, strict=True)]


def write_roster_pdf(roster: Roster, path: str | Path, progress: ProgressFn | None = None) -> RosterPdfReport:
    path = Path(path)
    report = RosterPdfReport()
    song, hei = font_name("song"), font_name("hei")
    chosen = [(index, column) for index, column in enumerate(roster.columns) if column.key in PDF_COLUMNS]
    widths = _column_widths(roster, chosen, song, hei)
    cell = ParagraphStyle("cell", fontName=song, fontSize=FONT_SIZE, leading=10, wordWrap="CJK")
    head = ParagraphStyle("head", parent=cell, fontName=hei, alignment=TA_CENTER)
    title_style = ParagraphStyle("title", fontName=hei, fontSize=18, leading=24, alignment=TA_CENTER)
    sub_style = ParagraphStyle("sub", fontName=song, fontSize=9, leading=13, alignment=TA_CENTER)
    summary_style = ParagraphStyle("summary", fontName=song, fontSize=9, leading=13)

    def runs(text: str, style: str, who: str) -> tuple[str, bool]:
        """Markup for ``text``; True when it needs a font other than the style's own."""
        try:
            pieces = split_runs(text, style)
        except MissingGlyphs as exc:
            report.problems.append((who, str(exc)))
            cleaned = "".join(PLACEHOLDER if c in exc.characters else c for c in text)
            pieces = split_runs(cleaned, style)
        primary = font_name(style)
        if len(pieces) == 1 and pieces[0][0] == primary:
            return escape(pieces[0][1]), False
        return "".join(f'<font name="{name}">{escape(run)}</font>' for name, run in pieces), True

    data: list[list] = [[Paragraph(runs(c.title, "hei", "表头")[0], head) for _, c in chosen]]
    name_at = next((i for i, c in enumerate(roster.columns) if c.key == "name"), None)
    total = len(roster.rows)
    for number, row in enumerate(roster.rows, start=1):
        who = str(row[name_at]) if name_at is not None else f"第 {number} 行"
        cells = []
        for index, column in chosen:
            value = row[index]
            if value is None:
                cells.append("")
                continue
            text = value.strftime("%Y-%m-%d") if column.kind == "date" else str(value)
            markup, mixed = runs(text, "song", who)
            cells.append(Paragraph(markup, cell) if mixed or column.key in WRAPPED else text)
        data.append(cells)
        if progress is not None and number % 500 == 0:
            progress(number, total)

    table = LongTable(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 1), (-1, -1), song, FONT_SIZE, 10),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE6F1")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F5F7FA")]),
                ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#8EA9C1")),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ]
        )
    )
    made = f"{roster.made_on.year}年{roster.made_on.month}月{roster.made_on.day}日"
    counts = "；".join(f"{name} {count} 个" for name, count in roster.level_counts)
    story = [
        Paragraph(runs(roster.title, "hei", "标题")[0], title_style),
        Paragraph(escape(f"（{roster.version_label}）  制表日期：{made}  共 {total} 个会员"), sub_style),
        Spacer(1, 4 * mm),
        table,
        Spacer(1, 4 * mm),
        Paragraph(escape(f"按会员级别统计：{counts or '无'}；合计 {total} 个。"), summary_style),
    ]
    if roster.public:
        story.append(Paragraph(escape("本名册为公开版，不含联络员手机、微信和电子邮箱等个人联系方式。"), summary_style))
    tmp = path.with_name(path.name + ".partial")
    document = SimpleDocTemplate(
        str(tmp),
        pagesize=PAGE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4 * mm,
        bottomMargin=MARGIN,
        title=roster.title,
        author=roster.association,
    )
    document.build(story, canvasmaker=_page_canvas(roster, report))
    tmp.replace(path)
    if progress is not None:
        progress(total, total)
    return report
