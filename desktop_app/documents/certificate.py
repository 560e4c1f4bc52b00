"""Membership certificate (会员证, R-5.6), printed onto the office's pre-printed certificate stock.

Only the member's own fields are printed; the stock carries the design. Field positions come
from ``DocumentContext.certificate_layout`` (an office-wide setting, so a new batch of stock means
editing one setting), and every position is moved by the workstation's printer offset
(``certificate_offset_mm``, X to the right, Y downwards). ``certificate_background`` draws the
stock's design under the fields, for the preview only (never sent to the printer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import Document, Skip, safe
from desktop_app.documents.inputs import CertificateInput, CertificateLayout, DocumentContext
from desktop_app.documents.numerals import chinese_date

GOLD = Color(0.72, 0.55, 0.18)
STOCK_RED = Color(0.66, 0.10, 0.10)


class CertificatePage:
    """Positions on the stock, with the offset applied (points, ReportLab origin)."""

    def __init__(self, doc: Document, layout: CertificateLayout, offset_mm: tuple[float, float]):
        self.doc = doc
        self.layout = layout
        self.dx, self.dy = offset_mm

    def x(self, x_mm: float) -> float:
        return (x_mm + self.dx) * mm

    def y(self, y_mm: float) -> float:
        return self.doc.height - (y_mm + self.dy) * mm


def page_size(layout: CertificateLayout) -> tuple[float, float]:
    return layout.page_width_mm * mm, layout.page_height_mm * mm


def draw_stock(doc: Document, context: DocumentContext) -> None:
    """The stock's printed design, approximately (or the scan of it, if the office has one)."""
    w, h = doc.width, doc.height
    if context.certificate_background_png:
        doc.image(context.certificate_background_png, 0, 0, w, h)
        return
    canvas = doc.canvas
    canvas.saveState()
    canvas.setFillColor(Color(0.99, 0.97, 0.90))
    canvas.rect(0, 0, w, h, stroke=0, fill=1)
    doc.invalidate_fill()
    doc.rect(8 * mm, 8 * mm, w - 16 * mm, h - 16 * mm, 3, color=GOLD)
    doc.rect(12 * mm, 12 * mm, w - 24 * mm, h - 24 * mm, 0.8, color=GOLD)
    layout = context.certificate_layout
    doc.text(w / 2, h - 30 * mm, "会  员  证", "hei", 34, "centre", STOCK_RED)
    doc.text(
        layout.date_x_mm * mm,
        h - (layout.date_y_mm - 10) * mm,
        context.association.name,
        "song",
        layout.text_size_pt,
        "centre",
    )
    canvas.restoreState()
    doc.invalidate_fill()
    doc.seal(layout.date_x_mm * mm, h - (layout.date_y_mm - 8) * mm, 40 * mm)


def validity_text(item: CertificateInput, style: str) -> str:
    if item.valid_until is None:
        return ""
    start = item.valid_from or item.issue_date
    return f"有效期：{chinese_date(start, style=style)}至{chinese_date(item.valid_until, style=style)}"


def draw_certificate(doc: Document, item: CertificateInput, context: DocumentContext) -> None:
    if not safe(item.member_name):
        raise Skip("会员名称为空")
    if not safe(item.certificate_number):
        raise Skip("没有会员证编号（请先为该会员分配编号）")
    if not safe(item.level_name):
        raise Skip("会员级别为空")
    layout = context.certificate_layout
    style = context.certificate_date_style
    if context.certificate_background:
        draw_stock(doc, context)
    page = CertificatePage(doc, layout, context.certificate_offset_mm)
    size = layout.text_size_pt
    doc.text(page.x(layout.number_x_mm), page.y(layout.number_y_mm), f"编号：{item.certificate_number}", "song", size)

    name_width = layout.name_width_mm * mm
    name_size, lines, complete = doc.fit(
        item.member_name, "kai", name_width, 2, layout.name_size_pt, layout.name_size_pt * 0.6
    )
    if not complete:
        doc.warn("会员名称过长，证书上已截断")
    leading = name_size * 1.3
    baseline = page.y(layout.name_y_mm) + (len(lines) - 1) * leading / 2
    doc.lines(page.x(layout.name_x_mm), baseline, lines, "kai", name_size, leading, "centre")

    level_line = f"为{context.association.name}{item.level_name}"
    doc.text(page.x(layout.level_x_mm), page.y(layout.level_y_mm), level_line, "kai", layout.level_size_pt, "centre")
    validity = validity_text(item, style)
    if validity:
        doc.text(page.x(layout.validity_x_mm), page.y(layout.validity_y_mm), validity, "song", size, "centre")
    doc.text(
        page.x(layout.date_x_mm),
        page.y(layout.date_y_mm),
        chinese_date(item.issue_date, style=style),
        "song",
        size,
        "centre",
    )
    doc.end_page()


def build(
    out: Output, items: Sequence[CertificateInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    doc = Document("certificate", out, context, page_size(context.certificate_layout), title="会员证")
    doc.each(items, progress, lambda item: draw_certificate(doc, item, context))
    return doc.finish()


def sample(context: DocumentContext) -> CertificateInput:
    """A made-up certificate for the calibration page and the settings preview."""
    today = context.today
    return CertificateInput(
        "WJXZ20260001", "武汉市示例建设工程有限公司", "会员单位", today, dt.date(today.year + 3, today.month, 1)
    )
