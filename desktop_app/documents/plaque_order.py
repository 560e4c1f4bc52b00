"""Plaque order (牌匾订制单, R-5.6): the order to the engraving vendor, one line per plaque.

A4 landscape; the table runs over as many pages as needed with its header repeated. The same
lines go to Excel as ``order_table`` (written by ``desktop_app.spreadsheets.tables``).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Problem, Progress
from desktop_app.documents.base import A4_LANDSCAPE, GREY, Document, Skip, Table, safe
from desktop_app.documents.inputs import DocumentContext, PlaqueOrderInput
from desktop_app.documents.numerals import chinese_date
from desktop_app.records import SheetTable

# (title, width in mm, alignment); the same columns as the Excel order.
COLUMNS = (
    ("序号", 11, "centre"),
    ("会员单位名称", 60, "left"),
    ("牌匾字样", 42, "left"),
    ("年份", 12, "centre"),
    ("尺寸", 24, "centre"),
    ("材质", 22, "centre"),
    ("数量", 10, "centre"),
    ("收货联系人", 21, "centre"),
    ("联系电话", 26, "centre"),
    ("收货地址", 45, "left"),
)


def title(context: DocumentContext) -> str:
    return f"{context.association.name}会员牌匾制作订单"


def plaque_wording(item: PlaqueOrderInput, context: DocumentContext) -> str:
    """The words on the plaque: the association and the level (the year has its own column)."""
    return f"{context.association.name}\n{item.level_wording}"


def row_values(index: int, item: PlaqueOrderInput, context: DocumentContext) -> list[str]:
    return [
        str(index),
        item.member_name,
        plaque_wording(item, context),
        str(item.year),
        safe(item.size),
        safe(item.material),
        str(item.quantity),
        safe(item.delivery_contact),
        safe(item.delivery_phone),
        safe(item.delivery_address),
    ]


def check(item: PlaqueOrderInput) -> list[str]:
    """What keeps a line from being ordered (raised as ``Skip``) — empty when it can be."""
    missing = []
    if not safe(item.member_name):
        missing.append("会员名称为空")
    if not safe(item.level_wording):
        missing.append("牌匾字样（会员级别）为空")
    if not safe(item.size) or not safe(item.material):
        missing.append("牌匾尺寸或材质未设置")
    if item.quantity < 1:
        missing.append("数量应至少为 1")
    return missing


def order_table(
    items: Sequence[PlaqueOrderInput], context: DocumentContext, progress: Progress | None = None
) -> tuple[SheetTable, BuildReport]:
    """The same order as a workbook table (``spreadsheets.tables``), for the vendor to copy the
    wording straight into its engraving software; lines that cannot be ordered are listed."""
    report = BuildReport("plaque-order", items=len(items), pages=1)
    association = context.association
    rows: list[list[object]] = []
    total = 0
    if progress is not None:
        progress(0, len(items))
    for index, item in enumerate(items, 1):
        problems = check(item)
        if problems:
            report.problems.append(Problem(item, "；".join(problems)))
        else:
            report.drawn += 1
            total += item.quantity
            rows.append(
                [
                    report.drawn,
                    item.member_name,
                    plaque_wording(item, context),
                    item.year,
                    item.size,
                    item.material,
                    item.quantity,
                    item.delivery_contact or "",
                    item.delivery_phone or "",
                    item.delivery_address or "",
                ]
            )
            if not (item.delivery_contact and item.delivery_phone and item.delivery_address):
                report.problems.append(Problem(item, "收货联系人、电话或地址不全，订单上留空", drawn=True))
        if progress is not None:
            progress(index, len(items))
    table = SheetTable(
        sheet_name="牌匾订制单",
        heading=[
            title(context),
            f"订制单位：{association.name}{association.office}　地址：{association.address}"
            f"（{association.postcode}）　电话：{association.phone}",
            f"制作单位：{context.plaque_vendor}　日期：{chinese_date(context.today)}",
        ],
        columns=[(name, max(6.0, width_mm / 2.1), align == "centre") for name, width_mm, align in COLUMNS],
        rows=rows,
        footing=[f"合计：{report.drawn} 个会员单位，牌匾 {total} 块。"],
    )
    return table, report


def build(
    out: Output, items: Sequence[PlaqueOrderInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    doc = Document("plaque-order", out, context, A4_LANDSCAPE, title=title(context))
    w, h = doc.width, doc.height
    margin = 12 * mm
    association = context.association
    pages = [0]

    def start_page() -> float:
        pages[0] += 1
        doc.text(w - margin, 8 * mm, f"第 {pages[0]} 页", "song", 8, "right", GREY)
        if pages[0] > 1:
            doc.text(margin, h - 14 * mm, f"{title(context)}（续）", "hei", 11)
            return h - 18 * mm
        doc.text(w / 2, h - 18 * mm, title(context), "hei", 18, "centre")
        y = h - 28 * mm
        doc.text(margin, y, f"订制单位：{association.name}{association.office}", "song", 10)
        doc.text(w / 2, y, f"制作单位：{context.plaque_vendor or '＿＿＿＿＿＿＿＿＿＿'}", "song", 10)
        doc.text(w - margin, y, f"日期：{chinese_date(context.today)}", "song", 10, "right")
        y -= 6 * mm
        contact = f"联系地址：{association.address}（{association.postcode}）    联系电话：{association.phone}"
        doc.text(margin, y, contact, "song", 10)
        return y - 5 * mm

    table = Table(doc, margin, [(t, width * mm, a) for t, width, a in COLUMNS], start_page, bottom=30 * mm)
    counted = [0, 0]  # lines, plaques

    def draw(item: PlaqueOrderInput) -> None:
        problems = check(item)
        if problems:
            raise Skip("；".join(problems))
        values = row_values(counted[0] + 1, item, context)
        table.row(values)
        counted[0] += 1
        counted[1] += item.quantity
        if not safe(item.delivery_contact) or not (safe(item.delivery_phone) and safe(item.delivery_address)):
            doc.warn("收货联系人、电话或地址不全，订单上留空")

    doc.each(items, progress, draw)
    y = table.close() - 7 * mm
    if y < 22 * mm:
        doc.end_page()
        pages[0] += 1
        doc.text(w - margin, 8 * mm, f"第 {pages[0]} 页", "song", 8, "right", GREY)
        y = h - 20 * mm
    doc.text(margin, y, f"合计：{counted[0]} 个会员单位，牌匾 {counted[1]} 块。", "song", 10.5)
    y -= 6 * mm
    doc.text(margin, y, "请按上表字样制作，交货前请与订制单位核对字样；字样有疑问请来电确认。", "song", 9.5, color=GREY)
    doc.text(w - margin - 120 * mm, y - 8 * mm, "经办人：＿＿＿＿＿＿    审核：＿＿＿＿＿＿", "song", 10.5)
    return doc.finish()
