"""Withdrawal notice (退会告知书, R-12.1): the formal letter mailed before a membership is cancelled.

Laid out like an official letter (GB/T 9704): the association's name in red at the head, the
title, the member addressed flush left, body text in 仿宋 of 16 pt on lines of about 28
characters, the sender and the date at the foot with the seal over the date. It cites the
regulation and each ground found (R-12.1 (1)–(3)), the response deadline, the consequence,
the right of appeal (R-13.1), and whom to contact.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import A4, SEAL_RED, Document, Flow, Skip, safe
from desktop_app.documents.inputs import DocumentContext, WithdrawalNoticeInput
from desktop_app.documents.numerals import chinese_date, years_text

TITLE = "退会告知书"


def grounds_lines(item: WithdrawalNoticeInput) -> list[str]:
    """One sentence per ground of R-12.1 found for the member."""
    grounds = item.grounds
    lines = []
    if grounds.unpaid_years:
        lines.append(
            f"一年以上不缴纳会费（第十二条第（一）项）：贵单位{years_text(grounds.unpaid_years)}会费至今未缴纳。"
        )
    if grounds.no_activity_since:
        lines.append(
            f"一年以上不参加本会活动（第十二条第（二）项）：自{chinese_date(grounds.no_activity_since)}以来，"
            "贵单位未参加本会组织的活动。"
        )
    if grounds.disqualification:
        reason = grounds.disqualification.rstrip("。")
        lines.append(f"不再符合会员条件（第十二条第（三）项）：{reason}。")
    return lines


def what_to_do(item: WithdrawalNoticeInput) -> str:
    grounds = item.grounds
    steps = []
    if grounds.unpaid_years:
        steps.append("补缴所欠会费")
    if grounds.no_activity_since:
        steps.append("说明未参加活动的原因")
    if grounds.disqualification:
        steps.append("提交相关情况说明及证明材料")
    return "、".join(steps)


def build(
    out: Output, items: Sequence[WithdrawalNoticeInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    doc = Document("withdrawal-notice", out, context, A4, title=TITLE)
    doc.each(items, progress, lambda item: draw_notice(doc, item, context))
    return doc.finish()


def paragraphs(item: WithdrawalNoticeInput, context: DocumentContext) -> list[tuple[str, int, int]]:
    """The body as (text, first-line indent, hanging indent) in characters."""
    association = context.association
    number = f"（会员编号：{item.member_number}）" if item.member_number else ""
    body = [
        (
            f"根据{context.regulation_title}（{context.regulation_reference}）第十二条规定，会员单位有一年以上不缴纳会费、"
            "一年以上不参加本会活动或不再符合会员条件等情形之一的，由会籍管理部向会员单位邮寄退会告知书；"
            "会员单位拒绝履行义务的，视为自动退会，取消会员资格。"
            f"经核查，贵单位{number}存在以下情形：",
            2,
            0,
        ),
    ]
    body += [(f"{index}. {line}", 2, 2) for index, line in enumerate(grounds_lines(item), 1)]
    body += [
        (
            f"请贵单位于{chinese_date(item.response_deadline)}前与本会{association.office}联系，{what_to_do(item)}，"
            "履行会员义务。逾期未联系或拒绝履行会员义务的，视为自动退会，本会将取消贵单位的会员资格；"
            "退会后贵单位在本会的职务、权利、义务自行终止（第十四条）。",
            2,
            0,
        ),
        ("贵单位如对理事会确认取消会员资格的决定不服，可依照第十三条提出申诉。", 2, 0),
        ("特此告知。", 2, 0),
    ]
    contact = safe(item.contact_name) or association.office
    phone = safe(item.contact_phone) or association.phone
    body.append((f"联系人：{contact}　　联系电话：{phone}", 2, 0))
    if association.address:
        postcode = f"（邮政编码：{association.postcode}）" if association.postcode else ""
        body.append((f"联系地址：{association.address}{postcode}", 2, 7))
    return body


# Body sizes tried from the largest (GB/T 9704's 3号, 16 pt) down until the letter fits one page.
SIZES = (16.0, 15.0, 14.5, 14.0, 13.5, 13.0, 12.5, 12.0)
SIGNATURE_HEIGHT = 32 * mm


def _height(doc: Document, body: list[tuple[str, int, int]], size: float, width: float) -> float:
    em = doc.text_width("\u3000", "fangsong", size)
    leading = size * 1.7
    lines = 1  # the salutation
    for text, indent, hanging in body:
        first = doc.wrap(text, "fangsong", size, width - indent * em)
        lines += 1
        if len(first) > 1:
            rest = text[len(first[0]) :].lstrip()
            lines += len(doc.wrap(rest, "fangsong", size, width - hanging * em))
    return lines * leading + SIGNATURE_HEIGHT + 4 * mm


def draw_notice(doc: Document, item: WithdrawalNoticeInput, context: DocumentContext) -> None:
    if not safe(item.member_name):
        raise Skip("会员名称为空")
    if not item.grounds:
        raise Skip("未查到也未填写第十二条所列的任何情形，不能发出退会告知书")
    if item.response_deadline <= item.notice_date:
        raise Skip("答复期限应晚于告知日期")
    w, h = doc.width, doc.height
    association = context.association
    left, right = 28 * mm, w - 26 * mm
    body_top, bottom = h - 62 * mm, 22 * mm
    body = paragraphs(item, context)
    doc.fonts.runs(item.member_name, "fangsong")  # a name no font has stops here, before drawing
    size = next((s for s in SIZES if _height(doc, body, s, right - left) <= body_top - bottom), SIZES[-1])
    leading = size * 1.7
    first_page = doc.report.pages

    # Letterhead: the association's name in red over a red double rule.
    doc.text(w / 2, h - 28 * mm, association.name, "hei", 26, "centre", SEAL_RED)
    doc.line(left - 4 * mm, h - 33 * mm, right + 4 * mm, h - 33 * mm, 1.6, color=SEAL_RED)
    doc.line(left - 4 * mm, h - 34.2 * mm, right + 4 * mm, h - 34.2 * mm, 0.5, color=SEAL_RED)
    if item.notice_number:
        doc.text(right, h - 40 * mm, item.notice_number, "fangsong", 12, "right")
    doc.text(w / 2, h - 52 * mm, TITLE, "hei", 22, "centre")
    flow = Flow(doc, left, right, h - 24 * mm, bottom)
    flow.y = body_top
    for line in doc.wrap(f"{item.member_name}：", "fangsong", size, right - left):
        flow.line(line, "fangsong", size, leading)
    for text, indent, hanging in body:
        flow.paragraph(text, "fangsong", size, leading, indent=indent, hanging=hanging)

    # The sender and the date, right-aligned, the seal over the date (“骑年盖月”); kept together.
    flow.need(SIGNATURE_HEIGHT)
    flow.space(10 * mm)
    date_text = chinese_date(item.notice_date)
    date_right = right - 2 * size  # the date ends two characters from the right margin
    centre = date_right - doc.text_width(date_text, "fangsong", size) / 2
    doc.text(centre, flow.y - size, association.name, "fangsong", size, "centre")
    flow.space(leading)
    doc.text(date_right, flow.y - size, date_text, "fangsong", size, "right")
    doc.seal(centre, flow.y - size * 0.1, 40 * mm)
    if doc.report.pages > first_page:
        doc.warn("告知书超过一页")
    doc.end_page()
