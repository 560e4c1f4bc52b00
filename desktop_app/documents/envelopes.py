"""DL and C5 envelopes (R-9.4), laid out the Chinese way (GB/T 1416-2003).

Top left, six postcode boxes with the recipient's postcode; top right, the stamp box; in the
middle the recipient's address, organisation and person; bottom right the sender (the
association, its address and postcode). One envelope per page, the page the envelope's size.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import GREY, Document, safe
from desktop_app.documents.inputs import AddressInput, DocumentContext
from desktop_app.documents.mail import check_address, recipient_line
from desktop_app.errors import ValidationError

ENVELOPE_SIZES = {"DL": (220.0, 110.0), "C5": (229.0, 162.0)}  # millimetres, GB/T 1416-2003
POSTCODE_RED = Color(0.85, 0.25, 0.15)
# The postcode boxes: 8 × 10 mm, 2 mm apart, the first 20 mm from the left and 10 mm from the top.
BOX_W, BOX_H, BOX_GAP, BOX_LEFT, BOX_TOP = 8.0, 10.0, 2.0, 20.0, 10.0


def page_size(context: DocumentContext) -> tuple[float, float]:
    try:
        w, h = ENVELOPE_SIZES[context.envelope_size]
    except KeyError:
        raise ValidationError({"envelope_size": f"信封规格：“{context.envelope_size}”未知，可选 DL、C5"}) from None
    return w * mm, h * mm


def build(
    out: Output, items: Sequence[AddressInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    doc = Document("envelopes", out, context, page_size(context), title=f"信封（{context.envelope_size}）")
    doc.each(items, progress, lambda item: draw_envelope(doc, item, context))
    return doc.finish()


def postcode_boxes(doc: Document, postcode: str) -> None:
    """The six red boxes as one path and the digits as one text object: an envelope run draws
    thousands of them, and ReportLab's cost is per call."""
    h = doc.height
    canvas = doc.canvas
    canvas.setStrokeColor(POSTCODE_RED)
    canvas.setLineWidth(1.0)
    path = canvas.beginPath()
    y = h - (BOX_TOP + BOX_H) * mm
    for index in range(6):
        path.rect((BOX_LEFT + index * (BOX_W + BOX_GAP)) * mm, y, BOX_W * mm, BOX_H * mm)
    canvas.drawPath(path, stroke=1, fill=0)
    doc.mark()
    if postcode:
        doc.fonts.runs(postcode, "hei")  # digits: every font has them, but never assume
        name = doc.fonts.name("hei")
        text = canvas.beginText()
        text.setFont(name, 16)
        for index, digit in enumerate(postcode[:6]):
            x = (BOX_LEFT + index * (BOX_W + BOX_GAP) + BOX_W / 2) * mm - pdfmetrics.stringWidth(digit, name, 16) / 2
            text.setTextOrigin(x, y + 2.6 * mm)
            text.textOut(digit)
        canvas.setFillColor(black)
        doc.invalidate_fill()
        canvas.drawText(text)


def draw_envelope(doc: Document, item: AddressInput, context: DocumentContext) -> None:
    check_address(doc, item)
    w, h = doc.width, doc.height
    postcode = safe(item.postcode)
    postcode_boxes(doc, postcode if len(postcode) == 6 and postcode.isdigit() else "")
    # The stamp box, top right.
    doc.rect(w - 32 * mm, h - 38 * mm, 22 * mm, 28 * mm, 0.6, dash=(2, 2), color=GREY)
    doc.text(w - 21 * mm, h - 25 * mm, "贴邮票处", "song", 8, "centre", GREY)

    left, right = 20 * mm, w - 40 * mm
    tall = h > 130 * mm  # C5 has room to spread out
    y = h - (34 if not tall else 48) * mm
    address_size, lines, _ = doc.fit(safe(item.address), "song", right - left, 2, 13, 9)
    y = doc.lines(left, y, lines, "song", address_size, address_size * 1.45)
    y -= (4 if not tall else 10) * mm
    name_width = w - 2 * left
    name_size, lines, complete = doc.fit(item.name, "hei", name_width, 2, 17, 11)
    y = doc.lines(w / 2, y - name_size * 0.3, lines, "hei", name_size, name_size * 1.35, "centre")
    person = recipient_line(item)
    doc.text(w - left - 20 * mm, y - 2 * mm, person, "song", 13, "right")
    if not complete:
        doc.warn("收件单位名称过长，信封上已截断")

    # The sender, bottom right: the association, its address, 邮政编码.
    association = context.association
    sender_right = w - 15 * mm
    base = 10 * mm
    doc.text(sender_right, base, f"邮政编码：{association.postcode}", "song", 9, "right")
    doc.text(sender_right, base + 5 * mm, association.address, "song", 9, "right")
    doc.text(sender_right, base + 10.5 * mm, f"{association.name}{association.office}", "song", 10.5, "right")
    doc.end_page()
