"""Dues receipt (会费收据, R-8.5, R-9.4): one A4 page per receipt, cut in two along the dashed line.

The top half (第一联) goes to the member with the journal; the bottom half (第二联) stays with the
office as its stub. Both carry the number, the payer and its credit code (USCC), the dues year(s),
the amount in figures and in capital numerals (壹仟伍佰元整), the payment method, the payee with
its credit code and seal, three signature boxes (收款人, 开票人, 审核: the reviewer signs by hand),
and a line saying what the receipt is: the association's own acknowledgement, or the number and
date of the official voucher (社会团体会费统一票据, paper or electronic) issued for it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import A4, GREY, Document, Skip, safe
from desktop_app.documents.inputs import DocumentContext, DuesReceiptInput
from desktop_app.documents.numerals import amount_in_capitals, chinese_date, format_amount, to_amount, years_text
from desktop_app.errors import ValidationError

NUMBER_RED = Color(0.75, 0.1, 0.1)
COPIES = ("第一联　收据（交款单位收执）", "第二联　存根（协会留存）")
MEMBER_TEXT = "交款单位收执：本收据为会员单位缴纳会费的凭证，请妥善保管；如有疑问请与协会会籍管理部联系。"
STUB_TEXT = "存根联：由协会会籍管理部留存，据以登记会费账目、核对收款；收据作废时两联一并留存，不得撕毁。"


def title(context: DocumentContext) -> str:
    return f"{context.association.name}会费收据"


def build(
    out: Output, items: Sequence[DuesReceiptInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    doc = Document("dues-receipt", out, context, A4, title=title(context))
    doc.each(items, progress, lambda item: draw_receipt(doc, item, context))
    return doc.finish()


def check(item: DuesReceiptInput) -> None:
    if not safe(item.receipt_number):
        raise Skip("没有收据编号")
    if not safe(item.payer):
        raise Skip("交款单位为空")
    if not item.years:
        raise Skip("没有会费年度")
    try:
        to_amount(item.amount)
    except ValidationError as exc:  # negative, too large, more than two decimals
        raise Skip(exc.message) from None


def draw_receipt(doc: Document, item: DuesReceiptInput, context: DocumentContext) -> None:
    check(item)
    texts = (
        item.payer,
        item.received_by,
        item.note,
        item.payment_method,
        item.payer_uscc,
        item.payee_uscc,
        item.issued_by,
        item.reviewed_by,
        item.voucher,
        item.payee,
    )
    for text in texts:
        doc.fonts.runs(text or "")  # characters no font has stop here, before anything is drawn
    half = doc.height / 2
    for index, copy in enumerate(COPIES):
        draw_part(doc, item, context, half * (1 - index), half, copy, stub=index == 1)
    doc.line(8 * mm, half, doc.width - 8 * mm, half, 0.5, dash=(4, 3), color=GREY)
    doc.text(doc.width - 10 * mm, half + 1.5 * mm, "沿虚线剪开", "song", 7, "right", GREY)
    doc.end_page()


def draw_part(
    doc: Document,
    item: DuesReceiptInput,
    context: DocumentContext,
    bottom: float,
    height: float,
    copy: str,
    stub: bool,
) -> None:
    w = doc.width
    left, right = 15 * mm, w - 15 * mm
    width = right - left
    top_y = bottom + height
    doc.text(w / 2, top_y - 20 * mm, title(context), "hei", 18, "centre")
    doc.line(w / 2 - 45 * mm, top_y - 22.5 * mm, w / 2 + 45 * mm, top_y - 22.5 * mm, 0.6)
    doc.line(w / 2 - 45 * mm, top_y - 23.5 * mm, w / 2 + 45 * mm, top_y - 23.5 * mm, 0.6)
    y = top_y - 31 * mm
    doc.text(left, y, f"开票日期：{chinese_date(item.date)}", "song", 10.5)
    doc.text(right, y, f"No. {item.receipt_number}", "song", 12, "right", NUMBER_RED)
    doc.text(right, top_y - 10 * mm, copy, "song", 8, "right", GREY)

    amount = to_amount(item.amount)
    label_w = 30 * mm
    row_h = 10 * mm
    half = width / 2
    rows = [
        [("交款单位", item.payer, width - label_w)],
        [
            ("统一社会信用代码", safe(item.payer_uscc), half - label_w + 12 * mm),
            ("会员编号", safe(item.member_number), half - label_w - 12 * mm),
        ],
        [
            ("收费项目", f"{years_text(item.years)}会员会费", half - label_w + 12 * mm),
            ("交款方式", safe(item.payment_method), half - label_w - 12 * mm),
        ],
        [
            ("金额（大写）", f"人民币{amount_in_capitals(amount)}", width - label_w - 55 * mm),
            ("小写", format_amount(amount), 55 * mm - 18 * mm),
        ],
        [("备注", safe(item.note), width - label_w)],
    ]
    y -= 4 * mm
    for row in rows:
        x = left
        for label, value, value_w in row:
            lw = label_w if label != "小写" else 18 * mm
            doc.rect(x, y - row_h, lw, row_h, 0.6)
            doc.cell(x, y - row_h, lw, row_h, label, "hei", 10 if len(label) < 7 else 8.5, "centre", max_lines=2)
            doc.rect(x + lw, y - row_h, value_w, row_h, 0.6)
            bold = label in ("金额（大写）", "小写")
            doc.cell(
                x + lw, y - row_h, value_w, row_h, value, "hei" if bold else "song", 11 if bold else 10.5, max_lines=2
            )
            x += lw + value_w
        y -= row_h

    # The payee with its seal on the left, the three signatures on the right.
    payee = safe(item.payee) or context.association.name
    payee_y = top_y - 97 * mm
    caption = "收款单位（盖章）："
    doc.text(left, payee_y, caption + payee, "song", 10.5)
    doc.text(left, payee_y - 7 * mm, f"统一社会信用代码：{safe(item.payee_uscc) or '　' * 9}", "song", 9)
    if not stub:  # the stub stays with the office unsealed
        payee_w = doc.text_width(payee, "song", 10.5)
        doc.seal(left + doc.text_width(caption, "song", 10.5) + payee_w / 2, payee_y + 1 * mm, 28 * mm)
    box_w, box_h = 27 * mm, 16 * mm
    box_x = right - 3 * box_w
    box_top = top_y - 89 * mm
    for index, (label, name) in enumerate(
        (("收款人", item.received_by), ("开票人", item.issued_by), ("审核", item.reviewed_by))
    ):
        x = box_x + index * box_w
        doc.rect(x, box_top - box_h, box_w, box_h, 0.6)
        doc.text(x + 2 * mm, box_top - 4 * mm, label, "hei", 8, color=GREY)
        doc.cell(x, box_top - box_h, box_w, box_h - 5 * mm, safe(name), "kai", 11, "centre", max_lines=1)

    voucher = safe(item.voucher) or "本收据为协会收款确认，不作报销凭证。"
    size, lines, _complete = doc.fit(voucher, "song", width, 2, 9, 7.5)
    doc.lines(left, top_y - 117 * mm, lines, "song", size, size * 1.4)
    holder = STUB_TEXT if stub else MEMBER_TEXT
    doc.text(left, bottom + 7 * mm, holder, "song", 8, color=GREY)
