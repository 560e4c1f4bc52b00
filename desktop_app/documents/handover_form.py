"""Contact handover form (会员单位联系资料交接通知单, R-8.4, R-9.3, R-10.1), A4 portrait.

The mentor fills it in when a member's details change and hands it to the membership office,
which applies it and signs. With the changes known (a filed form) it lists each item old → new
with the date the member reported the change (R-10.1) and the form's date; without, it lists
every item with the member's details as the office has them (empty ones included) and empty cells
for the new values; the blank form lists every item and leaves its dates empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import A4, GREY, Document, Skip, Table, safe
from desktop_app.documents.forms import BLANK_DATE
from desktop_app.documents.inputs import DocumentContext, HandoverChange, HandoverFormInput
from desktop_app.documents.numerals import chinese_date

TITLE = "会员单位联系资料交接通知单"
MIN_ROWS = 8
COMPACT_AFTER = 14  # more items than this: the tighter table that keeps all 21 on one page


def build(
    out: Output, items: Sequence[HandoverFormInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    doc = Document("handover-form", out, context, A4, title=TITLE)
    doc.each(items, progress, lambda item: draw_form(doc, item, context))
    return doc.finish()


def draw_form(doc: Document, item: HandoverFormInput, context: DocumentContext) -> None:
    w, h = doc.width, doc.height
    left, right = 20 * mm, w - 20 * mm
    width = right - left
    filled = bool(item.changes)
    rows: list[HandoverChange] = list(item.changes or item.current)
    if not filled and not rows and item.member_name:
        raise Skip("没有变更内容，也没有该会员的现有资料")
    # Check every text before drawing, so a problem never leaves half a form on the page.
    for change in rows:
        for text in (change.item, change.old, change.new):
            if text:
                doc.fonts.runs(text)
    doc.fonts.runs(item.member_name or "")

    def start_page() -> float:
        if getattr(start_page, "started", False):
            doc.text(left, h - 16 * mm, f"{TITLE}（续）— {item.member_name}", "hei", 11)
            return h - 20 * mm
        start_page.started = True  # type: ignore[attr-defined]
        doc.text(w / 2, h - 20 * mm, context.association.name, "song", 12, "centre")
        doc.text(w / 2, h - 30 * mm, TITLE, "hei", 18, "centre")
        y = h - 38 * mm
        row_h = 9 * mm
        label_w = 30 * mm
        half = width / 2
        grid: list[list[tuple[str, str | None, float]]] = [
            [("会员单位", item.member_name, width - label_w)],
            [("会员编号", item.member_number, half - label_w), ("班　主　任", item.mentor_name, half - label_w)],
            [
                ("会员报告日期", chinese_date(item.reported_on) or BLANK_DATE, half - label_w),
                ("填表日期", chinese_date(item.form_date) or BLANK_DATE, half - label_w),
            ],
        ]
        for line in grid:
            x = left
            for label, value, value_w in line:
                doc.rect(x, y - row_h, label_w, row_h, 0.6)
                doc.cell(x, y - row_h, label_w, row_h, label, "hei", 10, "centre")
                doc.rect(x + label_w, y - row_h, value_w, row_h, 0.6)
                doc.cell(x + label_w, y - row_h, value_w, row_h, safe(value), "song", 10.5, max_lines=2)
                x += label_w + value_w
            y -= row_h
        y -= 5 * mm
        if filled:
            heading = "变更事项"
        elif item.member_name:
            heading = "现有资料（请在“变更后内容”栏填写变化的项目）"
        else:
            heading = "变更事项（请在变化的项目填写原内容和变更后内容）"
        doc.text(left, y, heading, "hei", 11)
        return y - 3 * mm

    columns = [
        ("序号", 11 * mm, "centre"),
        ("项目", 38 * mm, "left"),
        ("原内容", (width - 49 * mm) / 2, "left"),
        ("变更后内容", (width - 49 * mm) / 2, "left"),
    ]
    # Every item of the register (the blank form, a member's current details) on one page: a
    # tighter table than for a few changes, with room to write by hand all the same.
    compact = len(rows) > COMPACT_AFTER
    table = Table(doc, left, columns, start_page, bottom=75 * mm, size=9 if compact else 10)
    if compact:
        table.pad = 1.0 * mm
    writing = (6.1 if compact else 7) * mm  # room for a hand-written value
    for index, change in enumerate(rows, 1):
        table.row(
            [str(index), change.item, safe(change.old), safe(change.new) if filled else ""], 0 if filled else writing
        )
    extra = 1 if compact else 2
    for index in range(len(rows) + 1, max(MIN_ROWS, len(rows) + extra) + 1):
        table.row([str(index), "", "", ""], writing)
    y = table.close() - 4 * mm

    # Note, signatures, and the rule the form serves.
    note_h = 16 * mm
    doc.rect(left, y - note_h, width, note_h, 0.6)
    doc.text(left + 2 * mm, y - 5.5 * mm, "备注：", "hei", 10)
    if item.note:
        doc.cell(left + 14 * mm, y - note_h, width - 14 * mm, note_h, item.note, "song", 10, valign="top")
    y -= note_h + 4 * mm
    box_h = 26 * mm
    half = width / 2
    for x, heading, lines in (
        (left, "班主任", ["签字：", f"日期：{BLANK_DATE}"]),
        (left + half, f"{context.association.office}（签收并办理变更）", ["经办人签字：", f"变更日期：{BLANK_DATE}"]),
    ):
        doc.rect(x, y - box_h, half, box_h, 0.6)
        doc.text(x + 3 * mm, y - 6 * mm, heading, "hei", 10.5)
        doc.text(x + 3 * mm, y - 14 * mm, lines[0], "song", 10.5)
        doc.text(x + 3 * mm, y - 22 * mm, lines[1], "song", 10.5)
    y -= box_h + 6 * mm
    rule = (
        f"依据{context.regulation_title}（{context.regulation_reference}）第八条第（四）项、第九条第（三）项："
        "会员信息事项发生变更时，由班主任填写本通知单交会籍管理部及时变更。会员单位信息变更未及时报送的，"
        "责任由会员单位承担（第十条第（一）项）。"
    )
    doc.lines(left, y, doc.wrap(rule, "song", 8.5, width), "song", 8.5, 12, color=GREY)
    doc.end_page()
