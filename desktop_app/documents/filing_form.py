"""Filing form (入会备案表, R-5.1, R-5.2, R-6.1, R-10.1): the member's contacts on file and the
documents it submitted; pre-filled from the register or an application, or blank."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm

from desktop_app.documents import BuildReport, Output, Progress
from desktop_app.documents.base import A4, GREY, Document, safe
from desktop_app.documents.forms import BLANK_DATE, BLANK_NUMBER, VALUE_SIZE, Field, form_page, signature
from desktop_app.documents.inputs import (
    CONTACT_ROLE_LABELS,
    SUBMITTED_DOCUMENTS,
    ContactInput,
    DocumentContext,
    FilingFormInput,
)
from desktop_app.documents.numerals import chinese_date

CONTACT_COLUMNS = (
    ("人员", "role", 24),
    ("姓名", "name", 20),
    ("职务", "position", 24),
    ("手机", "mobile", 26),
    ("座机", "landline", 26),
    ("微信", "wechat", 22),
    ("电子邮箱", "email", 32),
)
ROW = 11 * mm


def title(context: DocumentContext) -> str:
    return f"{context.association.name}入会备案表"


def build(
    out: Output, items: Sequence[FilingFormInput], context: DocumentContext, progress: Progress | None = None
) -> BuildReport:
    doc = Document("filing-form", out, context, A4, title=title(context))
    doc.each(items or [FilingFormInput()], progress, lambda item: draw_form(doc, item, context))
    return doc.finish()


def _contacts(item: FilingFormInput) -> list[ContactInput]:
    """The three people of R-6.1 in order, whatever the input holds (blank rows for the missing)."""
    by_role = {c.role: c for c in item.contacts}
    rows = [by_role.pop(role, ContactInput(role)) for role in CONTACT_ROLE_LABELS]
    return rows + list(by_role.values())


def draw_form(doc: Document, item: FilingFormInput, context: DocumentContext) -> None:
    grid = form_page(
        doc,
        title(context),
        f"备案日期：{chinese_date(item.filing_date) or BLANK_DATE}",
        f"会员编号：{safe(item.member_number) or BLANK_NUMBER}",
    )
    left, width = grid.left, grid.width
    grid.span("单位名称", item.name, ROW)
    grid.pair(("统一社会信用代码", item.uscc), ("班主任", item.mentor_name), ROW)
    grid.span("单位类别", grid.choices(context.categories, item.category), ROW)
    grid.row(
        [
            Field("通讯地址", item.address, width - 30 * mm - 22 * mm - 26 * mm),
            Field("邮政编码", item.postcode, 26 * mm, 22 * mm),
        ],
        ROW,
    )
    grid.span("主营业务", item.main_business, ROW)
    grid.span("资质等级", item.qualification, ROW)
    doc.text(
        left,
        grid.y - 7 * mm,
        "会员联络人员（第六条：法定代表人或主要负责人行使会员权利，联络员负责日常联系）",
        "hei",
        10,
    )
    grid.y -= 10 * mm
    grid.contacts(_contacts(item), [(t, a, wd * mm * width / (174 * mm)) for t, a, wd in CONTACT_COLUMNS], 11 * mm)
    grid.y -= 6 * mm
    grid.span("班级微信群", "主要负责人　□ 已邀请　□ 已入群　　　联络员　□ 已邀请　□ 已入群", ROW)
    submitted = set(item.documents_submitted)

    def documents(x: float, y: float, bw: float, bh: float) -> None:
        box = VALUE_SIZE * 0.85
        half = bw / 2
        for index, name in enumerate(SUBMITTED_DOCUMENTS):
            cx = x + 3 * mm + (index % 2) * half
            cy = y + bh - 8 * mm - (index // 2) * 8 * mm
            doc.checkbox(cx, cy - 1, box, name in submitted)
            doc.text(cx + box + 2 * mm, cy, name, "song", VALUE_SIZE)

    grid.block("提交资料", 22 * mm, documents)
    grid.block(
        "填表单位",
        30 * mm,
        lambda x, y, bw, bh: signature(
            doc,
            x,
            y,
            bw,
            bh,
            ["填表人（签字）：　　　　　　　　　　　　　　　　（单位盖章）"],
            "以上信息真实准确。信息发生变更时，由本单位联络员及时报送协会；未及时报送的，责任由本单位承担（第十条第（一）项）。",
        ),
    )
    grid.block(
        f"{context.association.office}",
        30 * mm,
        lambda x, y, bw, bh: signature(doc, x, y, bw, bh, ["经办人（签字）：", "已录入会员名册：□ 是"]),
    )
    note = "本表一式两份，会员单位和协会各存一份。联系资料变更时由班主任填写《会员单位联系资料交接通知单》交会籍管理部（第八条第（四）项）。"
    doc.lines(left, grid.y - 5 * mm, doc.wrap(note, "song", 8.5, width), "song", 8.5, 12, color=GREY)
    doc.end_page()
