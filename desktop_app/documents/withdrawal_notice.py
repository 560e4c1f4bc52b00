"""Withdrawal notice (退会告知书, R-12.1): the formal letter mailed before a membership is cancelled.

Laid out like an official letter (GB/T 9704): the association's name in red over a red rule at the
head, the 文号 under it, the title, the member addressed flush left, the body in 仿宋 of one size
for every notice (三号, 16 pt: a batch never mixes sizes), the sender and the date at the foot with
the seal over the date; the contact details below a rule at the end (版记). A notice that does not
fit one page runs on to the next, each page numbered “— n —”.

What it says follows 第十二条 … 第十四条 word for word in substance: each ground found, with its
evidence (the program prints only grounds a confirmed case recorded); what the member is to do and
by when; that *refusing* to meet its obligations — not silence — makes the withdrawal, confirmed by
the council; that its positions, rights and obligations then end (第十四条); and how to appeal:
to the council, in writing with its reasons and evidence, within the appeal period, the general
assembly reviewing it where needed (第十三条).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import A4, SEAL_RED, Document, Flow, Skip, safe
from desktop_app.documents.inputs import DocumentContext, NoticeGround, WithdrawalNoticeInput
from desktop_app.documents.numerals import chinese_date, years_text

TITLE = "退会告知书"
BODY_SIZE = 16.0  # 三号, for every notice (GB/T 9704)
LEADING = BODY_SIZE * 1.5
FOOT_SIZE = 14.0  # 四号: the 版记 and the page number


def statements(item: WithdrawalNoticeInput) -> tuple[NoticeGround, ...]:
    """The grounds as the notice states them: those recorded with the case, else the short fields."""
    grounds = item.grounds
    if grounds.statements:
        return grounds.statements
    out = []
    if grounds.unpaid_years:
        out.append(
            NoticeGround(
                "（一）",
                "一年以上不缴纳会费",
                f"贵单位{years_text(grounds.unpaid_years)}会费至今未缴纳。",
                "补缴所欠会费",
            )
        )
    if grounds.no_activity_since:
        out.append(
            NoticeGround(
                "（二）",
                "一年以上不参加本会活动",
                f"自{chinese_date(grounds.no_activity_since)}以来，贵单位未参加本会组织的活动。",
                "参加本会组织的活动",
            )
        )
    if grounds.disqualification:
        out.append(
            NoticeGround(
                "（三）",
                "不再符合会员条件",
                f"{grounds.disqualification.rstrip('。')}。",
                "提交上述情形已不存在的证明材料",
            )
        )
    return tuple(out)


def paragraphs(item: WithdrawalNoticeInput, context: DocumentContext) -> list[tuple[str, int, int]]:
    """The body as (text, first-line indent, hanging indent) in characters."""
    office = context.association.office
    number = f"（会员编号：{item.member_number}）" if item.member_number else ""
    grounds = statements(item)
    body = [
        (
            f"根据{context.regulation_title}（{context.regulation_reference}）第十二条的规定，"
            f"经核查，贵单位{number}存在下列情形：",
            2,
            0,
        )
    ]
    body += [(f"{index}. {g.title}（第十二条第{g.item}项）：{g.statement}", 2, 2) for index, g in enumerate(grounds, 1)]
    remedies = "、".join(dict.fromkeys(g.remedy for g in grounds))
    body += [
        (
            f"请贵单位于{chinese_date(item.response_deadline)}前{remedies}，履行会员义务；"
            "如有异议，请于同一期限内书面说明并提供证明材料。",
            2,
            0,
        ),
        (
            "贵单位拒绝履行上述义务的，依照第十二条视为自动退会，经本会理事会确认后取消会员资格，"
            "贵单位在本会的职务、权利、义务自行终止（第十四条）。",
            2,
            0,
        ),
        (
            "贵单位对理事会确认取消会员资格的决定不服的，可自收到决定之日起"
            f"{item.appeal_days}日内，以书面形式向本会理事会申诉，写明理由并附证明材料，寄交本会{office}；"
            "理事会作出答复，必要时提交会员（会员代表）大会审议后答复（第十三条）。",
            2,
            0,
        ),
        ("特此告知。", 2, 0),
    ]
    return body


def footing(item: WithdrawalNoticeInput, context: DocumentContext) -> list[str]:
    """The 版记: whom to contact, and where."""
    association = context.association
    contact = safe(item.contact_name) or association.office
    phone = safe(item.contact_phone) or association.phone
    lines = [f"联系人：{contact}　　联系电话：{phone}"]
    if association.address:
        postcode = f"（邮政编码：{association.postcode}）" if association.postcode else ""
        lines.append(f"联系地址：{association.address}{postcode}")
    return lines


def build(
    out: Output, items: Sequence[WithdrawalNoticeInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    doc = Document("withdrawal-notice", out, context, A4, title=TITLE)
    doc.each(items, progress, lambda item: draw_notice(doc, item, context))
    return doc.finish()


SIGNATURE_HEIGHT = 8 * mm + 2 * LEADING  # the space above, the sender, the date
KEEP_WITH_SIGNATURE = 2  # the last paragraphs never leave the sender alone on a page


def _paragraph_height(doc: Document, text: str, indent: int, hanging: int, width: float) -> float:
    em = doc.text_width("\u3000", "fangsong", BODY_SIZE)
    first = doc.wrap(text, "fangsong", BODY_SIZE, width - indent * em)
    lines = 1
    if len(first) > 1:
        rest = text[len(first[0]) :].lstrip()
        lines += len(doc.wrap(rest, "fangsong", BODY_SIZE, width - hanging * em))
    return lines * LEADING


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
    bottom = 22 * mm
    body = paragraphs(item, context)
    foot = footing(item, context)
    foot_lines = [part for line in foot for part in doc.wrap(line, "fangsong", FOOT_SIZE, right - left - 2 * FOOT_SIZE)]
    foot_height = len(foot_lines) * FOOT_SIZE * 1.45 + 5 * mm
    doc.fonts.runs(item.member_name, "fangsong")  # a name no font has stops here, before drawing
    page = [1]

    def number_page() -> None:
        doc.text(w / 2, 11 * mm, f"— {page[0]} —", "song", FOOT_SIZE, "centre")

    # Letterhead: the association's name in red over a red double rule, the 文号 under it.
    doc.text(w / 2, h - 25 * mm, association.name, "hei", 26, "centre", SEAL_RED)
    doc.line(left - 4 * mm, h - 30 * mm, right + 4 * mm, h - 30 * mm, 1.6, color=SEAL_RED)
    doc.line(left - 4 * mm, h - 31.2 * mm, right + 4 * mm, h - 31.2 * mm, 0.5, color=SEAL_RED)
    if item.notice_number:
        doc.text(right, h - 38 * mm, item.notice_number, "fangsong", BODY_SIZE, "right")
    doc.text(w / 2, h - 50 * mm, TITLE, "hei", 22, "centre")

    def next_page() -> None:
        page[0] += 1

    flow = Flow(doc, left, right, h - 30 * mm, bottom, on_new_page=next_page)
    flow.y = h - 57 * mm
    plain_need = flow.need

    def need(height: float) -> None:  # number a page before leaving it
        if flow.y - height < flow.bottom_y:
            number_page()
        plain_need(height)

    flow.need = need  # type: ignore[method-assign]
    for line in doc.wrap(f"{item.member_name}：", "fangsong", BODY_SIZE, right - left):
        flow.line(line, "fangsong", BODY_SIZE, LEADING)
    width = right - left
    last = len(body) - KEEP_WITH_SIGNATURE
    for index, (text, indent, hanging) in enumerate(body):
        if index == last:  # what is left, the sender and the 版记 stay together
            rest = sum(_paragraph_height(doc, t, i, g, width) for t, i, g in body[index:])
            if flow.y - rest - SIGNATURE_HEIGHT - foot_height < bottom:
                flow.need(flow.y)  # to the next page
        flow.paragraph(text, "fangsong", BODY_SIZE, LEADING, indent=indent, hanging=hanging)

    # The sender and the date, right-aligned, the seal over the date (“骑年盖月”).
    flow.need(SIGNATURE_HEIGHT + foot_height)
    flow.space(8 * mm)
    date_text = chinese_date(item.notice_date)
    date_right = right - 2 * BODY_SIZE  # the date ends two characters from the right margin
    centre = date_right - doc.text_width(date_text, "fangsong", BODY_SIZE) / 2
    doc.text(centre, flow.y - BODY_SIZE, association.name, "fangsong", BODY_SIZE, "centre")
    flow.space(LEADING)
    doc.text(date_right, flow.y - BODY_SIZE, date_text, "fangsong", BODY_SIZE, "right")
    doc.seal(centre, flow.y - BODY_SIZE * 0.1, 40 * mm)

    # 版记: the contact details between two rules at the foot of the last page.
    top = bottom + foot_height - 1 * mm
    doc.line(left, top, right, top, 0.8)
    y = top - FOOT_SIZE * 1.3
    for part in foot_lines:
        doc.text(left + FOOT_SIZE, y, part, "fangsong", FOOT_SIZE)
        y -= FOOT_SIZE * 1.45
    doc.line(left, bottom, right, bottom, 0.8)
    if page[0] > 1:
        number_page()
    doc.end_page()
