"""The certificate calibration page: print it on plain paper, lay it on the stock against the light.

Rulers along the edges are printed without the offset (they measure the printer); the crosses
mark where each certificate field will go with this workstation's current offset. If a cross
lands 2 mm right of the field's place on the stock, make X 2 mm smaller.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import GREY, Document
from desktop_app.documents.certificate import CertificatePage, page_size
from desktop_app.documents.inputs import DocumentContext

CROSS = Color(0.1, 0.3, 0.8)


def _cross(doc: Document, x: float, y: float, label: str) -> None:
    arm = 6 * mm
    doc.line(x - arm, y, x + arm, y, 0.6, color=CROSS)
    doc.line(x, y - arm, x, y + arm, 0.6, color=CROSS)
    doc.canvas.setStrokeColor(CROSS)
    doc.canvas.circle(x, y, 1.5 * mm, stroke=1, fill=0)
    doc.text(x + 2 * mm, y + 2 * mm, label, "song", 8, color=CROSS)


def build(out: Output, items: Sequence[Any], context: DocumentContext, progress: Progress | None = None) -> BuildReport:
    layout = context.certificate_layout
    doc = Document("calibration", out, context, page_size(layout), title="会员证套打校准页")
    if progress is not None:
        progress(0, 1)
    w, h = doc.width, doc.height
    # Rulers: a tick every 5 mm, numbered every 10 mm, from the paper's top-left corner.
    for x_mm in range(0, int(layout.page_width_mm) + 1, 5):
        length = 4 * mm if x_mm % 10 == 0 else 2 * mm
        doc.line(x_mm * mm, h, x_mm * mm, h - length, 0.4)
        if x_mm % 20 == 0 and 0 < x_mm < layout.page_width_mm:
            doc.text(x_mm * mm, h - 7 * mm, str(x_mm), "song", 6, "centre", GREY)
    for y_mm in range(0, int(layout.page_height_mm) + 1, 5):
        length = 4 * mm if y_mm % 10 == 0 else 2 * mm
        doc.line(0, h - y_mm * mm, length, h - y_mm * mm, 0.4)
        if y_mm % 20 == 0 and 0 < y_mm < layout.page_height_mm:
            doc.text(5 * mm, h - y_mm * mm - 2, str(y_mm), "song", 6, "left", GREY)
    doc.rect(10 * mm, 10 * mm, w - 20 * mm, h - 20 * mm, 0.4, dash=(2, 2), color=GREY)

    page = CertificatePage(doc, layout, context.certificate_offset_mm)
    for label, at_x_mm, at_y_mm in (
        ("编号", layout.number_x_mm, layout.number_y_mm),
        ("会员名称", layout.name_x_mm, layout.name_y_mm),
        ("级别", layout.level_x_mm, layout.level_y_mm),
        ("有效期", layout.validity_x_mm, layout.validity_y_mm),
        ("发证日期", layout.date_x_mm, layout.date_y_mm),
    ):
        _cross(doc, page.x(at_x_mm), page.y(at_y_mm), f"{label}（{at_x_mm:g}, {at_y_mm:g} mm）")

    dx, dy = context.certificate_offset_mm
    notes = [
        "会员证套打校准页",
        f"纸张 {layout.page_width_mm:g}×{layout.page_height_mm:g} 毫米；本机当前偏移：X {dx:+.1f} 毫米（向右为正），"
        f"Y {dy:+.1f} 毫米（向下为正）。",
        "用普通纸打印本页，与会员证纸对齐叠放后对光查看：蓝色十字应落在证书纸上各栏目的位置。",
        "十字偏右几毫米，就把 X 减小几毫米；偏下几毫米，就把 Y 减小几毫米。边缘刻度不受偏移影响，用于检查打印机本身。",
        "打印时请选择“实际大小”（不缩放）。",
    ]
    # Below the fields, left of the date: the stock's busy parts stay clear for the crosses.
    y = h - (layout.validity_y_mm + 16) * mm
    doc.text(20 * mm, y, notes[0], "hei", 13)
    y -= 7 * mm
    for line in notes[1:]:
        for wrapped in doc.wrap(line, "song", 9, (layout.date_x_mm - 40) * mm):
            doc.text(20 * mm, y, wrapped, "song", 9, color=GREY)
            y -= 5 * mm
    doc.end_page()
    doc.report.items = doc.report.drawn = 1
    if progress is not None:
        progress(1, 1)
    return doc.finish()
