"""Packing list (装封清单, R-9.4, R-8.4): one slip per envelope of a mailing batch — who it goes to
and exactly what goes in it (the journal and how many copies, documents, receipts and invoices by
number, certificates), the important items marked for the mentor's photo, boxes for whoever packs
and checks it. Two slips to an A4 page with a cut line between them; an envelope with a long list
takes a page of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import A4, GREY, LIGHT, Document, Skip, safe
from desktop_app.documents.inputs import DocumentContext
from desktop_app.documents.numerals import chinese_date

SLIP_HEIGHT = A4[1] / 2
ROW_H = 7.5 * mm
MARGIN = 16 * mm


@dataclass(frozen=True)
class PackingLine:
    """One thing in the envelope."""

    title: str  # 《武汉建筑业》2026年第4期, 会费收据 WJXS202600012 …
    copies: int = 1
    detail: str | None = None  # a number or a note
    important: bool = False  # photographed before sealing


@dataclass(frozen=True)
class PackingListInput:
    """One envelope of a batch."""

    member_name: str  # the organisation
    batch_number: str
    batch_title: str
    mailed_on: object  # a date
    reference: str  # the order reference on the courier's manifest (YJ2026003-0012)
    lines: tuple[PackingLine, ...]
    member_number: str | None = None
    contact: str | None = None  # 张丽（办公室主任）
    phone: str | None = None
    address: str | None = None
    postcode: str | None = None
    mentor_name: str | None = None
    note: str | None = None  # e.g. 已退会会员


def _slip_height(item: PackingListInput) -> float:
    return 78 * mm + (len(item.lines) + 1) * ROW_H


def build(
    out: Output, items: Sequence[PackingListInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    doc = Document("packing-list", out, context, A4, title="装封清单", subject="邮寄批次装封清单")
    slot = [0]  # 0: top half free, 1: bottom half free

    def draw(item: PackingListInput) -> None:
        if not item.lines:
            raise Skip("信封里没有任何内容")
        for value in (item.member_name, item.contact or "", item.address or "", *(line.title for line in item.lines)):
            doc.fonts.runs(value)  # a character no font has fails this slip before anything is drawn
        height = _slip_height(item)
        if height > SLIP_HEIGHT:  # a long list: a page of its own
            if slot[0] == 1:
                doc.end_page()
            draw_slip(doc, item, context, doc.height, doc.height)
            doc.end_page()
            slot[0] = 0
            return
        top = doc.height if slot[0] == 0 else doc.height - SLIP_HEIGHT
        draw_slip(doc, item, context, top, SLIP_HEIGHT)
        if slot[0] == 0:
            doc.line(8 * mm, top - SLIP_HEIGHT, doc.width - 8 * mm, top - SLIP_HEIGHT, 0.5, dash=(3, 3), color=GREY)
            doc.text(doc.width / 2, top - SLIP_HEIGHT + 1.5 * mm, "沿虚线剪开", "song", 7, "centre", GREY)
            slot[0] = 1
        else:
            doc.end_page()
            slot[0] = 0

    doc.each(items, progress, draw)
    return doc.finish()


def draw_slip(doc: Document, item: PackingListInput, context: DocumentContext, top: float, height: float) -> None:
    left, right = MARGIN, doc.width - MARGIN
    width = right - left
    y = top - 14 * mm
    doc.text(doc.width / 2, y, "装 封 清 单", "hei", 16, "centre")
    doc.text(right, y, item.reference, "song", 9, "right", GREY)
    y -= 7 * mm
    when = chinese_date(item.mailed_on, style="digits") if item.mailed_on else ""  # type: ignore[arg-type]
    heading = f"{context.association.name}邮寄批次 {item.batch_number}：{item.batch_title}"
    size, lines, _complete = doc.fit(heading, "song", width - 40 * mm, 1, 10, 7.5)
    doc.text(left, y, lines[0], "song", size)
    doc.text(right, y, when, "song", 10, "right")

    # The recipient, as the envelope and the manifest have it.
    y -= 4 * mm
    label_w = 22 * mm
    rows = [
        ("收件单位", safe(item.member_name) + (f"（{item.note}）" if item.note else "")),
        ("收 件 人", "　".join(p for p in (safe(item.contact), safe(item.phone)) if p)),
        ("邮寄地址", "　".join(p for p in (safe(item.postcode), safe(item.address)) if p)),
        (
            "会员编号",
            "　".join(
                p for p in (safe(item.member_number), f"班主任：{item.mentor_name}" if item.mentor_name else "") if p
            ),
        ),
    ]
    row_h = 8.5 * mm
    for label, value in rows:
        doc.rect(left, y - row_h, label_w, row_h, 0.6)
        doc.rect(left + label_w, y - row_h, width - label_w, row_h, 0.6)
        doc.cell(left, y - row_h, label_w, row_h, label, "hei", 9.5, "centre")
        doc.cell(left + label_w, y - row_h, width - label_w, row_h, value, "song", 10, max_lines=2, min_size=7)
        y -= row_h

    # What goes in: 序号 | 内容 | 份数 | 编号、说明 | 拍照
    y -= 4 * mm
    columns = (
        (12 * mm, "序号"),
        (width - 12 * mm - 16 * mm - 48 * mm - 18 * mm, "内容"),
        (16 * mm, "份数"),
        (48 * mm, "编号、说明"),
        (18 * mm, "须拍照"),
    )
    canvas = doc.canvas
    canvas.setFillColor(LIGHT)
    canvas.rect(left, y - ROW_H, width, ROW_H, stroke=0, fill=1)
    doc.invalidate_fill()
    x = left
    for w, title in columns:
        doc.rect(x, y - ROW_H, w, ROW_H, 0.6)
        doc.cell(x, y - ROW_H, w, ROW_H, title, "hei", 9.5, "centre")
        x += w
    y -= ROW_H
    for number, line in enumerate(item.lines, 1):
        values = (str(number), line.title, str(line.copies), safe(line.detail), "")
        x = left
        for (w, _title), value, align in zip(
            columns, values, ("centre", "left", "centre", "left", "centre"), strict=True
        ):
            doc.rect(x, y - ROW_H, w, ROW_H, 0.6)
            doc.cell(x, y - ROW_H, w, ROW_H, value, "song", 9.5, align, max_lines=2, min_size=6.5)
            x += w
        if line.important:  # a box to tick when the photo is taken
            box = 3.6 * mm
            doc.checkbox(x - 18 * mm / 2 - box / 2, y - ROW_H / 2 - box / 2, box, False)
        y -= ROW_H

    y -= 7 * mm
    total = sum(line.copies for line in item.lines)
    doc.text(left, y, f"共 {len(item.lines)} 项 {total} 份", "song", 10)
    doc.text(left + 45 * mm, y, "装封人：____________", "song", 10)
    doc.text(left + 100 * mm, y, "复核人：____________", "song", 10)
    if any(line.important for line in item.lines):
        y -= 6.5 * mm
        doc.text(
            left,
            y,
            "内有重要文件（发票、证书等）：封口前请班主任拍照留存，并告知联络员注意查收（第八条第（四）项）。",
            "song",
            8.5,
            color=GREY,
        )
